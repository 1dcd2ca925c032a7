import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { cp, mkdir, readFile, stat } from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The first entity of a catalog file other than a Location, as an entity ref. */
async function firstEntityRef(
  catalogFile: string,
): Promise<string | undefined> {
  const documents = parseAllDocuments(await readFile(catalogFile, 'utf8'));
  for (const document of documents) {
    const entity = document.toJS() as {
      kind?: string;
      metadata?: { name?: string; namespace?: string };
    } | null;
    if (entity?.kind && entity.kind !== 'Location' && entity.metadata?.name) {
      return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
        entity.metadata.name
      }`.toLocaleLowerCase('en-US');
    }
  }
  return undefined;
}

/**
 * Example-only stand-in for `publish:github` and friends: the example instance has no Git host, so the result is
 * copied to a local folder and registered in the catalog as a `file` location. Never install this in production.
 */
export function createLocalPublishAction(options: {
  publishDirectory: string;
  catalog: CatalogService;
}) {
  const { publishDirectory, catalog } = options;
  return createTemplateAction({
    id: 'platform-product:publish:local',
    description:
      'Example only: copies the workspace to a local folder (instead of a Git host) and registers its catalog-info.yaml as a file location.',
    examples: [
      {
        description: 'Publish the workspace as parcel-label-printer',
        example: [
          '- id: publish',
          '  action: platform-product:publish:local',
          '  input:',
          '    repoName: parcel-label-printer',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z
            .string()
            .regex(REPO_NAME, 'lowercase words separated by dashes')
            .describe('Name of the folder the result is published to'),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Sub-folder of the workspace to publish; the whole workspace by default',
            ),
        catalogInfoPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Path of the catalog file inside the published folder; catalog-info.yaml by default',
            ),
      },
      output: {
        remoteUrl: z =>
          z.string().describe('file:// URL of the published folder'),
        catalogInfoUrl: z =>
          z.string().describe('file:// URL of the published catalog file'),
        entityRef: z =>
          z
            .string()
            .optional()
            .describe('The registered entity (not set in a dry run)'),
      },
    },
    async handler(ctx) {
      const { repoName, sourcePath, catalogInfoPath } = ctx.input;
      const source = sourcePath
        ? resolveSafeChildPath(ctx.workspacePath, sourcePath)
        : ctx.workspacePath;
      const target = resolve(publishDirectory, repoName);
      const catalogFile = resolveSafeChildPath(
        target,
        catalogInfoPath ?? 'catalog-info.yaml',
      );
      ctx.output('remoteUrl', pathToFileURL(target).href);
      ctx.output('catalogInfoUrl', pathToFileURL(catalogFile).href);
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would publish to ${target}`);
        return;
      }

      // A retried task finds its own earlier copy through the checkpoint; anything else there is a name clash.
      await ctx.checkpoint({
        key: `publish-local-${repoName}`,
        fn: async () => {
          if (await stat(target).catch(() => undefined)) {
            throw new ConflictError(
              `${repoName} is already published in ${publishDirectory}; choose another name`,
            );
          }
          await mkdir(publishDirectory, { recursive: true });
          await cp(source, target, { recursive: true });
        },
      });
      if (!(await stat(catalogFile).catch(() => undefined))) {
        throw new InputError(
          `the published folder has no ${
            catalogInfoPath ?? 'catalog-info.yaml'
          }; add a catalog:write step before publishing`,
        );
      }
      ctx.logger.info(`Published to ${target}`);

      const entityRef = await ctx.checkpoint({
        key: `register-local-${repoName}`,
        fn: async () => {
          const result = await catalog.addLocation(
            { type: 'file', target: catalogFile },
            { credentials: await ctx.getInitiatorCredentials() },
          );
          // The catalog processes a new location later, so the response usually lists no entities yet; the
          // published file says which entity it will be.
          const entity = result.entities.find(e => e.kind !== 'Location');
          return entity
            ? `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
                entity.metadata.name
              }`.toLocaleLowerCase('en-US')
            : (await firstEntityRef(catalogFile)) ?? '';
        },
      });
      if (entityRef) ctx.output('entityRef', entityRef);
    },
  });
}
