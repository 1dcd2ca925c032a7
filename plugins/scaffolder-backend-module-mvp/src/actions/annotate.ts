import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  MAX_ENTITY_REF_LENGTH,
  parseRefOfKind,
} from '@platform-product/common';
import { DEFAULT_MVP_SETTINGS, MvpSettings } from '../config';
import { ANNOTATIONS, VALUE_CLASSES } from './annotations';
import { editCatalogFile } from './catalogYaml';
import {
  CAPABILITY_KINDS,
  CAPABILITY_REF,
  DATE_PATTERN,
  entityNameProblem,
  INPUT_LIMITS,
  NEED_ID_PATTERN,
  optionalRef,
  positionList,
  quoteList,
  quoteValue,
  redactingLogger,
  requireLine,
  requireNeedId,
  requireReviewDate,
  TEMPLATE_REF,
  withSecretsRedacted,
} from './inputRules';
import {
  readWorkspaceFile,
  resolveWorkspaceFile,
  writeWorkspaceFile,
} from './workspaceFiles';

const DEFAULT_PATH = 'catalog-info.yaml';

/**
 * The value of `platform-product.io/templates`, a comma-separated list of template refs: each item must be one
 * template ref (`template:default/name` or just the name; a comma, which would smuggle a second entry into the
 * list, is not part of any ref), listed once, at most `INPUT_LIMITS.maxTemplates` of them.
 */
export function templatesAnnotation(templates: unknown): string {
  if (!Array.isArray(templates)) {
    throw new InputError('templates must be a list of template refs');
  }
  if (templates.length > INPUT_LIMITS.maxTemplates) {
    throw new InputError(
      `templates has ${templates.length} items; at most ${INPUT_LIMITS.maxTemplates} are allowed`,
    );
  }
  const refs: string[] = [];
  const problems: string[] = [];
  templates.forEach((template, index) => {
    const result =
      typeof template === 'string'
        ? parseRefOfKind(template, TEMPLATE_REF)
        : { problem: 'must be a template ref (a string)' };
    if (result.problem !== undefined) {
      if (problems.length < 3) {
        problems.push(`templates item ${index + 1} ${result.problem}`);
      }
      return;
    }
    refs.push(result.ref);
  });
  if (problems.length) throw new InputError(problems.join('; '));
  const repeated = refs.flatMap((ref, i) =>
    refs.indexOf(ref) < i ? [i + 1] : [],
  );
  if (repeated.length) {
    throw new InputError(
      `templates lists the same template more than once (item${
        repeated.length === 1 ? '' : 's'
      } ${positionList(repeated)}: ${quoteList(
        repeated.map(i => refs[i - 1]),
      )}); list each golden path once`,
    );
  }
  return refs.join(',');
}

/** The `kind` input: Component or System, the kinds a capability has. */
function requireCapabilityKind(value: string): string {
  const kind = CAPABILITY_KINDS.find(
    k =>
      k.toLocaleLowerCase('en-US') === value.trim().toLocaleLowerCase('en-US'),
  );
  if (!kind) {
    throw new InputError(
      `kind must be Component or System, the kinds of a platform capability; got ${quoteValue(
        value,
      )}`,
    );
  }
  return kind;
}

/**
 * `mvp:annotate`: marks an entity of the workspace's catalog file as an MVP capability with the
 * `platform-product.io/*` annotations and `spec.lifecycle: experimental`. Runs in a dry run too: the dry-run
 * workspace is thrown away, and this is how the template editor previews the annotated file.
 *
 * @public
 */
