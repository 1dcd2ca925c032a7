import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  defaultEntityPresentation,
  EntityPresentationApi,
} from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import {
  Adoption,
  Campaign,
  CampaignProgress,
  CapabilityHabits,
  GoldenPathShare,
  HabitsSummary,
  Retention,
  Reversions,
  StickinessWeek,
  TeamHabits,
  TimeToHabit,
} from '@platform-product/plugin-habit-metrics-common';
import { HabitMetricsApi } from '../api';

/** A ResponseError as the client throws it for a Backstage error body. */
export async function responseError(
  statusCode: number,
  message: string,
  name = 'Error',
): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name, message },
    response: { statusCode },
  });
  return ResponseError.fromResponse({
    ok: false,
    status: statusCode,
    statusText: 'Error',
    redirected: false,
    type: 'basic',
    url: 'http://localhost/api/habit-metrics',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => body,
  });
}

/** The empty 404 of a Backstage backend without the habit-metrics plugin. */
export async function notInstalledError(): Promise<ResponseError> {
  return ResponseError.fromResponse({
    ok: false,
    status: 404,
    statusText: 'Not Found',
    redirected: false,
    type: 'basic',
    url: 'http://localhost/api/habit-metrics/golden-path',
    headers: new Headers(),
    text: async () => '',
  });
}

export const WEEKS = ['2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02'];
export const EVENT_STREAMING = 'system:default/event-streaming';
export const CI = 'system:default/ci';
export const CHECKOUT = 'group:default/checkout';
export const PAYMENTS = 'group:default/payments';

/** Titles of the fixtures' entities, as the catalog would present them (metadata.title, spec.profile.displayName). */
export const TITLES: Record<string, string> = {
  [EVENT_STREAMING]: 'Event Streaming',
  [CI]: 'Continuous Integration',
  [CHECKOUT]: 'Checkout Squad',
  [PAYMENTS]: 'Payments Crew',
};

/**
 * An entity presentation API that knows the titles given (Backstage's default presentation for any other entity), as
 * the catalog plugin's would after reading the entities.
 */
export function mockEntityPresentationApi(
  titles: Record<string, string> = TITLES,
): EntityPresentationApi {
  return {
    forEntity(entityOrRef) {
      const ref =
        typeof entityOrRef === 'string'
          ? entityOrRef
          : stringifyEntityRef(entityOrRef);
      const fallback = defaultEntityPresentation(ref);
      const snapshot = titles[ref]
        ? { ...fallback, primaryTitle: titles[ref] }
        : fallback;
      return { snapshot, promise: Promise.resolve(snapshot) };
    },
  };
}

export const goldenPath: GoldenPathShare = {
  weeks: [
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
  ],
  teams: [
    {
      teamRef: CHECKOUT,
      weeks: [
        {
          week: WEEKS[0],
          newComponents: 2,
          viaTemplate: 1,
          share: 0.5,
          rollingShare: 0.5,
        },
      ],
    },
  ],
};

function adoptionOf(capabilityRef: string, adopters: number[]): Adoption {
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
      before: { week: '2025-12-08', adopters: 0, activeTeams: 0 },
      trendThreshold: 1,
      trend: 'growing',
    },
  };
}

export const adoption: Adoption[] = [
  adoptionOf(EVENT_STREAMING, [1, 2, 4, 5]),
  adoptionOf(CI, [3, 3, 4, 6]),
];

export const retention: Retention = {
  capabilityRef: null,
  weeks: 3,
  cohorts: [
    { week: WEEKS[0], teams: 4, retention: [0.75, 0.5, 0.25] },
    { week: WEEKS[1], teams: 2, retention: [1, 0.5, null] },
    { week: WEEKS[2], teams: 1, retention: [0, null, null] },
  ],
};

export const stickiness: StickinessWeek[] = WEEKS.map((week, i) => ({
  week,
  weeklyActiveTeams: i + 1,
  activeTeamsLast4Weeks: 4,
  stickiness: (i + 1) / 4,
}));

