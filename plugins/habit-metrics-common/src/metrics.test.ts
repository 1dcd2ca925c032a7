import {
  activityOfTeams,
  adoption,
  AdoptionOptions,
  aggregateEvents,
  cohortRetention,
  CohortRetentionOptions,
  goldenPathShare,
  GoldenPathShareOptions,
  reversions,
  ReversionsOptions,
  stickiness,
  StickinessOptions,
  summariseCapability,
  summariseTeam,
  TeamActivityEvent,
  timeToHabit,
  TimeToHabitOptions,
} from './metrics';
import {
  EVENT_KINDS,
  GoldenPathWeek,
  Way,
  WeeklyActivity,
  WeekStart,
} from './types';
import { addWeeks } from './weeks';

// Week n counted from Monday 2026-01-05 (ISO 2026-W02); negative n are earlier weeks.
const W0 = '2026-01-05';
const w = (n: number): WeekStart => addWeeks(W0, n);
const range = (first: number, last: number) => ({
  from: w(first),
  to: w(last),
});

const A = 'group:default/team-a';
const B = 'group:default/team-b';
const C = 'group:default/team-c';
const D = 'group:default/team-d';
const CI = 'system:default/ci';
const LOGS = 'system:default/logs';
const TEMPLATE = 'template:default/new-service';

function row(
  teamRef: string,
  week: number,
  changes: Partial<WeeklyActivity> = {},
): WeeklyActivity {
  return {
    teamRef,
    week: w(week),
    capabilityRef: CI,
    templateRef: null,
    kind: EVENT_KINDS.capabilityView,
    way: 'new',
    count: 1,
    ...changes,
  };
}

/** New-way use of a capability: makes the team active that week. */
const use = (teamRef: string, week: number, capabilityRef = CI) =>
  row(teamRef, week, { capabilityRef });

/** use() in every week from first to last. */
const useEachWeek = (
  teamRef: string,
  first: number,
  last: number,
  capabilityRef = CI,
) =>
  Array.from({ length: last - first + 1 }, (_, i) =>
    use(teamRef, first + i, capabilityRef),
  );

const created = (teamRef: string, week: number, way: Way, count = 1) =>
  row(teamRef, week, {
    kind: EVENT_KINDS.componentCreated,
    way,
    count,
    capabilityRef: null,
  });

const baseline = (teamRef: string, week: number, way: Way = 'new') =>
  row(teamRef, week, { kind: EVENT_KINDS.componentBaseline, way });

/** [newComponents, viaTemplate, share] per week, from week `first` on. */
/**
 * Weeks from [newComponents, viaTemplate, share, rollingShare?]; without the fourth value the rolling share is
 * computed from the listed weeks alone (no component before the first).
 */
function goldenPathWeeks(
  first: number,
  weeks: [number, number, number | null, (number | null)?][],
): GoldenPathWeek[] {
  return weeks.map(([newComponents, viaTemplate, share, rolling], i) => {
    const window = weeks.slice(Math.max(0, i - 3), i + 1);
    const made = window.reduce((sum, [n]) => sum + n, 0);
    const via = window.reduce((sum, [, v]) => sum + v, 0);
    const computed =
      made === 0 ? null : Math.round((via / made) * 10000) / 10000;
    return {
      week: w(first + i),
      newComponents,
      viaTemplate,
      share,
      rollingShare: rolling !== undefined ? rolling : computed,
    };
  });
}

const noComponents = (first: number, length: number) =>
  goldenPathWeeks(
    first,
    Array.from({ length }, () => [0, 0, null]),
  );

