import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ANNOTATIONS, isIsoDate, VALUE_CLASSES } from './annotations';
import { editCatalogFile } from './catalogYaml';
import {
  readWorkspaceFile,
  resolveWorkspaceFile,
  writeWorkspaceFile,
} from './workspaceFiles';

const DEFAULT_PATH = 'catalog-info.yaml';

function templateRefs(templates: string[]): string {
  return templates
    .map(t => t.trim())
    .filter(Boolean)
    .map(t => {
      try {
        return stringifyEntityRef(
          parseEntityRef(t, {
            defaultKind: 'template',
            defaultNamespace: 'default',
          }),
        );
      } catch {
        throw new InputError(
          `"${t}" is not a template ref; write it as template:default/name or just the template's name`,
        );
      }
    })
    .join(',');
}

/**
 * `mvp:annotate`: marks an entity of the workspace's catalog file as an MVP capability with the
 * `platform-product.io/*` annotations and `spec.lifecycle: experimental`. Runs in a dry run too: the dry-run
 * workspace is thrown away, and this is how the template editor previews the annotated file.
 *
 * @public
 */
export function createMvpAnnotateAction() {
  return createTemplateAction({
    id: 'mvp:annotate',
    description:
      "Marks an entity of the workspace's catalog-info.yaml as an MVP platform capability: sets the platform-product.io annotations (capability, need, value-class, mvp-review-date, success-metric, templates) and spec.lifecycle: experimental, keeping comments, order and every other field. Multi-document files: edits the entity given by entityRef or kind and name, else the first Component or System. Also runs in a dry run (the dry-run workspace is throwaway), so template previews show the result.",
    examples: [
      {
        description: 'Annotate the capability with the scope from mvp:scope',
        example: [
          'steps:',
          '  - id: annotate',
          '    name: Mark the capability as an MVP',
          '    action: mvp:annotate',
          '    input:',
          "      need: ${{ steps['scope'].output.need.id }}",
          '      valueClass: ${{ parameters.valueClass }}',
          "      reviewDate: ${{ steps['scope'].output.reviewDate }}",
          '      successMetric: ${{ parameters.successMetric }}',
        ].join('\n'),
      },
      {
        description:
          'Annotate a chosen entity of another file and name its golden-path template',
        example: [
          'steps:',
          '  - id: annotate',
          '    action: mvp:annotate',
          '    input:',
          '      path: catalog/entities.yaml',
          '      entityRef: system:default/preview-environments',
          '      need: need-test-environments',
          '      valueClass: differentiating',
          "      reviewDate: '2026-09-30'",
          '      successMetric: Pull requests with a preview environment',
          '      templates: [template:default/preview-environment]',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .optional()
            .describe(
              `Catalog file inside the workspace; ${DEFAULT_PATH} by default. Paths outside the workspace and symbolic links are refused`,
            ),
        entityRef: z =>
          z
            .string()
            .optional()
            .describe(
              'The entity to annotate, e.g. system:default/preview-environments',
            ),
        kind: z =>
          z
            .string()
            .optional()
            .describe('Without entityRef: kind of the entity to annotate'),
        name: z =>
          z
            .string()
            .optional()
            .describe('Without entityRef: name of the entity to annotate'),
        need: z =>
          z
            .string()
            .describe(`Need id from needs-discovery (${ANNOTATIONS.need})`),
        valueClass: z =>
          z
            .enum(VALUE_CLASSES)
            .describe(
              `differentiating, or commodity (a candidate to buy or outsource) (${ANNOTATIONS.valueClass})`,
            ),
        reviewDate: z =>
          z
            .string()
            .describe(
              `Keep-or-kill review date, YYYY-MM-DD (${ANNOTATIONS.mvpReviewDate})`,
            ),
        successMetric: z =>
          z
            .string()
            .describe(
              `The one metric the MVP must move (${ANNOTATIONS.successMetric})`,
            ),
        templates: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              `Golden-path template refs of the capability (${ANNOTATIONS.templates}, comma-separated)`,
            ),
      },
      output: {
        entityRef: z => z.string().describe('The annotated entity'),
        path: z =>
          z.string().describe('The edited file, relative to the workspace'),
        changed: z =>
          z.boolean().describe('false when every value was already there'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const need = input.need.trim();
      const successMetric = input.successMetric.trim();
      if (!need) throw new InputError('need is empty; give the need id');
      if (!successMetric) {
        throw new InputError(
          'successMetric is empty; name the one metric the MVP must move',
        );
      }
      if (!isIsoDate(input.reviewDate)) {
        throw new InputError(
          `reviewDate must be a date written YYYY-MM-DD, e.g. 2026-09-30; got "${input.reviewDate}"`,
        );
      }
      const annotations: Record<string, string> = {
        [ANNOTATIONS.capability]: 'true',
        [ANNOTATIONS.need]: need,
        [ANNOTATIONS.valueClass]: input.valueClass,
        [ANNOTATIONS.mvpReviewDate]: input.reviewDate,
        [ANNOTATIONS.successMetric]: successMetric,
      };
      const templates = templateRefs(input.templates ?? []);
      if (templates) annotations[ANNOTATIONS.templates] = templates;

      const path = input.path ?? DEFAULT_PATH;
      const file = await resolveWorkspaceFile(ctx.workspacePath, path);
      if (!file.exists) {
        throw new InputError(
          `${file.relativePath} is not in the workspace; fetch a skeleton with a catalog file (fetch:template) or write one (catalog:write) before mvp:annotate`,
        );
      }
      const result = editCatalogFile(
        await readWorkspaceFile(file),
        file.relativePath,
        { entityRef: input.entityRef, kind: input.kind, name: input.name },
        {
          annotations,
          fields: [[['spec', 'lifecycle'], 'experimental']],
          // Keep "true" and the date strings for every YAML reader, including YAML 1.1 ones.
          quoted: value => value === 'true' || value === input.reviewDate,
        },
      );
      if (result.changed) {
        await writeWorkspaceFile(ctx.workspacePath, file, result.text);
        ctx.logger.info(
          `Marked ${result.entityRef} in ${file.relativePath} as an MVP capability for need "${need}", review on ${input.reviewDate}`,
        );
      } else {
        ctx.logger.info(
          `${result.entityRef} in ${file.relativePath} already carries these MVP annotations; left unchanged`,
        );
      }
      ctx.output('entityRef', result.entityRef);
      ctx.output('path', file.relativePath);
      ctx.output('changed', result.changed);
    },
  });
}
