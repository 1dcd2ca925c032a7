import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  defaultEntityPresentation,
  EntityPresentationApi,
} from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import {
  CapabilityConsumers,
  CapabilityDetail,
  CapabilityScore,
  countVerdicts,
  DEFAULT_SCORE_WEIGHTS,
  DEFAULT_VERDICT_RULES,
  NO_CAPABILITIES_MESSAGE,
  Scorecard,
  ScorecardHistory,
  SUBSCORE_IDS,
  SUBSCORE_TITLES,
  Subscore,
} from '@platform-product/plugin-thinness-scorecard-common';
import { ThinnessScorecardApi } from '../api';

/** A ResponseError as the client throws it. Without a message, the body is empty (a missing plugin). */
export async function responseError(
  statusCode: number,
  message?: string,
  name = 'NotAllowedError',
): Promise<ResponseError> {
  const body =
    message === undefined
      ? ''
      : JSON.stringify({ error: { name, message }, response: { statusCode } });
  return ResponseError.fromResponse({
    ok: false,
    status: statusCode,
    statusText: 'Error',
    redirected: false,
    type: 'basic',
    url: 'http://localhost/api/thinness-scorecard',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => body,
  });
}

const sources = { needsDiscovery: true, habitMetrics: true };

function capability(
  extra: Partial<CapabilityScore> &
    Pick<CapabilityScore, 'entityRef' | 'title' | 'verdict' | 'reasons'>,
): CapabilityScore {
  return {
    owner: 'group:default/platform-team',
    consumers: {
      teams: [],
      count: 0,
      productTeams: 10,
      share: 0,
      activeTeams: null,
      source: 'catalog',
    },
    need: null,
    valueClass: 'differentiating',
    surface: 3,
    lifecycle: 'production',
    mvpReviewDate: null,
    reviewOverdue: false,
    adoptionTrend: null,
    firstSeenAt: '2024-06-01T00:00:00.000Z',
    sources,
    ...extra,
  };
}

const consumers = (count: number): CapabilityConsumers => ({
  teams: Array.from({ length: count }, (_, i) => `group:default/team-${i}`),
  count,
  productTeams: 10,
  share: count / 10,
  activeTeams: count,
  source: 'habit-metrics',
});

export const disposeCapability = capability({
  entityRef: 'system:default/legacy-queue',
  title: 'Legacy job queue',
  verdict: 'dispose',
  consumers: consumers(1),
  need: {
    id: 'background-jobs',
    shared: false,
    teams: 1,
    state: 'not-shared',
    title: 'Background jobs',
  },
  surface: 7,
  reasons: [
    'Used by 1 of 10 product teams (10%), below the 20% adoption floor, and it is past its trial (lifecycle production).',
    'Nobody needs it enough to justify running it: plan its retirement with the teams still using it.',
  ],
});

export const outsourceCapability = capability({
  entityRef: 'system:default/log-shipping',
  title: 'Log shipping',
  verdict: 'outsource',
  valueClass: 'commodity',
  consumers: consumers(6),
  reasons: [
    'It is a commodity capability built and run in-house: a bought or managed service can do the same job.',
  ],
});

export const reviewCapability = capability({
  entityRef: 'component:default/secrets-vault',
  title: 'Secrets vault',
  owner: 'group:default/security',
  verdict: 'review',
  consumers: consumers(3),
  mvpReviewDate: '2025-01-15',
  reviewOverdue: true,
  need: {
    id: 'secrets',
    shared: false,
    teams: null,
    state: 'not-found',
  },
  reasons: ['Its MVP review date 2025-01-15 has passed.'],
});

export const investCapability = capability({
  entityRef: 'system:default/event-streaming',
  title: 'Event streaming',
  verdict: 'invest',
  consumers: consumers(7),
  adoptionTrend: 'growing',
  need: {
    id: 'async-events',
    shared: true,
    teams: 5,
    state: 'shared',
    title: 'Asynchronous events',
  },
  reasons: [
    'It serves the shared need "Asynchronous events" (async-events), reported by 5 teams in the latest survey.',
    'Used by 7 of 10 product teams (70%).',
  ],
});

export const keepCapability = capability({
  entityRef: 'system:default/ci-templates',
  title: 'CI templates',
  owner: 'group:default/dev-experience',
  verdict: 'keep',
  consumers: consumers(4),
  reasons: ['Used by 4 of 10 product teams (40%).'],
});

