import {
  computeScore,
  GrowthHistoryPoint,
  growthBaseline,
  NO_CAPABILITIES_EXPLANATION,
  NO_CAPABILITIES_MESSAGE,
  PlatformFacts,
  ScoredCapability,
  ScoreOptions,
} from './score';
import {
  buildScorecard,
  countAdoptingTeams,
  isScored,
  toHistoryPoint,
} from './scorecard';
import {
  CapabilityFacts,
  DEFAULT_SCORE_WEIGHTS,
  DEFAULT_VERDICT_RULES,
  SubscoreId,
  SUBSCORE_IDS,
} from './types';

const now = new Date('2026-11-27T12:00:00Z');
const day = (daysAgo: number) =>
  new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);

function cap(overrides: Partial<ScoredCapability> = {}): ScoredCapability {
  return {
    need: { id: 'n', shared: true, teams: 3, state: 'shared' },
    consumers: {
      teams: [],
      count: 5,
      productTeams: 10,
      share: 0.5,
      activeTeams: null,
      source: 'catalog',
    },
    valueClass: 'differentiating',
    mvpReviewDate: null,
    reviewOverdue: false,
    surface: 3,
    ...overrides,
  };
}
const used = (share: number) => ({
  consumers: {
    teams: [],
    count: Math.round(share * 10),
    productTeams: 10,
    share,
    activeTeams: null,
    source: 'catalog' as const,
  },
});

const platform: PlatformFacts = {
  productTeams: 10,
  adoptingTeams: 6,
  needsDiscoveryInstalled: true,
};
const options: ScoreOptions = {
  weights: DEFAULT_SCORE_WEIGHTS,
  adoptionFloor: 0.2,
  surfacePerTeamTarget: 3,
  now,
};

function subscore(
  id: SubscoreId,
  capabilities: ScoredCapability[],
  platformFacts: Partial<PlatformFacts> = {},
  history: GrowthHistoryPoint[] = [],
  opts: Partial<ScoreOptions> = {},
) {
  return computeScore(
    capabilities,
    { ...platform, ...platformFacts },
    { ...options, ...opts },
    history,
  ).subscores.find(s => s.id === id)!;
}