export function createMvpAnnotateAction(
  options: {
    /** The `mvp` settings; the review date may be at most `maxTimeboxWeeks` weeks away. Default: the defaults. */
    settings?: MvpSettings;
    /** The clock; tests fix it. */
    now?: () => Date;
  } = {},
) {
  const settings = options.settings ?? DEFAULT_MVP_SETTINGS;
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: 'mvp:annotate',
    description:
      "Marks an entity of the workspace's catalog-info.yaml as an MVP platform capability: sets the platform-product.io annotations (capability, need, value-class, mvp-review-date, success-metric, templates) and spec.lifecycle: experimental, keeping comments, order and every other field. Multi-document files: edits the entity given by entityRef or kind and name, else the first Component or System. Also runs in a dry run (the dry-run workspace is throwaway), so template previews show the result. Refuses blank or control-character text, a need id that is not one, a review date that is not after today (UTC) or more than mvp.maxTimeboxWeeks weeks away, an entity that is not a Component or System, a template ref that is not one template, and paths outside the workspace.",
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
            .min(1)
            .max(INPUT_LIMITS.pathMaxLength)
            .optional()
            .describe(
              `Catalog file inside the workspace; ${DEFAULT_PATH} by default. Paths outside the workspace, with a NUL or other control character, and symbolic links are refused`,
            ),
        entityRef: z =>
          z
            .string()
            .min(1)
            .max(MAX_ENTITY_REF_LENGTH)
            .optional()
            .describe(
              'The entity to annotate, a System or Component, e.g. system:default/preview-environments',
            ),
        kind: z =>
          z
            .string()
            // Kinds compare case-insensitively; the JSON schema drops regex flags, so the pattern spells both cases.
            .regex(
              /^([cC][oO][mM][pP][oO][nN][eE][nN][tT]|[sS][yY][sS][tT][eE][mM])$/,
            )
            .optional()
            .describe(
              'Without entityRef: kind of the entity to annotate, Component or System',
            ),
        name: z =>
          z
            .string()
            .min(1)
            .max(63)
            .optional()
            .describe('Without entityRef: name of the entity to annotate'),
        need: z =>
          z
            .string()
            .max(INPUT_LIMITS.needIdMaxLength)
            .regex(NEED_ID_PATTERN)
            .describe(
              `Need id from needs-discovery, kebab-case (${ANNOTATIONS.need})`,
            ),
        valueClass: z =>
          z
            .enum(VALUE_CLASSES)
            .describe(
              `differentiating, or commodity (a candidate to buy or outsource) (${ANNOTATIONS.valueClass})`,
            ),
        reviewDate: z =>
          z
            .string()
            .regex(DATE_PATTERN)
            .describe(
              `Keep-or-kill review date, YYYY-MM-DD, after today (UTC) and at most mvp.maxTimeboxWeeks weeks away (${ANNOTATIONS.mvpReviewDate})`,
            ),
        successMetric: z =>
          z
            .string()
            .min(1)
            .max(INPUT_LIMITS.successMetricMaxLength)
            .describe(
              `The one metric the MVP must move, one line (${ANNOTATIONS.successMetric})`,
            ),
        templates: z =>
          z
            .array(z.string().max(MAX_ENTITY_REF_LENGTH))
            .max(INPUT_LIMITS.maxTemplates)
            .optional()
            .describe(
              `Golden-path template refs of the capability, each listed once (${ANNOTATIONS.templates}, comma-separated)`,
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
      const log = redactingLogger(ctx.logger, ctx.secrets);
      await withSecretsRedacted(ctx.secrets, async () => {
        const { input } = ctx;
        // Every input is checked before the file is touched.
        const need = requireNeedId(input.need, 'need');
        const successMetric = requireLine(
          input.successMetric,
          'successMetric',
          INPUT_LIMITS.successMetricMaxLength,
        );
        const reviewDate = requireReviewDate(
          input.reviewDate,
          'reviewDate',
          now(),
          settings.maxTimeboxWeeks,
        );
        if (!(VALUE_CLASSES as readonly unknown[]).includes(input.valueClass)) {
          throw new InputError(
            `valueClass must be differentiating or commodity; got ${quoteValue(
              String(input.valueClass),
            )}`,
          );
        }
        const entityRef = optionalRef(
          input.entityRef,
          'entityRef',
          CAPABILITY_REF,
        );
        const kind =
          input.kind === undefined
            ? undefined
            : requireCapabilityKind(input.kind);
        if (input.name !== undefined) {
          const problem = entityNameProblem(input.name);
          if (problem) throw new InputError(`name ${problem}`);
        }
        const name = input.name?.trim();
        const annotations: Record<string, string> = {
          [ANNOTATIONS.capability]: 'true',
          [ANNOTATIONS.need]: need,
          [ANNOTATIONS.valueClass]: input.valueClass,
          [ANNOTATIONS.mvpReviewDate]: reviewDate,
          [ANNOTATIONS.successMetric]: successMetric,
        };
        if (input.templates !== undefined) {
          const templates = templatesAnnotation(input.templates);
          if (templates) annotations[ANNOTATIONS.templates] = templates;
        }

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
          { entityRef, kind, name, kinds: CAPABILITY_KINDS },
          {
            annotations,
            fields: [[['spec', 'lifecycle'], 'experimental']],
            // Keep "true" and the date strings for every YAML reader, including YAML 1.1 ones.
            quoted: value => value === 'true' || value === reviewDate,
          },
        );
        if (result.changed) {
          await writeWorkspaceFile(ctx.workspacePath, file, result.text);
          log.info(
            `Marked ${result.entityRef} in ${file.relativePath} as an MVP capability for need "${need}", review on ${reviewDate}`,
          );
        } else {
          log.info(
            `${result.entityRef} in ${file.relativePath} already carries these MVP annotations; left unchanged`,
          );
        }
        ctx.output('entityRef', result.entityRef);
        ctx.output('path', file.relativePath);
        ctx.output('changed', result.changed);
      });
    },
  });
}
