import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_FREQUENCY_WEIGHTS } from '@platform-product/plugin-needs-discovery-common';
import { resolve } from 'node:path';
import { DatabaseNeedsStore } from '../database/DatabaseNeedsStore';
import { AudienceResolver } from '../service/AudienceResolver';
import { RespondentHasher } from '../service/RespondentHasher';
import { ResultsService } from '../service/ResultsService';
import { seedDemoData } from './seedDemoData';

const surveyFile = resolve(
  __dirname,
  '../../../../examples/surveys/developer-needs-2026-spring.yaml',
);

const teams = ['checkout', 'billing', 'mobile', 'warehouse'];
const entities: Entity[] = [
  ...teams.map(team => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: team, namespace: 'default' },
    spec: { type: 'team' },
    relations: [0, 1, 2, 3].map(i => ({
      type: 'hasMember',
      targetRef: `user:default/${team}-${i}`,
    })),
  })),
  ...teams.flatMap(team =>
    [0, 1, 2, 3].map(i => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: `${team}-${i}`, namespace: 'default' },
      spec: {},
      relations: [{ type: 'memberOf', targetRef: `group:default/${team}` }],
    })),
  ),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'guest', namespace: 'default' },
    spec: {},
    relations: [{ type: 'memberOf', targetRef: 'group:default/checkout' }],
  },
];

describe('seedDemoData', () => {
  const databases = TestDatabases.create();

  async function seed(
    databaseId: Parameters<typeof databases.init>[0],
    catalogEntities = entities,
    /** Another replica's: the database of that seeding. */
    of?: { knex: Awaited<ReturnType<typeof databases.init>> },
  ) {
    const knex = of?.knex ?? (await databases.init(databaseId));
    const store = await DatabaseNeedsStore.create({
      database: mockServices.database({ knex }),
    });
    const catalog = catalogServiceMock({ entities: catalogEntities });
    const auth = mockServices.auth();
    const logger = mockServices.logger.mock();
    const hasher = new RespondentHasher('a-test-key-of-sufficient-length');
    const results = new ResultsService({
      store,
      audience: new AudienceResolver({
        catalog,
        auth,
        logger,
        teamTypes: ['team'],
      }),
      weights: DEFAULT_FREQUENCY_WEIGHTS,
      sharedNeedMinTeams: 2,
    });
    const run = () =>
      seedDemoData({
        store,
        catalog,
        auth,
        hasher,
        results,
        logger,
        surveyFile,
      });
    return { knex, store, hasher, results, run };
  }

  it.each(databases.eachSupportedId())(
    'seeds a closed and an open wave once, deterministically (%p)',
    async databaseId => {
      const { store, hasher, results, run } = await seed(databaseId);
      expect(await run()).toBe(true);
      expect(await run()).toBe(false);

      const surveys = await store.listSurveys();
      expect(surveys.map(s => [s.status, s.wave, s.demo])).toEqual([
        ['open', 2, true],
        ['closed', 1, true],
      ]);
      const [open, closed] = surveys;
      expect(open.previousSurveyId).toBe(closed.id);
      const closedResults = await results.getResults(closed);
      expect(closedResults.respondents).toBeGreaterThanOrEqual(10);
      expect(closedResults.priorityCase).not.toBeNull();
      expect(closedResults.teams.length).toBeGreaterThan(0);
      const openResults = await results.getResults(open);
      expect(openResults.needs.some(n => n.previous !== null)).toBe(true);
      // The demo user has the open wave left to answer.
      expect(
        await store.getResponse(
          open.id,
          hasher.hash(open.id, 'user:default/guest'),
        ),
      ).toBeUndefined();

      // Same catalog, same demo: compare with a second seeding on a fresh database.
      const again = await seed(databaseId);
      await again.run();
      const [, closedAgain] = await again.store.listSurveys();
      const againResults = await again.results.getResults(closedAgain);
      expect(againResults.needs.map(n => [n.needId, n.priorityScore])).toEqual(
        closedResults.needs.map(n => [n.needId, n.priorityScore]),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'seeds the demo once when two replicas run at the same moment (%p)',
    async databaseId => {
      const first = await seed(databaseId);
      const { store, run } = first;
      const { run: other } = await seed(databaseId, entities, first);
      const seeded = await Promise.all([run(), other(), run(), other()]);
      expect(seeded.filter(Boolean)).toHaveLength(1);
      expect(
        (await store.listSurveys()).map(s => [s.status, s.wave, s.demo]),
      ).toEqual([
        ['open', 2, true],
        ['closed', 1, true],
      ]);
      expect(await Promise.all([run(), other()])).toEqual([false, false]);
    },
  );

  it('seeds on a later run when a run fails before the demo exists', async () => {
    const { store, run } = await seed('SQLITE_3');
    const createSurvey = jest
      .spyOn(store, 'createSurvey')
      .mockRejectedValueOnce(new Error('database unavailable'));
    await expect(run()).rejects.toThrow('database unavailable');
    createSurvey.mockRestore();
    expect(await run()).toBe(true);
    expect(await store.listSurveys()).toHaveLength(2);
  });

  it('waits while the catalog has no users yet', async () => {
    const { run, store } = await seed('SQLITE_3', []);
    expect(await run()).toBe(false);
    expect(await store.listSurveys()).toEqual([]);
  });
});