describe('goldenPathShare', () => {
  it.each<{
    name: string;
    activity: WeeklyActivity[];
    options: GoldenPathShareOptions;
    weeks: GoldenPathWeek[];
    teams: { teamRef: string; weeks: GoldenPathWeek[] }[];
  }>([
    {
      name: 'no activity: every week zero-filled, share null',
      activity: [],
      options: range(0, 1),
      weeks: noComponents(0, 2),
      teams: [],
    },
    {
      name: 'new and old components per week, zero-filled, share to 4 decimals',
      activity: [
        created(A, 0, 'new', 2),
        created(A, 0, 'old'),
        created(B, 2, 'old', 3),
      ],
      options: range(0, 2),
      weeks: goldenPathWeeks(0, [
        [3, 2, 0.6667],
        [0, 0, null],
        [3, 0, 0],
      ]),
      teams: [
        {
          teamRef: A,
          weeks: goldenPathWeeks(0, [
            [3, 2, 0.6667],
            [0, 0, null],
            [0, 0, null],
          ]),
        },
        {
          teamRef: B,
          weeks: goldenPathWeeks(0, [
            [0, 0, null],
            [0, 0, null],
            [3, 0, 0],
          ]),
        },
      ],
    },
    {
      name: 'duplicate rows of one key are summed',
      activity: [
        created(A, 0, 'new'),
        created(A, 0, 'old'),
        created(A, 0, 'new', 2),
      ],
      options: range(0, 0),
      weeks: goldenPathWeeks(0, [[4, 3, 0.75]]),
      teams: [{ teamRef: A, weeks: goldenPathWeeks(0, [[4, 3, 0.75]]) }],
    },
    {
      name: 'the baseline scan never counts, whichever way',
      activity: [
        baseline(A, 0, 'new'),
        baseline(A, 0, 'old'),
        row(A, 0, {
          kind: EVENT_KINDS.componentBaseline,
          way: 'new',
          count: 250,
          templateRef: TEMPLATE,
        }),
      ],
      options: range(0, 0),
      weeks: noComponents(0, 1),
      teams: [],
    },
    {
      name: 'other kinds never count',
      activity: [
        row(A, 0, { kind: EVENT_KINDS.templateRun }),
        row(A, 0, { kind: EVENT_KINDS.templateCreate, way: 'old' }),
      ],
      options: range(0, 0),
      weeks: noComponents(0, 1),
      teams: [],
    },
    {
      name: 'both range ends are included, weeks outside are not; teams outside the range are not listed',
      activity: [
        created(A, -1, 'new'),
        created(A, 0, 'new'),
        created(A, 2, 'old'),
        created(A, 3, 'new'),
        created(B, 3, 'new'),
      ],
      options: range(0, 2),
      // The rolling share reaches back to week -1, which the weekly counts leave out.
      weeks: goldenPathWeeks(0, [
        [1, 1, 1, 1],
        [0, 0, null, 1],
        [1, 0, 0, 0.6667],
      ]),
      teams: [
        {
          teamRef: A,
          weeks: goldenPathWeeks(0, [
            [1, 1, 1, 1],
            [0, 0, null, 1],
            [1, 0, 0, 0.6667],
          ]),
        },
      ],
    },
    {
      name: 'rows in any order; teams sorted by ref',
      activity: [
        created(C, 0, 'new'),
        created(A, 0, 'old'),
        created(B, 0, 'new'),
      ],
      options: range(0, 0),
      weeks: goldenPathWeeks(0, [[3, 2, 0.6667]]),
      teams: [
        { teamRef: A, weeks: goldenPathWeeks(0, [[1, 0, 0]]) },
        { teamRef: B, weeks: goldenPathWeeks(0, [[1, 1, 1]]) },
        { teamRef: C, weeks: goldenPathWeeks(0, [[1, 1, 1]]) },
      ],
    },
    {
      name: 'teamRef lists that team only; weeks stay the total of all teams',
      activity: [created(A, 0, 'new'), created(B, 0, 'old')],
      options: { ...range(0, 0), teamRef: B },
      weeks: goldenPathWeeks(0, [[2, 1, 0.5]]),
      teams: [{ teamRef: B, weeks: goldenPathWeeks(0, [[1, 0, 0]]) }],
    },
    {
      name: 'a teamRef without components is still listed, zero-filled',
      activity: [created(A, 0, 'new')],
      options: { ...range(0, 1), teamRef: C },
      weeks: goldenPathWeeks(0, [
        [1, 1, 1],
        [0, 0, null],
      ]),
      teams: [{ teamRef: C, weeks: noComponents(0, 2) }],
    },
    {
      name: 'across ISO week 53 into the next year',
      activity: [created(A, 51, 'new'), created(A, 52, 'old')],
      options: { from: '2026-12-21', to: '2027-01-04' },
      weeks: [
        {
          week: '2026-12-21',
          newComponents: 0,
          viaTemplate: 0,
          share: null,
          rollingShare: null,
        },
        {
          week: '2026-12-28',
          newComponents: 1,
          viaTemplate: 1,
          share: 1,
          rollingShare: 1,
        },
        {
          week: '2027-01-04',
          newComponents: 1,
          viaTemplate: 0,
          share: 0,
          rollingShare: 0.5,
        },
      ],
      teams: [
        {
          teamRef: A,
          weeks: [
            {
              week: '2026-12-21',
              newComponents: 0,
              viaTemplate: 0,
              share: null,
              rollingShare: null,
            },
            {
              week: '2026-12-28',
              newComponents: 1,
              viaTemplate: 1,
              share: 1,
              rollingShare: 1,
            },
            {
              week: '2027-01-04',
              newComponents: 1,
              viaTemplate: 0,
              share: 0,
              rollingShare: 0.5,
            },
          ],
        },
      ],
    },
    {
      // The window's edge, pinned: week 3 counts weeks 0–3, week 4 weeks 1–4 (week 0 out), week 5 neither
      // (GOLDEN_PATH_ROLLING_WEEKS = 4).
      name: 'the rolling share covers exactly the 4 weeks ending with each week',
      activity: [created(A, 0, 'new'), created(A, 1, 'old')],
      options: range(3, 5),
      weeks: goldenPathWeeks(3, [
        [0, 0, null, 0.5],
        [0, 0, null, 0],
        [0, 0, null, null],
      ]),
      teams: [],
    },
    {
      name: 'to before from gives no weeks',
      activity: [created(A, 0, 'new')],
      options: range(1, 0),
      weeks: [],
      teams: [],
    },
  ])('$name', ({ activity, options, weeks, teams }) => {
    expect(goldenPathShare(activity, options)).toEqual({ weeks, teams });
  });
});

describe('adoption', () => {
  // A adopted CI before the range; B and C in it; C's CI row has no capability filter match for LOGS, etc.
  const capabilityActivity = [
    use(A, -2),
    use(A, 1),
    use(B, 1),
    use(B, 3),
    use(B, 3), // a duplicate: still one team
    use(C, 0, LOGS),
    row(D, 2, { way: 'old' }), // the old way is not adoption
    baseline(D, 0), // nor is the baseline scan
    row(D, 2, { count: 0 }), // nor a row with nothing in it
  ];
  const templateActivity = [
    row(A, 0, { kind: EVENT_KINDS.templateRun, templateRef: TEMPLATE }),
    row(B, 1, { kind: EVENT_KINDS.templateCreate, templateRef: TEMPLATE }),
    row(C, 1, {
      kind: EVENT_KINDS.componentCreated,
      templateRef: TEMPLATE,
      capabilityRef: null,
    }),
    row(D, 1, {
      kind: EVENT_KINDS.componentCreated,
      templateRef: TEMPLATE,
      way: 'old',
    }),
    row(D, 0, { kind: EVENT_KINDS.componentBaseline, templateRef: TEMPLATE }),
    row(D, 0, { kind: EVENT_KINDS.capabilityView, templateRef: TEMPLATE }),
    row(D, 0, {
      kind: EVENT_KINDS.templateRun,
      templateRef: 'template:default/other',
    }),
    row(D, 2, {
      kind: EVENT_KINDS.templateRun,
      templateRef: TEMPLATE,
      way: 'old',
    }),
  ];

  it.each<{
    name: string;
    activity: WeeklyActivity[];
    options: AdoptionOptions;
    /** [activeTeams, cumulativeAdopters, share] per week of the range. */
    weeks: [number, number, number | null][];
  }>([
    {
      name: 'a capability: adopters before the range count from the first week',
      activity: capabilityActivity,
      options: { ...range(0, 3), capabilityRef: CI, totalTeams: 4 },
      weeks: [
        [0, 1, 0.25],
        [2, 2, 0.5],
        [0, 2, 0.5],
        [1, 2, 0.5],
      ],
    },
    {
      name: 'no filter: any new-way activity of any capability',
      activity: capabilityActivity,
      options: { ...range(0, 3), totalTeams: 4 },
      weeks: [
        [1, 2, 0.5],
        [2, 3, 0.75],
        [0, 3, 0.75],
        [1, 3, 0.75],
      ],
    },
    {
      name: 'totalTeams unknown: share null',
      activity: capabilityActivity,
      options: { ...range(0, 0), capabilityRef: CI, totalTeams: null },
      weeks: [[0, 1, null]],
    },
    {
      name: 'totalTeams 0: share null rather than a division by zero',
      activity: capabilityActivity,
      options: { ...range(0, 0), capabilityRef: CI, totalTeams: 0 },
      weeks: [[0, 1, null]],
    },
    {
      name: 'share to 4 decimals',
      activity: [use(A, 0)],
      options: { ...range(0, 0), capabilityRef: CI, totalTeams: 3 },
      weeks: [[1, 1, 0.3333]],
    },
    {
      name: 'a template: runs, form submissions and components created through it, new way only',
      activity: templateActivity,
      options: { ...range(0, 2), templateRef: TEMPLATE, totalTeams: 10 },
      weeks: [
        [1, 1, 0.1],
        [2, 3, 0.3],
        [0, 3, 0.3],
      ],
    },
    {
      name: 'a template and a capability: rows must match both',
      activity: [
        row(A, 0, { kind: EVENT_KINDS.templateRun, templateRef: TEMPLATE }),
        row(B, 0, {
          kind: EVENT_KINDS.templateRun,
          templateRef: TEMPLATE,
          capabilityRef: LOGS,
        }),
      ],
      options: {
        ...range(0, 0),
        capabilityRef: CI,
        templateRef: TEMPLATE,
        totalTeams: null,
      },
      weeks: [[1, 1, null]],
    },
    {
      name: 'no activity',
      activity: [],
      options: { ...range(0, 1), capabilityRef: CI, totalTeams: 5 },
      weeks: [
        [0, 0, 0],
        [0, 0, 0],
      ],
    },
  ])('$name', ({ activity, options, weeks }) => {
    const { figures, ...series } = adoption(activity, options);
    expect(series).toEqual({
      capabilityRef: options.capabilityRef ?? null,
      templateRef: options.templateRef ?? null,
      totalTeams: options.totalTeams,
      weeks: weeks.map(([activeTeams, cumulativeAdopters, share], i) => ({
        week: w(i),
        activeTeams,
        cumulativeAdopters,
        share,
      })),
    });
    // The figures are the last week of the same series.
    const [, adopters, share] = weeks[weeks.length - 1];
    expect(figures).toMatchObject({
      week: options.to,
      productTeams: options.totalTeams,
      adopters,
      share,
    });
    expect(figures.adopterRefs).toHaveLength(adopters);
  });

  it.each([-1, 1.5, Number.NaN])(
    'throws a RangeError on totalTeams %p',
    totalTeams => {
      expect(() => adoption([], { ...range(0, 0), totalTeams })).toThrow(
        RangeError,
      );
    },
  );
});

