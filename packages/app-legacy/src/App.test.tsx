import '@testing-library/jest-dom';
import {
  configure,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { createApp } from '@backstage/app-defaults';
import { AppRouter } from '@backstage/core-app-api';
import { createApiFactory, useRouteRef } from '@backstage/core-plugin-api';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import { habitMetricsPlugin } from '@platform-product/plugin-habit-metrics';
import { needsDiscoveryPlugin } from '@platform-product/plugin-needs-discovery';
import { thinnessScorecardPlugin } from '@platform-product/plugin-thinness-scorecard';
import App, { apis, routes } from './App';

/*
 * The legacy app exactly as App.tsx builds it: createApp from @backstage/app-defaults, its default API
 * implementations (discovery from backend.baseUrl, fetch with the identity middleware), the suite's
 * plugins with their own API factories, found through the routes. Only the network is faked: global
 * fetch answers like the suite's backends and the catalog would.
 */

// recharts' ResponsiveContainer observes its size; jsdom has no ResizeObserver.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.defineProperty(globalThis, 'ResizeObserver', {
  value: NoopResizeObserver,
  writable: true,
});

// Whole pages of a whole app render in each test, and the first one loads the lazy page chunks.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });

const BACKEND = 'http://localhost:7007';

const CHECKOUT = 'group:default/checkout';
const PLATFORM_TEAM = 'group:default/platform-team';
const EVENT_STREAMING = 'system:default/event-streaming';
const CI = 'system:default/ci';
const CAPABILITY_ANNOTATION = 'platform-product.io/capability';

// ------------------------------------------------------------------------------------------------
// What the backends answer.
// ------------------------------------------------------------------------------------------------

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'checkout', namespace: 'default', uid: 'g1' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'platform-team', namespace: 'default', uid: 'g2' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'event-streaming',
      namespace: 'default',
      uid: 's1',
      annotations: { [CAPABILITY_ANNOTATION]: 'true' },
    },
    spec: { owner: PLATFORM_TEAM },
  },
];

const surveyBase = {
  description: 'What slows you down?',
  audience: [CHECKOUT, PLATFORM_TEAM],
  anonymityThreshold: 5,
  needs: [{ id: 'faster-ci', title: 'Faster CI feedback' }],
  questions: [{ id: 'needs', type: 'need-rating', title: 'Rate each need' }],
  previousSurveyId: null,
  createdBy: 'user:default/pat',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  openedAt: '2025-01-02T00:00:00.000Z',
  demo: false,
  respondents: 12,
  answeredByMe: false,
};

const surveys = [
  {
    ...surveyBase,
    id: 'dev-experience-2025',
    title: 'Developer experience 2025',
    closesAt: '2025-01-31T17:00:00.000Z',
    status: 'closed',
    wave: 1,
    closedAt: '2025-03-01T00:00:00.000Z',
  },
  {
    ...surveyBase,
    id: 'dev-experience-2026',
    title: 'Developer experience 2026',
    closesAt: '2030-01-31T17:00:00.000Z',
    status: 'open',
    wave: 2,
    previousSurveyId: 'dev-experience-2025',
    closedAt: null,
  },
];

const surveyResults = {
  surveyId: 'dev-experience-2025',
  status: 'closed',
  anonymityThreshold: 5,
  respondents: 24,
  audienceSize: 40,
  responseRate: 0.6,
  needs: [],
  priorityCase: null,
  teams: [
    {
      teamRef: CHECKOUT,
      members: 10,
      respondents: 7,
      responseRate: 0.7,
      topNeeds: [
        {
          needId: 'faster-ci',
          title: 'Faster CI feedback',
          respondents: 7,
          meanPain: 4.4,
        },
      ],
    },
  ],
  suppressedTeams: 0,
  questions: [],
  previousSurveyId: null,
  computedAt: '2025-03-01T00:00:00.000Z',
};

const registeredNeeds = [
  {
    id: 'faster-ci',
    title: 'Faster CI feedback',
    status: 'open',
    capabilityRef: null,
    latestSurveyId: 'dev-experience-2025',
    latestScore: 11.07,
    shared: true,
    teams: 3,
    updatedAt: '2025-03-01T00:00:00.000Z',
  },
];

const WEEKS = ['2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02'];

