import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';

// Migrations down and up again with rows in every table, on every database (README, "Resilience").
//
// The plugin has one migration, which creates its tables: down one step is down to zero, and drops the tables with
// their rows by design (it is the uninstall step). What is checked: the down succeeds with rows in every table,
// removes every table, and up again gives an empty store that works.

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@platform-product/plugin-thinness-scorecard-backend',
  'migrations',
);

const TABLES = [
  'ts_latest',
  'ts_snapshots',
  'ts_capability_first_seen',
  'ts_notified_reviews',
];

describe('thinness-scorecard migrations', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'go down and up again with rows in every table (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      const [applied] = await knex.migrate.list({ directory });
      expect(applied).toHaveLength(1);

      await knex('ts_latest').insert({
        id: 'scorecard',
        scorecard: JSON.stringify({ score: 70, capabilities: [] }),
        computed_at: 1_000,
      });
      await knex('ts_snapshots').insert({
        period: '2026-12-01',
        score: 70,
        subscores: '[]',
        verdicts: '{"keep":1}',
        capability_verdicts: '{"system:default/log-search":"keep"}',
        capabilities: 1,
        adopting_teams: 3,
        demo: false,
        created_at: 1_000,
      });
      await knex('ts_capability_first_seen').insert({
        entity_ref: 'system:default/log-search',
        first_seen_at: 1_000,
      });
      expect(
        await store.claimReviewNotification(
          'system:default/log-search',
          '2026-11-30',
        ),
      ).toBe(true);
      for (const table of TABLES) {
        expect({ table, rows: (await knex(table)).length }).toEqual({
          table,
          rows: 1,
        });
      }
      expect(await store.hasSnapshot('2026-12-01')).toBe(true);

      // Down (to zero): every table goes, rows and all.
      await knex.migrate.down({ directory });
      expect((await knex.migrate.list({ directory }))[0]).toHaveLength(0);
      for (const table of TABLES) {
        expect({ table, exists: await knex.schema.hasTable(table) }).toEqual({
          table,
          exists: false,
        });
      }

      // Up again: an empty store that works.
      const fresh = await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      expect(await fresh.getLatest()).toBeUndefined();
      expect(await fresh.hasSnapshot('2026-12-01')).toBe(false);
      expect(
        await fresh.claimReviewNotification(
          'system:default/log-search',
          '2026-11-30',
        ),
      ).toBe(true);
    },
  );
});