describe('adoption figures (adopters, active teams, share and trend as of the last week)', () => {
  // The figures are as of week 20; the trend compares with week 8, the active window is weeks 17..20 (5..8 before).
  const figuresOf = (activity: WeeklyActivity[], totalTeams: number | null) =>
    adoption(activity, { ...range(0, 20), capabilityRef: CI, totalTeams })
      .figures;

  it.each<{
    name: string;
    activity: WeeklyActivity[];
    totalTeams: number | null;
    /** [adopters, activeTeams, adoptersBefore, activeTeamsBefore, trend] */
    expected: [number, number, number, number, string];
  }>([
    {
      name: 'unused: flat at zero',
      activity: [],
      totalTeams: 7,
      expected: [0, 0, 0, 0, 'flat'],
    },
    {
      name: 'the same two teams active throughout: flat',
      activity: [...useEachWeek(A, 0, 20), ...useEachWeek(B, 0, 20)],
      totalTeams: 7,
      expected: [2, 2, 2, 2, 'flat'],
    },
    {
      name: 'one new adopter in the window, exactly the threshold of 7 product teams (1): growing',
      activity: [...useEachWeek(A, 0, 20), use(B, 9)],
      totalTeams: 7,
      expected: [2, 1, 1, 1, 'growing'],
    },
    {
      name: 'a first use in week 8 counts as an adopter then, and as active then: one active team fewer, shrinking',
      activity: [...useEachWeek(A, 0, 20), use(B, 8)],
      totalTeams: 7,
      expected: [2, 1, 2, 2, 'shrinking'],
    },
    {
      name: 'active 4 weeks ago still counts (week 17), 5 weeks ago does not (week 16)',
      activity: [use(A, 17), use(B, 16)],
      totalTeams: 7,
      expected: [2, 1, 0, 0, 'growing'],
    },
    {
      name: 'activity after the last week never counts',
      activity: [use(A, 21), use(B, 20)],
      totalTeams: 7,
      expected: [1, 1, 0, 0, 'growing'],
    },
    {
      name: '20 product teams (threshold 2): one new adopter is flat',
      activity: [...useEachWeek(A, 0, 20), use(B, 18)],
      totalTeams: 20,
      expected: [2, 2, 1, 1, 'flat'],
    },
    {
      name: '20 product teams (threshold 2): two new adopters, exactly the threshold: growing',
      activity: [...useEachWeek(A, 0, 20), use(B, 18), use(C, 19)],
      totalTeams: 20,
      expected: [3, 3, 1, 1, 'growing'],
    },
    {
      name: '20 product teams (threshold 2): two active teams fewer, exactly the threshold: shrinking',
      activity: [use(A, 5), use(B, 6), ...useEachWeek(D, 0, 20)],
      totalTeams: 20,
      expected: [3, 1, 3, 3, 'shrinking'],
    },
    {
      name: '20 product teams (threshold 2): one active team fewer, one short of the threshold: flat',
      activity: [use(A, 5), ...useEachWeek(D, 0, 20)],
      totalTeams: 20,
      expected: [2, 1, 2, 2, 'flat'],
    },
  ])('$name', ({ activity, totalTeams, expected }) => {
    const figures = figuresOf(activity, totalTeams);
    const [adopters, activeTeams, adoptersBefore, activeTeamsBefore, trend] =
      expected;
    expect({
      adopters: figures.adopters,
      activeTeams: figures.activeTeams,
      adoptersBefore: figures.before.adopters,
      activeTeamsBefore: figures.before.activeTeams,
      trend: figures.trend,
    }).toEqual({
      adopters,
      activeTeams,
      adoptersBefore,
      activeTeamsBefore,
      trend,
    });
  });

  it('names the adopters, gives the share and the weeks compared', () => {
    expect(figuresOf([use(B, 3), use(A, 19), use(C, 20, LOGS)], 7)).toEqual({
      week: w(20),
      productTeams: 7,
      adopters: 2,
      adopterRefs: [A, B],
      share: 0.2857,
      activeTeams: 1,
      before: { week: w(8), adopters: 1, activeTeams: 0 },
      trendThreshold: 1,
      trend: 'growing',
    });
  });

  it('active teams are the stickiness window of the same series: activeTeamsLast4Weeks of the last week', () => {
    const activity = [use(A, 2), use(B, 17), use(C, 19), use(D, 20)];
    const last = stickiness(activity, { ...range(20, 20), capabilityRef: CI });
    expect(figuresOf(activity, 7).activeTeams).toBe(
      last[0].activeTeamsLast4Weeks,
    );
  });

  it('product teams unknown: no share, a threshold of one team', () => {
    expect(figuresOf([use(A, 20)], null)).toMatchObject({
      productTeams: null,
      share: null,
      trendThreshold: 1,
    });
  });
});