describe('computeScore sub-scores', () => {
  it.each<[string, ScoredCapability[], Partial<PlatformFacts>, number | null]>([
    ['no capabilities: not scored', [], {}, null],
    ['all shared', [cap(), cap()], {}, 100],
    [
      '1 of 4 shared',
      [
        cap(),
        cap({ need: null }),
        cap({
          need: { id: 'x', shared: false, teams: 1, state: 'not-shared' },
        }),
        cap({
          need: { id: 'y', shared: false, teams: null, state: 'not-found' },
        }),
      ],
      {},
      25,
    ],
    [
      '2 of 3 declared, needs-discovery absent',
      [
        cap({
          need: { id: 'x', shared: false, teams: null, state: 'unverified' },
        }),
        cap({
          need: { id: 'y', shared: false, teams: null, state: 'unverified' },
        }),
        cap({ need: null }),
      ],
      { needsDiscoveryInstalled: false },
      67,
    ],
  ])('needCoverage: %s → %p', (_name, capabilities, facts, value) => {
    expect(subscore('needCoverage', capabilities, facts).value).toBe(value);
  });

  it.each<[string, ScoredCapability[], number, number | null]>([
    ['no capabilities: not scored', [], 0.2, null],
    [
      '3 of 4 above 20%',
      [cap(used(0.2)), cap(used(0.5)), cap(used(1)), cap(used(0.1))],
      0.2,
      75,
    ],
    [
      'floor 60%: 1 of 4',
      [cap(used(0.2)), cap(used(0.5)), cap(used(1)), cap(used(0.1))],
      0.6,
      25,
    ],
    ['none used', [cap(used(0)), cap(used(0))], 0.2, 0],
  ])('adoption: %s → %p', (_name, capabilities, adoptionFloor, value) => {
    expect(
      subscore('adoption', capabilities, {}, [], { adoptionFloor }).value,
    ).toBe(value);
  });

  it.each<[string, ScoredCapability[], number | null]>([
    ['no capabilities: not scored', [], null],
    ['no commodity', [cap(), cap()], 100],
    ['1 of 3 commodity', [cap(), cap(), cap({ valueClass: 'commodity' })], 67],
    ['all commodity', [cap({ valueClass: 'commodity' })], 0],
    ['unknown is not commodity', [cap({ valueClass: 'unknown' })], 100],
  ])('commodityInHouse: %s → %p', (_name, capabilities, value) => {
    expect(subscore('commodityInHouse', capabilities).value).toBe(value);
  });

  it.each<[string, ScoredCapability[], number]>([
    ['no review dates', [cap(), cap()], 100],
    [
      '1 of 2 overdue',
      [
        cap({ mvpReviewDate: '2026-09-30', reviewOverdue: true }),
        cap({ mvpReviewDate: '2027-02-15' }),
        cap(),
      ],
      50,
    ],
    [
      'all overdue',
      [cap({ mvpReviewDate: '2026-09-30', reviewOverdue: true })],
      0,
    ],
  ])('overdueReviews: %s → %p', (_name, capabilities, value) => {
    expect(subscore('overdueReviews', capabilities).value).toBe(value);
  });

  it.each<[string, number[], number, number, number]>([
    // surfaces, adopting teams, target, value
    ['lean: 18 entities / 6 teams = 3', [9, 9], 6, 3, 100],
    ['leaner than target', [2, 2], 6, 3, 100],
    ['6 per team against 3', [18, 18], 6, 3, 50],
    ['12 per team against 3', [24], 2, 3, 25],
    ['target 6, 12 per team', [24], 2, 6, 50],
    ['no adopting team, some surface', [5], 0, 3, 0],
    ['no adopting team, no surface', [0], 0, 3, 100],
  ])(
    'surfacePerTeam: %s → %p',
    (_name, surfaces, adoptingTeams, surfacePerTeamTarget, value) => {
      expect(
        subscore(
          'surfacePerTeam',
          surfaces.map(surface => cap({ surface })),
          { adoptingTeams },
          [],
          { surfacePerTeamTarget },
        ).value,
      ).toBe(value);
    },
  );

  const point = (
    daysAgo: number,
    capabilities: number,
    adoptingTeams: number,
  ): GrowthHistoryPoint => ({
    period: day(daysAgo),
    capabilities,
    adoptingTeams,
  });

  it.each<[string, GrowthHistoryPoint[], number, number, number]>([
    // history, capabilities now, adopting teams now, value
    ['no history', [], 8, 6, 100],
    ['only recent history (10 days)', [point(10, 4, 2)], 8, 6, 100],
    ['history older than 90 days only', [point(120, 4, 2)], 8, 6, 100],
    ['caps 4→8 (×2), teams 3→6 (×2)', [point(80, 4, 3)], 8, 6, 100],
    ['caps 6→8 (×1.33), teams 6→6', [point(80, 6, 6)], 8, 6, 75],
    ['caps 4→8 (×2), teams 6→3 (×0.5)', [point(80, 4, 6)], 8, 3, 25],
    ['caps shrink 8→4, teams flat', [point(80, 8, 6)], 4, 6, 100],
    ['teams from 0', [point(80, 4, 0)], 8, 2, 100],
    ['teams stay 0, caps grow', [point(80, 4, 0)], 8, 0, 50],
    [
      'uses the oldest point in the window',
      [point(30, 8, 3), point(85, 4, 6), point(100, 1, 1)],
      8,
      6,
      50,
    ],
  ])('growthBalance: %s → %p', (_name, history, capsNow, teamsNow, value) => {
    const capabilities = Array.from({ length: capsNow }, () => cap());
    const result = subscore(
      'growthBalance',
      capabilities,
      { adoptingTeams: teamsNow },
      history,
    );
    expect(result.value).toBe(value);
  });

  it('says "no history yet" when there is no baseline', () => {
    const result = subscore('growthBalance', [cap()]);
    expect(result.inputs).toContainEqual({
      id: 'baseline',
      label: 'Baseline snapshot',
      value: 'no history yet',
    });
  });

  it('picks the baseline within 90 days and at least 14 days old', () => {
    expect(growthBaseline([point(13, 1, 1)], now)).toBeNull();
    expect(growthBaseline([point(14, 1, 1)], now)?.period).toBe(day(14));
    expect(
      growthBaseline([point(91, 1, 1), point(90, 2, 2)], now)?.period,
    ).toBe(day(90));
    expect(growthBaseline([point(50, 0, 0)], now)).toBeNull();
  });
});

