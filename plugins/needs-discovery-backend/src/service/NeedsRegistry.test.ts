import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_FREQUENCY_WEIGHTS,
  Survey,
  SurveyDefinition,
} from '@platform-product/plugin-needs-discovery-common';
import { DatabaseNeedsStore } from '../database/DatabaseNeedsStore';
import { AudienceResolver } from './AudienceResolver';
import {
  needCapabilityOf,
  syncCatalogCapabilities,
} from './catalogCapabilities';
import { NeedsRegistry } from './NeedsRegistry';
import { ResultsService } from './ResultsService';

jest.setTimeout(60_000);

const teams = ['checkout', 'billing', 'mobile'];
const people: Entity[] = [
  ...teams.map(team => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: team, namespace: 'default' },
    spec: { type: 'team' },
    relations: [0, 1, 2].map(i => ({
      type: 'hasMember',
      targetRef: `user:default/${team}-${i}`,
    })),
  })),
  ...teams.flatMap(team =>
    [0, 1, 2].map(i => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: `${team}-${i}`, namespace: 'default' },
      spec: {},
    })),
  ),
];

function capability(
  name: string,
  annotations: Record<string, string>,
  spec: Record<string, unknown> = { lifecycle: 'production' },
  kind = 'System',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      title: name
        .split('-')
        .map(w => w[0].toUpperCase() + w.slice(1))
        .join(' '),
      annotations: { 'platform-product.io/capability': 'true', ...annotations },
    },
    spec: { owner: 'group:default/platform-team', ...spec },
  };
}

const capabilities: Entity[] = [
  capability('log-shipping', { 'platform-product.io/need': 'need-logs' }),
  capability(
    'preview-environments',
    {
      'platform-product.io/need': 'need-test-envs',
      'platform-product.io/mvp-review-date': '2026-09-30',
    },
    { lifecycle: 'experimental' },
  ),
  capability(
    'fast-setup',
    {
      'platform-product.io/need': 'need-fast-setup',
      'platform-product.io/mvp-review-date': '2026-12-07',
    },
    { lifecycle: 'production' },
  ),
  // Not capabilities, or naming no need: ignored.
  capability('not-a-capability', {
    'platform-product.io/capability': 'false',
    'platform-product.io/need': 'need-deploys',
  }),
  capability('no-need', {}),
];

const definition: SurveyDefinition = {
  title: 'What slows you down?',
  audience: [],
  anonymityThreshold: 3,
  needs: [
    { id: 'need-logs', title: 'Searchable logs' },
    { id: 'need-test-envs', title: 'Test environments' },
    { id: 'need-fast-setup', title: 'Fast service setup' },
    { id: 'need-deploys', title: 'Reliable deploys' },
  ],
  questions: [{ id: 'ratings', type: 'need-rating', title: 'Rate each need' }],
};

const reviewDay = new Date('2026-12-07T12:00:00Z');
const dayAfter = new Date('2026-12-08T12:00:00Z');