const goldenPathWeeks = [
  {
    week: WEEKS[0],
    newComponents: 4,
    viaTemplate: 2,
    share: 0.5,
    rollingShare: 0.5,
  },
  {
    week: WEEKS[1],
    newComponents: 0,
    viaTemplate: 0,
    share: null,
    rollingShare: 0.5,
  },
  {
    week: WEEKS[2],
    newComponents: 2,
    viaTemplate: 2,
    share: 1,
    rollingShare: 0.6667,
  },
  {
    week: WEEKS[3],
    newComponents: 4,
    viaTemplate: 3,
    share: 0.75,
    rollingShare: 0.7,
  },
];

function adoptionOf(capabilityRef: string, adopters: number[]) {
  const last = adopters[adopters.length - 1];
  return {
    capabilityRef,
    templateRef: null,
    totalTeams: 10,
    weeks: WEEKS.map((week, i) => ({
      week,
      activeTeams: adopters[i],
      cumulativeAdopters: adopters[i],
      share: adopters[i] / 10,
    })),
    figures: {
      week: WEEKS[WEEKS.length - 1],
      productTeams: 10,
      adopters: last,
      adopterRefs: Array.from(
        { length: last },
        (_, i) => `group:default/team-${i + 1}`,
      ),
      share: last / 10,
      activeTeams: last - 1,
      before: { week: '2025-12-08', adopters: 1, activeTeams: 1 },
      trendThreshold: 1,
      trend: 'growing',
    },
  };
}

const retention = {
  capabilityRef: null,
  weeks: 3,
  cohorts: [
    { week: WEEKS[0], teams: 4, retention: [0.75, 0.5, 0.25] },
    { week: WEEKS[1], teams: 2, retention: [1, 0.5, null] },
  ],
};

const stickiness = WEEKS.map((week, i) => ({
  week,
  weeklyActiveTeams: i + 1,
  activeTeamsLast4Weeks: 4,
  stickiness: (i + 1) / 4,
}));

const reversions = {
  minStreakWeeks: 3,
  weeks: WEEKS.map((week, i) => ({ week, count: i === 3 ? 1 : 0 })),
  teams: [{ teamRef: CHECKOUT, week: WEEKS[3], streakWeeks: 5 }],
};

const timeToHabit = {
  habitWeeks: 4,
  capabilities: [
    { capabilityRef: EVENT_STREAMING, teams: 5, reached: 3, medianWeeks: 4 },
  ],
};

const teamHabits = {
  teamRef: CHECKOUT,
  goldenPath: goldenPathWeeks,
  activeWeeks: 3,
  capabilities: [
    {
      capabilityRef: EVENT_STREAMING,
      firstWeek: WEEKS[1],
      lastWeek: WEEKS[3],
      activeWeeks: 3,
    },
  ],
  reversions: reversions.teams,
};

const capabilityHabits = {
  capabilityRef: EVENT_STREAMING,
  adoption: adoptionOf(EVENT_STREAMING, [1, 2, 4, 5]),
  retention: { ...retention, capabilityRef: EVENT_STREAMING },
  timeToHabit: timeToHabit.capabilities[0],
  stickiness,
};

const sources = { needsDiscovery: true, habitMetrics: true };

const eventStreamingScore = {
  entityRef: EVENT_STREAMING,
  title: 'Event streaming',
  owner: PLATFORM_TEAM,
  verdict: 'invest',
  reasons: [
    'It serves the shared need "Asynchronous events" (async-events), reported by 5 teams in the latest survey.',
  ],
  // habit-metrics' figures of the capability (adoptionOf(EVENT_STREAMING, [1, 2, 4, 5]).figures)
  consumers: {
    teams: Array.from({ length: 5 }, (_, i) => `group:default/team-${i + 1}`),
    count: 5,
    productTeams: 10,
    share: 0.5,
    activeTeams: 4,
    source: 'habit-metrics',
  },
  need: {
    id: 'async-events',
    shared: true,
    teams: 5,
    state: 'shared',
    title: 'Asynchronous events',
  },
  valueClass: 'differentiating',
  surface: 3,
  lifecycle: 'production',
  mvpReviewDate: null,
  reviewOverdue: false,
  adoptionTrend: 'growing',
  firstSeenAt: '2024-06-01T00:00:00.000Z',
  sources,
};