describe('activityOfTeams', () => {
  it('keeps the rows of the given teams only', () => {
    const rows = [use(A, 0), use(B, 0), use(C, 1), use(A, 2)];
    expect(activityOfTeams(rows, [A, C])).toEqual([
      use(A, 0),
      use(C, 1),
      use(A, 2),
    ]);
    expect(activityOfTeams(rows, new Set<string>())).toEqual([]);
  });
});

describe('cohortRetention', () => {
  it.each<{
    name: string;
    activity: WeeklyActivity[];
    options: CohortRetentionOptions;
    /** [cohort week, teams, retention] */
    cohorts: [number, number, (number | null)[]][];
  }>([
    {
      name: "a team's first week is its cohort and not in retention[0], which is the week after",
      activity: [use(A, 0), use(A, 1), use(A, 3)],
      options: { weeks: 4, asOf: w(10) },
      cohorts: [[0, 1, [1, 0, 1, 0]]],
    },
    {
      name: 'cohorts sorted by week, shares of each cohort',
      activity: [
        use(C, 2),
        use(C, 3),
        use(C, 4),
        use(A, 0),
        use(A, 1),
        use(B, 0),
        use(B, 2),
      ],
      options: { weeks: 3, asOf: w(10) },
      cohorts: [
        [0, 2, [0.5, 0.5, 0]],
        [2, 1, [1, 1, 0]],
      ],
    },
    {
      name: 'weeks after asOf are null; cohorts after asOf are left out; a cohort in asOf is all null',
      activity: [
        use(A, 0),
        use(A, 1),
        use(B, 0),
        use(B, 2),
        use(C, 2),
        use(C, 3),
        use(C, 4),
        use(D, 3),
        use('group:default/team-e', 4),
      ],
      options: { weeks: 3, asOf: w(3) },
      cohorts: [
        [0, 2, [0.5, 0.5, 0]],
        [2, 1, [1, null, null]],
        [3, 1, [null, null, null]],
      ],
    },
    {
      name: 'shares to 4 decimals',
      activity: [use(A, 0), use(B, 0), use(C, 0), use(A, 1)],
      options: { weeks: 1, asOf: w(5) },
      cohorts: [[0, 3, [0.3333]]],
    },
    {
      name: 'two capabilities interleaved: retention of CI',
      activity: [use(A, 0, CI), use(A, 1, LOGS), use(A, 2, CI)],
      options: { capabilityRef: CI, weeks: 2, asOf: w(5) },
      cohorts: [[0, 1, [0, 1]]],
    },
    {
      name: 'two capabilities interleaved: retention of LOGS',
      activity: [use(A, 0, CI), use(A, 1, LOGS), use(A, 2, CI)],
      options: { capabilityRef: LOGS, weeks: 2, asOf: w(5) },
      cohorts: [[1, 1, [0, 0]]],
    },
    {
      name: 'two capabilities interleaved: any activity',
      activity: [use(A, 0, CI), use(A, 1, LOGS), use(A, 2, CI)],
      options: { weeks: 2, asOf: w(5) },
      cohorts: [[0, 1, [1, 1]]],
    },
    {
      name: 'the baseline scan neither starts a cohort nor moves one',
      activity: [baseline(A, 0), use(A, 2), use(A, 3), baseline(B, 0)],
      options: { weeks: 2, asOf: w(10) },
      cohorts: [[2, 1, [1, 0]]],
    },
    {
      name: 'the old way does not start a cohort',
      activity: [row(A, 0, { way: 'old' }), use(A, 1)],
      options: { weeks: 1, asOf: w(10) },
      cohorts: [[1, 1, [0]]],
    },
    {
      name: 'a gap: the team comes back later',
      activity: [use(A, 0), use(A, 4)],
      options: { weeks: 4, asOf: w(10) },
      cohorts: [[0, 1, [0, 0, 0, 1]]],
    },
    {
      name: '12 weeks by default',
      activity: useEachWeek(A, 0, 3),
      options: { asOf: w(5) },
      cohorts: [
        [0, 1, [1, 1, 1, 0, 0, null, null, null, null, null, null, null]],
      ],
    },
    {
      name: 'no activity',
      activity: [],
      options: { asOf: w(5) },
      cohorts: [],
    },
  ])('$name', ({ activity, options, cohorts }) => {
    expect(cohortRetention(activity, options)).toEqual({
      capabilityRef: options.capabilityRef ?? null,
      weeks: options.weeks ?? 12,
      cohorts: cohorts.map(([week, teams, retention]) => ({
        week: w(week),
        teams,
        retention,
      })),
    });
  });

  it('follows cohorts across ISO week 53', () => {
    const activity = [
      row(A, 0, { week: '2026-12-28' }), // 2026-W53
      row(A, 0, { week: '2027-01-04' }),
    ];
    expect(
      cohortRetention(activity, { weeks: 2, asOf: '2027-01-04' }).cohorts,
    ).toEqual([{ week: '2026-12-28', teams: 1, retention: [1, null] }]);
  });
});