export const capabilities = [
  disposeCapability,
  outsourceCapability,
  reviewCapability,
  investCapability,
  keepCapability,
];

export const subscores: (Subscore & { value: number })[] = SUBSCORE_IDS.map(
  (id, index) => ({
    id,
    title: SUBSCORE_TITLES[id],
    value: 50 + index * 5,
    weight: DEFAULT_SCORE_WEIGHTS[id],
    inputs: [
      { id: 'capabilities', label: 'Capabilities', value: 5 },
      { id: 'matching', label: `Matching for ${id}`, value: index },
    ],
    formula: `100 × matching / capabilities (${id})`,
    explanation: `${index} of 5 capabilities count for ${id}.`,
  }),
);

export const scorecard: Scorecard = {
  score: 72,
  notScored: null,
  subscores,
  capabilities,
  computedAt: '2025-03-01T10:00:00.000Z',
  productTeams: 10,
  adoptingTeams: 8,
  sources,
  rules: DEFAULT_VERDICT_RULES,
  verdicts: countVerdicts(capabilities),
};

/** The scorecard of a fresh install: no capability is annotated yet, so nothing is scored. */
export const emptyScorecard: Scorecard = {
  score: null,
  notScored: { reason: 'no-capabilities', message: NO_CAPABILITIES_MESSAGE },
  subscores: subscores.map(s => ({
    ...s,
    value: null,
    explanation: 'Not scored: there are no platform capabilities yet.',
  })),
  capabilities: [],
  computedAt: '2025-03-01T10:00:00.000Z',
  productTeams: 10,
  adoptingTeams: 0,
  sources,
  rules: DEFAULT_VERDICT_RULES,
  verdicts: countVerdicts([]),
};

export const history: ScorecardHistory = {
  days: 90,
  items: ['2025-02-26', '2025-02-27', '2025-02-28', '2025-03-01'].map(
    (period, index) => ({
      period,
      score: 60 + index * 4,
      subscores: subscores.map(s => ({ id: s.id, value: s.value })),
      verdicts: countVerdicts(capabilities),
      capabilities: 5,
      adoptingTeams: 8,
      demo: index < 2,
    }),
  ),
};

export const capabilityDetail: CapabilityDetail = {
  capability: investCapability,
  verdictHistory: [
    { period: '2025-02-01', verdict: 'keep', demo: true },
    { period: '2025-02-02', verdict: 'keep', demo: true },
    { period: '2025-02-03', verdict: 'invest', demo: false },
  ],
  adoption: {
    weeks: [
      { week: '2025-W05', activeTeams: 4, cumulativeAdopters: 4, share: 0.4 },
      { week: '2025-W06', activeTeams: 6, cumulativeAdopters: 6, share: 0.6 },
      { week: '2025-W07', activeTeams: 7, cumulativeAdopters: 7, share: 0.7 },
    ],
  },
  computedAt: '2025-03-01T10:00:00.000Z',
};

export function groupEntity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

export function capabilityEntity(name: string, kind = 'System'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'platform-product.io/capability': 'true' },
    },
    spec: { owner: 'group:default/platform-team' },
  };
}

/** Every API method as a jest mock; tests override the ones they use. */
export function mockThinnessScorecardApi(): jest.Mocked<ThinnessScorecardApi> {
  return {
    getScorecard: jest.fn().mockResolvedValue(scorecard),
    getHistory: jest.fn().mockResolvedValue(history),
    getCapability: jest.fn().mockResolvedValue(capabilityDetail),
    refresh: jest.fn().mockResolvedValue(scorecard),
  };
}

/** Display names of the fixtures' owner Groups (`spec.profile.displayName`), as the catalog would present them. */
export const OWNER_TITLES: Record<string, string> = {
  'group:default/platform-team': 'Platform Team',
  'group:default/security': 'Appsec',
  'group:default/dev-experience': 'Developer Experience',
};

/** An entity presentation API that knows the titles given (Backstage's default presentation for any other entity). */
export function mockEntityPresentationApi(
  titles: Record<string, string> = OWNER_TITLES,
): EntityPresentationApi {
  return {
    forEntity(entityOrRef, context) {
      const ref =
        typeof entityOrRef === 'string'
          ? entityOrRef
          : stringifyEntityRef(entityOrRef);
      const fallback = defaultEntityPresentation(ref, context);
      const snapshot = titles[ref]
        ? { ...fallback, primaryTitle: titles[ref] }
        : fallback;
      return { snapshot, promise: Promise.resolve(snapshot) };
    },
  };
}