const legacyQueueScore = {
  ...eventStreamingScore,
  entityRef: 'system:default/legacy-queue',
  title: 'Legacy job queue',
  verdict: 'dispose',
  reasons: [
    'Nobody needs it enough to justify running it: plan its retirement with the teams still using it.',
  ],
  need: null,
  adoptionTrend: null,
};

const verdicts = { dispose: 1, outsource: 0, review: 0, invest: 1, keep: 0 };

const subscores = [
  'needCoverage',
  'adoption',
  'commodityInHouse',
  'overdueReviews',
  'surfacePerTeam',
  'growthBalance',
].map(id => ({
  id,
  title: id,
  value: 72,
  weight: 1,
  inputs: [{ id: 'capabilities', label: 'Capabilities', value: 2 }],
  formula: `100 × matching / capabilities (${id})`,
  explanation: `${id} of 2 capabilities.`,
}));

const scorecard = {
  score: 72,
  subscores,
  capabilities: [legacyQueueScore, eventStreamingScore],
  computedAt: '2025-03-01T10:00:00.000Z',
  productTeams: 10,
  adoptingTeams: 8,
  sources,
  rules: { adoptionFloor: 0.2, investAdoption: 0.5, graceDays: 90 },
  verdicts,
};

const history = {
  days: 90,
  items: ['2025-02-28', '2025-03-01'].map(period => ({
    period,
    score: 72,
    subscores: subscores.map(s => ({ id: s.id, value: s.value })),
    verdicts,
    capabilities: 2,
    adoptingTeams: 8,
    demo: false,
  })),
};

const capabilityDetail = {
  capability: eventStreamingScore,
  verdictHistory: [
    { period: '2025-02-01', verdict: 'keep', demo: false },
    { period: '2025-02-02', verdict: 'invest', demo: false },
  ],
  adoption: {
    weeks: [
      { week: '2025-W05', activeTeams: 4, cumulativeAdopters: 4, share: 0.4 },
      { week: '2025-W07', activeTeams: 7, cumulativeAdopters: 7, share: 0.7 },
    ],
  },
  computedAt: '2025-03-01T10:00:00.000Z',
};

// ------------------------------------------------------------------------------------------------
// The fake network.
// ------------------------------------------------------------------------------------------------

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

const notFound = (message: string) =>
  json(
    {
      error: { name: 'NotFoundError', message },
      response: { statusCode: 404 },
    },
    404,
  );

/** Requests the app sent, as `METHOD /path?query`. */
const requests: string[] = [];
/** Bodies of `POST /api/habit-metrics/events`. */
const sentHabitEvents: Array<Record<string, unknown>> = [];

async function answer(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const path = decodeURIComponent(url.pathname);
  requests.push(`${request.method} ${url.pathname}${url.search}`);
  if (url.origin !== BACKEND) {
    return new Response('', { status: 404 });
  }

  const entityByName =
    /^\/api\/catalog\/entities\/by-name\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
  if (entityByName) {
    const [kind, namespace, name] = entityByName.slice(1);
    const entity = entities.find(
      e =>
        e.kind.toLocaleLowerCase('en-US') === kind.toLocaleLowerCase('en-US') &&
        e.metadata.namespace === namespace &&
        e.metadata.name === name,
    );
    return entity
      ? json(entity)
      : notFound(`No entity ${kind}:${namespace}/${name}`);
  }

  if (request.method === 'POST' && path === '/api/habit-metrics/events') {
    const { events } = (await request.json()) as {
      events: Array<Record<string, unknown>>;
    };
    sentHabitEvents.push(...events);
    return json({ accepted: events.length, duplicates: 0 }, 202);
  }

  const bodies: Record<string, unknown> = {
    '/api/needs-discovery/surveys': { items: surveys },
    '/api/needs-discovery/surveys/dev-experience-2025/results': surveyResults,
    '/api/needs-discovery/needs': { items: registeredNeeds },
    '/api/habit-metrics/golden-path': { weeks: goldenPathWeeks, teams: [] },
    '/api/habit-metrics/adoption': {
      capabilities: [
        adoptionOf(EVENT_STREAMING, [1, 2, 4, 5]),
        adoptionOf(CI, [3, 3, 4, 6]),
      ],
    },
    '/api/habit-metrics/retention': retention,
    '/api/habit-metrics/stickiness': { weeks: stickiness },
    '/api/habit-metrics/reversions': reversions,
    '/api/habit-metrics/time-to-habit': timeToHabit,
    '/api/habit-metrics/teams/default/checkout': teamHabits,
    '/api/habit-metrics/campaigns': { campaigns: [] },
    '/api/habit-metrics/capabilities/system/default/event-streaming':
      capabilityHabits,
    '/api/thinness-scorecard/scorecard': scorecard,
    '/api/thinness-scorecard/scorecard/history': history,
    '/api/thinness-scorecard/capabilities/system/default/event-streaming':
      capabilityDetail,
  };
  if (request.method === 'GET' && path in bodies) {
    return json(bodies[path]);
  }
  return notFound(`Nothing at ${request.method} ${path}`);
}

