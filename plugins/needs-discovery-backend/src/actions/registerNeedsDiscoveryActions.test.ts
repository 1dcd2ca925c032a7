import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { NeedsStore } from '../database/NeedsStore';
import { NeedsRegistry } from '../service/NeedsRegistry';
import { RespondentHasher } from '../service/RespondentHasher';
import { ResultsService } from '../service/ResultsService';
import { registerNeedsDiscoveryActions } from './registerNeedsDiscoveryActions';

const survey = {
  id: 's1',
  title: 'Developer needs',
  status: 'closed',
  audience: [],
  anonymityThreshold: 5,
  needs: [{ id: 'need-a', title: 'A' }],
  questions: [],
  wave: 1,
  previousSurveyId: null,
};
const surveyResults = {
  surveyId: 's1',
  status: 'closed',
  anonymityThreshold: 5,
  respondents: 7,
  responseRate: 0.5,
  priorityCase: { needId: 'need-a', title: 'A', reason: 'Shared by 3 teams' },
  needs: [
    {
      needId: 'need-a',
      title: 'A',
      respondents: 7,
      teams: 3,
      meanPain: 4,
      frequencyWeight: 1,
      priorityScore: 12,
      shared: true,
      suppressed: false,
      previous: null,
    },
  ],
  teams: [],
  suppressedTeams: 2,
  questions: [],
  computedAt: '2026-05-01T00:00:00.000Z',
};

function setUp(decision: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const actionsRegistry = actionsRegistryServiceMock();
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async requests =>
      requests.map(() => ({ result: decision })),
    ),
  });
  const store = {
    getSurvey: jest.fn(async (id: string) =>
      id === 's1' ? survey : undefined,
    ),
    createSurvey: jest.fn(),
  } as unknown as NeedsStore;
  const results = {
    getResults: jest.fn(async () => surveyResults),
  } as unknown as ResultsService;
  registerNeedsDiscoveryActions({
    actionsRegistry,
    auth: mockServices.auth(),
    userInfo: mockServices.userInfo(),
    permissions,
    store,
    hasher: {} as RespondentHasher,
    results,
    registry: {} as NeedsRegistry,
    defaultAnonymityThreshold: 5,
  });
  return { actionsRegistry, permissions, store, results };
}

describe('needs-discovery actions', () => {
  it('registers read actions as read-only and the draft as a write, each with examples', async () => {
    const { actionsRegistry } = setUp(AuthorizeResult.ALLOW);
    const { actions } = await actionsRegistry.list();
    expect(actions.map(a => a.name).sort()).toEqual([
      'create-survey-draft',
      'get-survey-results',
      'list-needs',
      'list-surveys',
    ]);
    for (const action of actions) {
      expect(action.examples?.length).toBeGreaterThan(0);
      expect(action.attributes.readOnly).toBe(
        action.name !== 'create-survey-draft',
      );
      expect(action.attributes.destructive).toBe(false);
    }
  });

  it('answers with the results service figures when the caller may read results', async () => {
    const { actionsRegistry, permissions } = setUp(AuthorizeResult.ALLOW);
    const credentials = mockCredentials.user('user:default/ada');
    const { output } = await actionsRegistry.invoke({
      id: 'test:get-survey-results',
      input: { surveyId: 's1' },
      credentials,
    });
    expect(output).toEqual(surveyResults);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'needs-discovery.results.read',
          }),
        },
      ],
      { credentials },
    );
  });

  it("refuses the results to a caller without needs-discovery.results.read, with the route's message", async () => {
    const { actionsRegistry, results } = setUp(AuthorizeResult.DENY);
    await expect(
      actionsRegistry.invoke({
        id: 'test:get-survey-results',
        input: { surveyId: 's1' },
        credentials: mockCredentials.user('user:default/ada'),
      }),
    ).rejects.toThrow(
      'You may not read survey results: it needs the needs-discovery.results.read permission.',
    );
    expect(results.getResults).not.toHaveBeenCalled();
  });

  it('refuses to create a draft without needs-discovery.survey.create and stores nothing', async () => {
    const { actionsRegistry, store } = setUp(AuthorizeResult.DENY);
    await expect(
      actionsRegistry.invoke({
        id: 'test:create-survey-draft',
        input: {
          title: 'Autumn',
          needs: [{ id: 'need-a', title: 'A' }],
        },
        credentials: mockCredentials.user('user:default/ada'),
      }),
    ).rejects.toThrow('needs-discovery.survey.create');
    expect(store.createSurvey).not.toHaveBeenCalled();
  });

  it('says which survey is unknown', async () => {
    const { actionsRegistry } = setUp(AuthorizeResult.ALLOW);
    await expect(
      actionsRegistry.invoke({
        id: 'test:get-survey-results',
        input: { surveyId: 'nope' },
        credentials: mockCredentials.user('user:default/ada'),
      }),
    ).rejects.toThrow('No survey with id nope');
  });
});
