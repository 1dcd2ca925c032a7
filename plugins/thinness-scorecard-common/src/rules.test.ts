import {
  compareCapabilities,
  countVerdicts,
  decideVerdict,
  isLowAdoption,
  isPastGracePeriod,
  isReviewOverdue,
  parseDay,
  scoreCapability,
} from './rules';
import {
  CapabilityFacts,
  CapabilityNeed,
  DEFAULT_VERDICT_RULES,
  Verdict,
} from './types';

const now = new Date('2026-11-27T12:00:00Z');
const daysAgo = (days: number) =>
  new Date(now.getTime() - days * 86_400_000).toISOString();

const team = (i: number) => `group:default/team-${i}`;

const sharedNeed: CapabilityNeed = {
  id: 'need-x',
  title: 'Need X',
  shared: true,
  teams: 4,
  state: 'shared',
  status: 'served',
};
const notSharedNeed: CapabilityNeed = {
  id: 'need-y',
  shared: false,
  teams: 1,
  state: 'not-shared',
};
const missingNeed: CapabilityNeed = {
  id: 'need-gone',
  shared: false,
  teams: null,
  state: 'not-found',
};
const unverifiedNeed: CapabilityNeed = {
  id: 'need-z',
  shared: false,
  teams: null,
  state: 'unverified',
};

/** A production, differentiating capability used by `used` of 10 teams with a shared need. */
function facts(
  used: number,
  overrides: Partial<CapabilityFacts> = {},
): CapabilityFacts {
  const teams = Array.from({ length: used }, (_, i) => team(i));
  return {
    entityRef: 'system:default/cap',
    title: 'Cap',
    owner: 'group:default/platform-team',
    lifecycle: 'production',
    valueClass: 'differentiating',
    need: sharedNeed,
    consumers: {
      teams,
      count: used,
      productTeams: 10,
      share: used / 10,
      activeTeams: null,
      source: 'catalog',
    },
    surface: 3,
    mvpReviewDate: null,
    firstSeenAt: daysAgo(400),
    adoptionTrend: null,
    sources: { needsDiscovery: true, habitMetrics: false },
    ...overrides,
  };
}

const rules = DEFAULT_VERDICT_RULES;