describe('NeedsRegistry', () => {
  const databases = TestDatabases.create();

  async function setup(
    databaseId: Parameters<typeof databases.init>[0],
    entities: Entity[] = [...people, ...capabilities],
  ) {
    const store = await DatabaseNeedsStore.create({
      database: mockServices.database({
        knex: await databases.init(databaseId),
      }),
    });
    const auth = mockServices.auth();
    const logger = mockServices.logger.mock();
    const catalog = catalogServiceMock({ entities });
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
    let now = reviewDay;
    const registry = new NeedsRegistry({ store, results, now: () => now });
    const sync = (catalogEntities: Entity[] = entities) =>
      syncCatalogCapabilities({
        catalog: catalogServiceMock({ entities: catalogEntities }),
        auth,
        store,
        logger,
      });
    return {
      store,
      results,
      registry,
      logger,
      sync,
      setNow: (date: Date) => {
        now = date;
      },
    };
  }

  async function openSurvey(store: DatabaseNeedsStore): Promise<Survey> {
    const draft = await store.createSurvey({
      definition,
      createdBy: 'user:default/pat',
    });
    const opened = (await store.transitionSurvey(draft.id, 'draft', 'open'))!;
    await store.registerNeeds(opened.needs);
    return opened;
  }

  const rate = (
    store: DatabaseNeedsStore,
    survey: Survey,
    who: string,
    pain: number,
  ) =>
    store.upsertResponse({
      survey,
      respondentHash: who,
      teams: [`group:default/${who.split('-')[0]}`],
      answers: {
        ratings: {
          'need-logs': { pain, frequency: 'daily' },
          'need-deploys': { pain: 4, frequency: 'weekly' },
        },
      },
    });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('derives each status from the catalog and what mvp:launch and platform owners recorded', async () => {
      const { store, registry, sync, setNow } = await setup(databaseId);
      await openSurvey(store);
      const statuses = async () =>
        Object.fromEntries(
          (await registry.listNeeds()).map(n => [
            n.id,
            [n.status, n.capabilityRef, n.capabilityTitle, n.statusSource],
          ]),
        );

      // Before the first catalog scan: what the registry recorded.
      expect(await statuses()).toEqual({
        'need-deploys': ['open', null, undefined, 'recorded'],
        'need-fast-setup': ['open', null, undefined, 'recorded'],
        'need-logs': ['open', null, undefined, 'recorded'],
        'need-test-envs': ['open', null, undefined, 'recorded'],
      });

      expect(await sync()).toHaveLength(3);
      expect(await statuses()).toEqual({
        'need-deploys': ['open', null, undefined, 'recorded'],
        // Review date today: still in its MVP.
        'need-fast-setup': [
          'in-mvp',
          'system:default/fast-setup',
          'Fast Setup',
          'catalog',
        ],
        'need-logs': [
          'served',
          'system:default/log-shipping',
          'Log Shipping',
          'catalog',
        ],
        // Experimental, review overdue: still in its MVP.
        'need-test-envs': [
          'in-mvp',
          'system:default/preview-environments',
          'Preview Environments',
          'catalog',
        ],
      });

      // The day after its review, the production capability serves its need, without another scan.
      setNow(dayAfter);
      expect((await registry.getNeed('need-fast-setup'))?.status).toBe(
        'served',
      );

      // mvp:launch marks a need at once, before the catalog has the capability.
      expect(
        await registry.updateNeed('need-deploys', {
          status: 'in-mvp',
          capabilityRef: 'system:default/deploy-pipeline',
        }),
      ).toMatchObject({
        status: 'in-mvp',
        capabilityRef: 'system:default/deploy-pipeline',
        statusSource: 'recorded',
      });

      // A platform owner's decline stands, even against the catalog.
      expect(
        await registry.updateNeed('need-logs', { status: 'declined' }),
      ).toMatchObject({ status: 'declined', statusSource: 'recorded' });

      // The catalog changes: the next scan shows it.
      await sync([
        ...people,
        capability(
          'deploy-pipeline',
          { 'platform-product.io/need': 'need-deploys' },
          { lifecycle: 'experimental' },
        ),
      ]);
      expect(await statuses()).toEqual({
        'need-deploys': [
          'in-mvp',
          'system:default/deploy-pipeline',
          'Deploy Pipeline',
          'catalog',
        ],
        'need-fast-setup': ['open', null, undefined, 'recorded'],
        'need-logs': ['declined', null, undefined, 'recorded'],
        'need-test-envs': ['open', null, undefined, 'recorded'],
      });
      expect(await registry.getNeed('nope')).toBeUndefined();
      expect(
        await registry.updateNeed('nope', { status: 'open' }),
      ).toBeUndefined();
    });

    it('keeps the last scan when the catalog cannot be read', async () => {
      const { store, registry, sync, logger } = await setup(databaseId);
      await openSurvey(store);
      await sync();
      const failing = catalogServiceMock.mock({
        getEntities: async () => {
          throw new Error('catalog is down');
        },
      });
      expect(
        await syncCatalogCapabilities({
          catalog: failing,
          auth: mockServices.auth(),
          store,
          logger,
        }),
      ).toBeUndefined();
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('catalog is down'),
      );
      expect((await registry.getNeed('need-logs'))?.status).toBe('served');
    });

    it('shows the latest results’ score, also right after an answer', async () => {
      const { store, results, registry } = await setup(databaseId);
      const survey = await openSurvey(store);
      const scoreOf = async (needId: string) => {
        const surveyResults = await results.getResults(
          (await store.getSurvey(survey.id))!,
        );
        return surveyResults.needs.find(n => n.needId === needId);
      };

      // Below k: withheld in the results and in the registry.
      await rate(store, survey, 'checkout-0', 4);
      expect(await registry.getNeed('need-logs')).toMatchObject({
        latestSurveyId: survey.id,
        latestScore: null,
        teams: 0,
        shared: false,
      });

      await rate(store, survey, 'billing-0', 5);
      await rate(store, survey, 'mobile-0', 3);
      const first = await scoreOf('need-logs');
      expect(first?.priorityScore).not.toBeNull();
      expect(await registry.getNeed('need-logs')).toMatchObject({
        latestSurveyId: survey.id,
        latestScore: first!.priorityScore,
        teams: first!.teams,
        shared: first!.shared,
      });

      // A new answer: the results and the registry move together.
      await rate(store, survey, 'checkout-1', 5);
      const second = await scoreOf('need-logs');
      expect(second!.priorityScore).not.toBe(first!.priorityScore);
      const listed = await registry.listNeeds();
      expect(listed.find(n => n.id === 'need-logs')).toMatchObject({
        latestScore: second!.priorityScore,
        teams: second!.teams,
      });
      expect(listed.find(n => n.id === 'need-deploys')?.latestScore).toBe(
        (await scoreOf('need-deploys'))!.priorityScore,
      );
      // A need nobody rated: no score.
      expect(listed.find(n => n.id === 'need-test-envs')?.latestScore).toBe(
        null,
      );

      // Withdrawing the answer moves both back.
      await store.deleteResponse(survey.id, 'checkout-1');
      expect((await registry.getNeed('need-logs'))?.latestScore).toBe(
        first!.priorityScore,
      );
    });

    it('keeps the previous wave’s figures while a new wave withholds them', async () => {
      const { store, results, registry } = await setup(databaseId);
      const wave1 = await openSurvey(store);
      for (const who of ['checkout-0', 'billing-0', 'mobile-0']) {
        await rate(store, wave1, who, 4);
      }
      const closed = (await store.transitionSurvey(
        wave1.id,
        'open',
        'closed',
      ))!;
      const wave1Score = (await results.getResults(closed)).needs.find(
        n => n.needId === 'need-logs',
      )!.priorityScore;
      const wave2 = (await store.transitionSurvey(
        (
          await store.createSurvey({
            definition,
            createdBy: 'user:default/pat',
            wave: 2,
            previousSurveyId: wave1.id,
          })
        ).id,
        'draft',
        'open',
      ))!;
      await rate(store, wave2, 'checkout-0', 2);
      expect(await registry.getNeed('need-logs')).toMatchObject({
        latestSurveyId: wave1.id,
        latestScore: wave1Score,
      });
      await rate(store, wave2, 'billing-0', 2);
      await rate(store, wave2, 'mobile-0', 2);
      const wave2Score = (await results.getResults(wave2)).needs.find(
        n => n.needId === 'need-logs',
      )!.priorityScore;
      expect(wave2Score).not.toBeNull();
      expect(await registry.getNeed('need-logs')).toMatchObject({
        latestSurveyId: wave2.id,
        latestScore: wave2Score,
      });
    });
  });
});