beforeAll(() => {
  // How Backstage's own App.test.tsx hands config to the app's default config loader.
  process.env = {
    ...process.env,
    APP_CONFIG: [
      {
        context: 'test',
        data: {
          app: { title: 'Legacy app', baseUrl: 'http://localhost' },
          backend: { baseUrl: BACKEND },
        },
      },
    ] as any,
  };
  global.fetch = jest.fn((input: RequestInfo | URL, init?: RequestInit) =>
    answer(new Request(input, init)),
  ) as typeof fetch;
});

beforeEach(() => {
  requests.length = 0;
});

function renderAppAt(path: string) {
  window.history.pushState({}, '', path);
  return render(<App />);
}

describe('the legacy app', () => {
  it('shows the Needs page with the open surveys', async () => {
    renderAppAt('/needs');

    expect(
      await screen.findByText('Developer experience 2026'),
    ).toBeInTheDocument();
    // Closed surveys are not answerable.
    expect(
      screen.queryByText('Developer experience 2025'),
    ).not.toBeInTheDocument();
    // Without permission.enabled every permission is granted, so the managers' tab shows.
    expect(screen.getByText('Manage')).toBeInTheDocument();
    expect(requests).toContain('GET /api/needs-discovery/surveys');
  });

  it('shows the Habits page with the golden-path trend and the reversions', async () => {
    renderAppAt('/habits');

    expect(
      await screen.findByRole('img', {
        name: /^Golden-path share from 2026-W07 to 2026-W10: 70% over the range, 70% in the 4 weeks to 2026-W10\.$/,
      }),
    ).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Reversions' });
    expect(within(list).getByText('checkout')).toBeInTheDocument();
    // Links resolve through the app's routing: the habits page is mounted at /habits.
    expect(
      within(list).getByRole('link', { name: 'Team habits' }),
    ).toHaveAttribute('href', '/habits/teams/default/checkout');
  });

  it('shows the Thinness page with the score and the verdicts', async () => {
    renderAppAt('/thinness');

    expect(
      await screen.findByLabelText(
        'Platform thinness score: 72 out of 100 (Thin)',
      ),
    ).toBeInTheDocument();
    const table = screen.getByLabelText('Capabilities and their verdicts');
    const row = within(
      within(table).getByText('Legacy job queue').closest('tr')!,
    );
    expect(row.getByText('Dispose')).toBeInTheDocument();
    expect(row.getByText(legacyQueueScore.reasons[0])).toBeInTheDocument();
  });

  it("shows a team's needs and habits on its Group page", async () => {
    renderAppAt('/catalog/default/group/checkout');

    const needs = await screen.findByRole('list', {
      name: 'Top needs of this team',
    });
    expect(
      within(needs).getByText('1. Faster CI feedback'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('response rate · 7 of 10 members answered'),
    ).toBeInTheDocument();

    const capabilities = await screen.findByRole('list', {
      name: 'Capabilities the team uses',
    });
    expect(
      within(capabilities).getByText('event-streaming'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('All of this team’s habits').closest('a'),
    ).toHaveAttribute('href', '/habits/teams/default/checkout');
    expect(
      await screen.findByText('No active campaign for this team'),
    ).toBeInTheDocument();
    expect(requests).toContain(
      'GET /api/habit-metrics/campaigns?status=active',
    );

    // The platform roll-up stays out of the way of a team that owns no capability.
    await waitFor(() =>
      expect(requests).toContain('GET /api/thinness-scorecard/scorecard'),
    );
    expect(screen.queryByText('Platform thinness')).not.toBeInTheDocument();
  });

  it('shows the platform roll-up on the Group page of the team owning capabilities', async () => {
    renderAppAt('/catalog/default/group/platform-team');

    expect(
      await screen.findByLabelText('Platform thinness score: 72 out of 100'),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('Capabilities needing attention'),
    ).toHaveTextContent('Legacy job queue');
  });

  it("shows a capability's verdict and adoption on its page, and counts the visit", async () => {
    renderAppAt('/catalog/default/system/event-streaming');

    const reasons = await screen.findByLabelText('Reasons for the verdict');
    expect(
      within(reasons).getByText(eventStreamingScore.reasons[0]),
    ).toBeInTheDocument();
    // Both cards say the same: N of M product teams.
    expect(
      await screen.findByText('of 10 product teams have used it (50%)'),
    ).toBeInTheDocument();
    expect(screen.getByText(/^5 of 10 product teams ·/)).toBeInTheDocument();
    expect(requests).toEqual(
      expect.arrayContaining([
        'GET /api/thinness-scorecard/capabilities/system/default/event-streaming',
        expect.stringMatching(
          /^GET \/api\/habit-metrics\/capabilities\/system\/default\/event-streaming\?/,
        ),
      ]),
    );

    // The app's analytics API forwards the capability view to habit-metrics; leaving the page sends it.
    await waitFor(() => {
      window.dispatchEvent(new Event('pagehide'));
      expect(sentHabitEvents).toContainEqual(
        expect.objectContaining({
          kind: 'capability-view',
          capabilityRef: EVENT_STREAMING,
          userRef: 'user:default/guest',
        }),
      );
    });
  });
});

/**
 * Where the app mounted each plugin's page. useRouteRef throws for a route ref the app did not mount;
 * the plugins' own links fall back to their default paths then, so their hrefs alone would not tell.
 */
function MountedPaths() {
  const needs = useRouteRef(needsDiscoveryPlugin.routes.root);
  const habits = useRouteRef(habitMetricsPlugin.routes.root);
  const thinness = useRouteRef(thinnessScorecardPlugin.routes.root);
  return (
    <output aria-label="Mounted paths">
      {[needs(), habits(), thinness()].join(' ')}
    </output>
  );
}

describe("the legacy app's routes with a stub scaffolder API", () => {
  // The scaffolder plugin's own client needs scmIntegrationsApiRef (@backstage/integration-react),
  // which this package does not depend on, so App.tsx cannot register it and the template form
  // fails there. A second app from App.tsx's apis and routes, with a stub scaffolder API, shows the
  // rest of the wiring.
  const scaffolderApi = {
    getTemplateParameterSchema: jest.fn(async () => ({
      title: 'New MVP capability',
      steps: [
        {
          title: 'The need',
          schema: {
            type: 'object',
            required: ['need'],
            properties: {
              need: {
                type: 'string',
                title: 'Need served',
                'ui:field': 'NeedPicker',
              },
            },
          },
        },
      ],
    })),
  };
  const StubScaffolderApp = createApp({
    apis: [
      ...apis,
      createApiFactory(
        scaffolderApiRef,
        scaffolderApi as unknown as typeof scaffolderApiRef.T,
      ),
    ],
  }).createRoot(
    <AppRouter>
      <MountedPaths />
      {routes}
    </AppRouter>,
  );

  it("mounts the suite's pages where App.tsx routes them", async () => {
    window.history.pushState({}, '', '/catalog');
    render(<StubScaffolderApp />);

    expect(await screen.findByLabelText('Mounted paths')).toHaveTextContent(
      '/needs /habits /thinness',
    );
  });

  it('renders the NeedPicker field registered in <ScaffolderFieldExtensions>', async () => {
    window.history.pushState(
      {},
      '',
      '/create/templates/default/mvp-capability',
    );
    render(<StubScaffolderApp />);

    const field = await screen.findByRole('textbox', { name: /Need served/ });
    expect(scaffolderApi.getTemplateParameterSchema).toHaveBeenCalledWith(
      'template:default/mvp-capability',
    );
    await waitFor(() =>
      expect(requests).toContain('GET /api/needs-discovery/needs'),
    );
    fireEvent.mouseDown(field);
    expect(
      await screen.findByRole('option', { name: /Faster CI feedback/ }),
    ).toBeInTheDocument();
  });
});