describe('decideVerdict', () => {
  it.each<[string, CapabilityFacts, Verdict]>([
    // dispose: low adoption, past grace, no shared need
    ['unused, production, no need', facts(1, { need: null }), 'dispose'],
    ['unused, need not shared', facts(0, { need: notSharedNeed }), 'dispose'],
    [
      'unused, need not in registry',
      facts(1, { need: missingNeed }),
      'dispose',
    ],
    [
      'unused experimental seen 120 days, no need',
      facts(1, {
        need: null,
        lifecycle: 'experimental',
        firstSeenAt: daysAgo(120),
      }),
      'dispose',
    ],
    [
      'dispose wins over commodity',
      facts(1, { need: null, valueClass: 'commodity' }),
      'dispose',
    ],
    [
      'dispose wins over an overdue review',
      facts(0, { need: notSharedNeed, mvpReviewDate: '2026-01-01' }),
      'dispose',
    ],
    // not dispose: grace period, shared need, unverifiable need
    [
      'unused experimental seen 30 days, no need → review (need unknown)',
      facts(1, {
        need: null,
        lifecycle: 'experimental',
        firstSeenAt: daysAgo(30),
      }),
      'review',
    ],
    [
      'unused experimental seen 30 days, need not shared → keep (grace)',
      facts(1, {
        need: notSharedNeed,
        lifecycle: 'experimental',
        firstSeenAt: daysAgo(30),
      }),
      'keep',
    ],
    ['unused but shared need → keep', facts(1), 'keep'],
    [
      'unused, needs-discovery absent → review',
      facts(1, { need: unverifiedNeed }),
      'review',
    ],
    // outsource
    ['commodity, used', facts(8, { valueClass: 'commodity' }), 'outsource'],
    [
      'commodity beats an overdue review',
      facts(5, { valueClass: 'commodity', mvpReviewDate: '2026-01-01' }),
      'outsource',
    ],
    // review
    [
      'overdue MVP review',
      facts(8, { mvpReviewDate: '2026-11-26', lifecycle: 'experimental' }),
      'review',
    ],
    ['value class unknown', facts(8, { valueClass: 'unknown' }), 'review'],
    ['no need annotation, used', facts(8, { need: null }), 'review'],
    ['need not in registry, used', facts(8, { need: missingNeed }), 'review'],
    // invest
    ['differentiating, shared, 50%', facts(5), 'invest'],
    [
      'differentiating, shared, 30% and growing',
      facts(3, { adoptionTrend: 'growing' }),
      'invest',
    ],
    [
      'review date today is not overdue',
      facts(6, { mvpReviewDate: '2026-11-27' }),
      'invest',
    ],
    // keep
    [
      'differentiating, shared, 40% flat',
      facts(4, { adoptionTrend: 'flat' }),
      'keep',
    ],
    [
      'differentiating, need not shared, 90%',
      facts(9, { need: notSharedNeed }),
      'keep',
    ],
    [
      'used, needs-discovery absent',
      facts(9, { need: unverifiedNeed }),
      'keep',
    ],
    [
      'low adoption in grace and growing, shared → invest',
      facts(1, {
        lifecycle: 'experimental',
        firstSeenAt: daysAgo(10),
        adoptionTrend: 'growing',
      }),
      'invest',
    ],
  ])('%s', (_name, input, verdict) => {
    const result = decideVerdict(input, rules, now);
    expect(result.verdict).toBe(verdict);
    expect(result.reasons.length).toBeGreaterThan(0);
    for (const reason of result.reasons) expect(reason).toMatch(/\.$/);
  });

  it.each<[string, CapabilityFacts, string[]]>([
    [
      'dispose, experimental past grace',
      {
        ...facts(1, {
          need: null,
          lifecycle: 'experimental',
          firstSeenAt: daysAgo(120),
        }),
        consumers: {
          teams: [team(1)],
          count: 1,
          productTeams: 7,
          share: 1 / 7,
          activeTeams: null,
          source: 'catalog',
        },
      },
      [
        'Used by 1 of 7 product teams (14%), below the 20% adoption floor, and its 90-day grace period is over (experimental, first seen 120 days ago).',
        'It names no surveyed need (annotation platform-product.io/need).',
      ],
    ],
    [
      'dispose, production',
      facts(0, { need: notSharedNeed }),
      [
        'Used by 0 of 10 product teams (0%), below the 20% adoption floor, and it is past its trial (lifecycle production).',
        'Its need need-y is not shared: only 1 team reported it in the latest survey.',
      ],
    ],
    [
      'outsource',
      facts(6, { valueClass: 'commodity' }),
      [
        'It is a commodity capability built and run in-house: a bought or managed service can do the same job.',
        'Used by 6 of 10 product teams (60%).',
      ],
    ],
    [
      'overdue review',
      facts(6, { mvpReviewDate: '2026-09-30' }),
      [
        'Its MVP review date 2026-09-30 passed 58 days ago: decide whether to keep or kill it.',
      ],
    ],
    [
      'invest',
      facts(6),
      [
        'Used by 6 of 10 product teams (60%), at or above the 50% investment threshold.',
        'It is differentiating. It serves the shared need "Need X" (need-x), reported by 4 teams in the latest survey.',
      ],
    ],
    [
      'keep in grace',
      facts(1, {
        need: notSharedNeed,
        lifecycle: 'experimental',
        firstSeenAt: daysAgo(30),
      }),
      [
        'Used by 1 of 10 product teams (10%), below the 20% adoption floor, but still in its 90-day grace period (experimental, first seen 30 days ago).',
      ],
    ],
    [
      'review without needs-discovery',
      facts(1, { need: unverifiedNeed }),
      [
        'Used by 1 of 10 product teams (10%), below the 20% adoption floor, and it is past its trial (lifecycle production).',
        'It names the need need-z, but needs-discovery is not installed (or did not answer), so whether the need is shared cannot be checked.',
      ],
    ],
  ])(
    'explains %s in plain words with the numbers',
    (_name, input, expected) => {
      const { reasons } = decideVerdict(input, rules, now);
      expect(reasons).toEqual(expect.arrayContaining(expected));
      expect(reasons[0]).toBe(expected[0]);
    },
  );

  it.each<[string, number, number, Verdict]>([
    // A capability exactly at the 20% floor is not low: 2 of 10 is kept, 1 of 5 too; one team fewer is disposed.
    ['2 of 10 product teams: exactly at the floor', 2, 10, 'keep'],
    ['1 of 5 product teams: exactly at the floor', 1, 5, 'keep'],
    ['1 of 10 product teams: below the floor', 1, 10, 'dispose'],
    ['3 of 15 product teams: exactly at the floor', 3, 15, 'keep'],
    ['2 of 11 product teams: below the floor', 2, 11, 'dispose'],
  ])(
    'a capability with a need not shared, %s → %p',
    (_name, count, productTeams, verdict) => {
      const input = facts(count, {
        need: notSharedNeed,
        consumers: {
          teams: Array.from({ length: count }, (_, i) => team(i)),
          count,
          productTeams,
          share: Math.round((count / productTeams) * 10_000) / 10_000,
          activeTeams: null,
          source: 'catalog',
        },
      });
      expect(decideVerdict(input, rules, now).verdict).toBe(verdict);
    },
  );

  it.each<[string, Partial<typeof rules>, number, Verdict]>([
    ['a 5% floor', { adoptionFloor: 0.05 }, 1, 'keep'],
    ['the default 20% floor', {}, 1, 'dispose'],
    ['a 500-day grace period', { graceDays: 500 }, 1, 'keep'],
    ['a 40% investment threshold', { investAdoption: 0.4 }, 4, 'invest'],
    ['the default 50% investment threshold', {}, 4, 'keep'],
  ])('follows %s', (_name, custom, used, verdict) => {
    // experimental for 400 days; need-y is not shared unless the test needs invest
    const input = facts(used, {
      lifecycle: 'experimental',
      need: verdict === 'invest' || used === 4 ? sharedNeed : notSharedNeed,
    });
    expect(decideVerdict(input, { ...rules, ...custom }, now).verdict).toBe(
      verdict,
    );
  });
});

