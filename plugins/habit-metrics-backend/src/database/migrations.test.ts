import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { tableContents } from '@platform-product/common/testUtils';
import { DatabaseHabitStore } from './DatabaseHabitStore';

// Migrations down and up again with rows in every table, on every database (README, "Resilience").
//
// - Down to the first migration and up again keeps every row: the later migration only adds an index.
// - Down to zero drops the tables with their rows, by design: the first migration's down is the uninstall step.
//   Up again gives an empty, working store.

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@platform-product/plugin-habit-metrics-backend',
  'migrations',
);

const TABLES = ['hm_events', 'hm_components', 'hm_ingestion_state'];
const ACTIVITY_INDEX = 'hm_events_capability_activity_idx';

type Knex = Awaited<ReturnType<TestDatabases['init']>>;

/** Every row of every table that exists, in a stable order. */
const contents = (knex: Knex) => tableContents(knex, TABLES);

async function indexes(knex: Knex, table: string): Promise<string[]> {
  const rows: { name: string }[] = String(knex.client.config.client).includes(
    'sqlite',
  )
    ? await knex('sqlite_master')
        .where({ type: 'index', tbl_name: table })
        .select('name')
    : await knex('pg_indexes')
        .where({ tablename: table })
        .select('indexname as name');
  return rows.map(r => r.name).sort();
}

describe('habit-metrics migrations', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'go down and up again with rows in every table (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseHabitStore.create({
        database: mockServices.database({ knex }),
      });
      const [applied] = await knex.migrate.list({ directory });
      expect(applied).toHaveLength(3);

      const at = new Date('2026-11-30T10:00:00Z');
      await store.recordEvents(
        [
          {
            source: 'scaffolder',
            kind: 'template-run',
            way: 'new',
            capabilityRef: 'system:default/service-golden-path',
            templateRef: 'template:default/node-service',
            teamRefs: ['group:default/checkout', 'group:default/billing'],
            at,
            idempotencyKey: 'task-1',
          },
          {
            source: 'analytics',
            kind: 'capability-view',
            way: 'old',
            capabilityRef: null,
            templateRef: null,
            teamRefs: ['group:default/mobile'],
            at,
            idempotencyKey: null,
          },
        ],
        at,
      );
      await store.addComponents([
        {
          entityRef: 'component:default/checkout-api',
          ownerRef: 'group:default/checkout',
          sourceTemplate: 'template:default/node-service',
          firstSeenAt: at,
          baseline: false,
        },
      ]);
      await store.setIngestionState('scaffolder', { after: 'task-1' }, at);
      const before = await contents(knex);
      expect(Object.keys(before)).toEqual(TABLES);
      expect(before.hm_events).toHaveLength(3);
      expect(await indexes(knex, 'hm_events')).toContain(ACTIVITY_INDEX);

      // Down one step: the campaign tables go (they were added last), the activity rows stay.
      expect(await knex.schema.hasTable('hm_campaigns')).toBe(true);
      await knex.migrate.down({ directory });
      expect(await knex.schema.hasTable('hm_campaigns')).toBe(false);
      expect(await contents(knex)).toEqual(before);

      // Down to the first migration: the index goes, every row stays.
      await knex.migrate.down({ directory });
      expect((await knex.migrate.list({ directory }))[0]).toHaveLength(1);
      expect(await indexes(knex, 'hm_events')).not.toContain(ACTIVITY_INDEX);
      expect(await contents(knex)).toEqual(before);

      // Up again: the index is back, the rows as they were, and the store reads them.
      const upgraded = await DatabaseHabitStore.create({
        database: mockServices.database({ knex }),
      });
      expect(await indexes(knex, 'hm_events')).toContain(ACTIVITY_INDEX);
      expect(await contents(knex)).toEqual(before);
      expect(await upgraded.countComponents()).toBe(1);
      expect(await upgraded.hasEventsFrom('scaffolder')).toBe(true);
      expect(await upgraded.capabilityRefsWithActivity()).toEqual([
        'system:default/service-golden-path',
      ]);
      // A replay of a recorded key is still a duplicate: the unique index survived.
      expect(
        await upgraded.recordEvents([
          {
            source: 'scaffolder',
            kind: 'template-run',
            way: 'new',
            capabilityRef: 'system:default/service-golden-path',
            templateRef: 'template:default/node-service',
            teamRefs: ['group:default/checkout'],
            at,
            idempotencyKey: 'task-1',
          },
        ]),
      ).toMatchObject({ accepted: 0 });

      // Down to zero drops the tables (the uninstall step); up again gives an empty store that works.
      await knex.migrate.rollback({ directory }, true);
      expect(await contents(knex)).toEqual({});
      const fresh = await DatabaseHabitStore.create({
        database: mockServices.database({ knex }),
      });
      expect(await fresh.countComponents()).toBe(0);
      expect(await fresh.hasEventsFrom('scaffolder')).toBe(false);
    },
  );
});