describe('stickiness', () => {
  it.each<{
    name: string;
    activity: WeeklyActivity[];
    options: StickinessOptions;
    /** [weeklyActiveTeams, activeTeamsLast4Weeks, stickiness] per week of the range. */
    weeks: [number, number, number | null][];
  }>([
    {
      name: 'a window of this week and the 3 before, using weeks before the range',
      activity: [...useEachWeek(A, -1, 3), use(B, -2), use(C, 2)],
      options: range(0, 7),
      weeks: [
        [1, 2, 0.5], // w-3..w0: A, B
        [1, 2, 0.5], // w-2..w1: A, B
        [2, 2, 1], // w-1..w2: A, C
        [1, 2, 0.5], // w0..w3: A, C
        [0, 2, 0], // w1..w4: A, C
        [0, 2, 0], // w2..w5: A, C
        [0, 1, 0], // w3..w6: A
        [0, 0, null], // w4..w7: nobody
      ],
    },
    {
      name: 'one capability only',
      activity: [...useEachWeek(A, 0, 3, CI), use(B, 1, LOGS)],
      options: { ...range(0, 2), capabilityRef: LOGS },
      weeks: [
        [0, 0, null],
        [1, 1, 1],
        [0, 1, 0],
      ],
    },
    {
      name: 'the baseline scan and the old way are not activity',
      activity: [baseline(A, 0), row(A, 0, { way: 'old' })],
      options: range(0, 0),
      weeks: [[0, 0, null]],
    },
    {
      name: 'duplicate rows count one team once',
      activity: [use(A, 0), use(A, 0), use(A, 0, LOGS)],
      options: range(0, 0),
      weeks: [[1, 1, 1]],
    },
    {
      name: 'to 4 decimals',
      activity: [use(A, 0), use(B, 0), use(C, 0), use(A, 1)],
      options: range(1, 1),
      weeks: [[1, 3, 0.3333]],
    },
    {
      name: 'no activity',
      activity: [],
      options: range(0, 1),
      weeks: [
        [0, 0, null],
        [0, 0, null],
      ],
    },
  ])('$name', ({ activity, options, weeks }) => {
    expect(stickiness(activity, options)).toEqual(
      weeks.map(([weeklyActiveTeams, activeTeamsLast4Weeks, share], i) => ({
        week: addWeeks(options.from, i),
        weeklyActiveTeams,
        activeTeamsLast4Weeks,
        stickiness: share,
      })),
    );
  });
});

describe('reversions', () => {
  const handMade = (teamRef: string, week: number) =>
    created(teamRef, week, 'old');

  it.each<{
    name: string;
    activity: WeeklyActivity[];
    options: ReversionsOptions;
    /** [teamRef, week, streakWeeks] */
    teams: [string, number, number][];
  }>([
    {
      name: 'a streak of N − 1 weeks is not enough',
      activity: [...useEachWeek(A, 0, 1), handMade(A, 2)],
      options: range(0, 3),
      teams: [],
    },
    {
      name: 'a streak of exactly N weeks is',
      activity: [...useEachWeek(A, 0, 2), handMade(A, 3)],
      options: range(0, 3),
      teams: [[A, 3, 3]],
    },
    {
      name: 'streakWeeks is the whole run, including weeks before the range',
      activity: [...useEachWeek(A, -2, 2), handMade(A, 3)],
      options: range(0, 3),
      teams: [[A, 3, 5]],
    },
    {
      name: 'a gap breaks the streak',
      activity: [use(A, 0), use(A, 1), use(A, 3), use(A, 4), handMade(A, 5)],
      options: range(0, 5),
      teams: [],
    },
    {
      name: 'a gap breaks the streak: the run after it counts',
      activity: [use(A, 0), use(A, 1), use(A, 3), use(A, 4), handMade(A, 5)],
      options: { ...range(0, 5), minStreakWeeks: 2 },
      teams: [[A, 5, 2]],
    },
    {
      name: 'new-way use in the same week does not cancel it; the streak goes on',
      activity: [...useEachWeek(A, 0, 4), handMade(A, 3), handMade(A, 4)],
      options: range(0, 4),
      teams: [
        [A, 3, 3],
        [A, 4, 4],
      ],
    },
    {
      name: 'one reversion per team and week, whatever the number of old-way rows',
      activity: [
        ...useEachWeek(A, 0, 2),
        handMade(A, 3),
        created(A, 3, 'old', 4),
        row(A, 3, { kind: 'deploy', way: 'old', capabilityRef: LOGS }),
      ],
      options: range(0, 3),
      teams: [[A, 3, 3]],
    },
    {
      name: 'any old-way kind counts, not only components made by hand',
      activity: [
        ...useEachWeek(A, 0, 2),
        row(A, 3, { kind: 'deploy', way: 'old' }),
      ],
      options: range(0, 3),
      teams: [[A, 3, 3]],
    },
    {
      name: 'the baseline scan neither builds a streak nor reverts',
      activity: [
        baseline(A, 0),
        baseline(A, 1),
        baseline(A, 2),
        handMade(A, 3),
        ...useEachWeek(B, 0, 2),
        baseline(B, 3, 'old'),
      ],
      options: range(0, 3),
      teams: [],
    },
    {
      name: 'the streak may mix capabilities',
      activity: [use(A, 0, CI), use(A, 1, LOGS), use(A, 2, CI), handMade(A, 3)],
      options: range(0, 3),
      teams: [[A, 3, 3]],
    },
    {
      name: 'reversions outside the range are left out',
      activity: [...useEachWeek(A, 0, 2), handMade(A, 3), handMade(A, 6)],
      options: range(4, 5),
      teams: [],
    },
    {
      name: "the old way in a team's first week is not a reversion",
      activity: [handMade(A, 0), use(A, 0), use(A, 1)],
      options: { ...range(0, 1), minStreakWeeks: 1 },
      teams: [],
    },
    {
      name: 'minStreakWeeks 1',
      activity: [use(A, 0), handMade(A, 1)],
      options: { ...range(0, 1), minStreakWeeks: 1 },
      teams: [[A, 1, 1]],
    },
    {
      name: 'sorted by week, then team',
      activity: [
        ...useEachWeek(C, 0, 3),
        handMade(C, 4),
        ...useEachWeek(B, 0, 2),
        handMade(B, 3),
        ...useEachWeek(A, 0, 2),
        handMade(A, 3),
      ],
      options: range(0, 4),
      teams: [
        [A, 3, 3],
        [B, 3, 3],
        [C, 4, 4],
      ],
    },
    {
      name: 'across ISO week 53',
      activity: [
        use(A, 50), // 2026-12-21
        use(A, 51), // 2026-12-28, 2026-W53
        use(A, 52), // 2027-01-04
        handMade(A, 53),
      ],
      options: range(50, 53),
      teams: [[A, 53, 3]],
    },
    {
      name: 'no activity',
      activity: [],
      options: range(0, 1),
      teams: [],
    },
  ])('$name', ({ activity, options, teams }) => {
    const first = weekNumber(options.from);
    const last = weekNumber(options.to);
    const counts = new Map<number, number>();
    for (const [, week] of teams) {
      counts.set(week, (counts.get(week) ?? 0) + 1);
    }
    expect(reversions(activity, options)).toEqual({
      minStreakWeeks: options.minStreakWeeks ?? 3,
      weeks: Array.from({ length: last - first + 1 }, (_, i) => ({
        week: w(first + i),
        count: counts.get(first + i) ?? 0,
      })),
      teams: teams.map(([teamRef, week, streakWeeks]) => ({
        teamRef,
        week: w(week),
        streakWeeks,
      })),
    });
  });
});