describe('computeScore total', () => {
  it('returns every sub-score in order with its weight, inputs, formula and explanation', () => {
    const { subscores } = computeScore([cap()], platform, options, []);
    expect(subscores.map(s => s.id)).toEqual(SUBSCORE_IDS);
    for (const s of subscores) {
      expect(s.weight).toBe(DEFAULT_SCORE_WEIGHTS[s.id]);
      expect(s.inputs.length).toBeGreaterThan(0);
      expect(s.formula).toMatch(/^100 ×/);
      expect(s.explanation).toMatch(/\.$/);
      expect(Number.isInteger(s.value)).toBe(true);
    }
  });

  it.each<[string, Partial<Record<SubscoreId, number>>, number]>([
    // sub-scores for the capabilities below: need 50, adoption 50, commodity 50, overdue 0, surface 100, growth 100
    ['default weights', {}, 58],
    [
      'only need coverage counts',
      {
        adoption: 0,
        commodityInHouse: 0,
        overdueReviews: 0,
        surfacePerTeam: 0,
        growthBalance: 0,
      },
      50,
    ],
    [
      'equal weights',
      {
        needCoverage: 1,
        adoption: 1,
        commodityInHouse: 1,
        overdueReviews: 1,
        surfacePerTeam: 1,
        growthBalance: 1,
      },
      58,
    ],
    [
      'overdue reviews dominate',
      {
        needCoverage: 0,
        adoption: 0,
        commodityInHouse: 0,
        overdueReviews: 3,
        surfacePerTeam: 1,
        growthBalance: 0,
      },
      25,
    ],
    [
      'all weights zero: plain mean',
      {
        needCoverage: 0,
        adoption: 0,
        commodityInHouse: 0,
        overdueReviews: 0,
        surfacePerTeam: 0,
        growthBalance: 0,
      },
      58,
    ],
  ])('%s → %p', (_name, weights, score) => {
    const capabilities = [
      cap({ mvpReviewDate: '2026-01-01', reviewOverdue: true, surface: 2 }),
      cap({ need: null, valueClass: 'commodity', ...used(0.1), surface: 2 }),
    ];
    const result = computeScore(
      capabilities,
      { ...platform, adoptingTeams: 4 },
      { ...options, weights: { ...DEFAULT_SCORE_WEIGHTS, ...weights } },
      [],
    );
    expect(result.subscores.map(s => s.value)).toEqual([
      50, 50, 50, 0, 100, 100,
    ]);
    expect(result.score).toBe(score);
  });
});

describe('computeScore without capabilities', () => {
  it('scores nothing: the score and every sub-score are null, and each says why', () => {
    const result = computeScore(
      [],
      { productTeams: 0, adoptingTeams: 0, needsDiscoveryInstalled: false },
      options,
      [],
    );
    expect(result.score).toBeNull();
    expect(result.subscores.map(s => s.id)).toEqual(SUBSCORE_IDS);
    for (const s of result.subscores) {
      expect(s.value).toBeNull();
      expect(s.explanation).toBe(NO_CAPABILITIES_EXPLANATION);
      expect(s.weight).toBe(DEFAULT_SCORE_WEIGHTS[s.id]);
      expect(s.inputs.length).toBeGreaterThan(0);
    }
    expect(
      result.subscores.find(s => s.id === 'needCoverage')!.inputs[0],
    ).toEqual({ id: 'capabilities', label: 'Capabilities', value: 0 });
  });

  it('whatever the history says', () => {
    const history = [{ period: day(60), capabilities: 4, adoptingTeams: 3 }];
    expect(computeScore([], platform, options, history).score).toBeNull();
  });
});

