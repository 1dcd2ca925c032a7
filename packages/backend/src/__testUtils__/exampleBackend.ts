import {
  coreServices,
  createServiceFactory,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

// Helpers of the example backend's tests, which run the suite's plugins together on the example data.

/** The repository's examples/ folder: catalog entities, templates and surveys. */
export const EXAMPLES = resolve(__dirname, '../../../../examples');

/**
 * The example catalog (examples/org.yaml, capabilities.yaml and components.yaml) as the catalog serves it: every
 * entity in a namespace. With `memberOfRelations`, each user also carries the memberOf relations that the catalog's
 * processing would add.
 */
export function exampleEntities(
  options: { memberOfRelations?: boolean } = {},
): Entity[] {
  return ['org.yaml', 'capabilities.yaml', 'components.yaml'].flatMap(file =>
    parseAllDocuments(readFileSync(resolve(EXAMPLES, file), 'utf8'))
      .map(document => document.toJS() as Entity | null)
      .filter((entity): entity is Entity => Boolean(entity?.kind))
      .map(entity => ({
        ...entity,
        metadata: { namespace: 'default', ...entity.metadata },
        ...(options.memberOfRelations
          ? {
              relations: (
                (entity.spec?.memberOf as string[] | undefined) ?? []
              ).map(group => ({
                type: 'memberOf',
                targetRef: `group:default/${group}`,
              })),
            }
          : {}),
      })),
  );
}

export type Knex = Awaited<ReturnType<TestDatabases['init']>>;

/** A database of the engine for each plugin, as in the example backend (where each plugin has its own). */
export async function pluginDatabases<P extends string>(
  databases: TestDatabases,
  databaseId: Parameters<TestDatabases['init']>[0],
  pluginIds: readonly P[],
): Promise<Record<P, Knex>> {
  const knexes = {} as Record<P, Knex>;
  for (const pluginId of pluginIds) {
    knexes[pluginId] = await databases.init(databaseId);
  }
  return knexes;
}

/**
 * The database service giving each plugin its database from `knexes`; a plugin without one gets `otherPlugins()`,
 * or fails to start when that is not given.
 */
export function databasePerPlugin(
  knexes: Record<string, Knex>,
  otherPlugins?: () => Promise<Knex>,
) {
  return createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    factory: ({ plugin }) => {
      const knex = knexes[plugin.getId()];
      if (knex) return { getClient: async () => knex };
      if (!otherPlugins) throw new Error(`No database for ${plugin.getId()}`);
      return { getClient: otherPlugins };
    },
  });
}

/** A scheduler that keeps each scheduled task in `tasks` instead of running it: the test runs them. */
export function capturingScheduler(
  tasks: Map<string, SchedulerServiceTaskInvocationDefinition>,
) {
  return mockServices.scheduler.mock({
    scheduleTask: async task => {
      tasks.set(task.id, task);
    },
  }).factory;
}
