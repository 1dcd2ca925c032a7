import {
  CampaignGoal,
  campaignActivityRates,
  campaignBurnUp,
  campaignEffect,
  CampaignProgressInput,
  campaignProgress,
  campaignTeamStates,
  campaignTransitionProblem,
  engagedTeams,
  MIN_EFFECT_GROUP_TEAMS,
  ParticipationRecord,
  participationProblem,
  weeksAtGoal,
} from './campaigns';
import { EVENT_KINDS, WeeklyActivity, WeekStart } from './types';
import { addWeeks } from './weeks';

// Week n counted from Monday 2026-01-05; the campaign starts in week 0.
const W0 = '2026-01-05';
const w = (n: number): WeekStart => addWeeks(W0, n);
const CAP = 'system:default/ci';
const team = (name: string) => `group:default/${name}`;
const A = team('a');
const B = team('b');

function use(
  teamRef: string,
  week: number,
  changes: Partial<WeeklyActivity> = {},
): WeeklyActivity {
  return {
    teamRef,
    week: w(week),
    capabilityRef: CAP,
    templateRef: null,
    kind: EVENT_KINDS.templateRun,
    way: 'new',
    count: 1,
    ...changes,
  };
}

const threeOfFour: CampaignGoal = {
  kind: 'active-weeks',
  activeWeeks: 3,
  windowWeeks: 4,
};

function input(
  activity: WeeklyActivity[],
  changes: Partial<CampaignProgressInput> = {},
): CampaignProgressInput {
  return {
    capabilityRef: CAP,
    goal: threeOfFour,
    startWeek: w(0),
    asOf: w(5),
    audienceTeams: [A],
    activity,
    engagedTeams: [],
    ...changes,
  };
}

