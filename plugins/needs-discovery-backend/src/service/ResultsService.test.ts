import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  FrequencyWeights,
  Survey,
  SurveyDefinition,
} from '@platform-product/plugin-needs-discovery-common';
import { DatabaseNeedsStore } from '../database/DatabaseNeedsStore';
import { AudienceResolver } from './AudienceResolver';
import { ResultsService } from './ResultsService';

jest.setTimeout(60_000);

// Three teams of three: with k = 3 every team is shown.
const teams = ['checkout', 'billing', 'mobile'];
const entities: Entity[] = [
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

const definition: SurveyDefinition = {
  title: 'What slows you down?',
  audience: [],
  anonymityThreshold: 3,
  needs: [
    { id: 'need-logs', title: 'Searchable logs' },
    { id: 'need-deploys', title: 'Reliable deploys' },
  ],
  questions: [{ id: 'ratings', type: 'need-rating', title: 'Rate each need' }],
};

// Not the defaults, so the results can only report them if they come from the service's settings.
const weights: FrequencyWeights = {
  daily: 0.9,
  weekly: 0.5,
  monthly: 0.2,
  rarely: 0,
};

describe('ResultsService', () => {
  const databases = TestDatabases.create();

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const store = await DatabaseNeedsStore.create({
      database: mockServices.database({
        knex: await databases.init(databaseId),
      }),
    });
    const audience = new AudienceResolver({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      teamTypes: ['team'],
    });
    const service = (sharedNeedMinTeams: number) =>
      new ResultsService({ store, audience, weights, sharedNeedMinTeams });

    const draft = await store.createSurvey({
      definition,
      createdBy: 'user:default/pat',
    });
    const survey: Survey = (await store.transitionSurvey(
      draft.id,
      'draft',
      'open',
    ))!;
    // need-logs: every team reports it (pain 4, daily). need-deploys: checkout and billing report it (pain 4),
    // mobile rates it 2, under the reporting pain 3, so 2 teams report it.
    for (const team of teams) {
      for (const i of [0, 1, 2]) {
        await store.upsertResponse({
          survey,
          respondentHash: `${team}-${i}`,
          teams: [`group:default/${team}`],
          answers: {
            ratings: {
              'need-logs': { pain: 4, frequency: 'daily' },
              'need-deploys': {
                pain: team === 'mobile' ? 2 : 4,
                frequency: 'weekly',
              },
            },
          },
        });
      }
    }
    return { survey, service };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('carries the settings it was computed with and applies them', async () => {
      const { survey, service } = await setup(databaseId);
      const results = await service(3).getResults(survey);

      expect(results.settings).toEqual({
        sharedNeedMinTeams: 3,
        frequencyWeights: weights,
        anonymityThreshold: 3,
        reportingPain: 3,
        topNeedsPerTeam: 3,
      });
      expect(results.anonymityThreshold).toBe(
        results.settings.anonymityThreshold,
      );
      const byId = Object.fromEntries(results.needs.map(n => [n.needId, n]));
      // The configured weights give the scores: 3 × 4 × 0.9 and 2 × 3.33 × 0.5.
      expect(byId['need-logs']).toMatchObject({
        teams: 3,
        meanPain: 4,
        frequencyWeight: 0.9,
        priorityScore: 10.8,
        shared: true,
      });
      expect(byId['need-deploys']).toMatchObject({
        teams: 2,
        meanPain: 3.33,
        frequencyWeight: 0.5,
        priorityScore: 3.33,
        shared: false,
      });
    });

    it.each([
      [2, true],
      [3, false],
    ])(
      'with sharedNeedMinTeams %p, a need 2 teams report is shared: %p',
      async (sharedNeedMinTeams, shared) => {
        const { survey, service } = await setup(databaseId);
        const results = await service(sharedNeedMinTeams).getResults(survey);
        expect(results.settings.sharedNeedMinTeams).toBe(sharedNeedMinTeams);
        expect(
          results.needs.find(n => n.needId === 'need-deploys'),
        ).toMatchObject({ teams: 2, shared });
      },
    );
  });
});