describe('timeToHabit', () => {
  it.each<{
    name: string;
    activity: WeeklyActivity[];
    options?: TimeToHabitOptions;
    /** [capabilityRef, teams, reached, medianWeeks] */
    capabilities: [string, number, number, number | null][];
  }>([
    {
      name: 'active every week from the first: H − 1 weeks',
      activity: useEachWeek(A, 0, 3),
      capabilities: [[CI, 1, 1, 3]],
    },
    {
      name: 'a gap before the streak counts in',
      activity: [use(A, 0), ...useEachWeek(A, 2, 5)],
      capabilities: [[CI, 1, 1, 5]],
    },
    {
      name: 'runs of H − 1 never make a habit',
      activity: [...useEachWeek(A, 0, 2), ...useEachWeek(A, 4, 6)],
      capabilities: [[CI, 1, 0, null]],
    },
    {
      name: 'median of an odd number of teams: the middle one',
      activity: [
        ...useEachWeek(A, 0, 3), // 3
        use(B, 0),
        ...useEachWeek(B, 2, 5), // 5
        use(C, 0),
        ...useEachWeek(C, 6, 9), // 9
        use(D, 0), // never reaches it: not in the median
      ],
      capabilities: [[CI, 4, 3, 5]],
    },
    {
      name: 'median of an even number of teams: mean of the two middle ones',
      activity: [
        ...useEachWeek(A, 0, 3), // 3
        use(B, 0),
        ...useEachWeek(B, 3, 6), // 6
      ],
      capabilities: [[CI, 2, 2, 4.5]],
    },
    {
      name: 'median of four teams',
      activity: [
        ...useEachWeek(A, 0, 3), // 3
        use(B, 0),
        ...useEachWeek(B, 2, 5), // 5
        use(C, 0),
        ...useEachWeek(C, 3, 6), // 6
        use(D, 0),
        ...useEachWeek(D, 6, 9), // 9
      ],
      capabilities: [[CI, 4, 4, 5.5]],
    },
    {
      name: 'habitWeeks 1: the first week is the habit',
      activity: [use(A, 2), use(B, 0)],
      options: { habitWeeks: 1 },
      capabilities: [[CI, 2, 2, 0]],
    },
    {
      name: 'habitWeeks 2',
      activity: [use(A, 0), use(A, 2), use(A, 3)],
      options: { habitWeeks: 2 },
      capabilities: [[CI, 1, 1, 3]],
    },
    {
      name: 'every capability present, sorted; old-way only gives 0 teams; baseline-only and null capability are absent',
      activity: [
        ...useEachWeek(A, 0, 3, CI),
        ...useEachWeek(B, 0, 1, LOGS),
        row(C, 0, { capabilityRef: 'system:default/deploys', way: 'old' }),
        row(C, 0, {
          capabilityRef: 'system:default/legacy',
          kind: EVENT_KINDS.componentBaseline,
        }),
        created(D, 0, 'new'),
      ],
      capabilities: [
        [CI, 1, 1, 3],
        ['system:default/deploys', 0, 0, null],
        [LOGS, 1, 0, null],
      ],
    },
    {
      name: 'capabilityRefs given: those only, deduplicated and sorted, unused ones included',
      activity: [...useEachWeek(A, 0, 3, CI), ...useEachWeek(B, 0, 3, LOGS)],
      options: {
        capabilityRefs: [LOGS, 'system:default/unused', LOGS],
      },
      capabilities: [
        [LOGS, 1, 1, 3],
        ['system:default/unused', 0, 0, null],
      ],
    },
    {
      name: 'two capabilities interleaved: weekly activity overall, but no streak in either',
      activity: [0, 1, 2, 3, 4, 5].map(week =>
        use(A, week, week % 2 === 0 ? CI : LOGS),
      ),
      options: { habitWeeks: 2 },
      capabilities: [
        [CI, 1, 0, null],
        [LOGS, 1, 0, null],
      ],
    },
    {
      name: 'the baseline scan does not start the clock',
      activity: [baseline(A, 0), ...useEachWeek(A, 2, 5)],
      capabilities: [[CI, 1, 1, 3]],
    },
    {
      name: 'across ISO week 53',
      activity: useEachWeek(A, 50, 53), // 2026-12-21 .. 2027-01-11
      capabilities: [[CI, 1, 1, 3]],
    },
    {
      name: 'no activity',
      activity: [],
      capabilities: [],
    },
  ])('$name', ({ activity, options, capabilities }) => {
    expect(timeToHabit(activity, options)).toEqual({
      habitWeeks: options?.habitWeeks ?? 4,
      capabilities: capabilities.map(
        ([capabilityRef, teams, reached, medianWeeks]) => ({
          capabilityRef,
          teams,
          reached,
          medianWeeks,
        }),
      ),
    });
  });
});

describe('summariseTeam', () => {
  const activity = [
    created(A, 0, 'new'),
    created(A, 0, 'old'),
    created(A, 1, 'new'),
    use(A, -5), // before the range
    ...useEachWeek(A, 0, 2, CI),
    use(A, 2, LOGS),
    row(A, 3, { kind: EVENT_KINDS.templateRun, capabilityRef: null }),
    created(A, 3, 'old'), // after 4 active weeks (w0..w2 here): a reversion
    baseline(A, 1, 'old'),
    ...useEachWeek(B, 0, 3, 'system:default/other'),
    created(B, 3, 'old'),
  ];

  it.each([
    {
      name: 'a team with activity in and before the range',
      teamRef: A,
      expected: {
        teamRef: A,
        goldenPath: goldenPathWeeks(0, [
          [2, 1, 0.5],
          [1, 1, 1],
          [0, 0, null],
          [1, 0, 0],
        ]),
        activeWeeks: 4,
        capabilities: [
          {
            capabilityRef: CI,
            firstWeek: w(0),
            lastWeek: w(2),
            activeWeeks: 3,
          },
          {
            capabilityRef: LOGS,
            firstWeek: w(2),
            lastWeek: w(2),
            activeWeeks: 1,
          },
        ],
        reversions: [{ teamRef: A, week: w(3), streakWeeks: 3 }],
      },
    },
    {
      name: 'a team without activity',
      teamRef: C,
      expected: {
        teamRef: C,
        goldenPath: noComponents(0, 4),
        activeWeeks: 0,
        capabilities: [],
        reversions: [],
      },
    },
  ])('$name', ({ teamRef, expected }) => {
    expect(summariseTeam(activity, teamRef, range(0, 3))).toEqual(expected);
  });
});