export const reversions: Reversions = {
  minStreakWeeks: 3,
  weeks: WEEKS.map((week, i) => ({ week, count: i === 3 ? 1 : 0 })),
  teams: [{ teamRef: CHECKOUT, week: WEEKS[3], streakWeeks: 5 }],
};

export const timeToHabit: TimeToHabit = {
  habitWeeks: 4,
  capabilities: [
    { capabilityRef: EVENT_STREAMING, teams: 5, reached: 3, medianWeeks: 4 },
    { capabilityRef: CI, teams: 6, reached: 0, medianWeeks: null },
  ],
};

export const teamHabits: TeamHabits = {
  teamRef: CHECKOUT,
  goldenPath: goldenPath.weeks,
  activeWeeks: 3,
  capabilities: [
    {
      capabilityRef: CI,
      firstWeek: WEEKS[0],
      lastWeek: WEEKS[2],
      activeWeeks: 2,
    },
    {
      capabilityRef: EVENT_STREAMING,
      firstWeek: WEEKS[1],
      lastWeek: WEEKS[3],
      activeWeeks: 3,
    },
  ],
  reversions: reversions.teams,
};

export const capabilityHabits: CapabilityHabits = {
  capabilityRef: EVENT_STREAMING,
  adoption: adoption[0],
  retention: { ...retention, capabilityRef: EVENT_STREAMING },
  timeToHabit: timeToHabit.capabilities[0],
  stickiness,
};

export const summary: HabitsSummary = {
  hasActivity: true,
  firstWeek: WEEKS[0],
  lastWeek: WEEKS[3],
  capabilities: 2,
  teams: 10,
};

/** A fresh install: no event recorded, no capability in the catalog. */
export const emptySummary: HabitsSummary = {
  hasActivity: false,
  firstWeek: null,
  lastWeek: null,
  capabilities: 0,
  teams: 10,
};

export const CAMPAIGN_ID = '7a1c9a52-0d1e-4a4e-9a51-3c2b1f0e9d01';
export const ANNOUNCEMENT_ID = '0b4f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a51';
export const SESSION_ID = '0b4f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a52';
export const PATH_ID = '0b4f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a53';

/** An active campaign for event streaming aimed at two teams. */
export const campaign: Campaign = {
  id: CAMPAIGN_ID,
  title: 'Move to event streaming',
  description: 'Stop polling: publish and subscribe.',
  capabilityRef: EVENT_STREAMING,
  templates: [],
  goal: { kind: 'active-weeks', activeWeeks: 3, windowWeeks: 4 },
  audience: { source: 'groups', groups: [CHECKOUT, PAYMENTS] },
  targetDate: '2026-06-30',
  status: 'active',
  createdBy: 'user:default/platform-owner',
  createdAt: '2026-02-01T09:00:00.000Z',
  updatedAt: '2026-02-09T09:00:00.000Z',
  startedAt: '2026-02-09T09:00:00.000Z',
  endedAt: null,
  teams: [
    { teamRef: CHECKOUT, championRef: 'user:default/guest' },
    { teamRef: PAYMENTS, championRef: null },
  ],
};

export const campaignDetail = {
  campaign,
  activities: [
    {
      id: ANNOUNCEMENT_ID,
      campaignId: CAMPAIGN_ID,
      kind: 'announcement' as const,
      title: 'Event streaming is ready',
      description: 'Why and how to move.',
      startsAt: null,
      capacity: null,
      link: null,
      steps: [],
      createdAt: '2026-02-09T09:00:00.000Z',
    },
    {
      id: SESSION_ID,
      campaignId: CAMPAIGN_ID,
      kind: 'training-session' as const,
      title: 'Hands-on: your first topic',
      description: '',
      startsAt: '2026-02-20T14:00:00.000Z',
      capacity: 20,
      link: 'https://meet.example.com/streaming',
      steps: [],
      createdAt: '2026-02-09T09:05:00.000Z',
    },
    {
      id: PATH_ID,
      campaignId: CAMPAIGN_ID,
      kind: 'learning-path' as const,
      title: 'Learning path',
      description: '',
      startsAt: null,
      capacity: null,
      link: null,
      steps: [
        { title: 'Read the overview', link: '/docs/default/system/streaming' },
        { title: 'Publish an event', link: 'https://example.com/publish' },
      ],
      createdAt: '2026-02-09T09:10:00.000Z',
    },
  ],
  myParticipation: [],
};