describe('campaignTransitionProblem', () => {
  it.each([
    ['draft', 'active'],
    ['draft', 'cancelled'],
    ['active', 'completed'],
    ['active', 'cancelled'],
    ['active', 'active'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(campaignTransitionProblem(from, to)).toBeUndefined();
  });

  it.each([
    ['draft', 'completed', /only become active or cancelled, not completed/],
    ['active', 'draft', /only become completed or cancelled, not draft/],
    ['completed', 'active', /completed campaign stays so/],
    ['cancelled', 'draft', /cancelled campaign stays so/],
  ] as const)('refuses %s → %s', (from, to, message) => {
    expect(campaignTransitionProblem(from, to)).toMatch(message);
  });
});

describe('participationProblem', () => {
  it('takes the statuses of each kind', () => {
    expect(
      participationProblem('announcement', { status: 'acknowledged' }, 0),
    ).toBeUndefined();
    expect(
      participationProblem('training-session', { status: 'going' }, 0),
    ).toBeUndefined();
    expect(
      participationProblem('pairing-offer', { status: 'not-interested' }, 0),
    ).toBeUndefined();
    expect(
      participationProblem('announcement', { status: 'going' }, 0),
    ).toMatch(/announcement takes status acknowledged; got going/);
    expect(participationProblem('office-hours', {}, 0)).toMatch(
      /takes status going or not-going; got none/,
    );
    expect(participationProblem('announcement', { stepsDone: [0] }, 0)).toMatch(
      /stepsDone is for learning paths only/,
    );
  });

  it('bounds learning-path steps exactly at the last step', () => {
    expect(
      participationProblem('learning-path', { stepsDone: [0, 2] }, 3),
    ).toBeUndefined();
    expect(
      participationProblem('learning-path', { stepsDone: [3] }, 3),
    ).toMatch(/from 0 to 2 \(this path has 3 steps\); got 3/);
    expect(
      participationProblem('learning-path', { stepsDone: [-1] }, 3),
    ).toMatch(/got -1/);
    expect(
      participationProblem('learning-path', { stepsDone: [1, 1] }, 3),
    ).toMatch(/lists step 1 twice/);
    expect(
      participationProblem('learning-path', { status: 'acknowledged' }, 3),
    ).toMatch(/not a status/);
    expect(participationProblem('learning-path', {}, 3)).toMatch(
      /takes stepsDone/,
    );
  });
});

const record = (
  teamRefs: string[],
  changes: Partial<ParticipationRecord> = {},
): ParticipationRecord => ({
  activityId: 'x',
  teamRefs,
  status: null,
  stepsDone: [],
  attended: false,
  ...changes,
});

describe('engagedTeams', () => {
  it('counts engagements of audience teams only, never declining', () => {
    expect(
      engagedTeams(
        [A, B],
        [
          record([A, team('outsider')], { status: 'acknowledged' }),
          record([B], { status: 'not-going' }),
          record([B], { status: 'not-interested' }),
          record([B], { stepsDone: [] }),
        ],
      ),
    ).toEqual([A]);
    expect(engagedTeams([B], [record([B], { stepsDone: [0] })])).toEqual([B]);
    expect(engagedTeams([B], [record([B], { attended: true })])).toEqual([B]);
  });
});

describe('weeksAtGoal', () => {
  it('active-weeks: reached exactly at activeWeeks of windowWeeks', () => {
    // Active in weeks 0, 1 and 3: 2 of the 4 weeks ending week 2, 3 of those ending week 3, 2 of week 4's.
    const activity = [use(A, 0), use(A, 1), use(A, 3)];
    const at = weeksAtGoal(input(activity), w(0), w(6));
    expect([...at.get(A)!].sort()).toEqual([w(3)]);
  });

  it('active-weeks: counts the weeks before the start in the window', () => {
    const activity = [use(A, -2), use(A, -1), use(A, 0)];
    expect([...weeksAtGoal(input(activity), w(0), w(0)).get(A)!]).toEqual([
      w(0),
    ]);
  });

  it('active-weeks: only the capability, on the new way, counts', () => {
    const activity = [
      use(A, 0),
      use(A, 1),
      use(A, 2, { capabilityRef: 'system:default/other' }),
      use(A, 2, { way: 'old' }),
      use(A, 2, { kind: EVENT_KINDS.componentBaseline }),
    ];
    expect(weeksAtGoal(input(activity), w(0), w(3)).get(A)!.size).toBe(0);
  });

  it('golden-path-share: reached exactly at the share', () => {
    const created = (week: number, way: 'new' | 'old', count: number) =>
      use(A, week, { kind: EVENT_KINDS.componentCreated, way, count });
    const goal: CampaignGoal = { kind: 'golden-path-share', share: 0.6 };
    // Week 0: 3 of 5 = 0.6, at the goal. Week 1 adds 1 old: 3 of 6 = 0.5, not.
    const activity = [created(0, 'new', 3), created(0, 'old', 2)];
    const at = weeksAtGoal(input(activity, { goal }), w(0), w(1));
    expect([...at.get(A)!]).toEqual([w(0), w(1)]);
    const less = weeksAtGoal(
      input([...activity, created(1, 'old', 1)], { goal }),
      w(0),
      w(1),
    );
    expect([...less.get(A)!]).toEqual([w(0)]);
  });

  it('refuses a goal that cannot be reached', () => {
    expect(() =>
      weeksAtGoal(
        input([], {
          goal: { kind: 'active-weeks', activeWeeks: 5, windowWeeks: 4 },
        }),
        w(0),
        w(1),
      ),
    ).toThrow(/1 ≤ activeWeeks ≤ windowWeeks/);
    expect(() =>
      weeksAtGoal(
        input([], { goal: { kind: 'golden-path-share', share: 0 } }),
        w(0),
        w(1),
      ),
    ).toThrow(/0 < share ≤ 1/);
  });
});

describe('campaignTeamStates', () => {
  const states = (activity: WeeklyActivity[], engaged: string[] = []) =>
    campaignTeamStates(
      input(activity, { audienceTeams: [A], engagedTeams: engaged }),
    )[0];

  it('not reached: no activity, no engagement', () => {
    expect(states([])).toEqual({
      teamRef: A,
      state: 'not-reached',
      atGoal: false,
      engaged: false,
      firstActiveWeek: null,
      firstGoalWeek: null,
    });
  });

  it('engaged: a member took part, the team has not used it', () => {
    expect(states([], [A]).state).toBe('engaged');
  });

  it('adopting: active since the start, not at the goal (2 of 4)', () => {
    const s = states([use(A, 4), use(A, 5)], [A]);
    expect(s).toMatchObject({ state: 'adopting', firstActiveWeek: w(4) });
  });

  it('activity before the start does not make a team adopting', () => {
    expect(states([use(A, -3)]).state).toBe('not-reached');
  });

  it('habit formed: at the goal in the week asOf (3 of 4)', () => {
    const s = states([use(A, 3), use(A, 4), use(A, 5)]);
    expect(s).toMatchObject({
      state: 'habit-formed',
      atGoal: true,
      firstGoalWeek: w(5),
    });
  });

  it('reverted: was at the goal and is not any more', () => {
    // At the goal in weeks 2 and 3; in week 5 only weeks 2 and 3 of 2..5 are active.
    const s = states([use(A, 0), use(A, 1), use(A, 2), use(A, 3)]);
    expect(s).toMatchObject({ state: 'reverted', firstGoalWeek: w(2) });
  });

  it('reverted: went back to the old way after a streak (the reversion definition)', () => {
    // 4 of 4 is never reached with 3 weeks; the old way in week 0 after 3 new-way weeks is a reversion.
    const s = campaignTeamStates(
      input([use(A, -3), use(A, -2), use(A, -1), use(A, 0, { way: 'old' })], {
        goal: { kind: 'active-weeks', activeWeeks: 4, windowWeeks: 4 },
      }),
    )[0];
    expect(s).toMatchObject({ state: 'reverted', firstGoalWeek: null });
  });
});

describe('campaignBurnUp', () => {
  it('counts the audience teams at the goal each week', () => {
    const activity = [
      use(A, 0),
      use(A, 1),
      use(A, 2),
      use(B, 1),
      use(B, 2),
      use(B, 3),
    ];
    expect(
      campaignBurnUp(input(activity, { audienceTeams: [A, B, A], asOf: w(4) })),
    ).toEqual([
      { week: w(0), atGoal: 0, teams: 2 },
      { week: w(1), atGoal: 0, teams: 2 },
      { week: w(2), atGoal: 1, teams: 2 },
      { week: w(3), atGoal: 2, teams: 2 },
      { week: w(4), atGoal: 1, teams: 2 },
    ]);
  });

  it('is empty before the start', () => {
    expect(campaignBurnUp(input([], { asOf: w(-1) }))).toEqual([]);
  });
});

describe('campaignActivityRates', () => {
  it('counts people and audience teams per activity', () => {
    const rates = campaignActivityRates(
      [
        { id: 'news', kind: 'announcement', steps: 0 },
        { id: 'session', kind: 'training-session', steps: 0 },
        { id: 'path', kind: 'learning-path', steps: 2 },
      ],
      [
        record([A], { activityId: 'news', status: 'acknowledged' }),
        record([A], { activityId: 'session', status: 'going' }),
        record([A], {
          activityId: 'session',
          status: 'going',
          attended: true,
        }),
        record([B], { activityId: 'session', status: 'not-going' }),
        record([B], { activityId: 'path', stepsDone: [0, 1] }),
        record([A], { activityId: 'path', stepsDone: [1] }),
      ],
      [A, B, team('c'), team('d')],
    );
    expect(rates[0]).toMatchObject({
      acknowledged: 1,
      engagedTeams: 1,
      teams: 4,
      teamRate: 0.25,
      attendanceRate: null,
    });
    expect(rates[1]).toMatchObject({
      going: 2,
      attended: 1,
      attendanceRate: 0.5,
      engagedTeams: 1,
    });
    expect(rates[2]).toMatchObject({
      completed: 1,
      engagedTeams: 2,
      teamRate: 0.5,
    });
  });
});

describe('campaignEffect', () => {
  const teams = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => team(`${prefix}${i}`));

  it(`flags groups below ${MIN_EFFECT_GROUP_TEAMS} teams, and not at ${MIN_EFFECT_GROUP_TEAMS}`, () => {
    const engaged = teams('e', MIN_EFFECT_GROUP_TEAMS);
    const others = teams('o', MIN_EFFECT_GROUP_TEAMS);
    const at = campaignEffect(
      input([], {
        audienceTeams: [...engaged, ...others],
        engagedTeams: engaged,
      }),
    );
    expect(at).toMatchObject({
      minGroupTeams: 5,
      tooSmallToConclude: false,
    });
    const below = campaignEffect(
      input([], {
        audienceTeams: [...engaged, ...others.slice(1)],
        engagedTeams: engaged,
      }),
    );
    expect(below.tooSmallToConclude).toBe(true);
    const engagedBelow = campaignEffect(
      input([], {
        audienceTeams: [...engaged.slice(1), ...others],
        engagedTeams: engaged.slice(1),
      }),
    );
    expect(engagedBelow.tooSmallToConclude).toBe(true);
  });

  it('compares adoption and time to habit since the start', () => {
    const [e1, e2] = teams('e', 2);
    const [o1, o2] = teams('o', 2);
    const activity = [
      // e1: first use week 0, habit (4 in a row) at week 3: 3 weeks.
      ...[0, 1, 2, 3].map(n => use(e1, n)),
      // e2: first use week 1, habit at week 4: 3 weeks.
      ...[1, 2, 3, 4].map(n => use(e2, n)),
      // o1: used before the start only: not an adopter since the start.
      use(o1, -2),
      // o2: first use week 2, habit at week 8 (gap in week 4): 6 weeks.
      ...[2, 3, 5, 6, 7, 8].map(n => use(o2, n)),
    ];
    const effect = campaignEffect(
      input(activity, {
        audienceTeams: [e1, e2, o1, o2],
        engagedTeams: [e1, e2],
        asOf: w(10),
      }),
    );
    expect(effect).toEqual({
      habitWeeks: 4,
      engaged: {
        teams: 2,
        adopters: 2,
        adoptionShare: 1,
        reachedHabit: 2,
        medianWeeksToHabit: 3,
      },
      notEngaged: {
        teams: 2,
        adopters: 1,
        adoptionShare: 0.5,
        reachedHabit: 1,
        medianWeeksToHabit: 6,
      },
      adoptionShareDifference: 0.5,
      medianWeeksToHabitDifference: -3,
      minGroupTeams: MIN_EFFECT_GROUP_TEAMS,
      tooSmallToConclude: true,
    });
  });

  it('gives nulls, not numbers, for empty groups', () => {
    const effect = campaignEffect(input([], { audienceTeams: [] }));
    expect(effect.engaged).toEqual({
      teams: 0,
      adopters: 0,
      adoptionShare: null,
      reachedHabit: 0,
      medianWeeksToHabit: null,
    });
    expect(effect.adoptionShareDifference).toBeNull();
  });
});

describe('campaignProgress', () => {
  it('counts teams per state', () => {
    const progress = campaignProgress(
      input([use(A, 3), use(A, 4), use(A, 5)], {
        audienceTeams: [A, B],
        engagedTeams: [B],
      }),
      [],
      [],
    );
    expect(progress.states).toEqual({
      'not-reached': 0,
      engaged: 1,
      adopting: 0,
      'habit-formed': 1,
      reverted: 0,
    });
    expect(progress.burnUp).toHaveLength(6);
  });
});