describe('summariseCapability', () => {
  const activity = [
    ...useEachWeek(A, 0, 3),
    use(B, 2),
    ...useEachWeek(C, 0, 3, LOGS),
  ];

  it.each([
    {
      name: 'a capability in use',
      capabilityRef: CI,
      expected: {
        capabilityRef: CI,
        adoption: {
          capabilityRef: CI,
          templateRef: null,
          totalTeams: 4,
          weeks: [
            { week: w(0), activeTeams: 1, cumulativeAdopters: 1, share: 0.25 },
            { week: w(1), activeTeams: 1, cumulativeAdopters: 1, share: 0.25 },
            { week: w(2), activeTeams: 2, cumulativeAdopters: 2, share: 0.5 },
            { week: w(3), activeTeams: 1, cumulativeAdopters: 2, share: 0.5 },
          ],
          figures: {
            week: w(3),
            productTeams: 4,
            adopters: 2,
            adopterRefs: [A, B],
            share: 0.5,
            activeTeams: 2,
            before: { week: w(-9), adopters: 0, activeTeams: 0 },
            trendThreshold: 1,
            trend: 'growing',
          },
        },
        retention: {
          capabilityRef: CI,
          weeks: 2,
          cohorts: [
            { week: w(0), teams: 1, retention: [1, 1] },
            { week: w(2), teams: 1, retention: [0, null] },
          ],
        },
        timeToHabit: {
          capabilityRef: CI,
          teams: 2,
          reached: 1,
          medianWeeks: 3,
        },
        stickiness: [
          {
            week: w(0),
            weeklyActiveTeams: 1,
            activeTeamsLast4Weeks: 1,
            stickiness: 1,
          },
          {
            week: w(1),
            weeklyActiveTeams: 1,
            activeTeamsLast4Weeks: 1,
            stickiness: 1,
          },
          {
            week: w(2),
            weeklyActiveTeams: 2,
            activeTeamsLast4Weeks: 2,
            stickiness: 1,
          },
          {
            week: w(3),
            weeklyActiveTeams: 1,
            activeTeamsLast4Weeks: 2,
            stickiness: 0.5,
          },
        ],
      },
    },
    {
      name: 'a capability nobody used: timeToHabit null',
      capabilityRef: 'system:default/unused',
      expected: {
        capabilityRef: 'system:default/unused',
        adoption: {
          capabilityRef: 'system:default/unused',
          templateRef: null,
          totalTeams: 4,
          weeks: [0, 1, 2, 3].map(week => ({
            week: w(week),
            activeTeams: 0,
            cumulativeAdopters: 0,
            share: 0,
          })),
          figures: {
            week: w(3),
            productTeams: 4,
            adopters: 0,
            adopterRefs: [],
            share: 0,
            activeTeams: 0,
            before: { week: w(-9), adopters: 0, activeTeams: 0 },
            trendThreshold: 1,
            trend: 'flat',
          },
        },
        retention: {
          capabilityRef: 'system:default/unused',
          weeks: 2,
          cohorts: [],
        },
        timeToHabit: null,
        stickiness: [0, 1, 2, 3].map(week => ({
          week: w(week),
          weeklyActiveTeams: 0,
          activeTeamsLast4Weeks: 0,
          stickiness: null,
        })),
      },
    },
  ])('$name', ({ capabilityRef, expected }) => {
    expect(
      summariseCapability(activity, capabilityRef, {
        ...range(0, 3),
        totalTeams: 4,
        asOf: w(3),
        retentionWeeks: 2,
      }),
    ).toEqual(expected);
  });
});

describe('aggregateEvents', () => {
  const event = (
    at: string | Date,
    changes: Partial<TeamActivityEvent> = {},
  ): TeamActivityEvent => ({
    teamRef: A,
    at,
    kind: EVENT_KINDS.templateRun,
    way: 'new',
    ...changes,
  });
  const activityRow = (
    week: WeekStart,
    count: number,
    changes: Partial<WeeklyActivity> = {},
  ): WeeklyActivity => ({
    teamRef: A,
    week,
    capabilityRef: null,
    templateRef: null,
    kind: EVENT_KINDS.templateRun,
    way: 'new',
    count,
    ...changes,
  });

  it.each<{
    name: string;
    events: TeamActivityEvent[];
    expected: WeeklyActivity[];
  }>([
    { name: 'no events', events: [], expected: [] },
    {
      name: 'Sunday 23:59:59Z and Monday 00:00:00Z fall in different weeks',
      events: [event('2026-01-11T23:59:59Z'), event('2026-01-12T00:00:00Z')],
      expected: [activityRow('2026-01-05', 1), activityRow('2026-01-12', 1)],
    },
    {
      name: 'a time zone offset is applied before the week is taken',
      events: [
        event('2026-01-12T01:00:00+02:00'),
        event(new Date('2026-01-11T23:00:00Z')),
      ],
      expected: [activityRow('2026-01-05', 2)],
    },
    {
      name: 'the days of ISO week 53 across New Year make one week',
      events: [
        event('2020-12-28T00:00:00Z'),
        event('2020-12-31T12:00:00Z'),
        event('2021-01-03T23:59:59Z'),
        event('2021-01-04T00:00:00Z'),
      ],
      expected: [activityRow('2020-12-28', 3), activityRow('2021-01-04', 1)],
    },
    {
      name: 'grouped by team, capability, template, kind and way; absent and null refs are one group',
      events: [
        event('2026-01-05T10:00:00Z'),
        event('2026-01-06T10:00:00Z', {
          capabilityRef: null,
          templateRef: null,
        }),
        event('2026-01-06T10:00:00Z', { way: 'old' }),
        event('2026-01-06T10:00:00Z', { kind: EVENT_KINDS.templateCreate }),
        event('2026-01-06T10:00:00Z', { templateRef: TEMPLATE }),
        event('2026-01-07T10:00:00Z', { capabilityRef: CI }),
        event('2026-01-07T10:00:00Z', { capabilityRef: CI }),
        event('2026-01-07T10:00:00Z', { teamRef: B }),
      ],
      expected: [
        activityRow(W0, 1, { kind: EVENT_KINDS.templateCreate }),
        activityRow(W0, 2),
        activityRow(W0, 1, { way: 'old' }),
        activityRow(W0, 1, { templateRef: TEMPLATE }),
        activityRow(W0, 2, { capabilityRef: CI }),
        activityRow(W0, 1, { teamRef: B }),
      ],
    },
  ])('$name', ({ events, expected }) => {
    expect(aggregateEvents(events)).toEqual(expected);
    expect(aggregateEvents([...events].reverse())).toEqual(expected);
  });

  it('throws a RangeError on an invalid at', () => {
    expect(() => aggregateEvents([event('2026-02-30T10:00:00Z')])).toThrow(
      RangeError,
    );
  });

  it('feeds the metrics: components on each side of a week boundary', () => {
    const activity = aggregateEvents([
      event('2026-01-11T23:59:59Z', { kind: EVENT_KINDS.componentCreated }),
      event('2026-01-12T00:00:00Z', {
        kind: EVENT_KINDS.componentCreated,
        way: 'old',
      }),
    ]);
    expect(goldenPathShare(activity, range(0, 1)).weeks).toEqual(
      goldenPathWeeks(0, [
        [1, 1, 1],
        [1, 0, 0],
      ]),
    );
  });
});

