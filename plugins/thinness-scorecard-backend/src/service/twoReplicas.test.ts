import { TestDatabases } from '@backstage/backend-test-utils';
import { utcDay } from '@platform-product/plugin-thinness-scorecard-common';
import request from 'supertest';
import { SNAPSHOT_TASK_ID } from '../plugin';
import { as, READER, startScorecardBackend } from '../testing/backend';
import { exampleCatalog } from '../testing/catalog';
import { REFUSED_BASE_URL } from '../testing/fakePlugins';

jest.setTimeout(120_000);

describe('two backend instances on one database', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'write one snapshot per period on %p, and notify each overdue review once',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const notifications = { send: jest.fn(async () => {}) };
      const options = {
        knex,
        entities: exampleCatalog(),
        baseUrl: () => REFUSED_BASE_URL,
        notifications,
      };
      // Started one after the other, as replicas are: the first runs the migrations.
      const first = await startScorecardBackend(options);
      const second = await startScorecardBackend(options);

      // Both replicas' schedulers fire the daily task at the same moment, three times over.
      for (let round = 0; round < 3; round++) {
        await Promise.all([
          first.runTask(SNAPSHOT_TASK_ID),
          second.runTask(SNAPSHOT_TASK_ID),
        ]);
      }

      const rows = await knex('ts_snapshots').select('period');
      expect(rows).toEqual([{ period: utcDay(new Date()) }]);

      // Both serve the same scorecard, and the same one-point history.
      const [a, b] = await Promise.all(
        [first, second].map(({ server }) =>
          request(server)
            .get('/api/thinness-scorecard/scorecard/history')
            .set(as(READER)),
        ),
      );
      expect(a.body.items).toHaveLength(1);
      expect(b.body).toEqual(a.body);

      const scorecard = (
        await request(second.server)
          .get('/api/thinness-scorecard/scorecard')
          .set(as(READER))
      ).body;
      const overdue = scorecard.capabilities.filter(
        (c: { reviewOverdue: boolean }) => c.reviewOverdue,
      );
      expect(overdue.length).toBeGreaterThan(0);
      expect(notifications.send).toHaveBeenCalledTimes(overdue.length);

      await first.stop();
      await second.stop();
    },
  );
});