describe('helpers', () => {
  it.each<[number, number, boolean]>([
    [0.2, 0.2, false], // exactly at the floor: not low
    [0.1999, 0.2, true],
    [0.2001, 0.2, false],
    [0, 0.2, true],
    [0, 0, false], // a floor of 0: nothing is low
    [1, 1, false],
    [0.9999, 1, true],
  ])('isLowAdoption(share %p, floor %p) → %p', (share, adoptionFloor, low) => {
    expect(isLowAdoption(share, { adoptionFloor })).toBe(low);
  });

  it.each([
    [null, false],
    ['2026-11-26', true],
    ['2026-11-27', false],
    ['2027-02-15', false],
    ['not a date', false],
    ['2026-11-01T00:00:00Z', true],
  ])('isReviewOverdue(%p) → %p', (date, expected) => {
    expect(isReviewOverdue(date, now)).toBe(expected);
  });

  it.each([
    ['production', 1, true],
    [null, 1, true],
    ['experimental', 89, false],
    ['experimental', 90, false],
    ['experimental', 91, true],
    ['Experimental', 10, false],
  ])(
    'isPastGracePeriod(%p, seen %p days) → %p',
    (lifecycle, days, expected) => {
      expect(
        isPastGracePeriod(
          { lifecycle, firstSeenAt: daysAgo(days) },
          DEFAULT_VERDICT_RULES,
          now,
        ),
      ).toBe(expected);
    },
  );

  it.each([
    ['2026-09-30', '2026-09-30'],
    [' 2026-09-30 ', '2026-09-30'],
    ['2026-13-40', null],
    ['', null],
    [undefined, null],
  ])('parseDay(%p) → %p', (input, expected) => {
    expect(parseDay(input)).toBe(expected);
  });

  it.each<
    [CapabilityFacts['adoptionTrend'], number | null, string | undefined]
  >([
    [
      'growing',
      4,
      'Adoption is growing over the last 12 weeks in habit-metrics; 4 product teams active in the last 4 weeks.',
    ],
    [
      'flat',
      1,
      'Adoption is flat over the last 12 weeks in habit-metrics; 1 product team active in the last 4 weeks.',
    ],
    [
      'shrinking',
      0,
      'Adoption is shrinking over the last 12 weeks in habit-metrics; 0 product teams active in the last 4 weeks.',
    ],
    [null, null, undefined],
  ])(
    'says the trend %p with the active teams',
    (adoptionTrend, activeTeams, sentence) => {
      const input = facts(4, { adoptionTrend });
      input.consumers = {
        ...input.consumers,
        activeTeams,
        source: activeTeams === null ? 'catalog' : 'habit-metrics',
      };
      const { reasons } = decideVerdict(input, rules, now);
      const trend = reasons.find(reason => reason.startsWith('Adoption is'));
      expect(trend).toBe(sentence);
    },
  );

  it('counts verdicts and sorts by precedence then title', () => {
    const list = [
      { verdict: 'keep' as const, title: 'B', entityRef: 'b' },
      { verdict: 'dispose' as const, title: 'Z', entityRef: 'z' },
      { verdict: 'keep' as const, title: 'A', entityRef: 'a' },
      { verdict: 'invest' as const, title: 'C', entityRef: 'c' },
    ];
    expect([...list].sort(compareCapabilities).map(c => c.title)).toEqual([
      'Z',
      'C',
      'A',
      'B',
    ]);
    expect(countVerdicts(list)).toEqual({
      dispose: 1,
      outsource: 0,
      review: 0,
      invest: 1,
      keep: 2,
    });
  });

  it('scoreCapability carries the facts, verdict and review flags', () => {
    const score = scoreCapability(
      facts(6, { mvpReviewDate: '2026-09-30' }),
      rules,
      now,
    );
    expect(score).toMatchObject({
      entityRef: 'system:default/cap',
      verdict: 'review',
      mvpReviewDate: '2026-09-30',
      reviewOverdue: true,
      surface: 3,
      consumers: { count: 6, share: 0.6 },
    });
  });
});
