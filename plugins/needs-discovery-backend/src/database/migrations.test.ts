import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { tableContents } from '@platform-product/common/testUtils';
import { createHash } from 'node:crypto';
import { DatabaseNeedsStore } from './DatabaseNeedsStore';

// Migrations down and up again with rows in every table, on every database (README, "Resilience").
//
// - Down to the first migration and up again keeps every row: the later migrations' downs drop only what their ups
//   rebuild (nd_team_sets, derived from nd_responses) or refill (nd_catalog_capabilities, the catalog scan's cache,
//   rewritten by the scheduled scan within a minute), and leave their added columns in place.
// - Down to zero drops the tables with their rows, by design: the first migration's down is the uninstall step.
//   Up again gives an empty, working store.

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@platform-product/plugin-needs-discovery-backend',
  'migrations',
);

const TABLES = [
  'nd_surveys',
  'nd_responses',
  'nd_response_teams',
  'nd_need_ratings',
  'nd_answer_items',
  'nd_needs',
  'nd_settings',
  'nd_team_sets',
  'nd_catalog_capabilities',
];

type Knex = Awaited<ReturnType<TestDatabases['init']>>;

/** Every row of every table that exists, in a stable order. */
const contents = (knex: Knex) => tableContents(knex, TABLES);

async function insertRows(knex: Knex) {
  const definition = JSON.stringify({
    title: 'What slows you down?',
    needs: [{ id: 'need-logs', title: 'Searchable logs' }],
    questions: [
      { id: 'ratings', type: 'need-rating', title: 'Rate each need' },
      { id: 'nps', type: 'nps', title: 'Recommend the platform?' },
    ],
  });
  await knex('nd_surveys').insert({
    id: 'survey-1',
    title: 'What slows you down?',
    status: 'open',
    definition,
    wave: 1,
    previous_survey_id: null,
    created_by: 'user:default/owner',
    created_at: 1_000,
    updated_at: 2_000,
    opened_at: 2_000,
    closed_at: null,
    reminded_at: null,
    demo: false,
  });
  const respondents = [
    { hash: 'hash-1', teams: ['group:default/checkout'], pain: 4 },
    {
      hash: 'hash-2',
      teams: ['group:default/billing', 'group:default/checkout'],
      pain: 2,
    },
  ];
  for (const { hash, teams, pain } of respondents) {
    const teamsJson = JSON.stringify(teams);
    await knex('nd_responses').insert({
      survey_id: 'survey-1',
      respondent_hash: hash,
      teams: teamsJson,
      answers: JSON.stringify({
        ratings: { 'need-logs': { pain, frequency: 'weekly' } },
        nps: pain * 2,
      }),
      revision: 1,
      submitted_at: 3_000,
      updated_at: 3_000,
      rated_needs: 1,
    });
    const [{ id }] = await knex('nd_responses')
      .where({ respondent_hash: hash })
      .select('id');
    const teamSet = createHash('sha1').update(teamsJson).digest('hex');
    await knex('nd_team_sets')
      .insert({ key: teamSet, teams: teamsJson })
      .onConflict('key')
      .ignore();
    await knex('nd_response_teams').insert(
      teams.map(team_ref => ({
        response_id: id,
        survey_id: 'survey-1',
        team_ref,
      })),
    );
    await knex('nd_need_ratings').insert({
      response_id: id,
      survey_id: 'survey-1',
      need_id: 'need-logs',
      pain,
      frequency: 'weekly',
      team_set: teamSet,
    });
    await knex('nd_answer_items').insert({
      response_id: id,
      survey_id: 'survey-1',
      question_id: 'nps',
      item: null,
      num: pain * 2,
      text: null,
    });
  }
  await knex('nd_needs').insert({
    id: 'need-logs',
    title: 'Searchable logs',
    description: null,
    status: 'open',
    capability_ref: null,
    latest_survey_id: 'survey-1',
    latest_score: 0.5,
    shared: true,
    teams: 2,
    updated_at: 4_000,
  });
  await knex('nd_settings').insert({ key: 'example', value: 'kept' });
  await knex('nd_catalog_capabilities').insert({
    entity_ref: 'system:default/log-search',
    need_id: 'need-logs',
    title: 'Log search',
    lifecycle: 'production',
    mvp_review_date: null,
    synced_at: 5_000,
  });
}

describe('needs-discovery migrations', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'go down and up again with rows in every table (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await DatabaseNeedsStore.create({
        database: mockServices.database({ knex }),
      });
      const [applied] = await knex.migrate.list({ directory });
      expect(applied).toHaveLength(3);
      await insertRows(knex);
      const before = await contents(knex);
      expect(Object.keys(before)).toEqual(TABLES);
      for (const table of TABLES)
        expect(before[table].length).toBeGreaterThan(0);

      // Down one migration at a time to the first: the rows of the tables that stay are untouched.
      const dropped: Record<string, string[]> = {
        '20261207000000_catalog_capabilities.js': ['nd_catalog_capabilities'],
        '20261128000000_results_in_one_pass.js': ['nd_team_sets'],
      };
      let present = TABLES;
      for (;;) {
        const [completed] = await knex.migrate.list({ directory });
        if (completed.length === 1) break;
        const latest = completed[completed.length - 1].name;
        await knex.migrate.down({ directory });
        const now = await contents(knex);
        present = present.filter(t => !(dropped[latest] ?? []).includes(t));
        expect({ latest, tables: Object.keys(now) }).toEqual({
          latest,
          tables: present,
        });
        for (const table of Object.keys(now)) {
          expect({ latest, table, rows: now[table] }).toEqual({
            latest,
            table,
            rows: before[table],
          });
        }
      }
      expect(await contents(knex)).toEqual(
        Object.fromEntries(
          TABLES.filter(
            t => t !== 'nd_team_sets' && t !== 'nd_catalog_capabilities',
          ).map(t => [t, before[t]]),
        ),
      );

      // Up again: every row is back, the team sets rebuilt from the responses; the catalog cache waits for the
      // next scan.
      const store = await DatabaseNeedsStore.create({
        database: mockServices.database({ knex }),
      });
      expect(await contents(knex)).toEqual({
        ...before,
        nd_catalog_capabilities: [],
      });
      expect(await store.getResponse('survey-1', 'hash-2')).toMatchObject({
        teams: ['group:default/billing', 'group:default/checkout'],
      });
      expect((await store.listNeeds()).map(n => n.id)).toEqual(['need-logs']);
      expect(await store.getSetting('example')).toBe('kept');

      // Down to zero drops the tables (the uninstall step); up again gives an empty store that works.
      await knex.migrate.rollback({ directory }, true);
      expect(await contents(knex)).toEqual({});
      const fresh = await DatabaseNeedsStore.create({
        database: mockServices.database({ knex }),
      });
      expect(await fresh.listSurveys()).toEqual([]);
      expect(await fresh.listNeeds()).toEqual([]);
    },
  );
});