describe('needCapabilityOf', () => {
  it.each<[string, Entity, object | undefined]>([
    [
      'a capability naming a need',
      capability('log-shipping', {
        'platform-product.io/need': ' need-logs ',
        'platform-product.io/mvp-review-date': '2027-01-31',
      }),
      {
        entityRef: 'system:default/log-shipping',
        needId: 'need-logs',
        title: 'Log Shipping',
        lifecycle: 'production',
        mvpReviewDate: '2027-01-31',
      },
    ],
    [
      'a Component capability without title or lifecycle',
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'ci',
          annotations: {
            'platform-product.io/capability': 'TRUE',
            'platform-product.io/need': 'need-ci',
          },
        },
      },
      { entityRef: 'component:default/ci', needId: 'need-ci' },
    ],
    [
      'an entity not marked as a capability',
      capability('x', {
        'platform-product.io/capability': 'false',
        'platform-product.io/need': 'need-x',
      }),
      undefined,
    ],
    ['a capability naming no need', capability('x', {}), undefined],
    [
      'a capability with an empty need',
      capability('x', { 'platform-product.io/need': '  ' }),
      undefined,
    ],
    [
      'a need id too long to be one',
      capability('x', { 'platform-product.io/need': 'n'.repeat(101) }),
      undefined,
    ],
  ])('%s', (_case, entity, expected) => {
    expect(needCapabilityOf(entity)).toEqual(expected);
  });
});