describe('every metric', () => {
  // A realistic mix: several teams, capabilities, templates, ways, the baseline scan, gaps, a reversion.
  const activity: WeeklyActivity[] = [
    baseline(A, -1),
    baseline(B, -1, 'old'),
    ...useEachWeek(A, 0, 5),
    ...useEachWeek(A, 2, 6, LOGS),
    created(A, 6, 'old'),
    use(B, 1),
    use(B, 3),
    ...useEachWeek(B, 5, 9),
    row(B, 4, { kind: EVENT_KINDS.templateRun, templateRef: TEMPLATE }),
    created(B, 4, 'new', 3),
    created(B, 7, 'old', 2),
    use(C, 8, LOGS),
    row(C, 8, { kind: EVENT_KINDS.templateCreate, templateRef: TEMPLATE }),
  ];
  const options = {
    ...range(0, 9),
    totalTeams: 5,
    asOf: w(9),
  };
  const everyMetric = (rows: WeeklyActivity[]) => ({
    goldenPathShare: goldenPathShare(rows, options),
    adoption: adoption(rows, { ...options, capabilityRef: CI }),
    templateAdoption: adoption(rows, { ...options, templateRef: TEMPLATE }),
    cohortRetention: cohortRetention(rows, options),
    stickiness: stickiness(rows, options),
    reversions: reversions(rows, options),
    timeToHabit: timeToHabit(rows),
    team: summariseTeam(rows, B, options),
    capability: summariseCapability(rows, LOGS, options),
  });

  it('gives the same figures whatever the order of the rows and however counts are split into duplicates', () => {
    const shuffled = [...activity].reverse();
    const split = activity.flatMap(item =>
      item.count > 1
        ? [
            { ...item, count: 1 },
            { ...item, count: item.count - 1 },
          ]
        : [item, { ...item, count: 0 }],
    );
    const expected = everyMetric(activity);
    expect(everyMetric(shuffled)).toEqual(expected);
    expect(everyMetric(split)).toEqual(expected);
    expect(expected.reversions.teams).toEqual([
      { teamRef: A, week: w(6), streakWeeks: 6 },
      // w3 use, w4 a template run and a component through it, w5 and w6 use: 4 weeks.
      { teamRef: B, week: w(7), streakWeeks: 4 },
    ]);
  });

  it('gives the same figures without the baseline scan', () => {
    const withoutBaseline = activity.filter(
      item => item.kind !== EVENT_KINDS.componentBaseline,
    );
    expect(everyMetric(withoutBaseline)).toEqual(everyMetric(activity));
  });

  it.each<[string, WeeklyActivity]>([
    ['a week that is not a Monday', { ...use(A, 0), week: '2026-01-06' }],
    ['a week as a date-time', { ...use(A, 0), week: '2026-01-05T00:00:00Z' }],
    [
      'a count as text, as PostgreSQL returns bigint',
      { ...use(A, 0), count: '3' as unknown as number },
    ],
    ['a negative count', { ...use(A, 0), count: -1 }],
    ['a fractional count', { ...use(A, 0), count: 0.5 }],
  ])('throws a RangeError on a row with %s', (_, bad) => {
    const rows = [use(A, 0), bad];
    for (const compute of Object.values({
      goldenPathShare: () => goldenPathShare(rows, options),
      adoption: () => adoption(rows, options),
      cohortRetention: () => cohortRetention(rows, options),
      stickiness: () => stickiness(rows, options),
      reversions: () => reversions(rows, options),
      timeToHabit: () => timeToHabit(rows),
      summariseTeam: () => summariseTeam(rows, A, options),
      summariseCapability: () => summariseCapability(rows, CI, options),
    })) {
      expect(compute).toThrow(/^activity\[1\]\.(week|count) must be/);
    }
  });

  it.each<[string, () => unknown]>([
    [
      'from not a week start',
      () => goldenPathShare([], { from: '2026-01-06', to: W0 }),
    ],
    ['to not a week start', () => stickiness([], { from: W0, to: '2026-W02' })],
    [
      'asOf not a week start',
      () => cohortRetention([], { asOf: '2026-01-07' }),
    ],
    ['retention weeks 0', () => cohortRetention([], { asOf: W0, weeks: 0 })],
    [
      'minStreakWeeks 0',
      () => reversions([], { ...range(0, 0), minStreakWeeks: 0 }),
    ],
    ['habitWeeks 1.5', () => timeToHabit([], { habitWeeks: 1.5 })],
  ])('throws a RangeError on %s', (_, compute) => {
    expect(compute).toThrow(RangeError);
  });
});

/** The n with w(n) = week. */
function weekNumber(week: WeekStart): number {
  return Math.round(
    (Date.parse(`${week}T00:00:00Z`) - Date.parse(`${W0}T00:00:00Z`)) /
      (7 * 86_400_000),
  );
}