export const campaignProgress: CampaignProgress = {
  asOf: WEEKS[3],
  startWeek: WEEKS[0],
  teams: [
    {
      teamRef: CHECKOUT,
      state: 'habit-formed',
      atGoal: true,
      engaged: true,
      firstActiveWeek: WEEKS[0],
      firstGoalWeek: WEEKS[2],
    },
    {
      teamRef: PAYMENTS,
      state: 'not-reached',
      atGoal: false,
      engaged: false,
      firstActiveWeek: null,
      firstGoalWeek: null,
    },
  ],
  states: {
    'not-reached': 1,
    engaged: 0,
    adopting: 0,
    'habit-formed': 1,
    reverted: 0,
  },
  burnUp: WEEKS.map((week, i) => ({ week, atGoal: i >= 2 ? 1 : 0, teams: 2 })),
  activities: [
    {
      activityId: ANNOUNCEMENT_ID,
      kind: 'announcement',
      acknowledged: 3,
      going: 0,
      attended: 0,
      interested: 0,
      completed: 0,
      attendanceRate: null,
      engagedTeams: 1,
      teams: 2,
      teamRate: 0.5,
    },
    {
      activityId: SESSION_ID,
      kind: 'training-session',
      acknowledged: 0,
      going: 4,
      attended: 3,
      interested: 0,
      completed: 0,
      attendanceRate: 0.75,
      engagedTeams: 1,
      teams: 2,
      teamRate: 0.5,
    },
  ],
  effect: {
    habitWeeks: 4,
    engaged: {
      teams: 1,
      adopters: 1,
      adoptionShare: 1,
      reachedHabit: 1,
      medianWeeksToHabit: 3,
    },
    notEngaged: {
      teams: 1,
      adopters: 0,
      adoptionShare: 0,
      reachedHabit: 0,
      medianWeeksToHabit: null,
    },
    adoptionShareDifference: 1,
    medianWeeksToHabitDifference: null,
    minGroupTeams: 5,
    tooSmallToConclude: true,
  },
};

/** Every API method as a jest mock answering with the fixtures; tests override what they need. */
export function mockHabitMetricsApi(): jest.Mocked<HabitMetricsApi> {
  return {
    sendEvents: jest.fn().mockResolvedValue({ accepted: 0, duplicates: 0 }),
    getGoldenPath: jest.fn().mockResolvedValue(goldenPath),
    getAdoption: jest.fn().mockResolvedValue(adoption[0]),
    listAdoption: jest.fn().mockResolvedValue(adoption),
    getRetention: jest.fn().mockResolvedValue(retention),
    getStickiness: jest.fn().mockResolvedValue(stickiness),
    getReversions: jest.fn().mockResolvedValue(reversions),
    getTimeToHabit: jest.fn().mockResolvedValue(timeToHabit),
    getTeamHabits: jest.fn().mockResolvedValue(teamHabits),
    getCapabilityHabits: jest.fn().mockResolvedValue(capabilityHabits),
    getSummary: jest.fn().mockResolvedValue(summary),
    listCampaigns: jest.fn().mockResolvedValue([campaign]),
    createCampaign: jest
      .fn()
      .mockResolvedValue({ ...campaign, status: 'draft' }),
    getCampaign: jest.fn().mockResolvedValue(campaignDetail),
    updateCampaign: jest.fn().mockResolvedValue(campaign),
    addCampaignActivity: jest
      .fn()
      .mockResolvedValue(campaignDetail.activities[0]),
    putMyParticipation: jest
      .fn()
      .mockImplementation(
        async (_id: string, activityId: string, input: any) => ({
          activityId,
          status: input.status ?? null,
          stepsDone: input.stepsDone ?? [],
          attended: false,
          updatedAt: '2026-03-02T10:00:00.000Z',
        }),
      ),
    getCampaignProgress: jest.fn().mockResolvedValue(campaignProgress),
  };
}

export function entity(
  kind: string,
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    spec: {},
  };
}