describe('buildScorecard', () => {
  const facts = (
    name: string,
    teams: string[],
    overrides: Partial<CapabilityFacts> = {},
  ): CapabilityFacts => ({
    entityRef: `system:default/${name}`,
    title: name,
    owner: 'group:default/platform',
    lifecycle: 'production',
    valueClass: 'differentiating',
    need: { id: `need-${name}`, shared: true, teams: 3, state: 'shared' },
    consumers: {
      teams,
      count: teams.length,
      productTeams: 4,
      share: teams.length / 4,
      activeTeams: null,
      source: 'catalog',
    },
    surface: 2,
    mvpReviewDate: null,
    firstSeenAt: '2025-01-01T00:00:00.000Z',
    adoptionTrend: null,
    sources: { needsDiscovery: true, habitMetrics: false },
    ...overrides,
  });

  it('judges, sorts, counts and scores', () => {
    const scorecard = buildScorecard(
      [
        facts('a', ['t1', 't2', 't3']),
        facts('b', [], { need: null }),
        facts('c', ['t1', 't4'], { valueClass: 'commodity' }),
      ],
      {
        rules: DEFAULT_VERDICT_RULES,
        weights: DEFAULT_SCORE_WEIGHTS,
        surfacePerTeamTarget: 3,
        productTeams: 4,
        sources: { needsDiscovery: true, habitMetrics: false },
        history: [],
        now,
      },
    );
    expect(scorecard.capabilities.map(c => [c.title, c.verdict])).toEqual([
      ['b', 'dispose'],
      ['c', 'outsource'],
      ['a', 'invest'],
    ]);
    expect(scorecard.verdicts).toEqual({
      dispose: 1,
      outsource: 1,
      review: 0,
      invest: 1,
      keep: 0,
    });
    expect(scorecard.adoptingTeams).toBe(4);
    expect(scorecard.computedAt).toBe(now.toISOString());
    // need 67, adoption 67, commodity 67, overdue 100, surface 100 (6 / 4 = 1.5 per team), growth 100
    expect(scorecard.subscores.map(s => s.value)).toEqual([
      67, 67, 67, 100, 100, 100,
    ]);
    expect(scorecard.score).toBe(79);
    expect(scorecard.notScored).toBeNull();
    expect(isScored(scorecard)).toBe(true);
    expect(toHistoryPoint(scorecard, '2026-11-27')).toEqual({
      period: '2026-11-27',
      score: 79,
      subscores: scorecard.subscores.map(s => ({ id: s.id, value: s.value })),
      verdicts: scorecard.verdicts,
      capabilities: 3,
      adoptingTeams: 4,
      demo: false,
    });
  });

  it('leaves a platform without capabilities unscored, and out of the history', () => {
    const scorecard = buildScorecard([], {
      rules: DEFAULT_VERDICT_RULES,
      weights: DEFAULT_SCORE_WEIGHTS,
      surfacePerTeamTarget: 3,
      productTeams: 0,
      sources: { needsDiscovery: false, habitMetrics: false },
      history: [],
      now,
    });
    expect(scorecard.score).toBeNull();
    expect(scorecard.notScored).toEqual({
      reason: 'no-capabilities',
      message: NO_CAPABILITIES_MESSAGE,
    });
    expect(scorecard.notScored?.message).toContain(
      'platform-product.io/capability: "true"',
    );
    expect(scorecard.subscores.every(s => s.value === null)).toBe(true);
    expect(scorecard.verdicts).toEqual({
      dispose: 0,
      outsource: 0,
      review: 0,
      invest: 0,
      keep: 0,
    });
    expect(isScored(scorecard)).toBe(false);
    expect(toHistoryPoint(scorecard, '2026-11-27')).toBeNull();
  });

  it.each([
    [[], 0],
    [
      [
        { teams: ['a', 'b'], count: 2 },
        { teams: ['b', 'c'], count: 2 },
      ],
      3,
    ],
    // habit-metrics counted 5 teams it could not name
    [
      [
        { teams: ['a'], count: 5 },
        { teams: ['b', 'c'], count: 2 },
      ],
      5,
    ],
  ])('countAdoptingTeams(%j) → %p', (consumers, expected) => {
    expect(countAdoptingTeams(consumers.map(c => ({ consumers: c })))).toBe(
      expected,
    );
  });
});
