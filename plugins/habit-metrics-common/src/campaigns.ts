import { adoptionShare } from './definitions';
import { describeValue } from './internal';
import {
  activeWeeksOfTeams,
  adoption,
  DEFAULT_HABIT_WEEKS,
  DEFAULT_MIN_STREAK_WEEKS,
  goldenPathShare,
  reversions,
  timeToHabit,
} from './metrics';
import { WeeklyActivity, WeekStart } from './types';
import { addWeeks, weekRange, weeksBetween } from './weeks';

// Habit campaigns: the "change habits" step acting. A campaign aims a capability at an audience of teams, with a
// goal per team; its progress and effect are read from the same weekly activity and the same definitions (active,
// habit, reversion) as every other habit figure. Every figure here is per team: no person is ever counted apart.

/**
 * Where a campaign stands: draft → active → completed or cancelled. Nothing is ever deleted.
 *
 * @public
 */
export type CampaignStatus = 'draft' | 'active' | 'completed' | 'cancelled';

/**
 * Every campaign status, in lifecycle order.
 *
 * @public
 */
export const CAMPAIGN_STATUSES: readonly CampaignStatus[] = [
  'draft',
  'active',
  'completed',
  'cancelled',
];

const NEXT_STATUSES: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ['active', 'cancelled'],
  active: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/**
 * Why a campaign may not move from one status to another, as a sentence a person can act on; undefined when the
 * move is allowed (draft → active or cancelled; active → completed or cancelled; the same status again is no move).
 *
 * @public
 */
export function campaignTransitionProblem(
  from: CampaignStatus,
  to: CampaignStatus,
): string | undefined {
  if (from === to || NEXT_STATUSES[from].includes(to)) return undefined;
  const allowed = NEXT_STATUSES[from];
  return allowed.length === 0
    ? `The campaign is ${from}, and a ${from} campaign stays so: its history is kept as it ended`
    : `A ${from} campaign can only become ${allowed.join(' or ')}, not ${to}`;
}

/**
 * The goal each audience team should reach.
 *
 * - `active-weeks`: active with the capability in at least `activeWeeks` of the `windowWeeks` weeks ending with the
 *   week considered ("active in 3 of the last 4 weeks").
 * - `golden-path-share`: the team's rolling golden-path share (4 weeks, as on the Habits page) is at least `share`.
 *
 * @public
 */
export type CampaignGoal =
  | { kind: 'active-weeks'; activeWeeks: number; windowWeeks: number }
  | { kind: 'golden-path-share'; share: number };

/**
 * How a campaign's audience was chosen.
 *
 * - `groups`: the Group entities listed.
 * - `not-adopting`: the product teams that had not used the capability when the audience was resolved.
 *
 * @public
 */
export type CampaignAudienceSource =
  | { source: 'groups'; groups: string[] }
  | { source: 'not-adopting' };

/**
 * The kinds of campaign activity.
 *
 * @public
 */
export type CampaignActivityKind =
  | 'announcement'
  | 'training-session'
  | 'office-hours'
  | 'learning-path'
  | 'pairing-offer';

/**
 * Every campaign activity kind.
 *
 * @public
 */
export const CAMPAIGN_ACTIVITY_KINDS: readonly CampaignActivityKind[] = [
  'announcement',
  'training-session',
  'office-hours',
  'learning-path',
  'pairing-offer',
];

/**
 * Whether an activity of this kind happens at a time (training sessions and office hours): it needs `startsAt`, and
 * people RSVP to it and may be marked as attended.
 *
 * @public
 */
export function isScheduledActivity(kind: CampaignActivityKind): boolean {
  return kind === 'training-session' || kind === 'office-hours';
}

/**
 * Whether a campaign link (an activity's link, a learning-path step) is one a person can follow: an http(s)
 * address or a path inside Backstage starting with `/`, without blanks.
 *
 * @public
 */
export function isCampaignLink(text: string): boolean {
  return /^(https?:\/\/\S+|\/\S*)$/i.test(text);
}

/**
 * What a person may answer to an activity, by its kind (`stepsDone` is for learning paths only):
 * announcement → acknowledged; training session and office hours → going, not-going; pairing offer → interested,
 * not-interested. `attended` is set by the organiser, never by the person.
 *
 * @public
 */
export type ParticipationStatus =
  | 'acknowledged'
  | 'going'
  | 'not-going'
  | 'interested'
  | 'not-interested';

const STATUSES_BY_KIND: Record<
  CampaignActivityKind,
  readonly ParticipationStatus[]
> = {
  announcement: ['acknowledged'],
  'training-session': ['going', 'not-going'],
  'office-hours': ['going', 'not-going'],
  'learning-path': [],
  'pairing-offer': ['interested', 'not-interested'],
};

/**
 * A person's answer to an activity (`PUT .../participation/me`).
 *
 * @public
 */
export interface ParticipationInput {
  /** Announcements, sessions, office hours and pairing offers: the answer; omitted for a learning path. */
  status?: ParticipationStatus;
  /** Learning paths: the indexes (0-based) of the steps the person has done. */
  stepsDone?: number[];
}

/**
 * What is wrong with a participation for an activity of this kind with this many steps, as a sentence a person can
 * act on; undefined when it is acceptable.
 *
 * @public
 */
export function participationProblem(
  kind: CampaignActivityKind,
  input: ParticipationInput,
  steps: number,
): string | undefined {
  if (kind === 'learning-path') {
    if (input.status !== undefined) {
      return `A learning path takes stepsDone (the indexes of the steps you have done), not a status; got status ${input.status}`;
    }
    if (input.stepsDone === undefined) {
      return 'A learning path takes stepsDone: the indexes of the steps you have done, e.g. [0, 1]';
    }
    const seen = new Set<number>();
    for (const step of input.stepsDone) {
      if (!Number.isSafeInteger(step) || step < 0 || step >= steps) {
        return `stepsDone must list step indexes from 0 to ${
          steps - 1
        } (this path has ${steps} steps); got ${describeValue(step)}`;
      }
      if (seen.has(step)) return `stepsDone lists step ${step} twice`;
      seen.add(step);
    }
    return undefined;
  }
  const allowed = STATUSES_BY_KIND[kind];
  if (input.stepsDone !== undefined) {
    return `stepsDone is for learning paths only; a ${kind} takes a status (${allowed.join(
      ' or ',
    )})`;
  }
  if (input.status === undefined || !allowed.includes(input.status)) {
    return `A ${kind} takes status ${allowed.join(' or ')}; got ${
      input.status ?? 'none'
    }`;
  }
  return undefined;
}

/**
 * One person's participation in one activity, as the maths reads it: the teams the person was a member of when
 * answering, never who they are.
 *
 * @public
 */
export interface ParticipationRecord {
  /** The activity answered. */
  activityId: string;
  /** Group refs of the teams the person was a member of when they last answered. */
  teamRefs: string[];
  /** The answer; null for a learning path. */
  status: ParticipationStatus | null;
  /** Learning paths: the indexes (0-based, ascending) of the steps done; empty otherwise. */
  stepsDone: number[];
  /** Marked by the organiser of a session. */
  attended: boolean;
}

/**
 * Whether a participation engages the person's teams: anything but declining (not-going, not-interested) or an
 * empty learning path, and attending always does.
 *
 * @public
 */
export function isEngagement(record: ParticipationRecord): boolean {
  if (record.attended) return true;
  if (record.stepsDone.length > 0) return true;
  return (
    record.status === 'acknowledged' ||
    record.status === 'going' ||
    record.status === 'interested'
  );
}

/**
 * The audience teams engaged by any activity of the campaign: at least one member's participation is an
 * engagement (`isEngagement`). Sorted; teams outside the audience are left out.
 *
 * @public
 */
export function engagedTeams(
  audienceTeams: readonly string[],
  participation: readonly ParticipationRecord[],
): string[] {
  const audience = new Set(audienceTeams);
  const engaged = new Set<string>();
  for (const record of participation) {
    if (!isEngagement(record)) continue;
    for (const team of record.teamRefs) {
      if (audience.has(team)) engaged.add(team);
    }
  }
  return [...engaged].sort();
}

// ---------------------------------------------------------------------------------------------------------------
// Goal and team states
// ---------------------------------------------------------------------------------------------------------------

/**
 * A team's state in a campaign as of a week.
 *
 * @public
 */
export type CampaignTeamState =
  | 'not-reached'
  | 'engaged'
  | 'adopting'
  | 'habit-formed'
  | 'reverted';

/**
 * What the progress maths reads: the campaign's capability, goal and start, the week it is computed as of, the
 * audience and its weekly activity (rows from `windowWeeks` before the start on, so the first weeks' windows are
 * full), and the teams it engaged.
 *
 * @public
 */
export interface CampaignProgressInput {
  /** Entity ref of the capability the campaign promotes. */
  capabilityRef: string;
  /** The goal each audience team should reach. */
  goal: CampaignGoal;
  /** The week the campaign became active. */
  startWeek: WeekStart;
  /** The last week counted (the current week, or the week the campaign ended). */
  asOf: WeekStart;
  /** Group refs of the audience teams. */
  audienceTeams: readonly string[];
  /** The audience teams' weekly activity, from enough weeks before the start (goal window, reversions) to `asOf`. */
  activity: readonly WeeklyActivity[];
  /** Group refs of the audience teams the campaign engaged (`engagedTeams()`). */
  engagedTeams: readonly string[];
  /** New-way weeks in a row before going back counts as a reversion (the plugin's setting); default 3. */
  minStreakWeeks?: number;
  /** Consecutive active weeks that make a habit, for the effect's time to habit; default 4. */
  habitWeeks?: number;
}

/**
 * One audience team's progress.
 *
 * @public
 */
export interface CampaignTeamProgress {
  /** Group ref of the team. */
  teamRef: string;
  /** The team's state as of `asOf`. */
  state: CampaignTeamState;
  /** At the goal in the week `asOf`. */
  atGoal: boolean;
  /** A member of the team engaged with any activity of the campaign. */
  engaged: boolean;
  /** The first week since the start in which the team was active with the capability; null when none. */
  firstActiveWeek: WeekStart | null;
  /** The first week since the start in which the team was at the goal; null when never. */
  firstGoalWeek: WeekStart | null;
}

/**
 * For each team, the weeks in [from, to] in which it was at the goal:
 *
 * ```
 *   active-weeks:       |{ v in w − windowWeeks + 1 .. w : active(team, v, capability) }| ≥ activeWeeks
 *   golden-path-share:  rollingShare(team, w) ≥ share   (goldenPathShare; a week without components is not at it)
 * ```
 *
 * @public
 */
export function weeksAtGoal(
  input: Pick<
    CampaignProgressInput,
    'capabilityRef' | 'goal' | 'audienceTeams' | 'activity'
  >,
  from: WeekStart,
  to: WeekStart,
): Map<string, Set<WeekStart>> {
  requireGoal(input.goal);
  const weeks = weekRange(from, to);
  const result = new Map<string, Set<WeekStart>>();
  const { goal } = input;
  if (goal.kind === 'active-weeks') {
    const active = activeWeeksOfTeams(input.activity, input.capabilityRef);
    for (const team of input.audienceTeams) {
      const teamWeeks = new Set(active.get(team) ?? []);
      const reached = new Set<WeekStart>();
      for (const week of weeks) {
        let count = 0;
        for (let back = 0; back < goal.windowWeeks; back++) {
          if (teamWeeks.has(addWeeks(week, -back))) count++;
        }
        if (count >= goal.activeWeeks) reached.add(week);
      }
      result.set(team, reached);
    }
    return result;
  }
  for (const team of input.audienceTeams) {
    const share = goldenPathShare(input.activity, { from, to, teamRef: team });
    const reached = new Set<WeekStart>();
    for (const week of share.teams[0]?.weeks ?? []) {
      if (week.rollingShare !== null && week.rollingShare >= goal.share) {
        reached.add(week.week);
      }
    }
    result.set(team, reached);
  }
  return result;
}

function requireGoal(goal: CampaignGoal) {
  if (goal.kind === 'active-weeks') {
    const { activeWeeks, windowWeeks } = goal;
    if (
      !Number.isSafeInteger(windowWeeks) ||
      windowWeeks < 1 ||
      !Number.isSafeInteger(activeWeeks) ||
      activeWeeks < 1 ||
      activeWeeks > windowWeeks
    ) {
      throw new RangeError(
        `an active-weeks goal needs whole numbers 1 ≤ activeWeeks ≤ windowWeeks, got ${describeValue(
          activeWeeks,
        )} of ${describeValue(windowWeeks)}`,
      );
    }
  } else if (!(goal.share > 0 && goal.share <= 1)) {
    throw new RangeError(
      `a golden-path-share goal needs 0 < share ≤ 1, got ${describeValue(
        goal.share,
      )}`,
    );
  }
}

/**
 * Each audience team's state as of `asOf` (sorted by teamRef), the first that holds:
 *
 * ```
 *   habit-formed ⇔ atGoal(team, asOf)
 *   reverted     ⇔ atGoal(team, w) for some w in [start, asOf − 1], or a reversion (reversions(), minStreakWeeks)
 *                  in [start, asOf]: it had the habit and has lost it
 *   adopting     ⇔ active(team, w, capability) for some w in [start, asOf]
 *   engaged      ⇔ the team is among engagedTeams (a member acknowledged, RSVPed, attended, ticked a step…)
 *   not-reached  otherwise
 * ```
 *
 * @public
 */
export function campaignTeamStates(
  input: CampaignProgressInput,
): CampaignTeamProgress[] {
  const { startWeek, asOf } = input;
  const atGoal = weeksAtGoal(input, startWeek, asOf);
  const active = activeWeeksOfTeams(input.activity, input.capabilityRef);
  const reverted = new Set(
    weeksBetween(startWeek, asOf) >= 0
      ? reversions(input.activity, {
          from: startWeek,
          to: asOf,
          minStreakWeeks: input.minStreakWeeks ?? DEFAULT_MIN_STREAK_WEEKS,
        }).teams.map(r => r.teamRef)
      : [],
  );
  const engaged = new Set(input.engagedTeams);
  return [...new Set(input.audienceTeams)].sort().map(teamRef => {
    const goalWeeks = [...(atGoal.get(teamRef) ?? [])].sort();
    const activeWeeks = (active.get(teamRef) ?? []).filter(
      week => week >= startWeek && week <= asOf,
    );
    const isAtGoal = goalWeeks.includes(asOf);
    let state: CampaignTeamState;
    if (isAtGoal) state = 'habit-formed';
    else if (goalWeeks.length > 0 || reverted.has(teamRef)) state = 'reverted';
    else if (activeWeeks.length > 0) state = 'adopting';
    else if (engaged.has(teamRef)) state = 'engaged';
    else state = 'not-reached';
    return {
      teamRef,
      state,
      atGoal: isAtGoal,
      engaged: engaged.has(teamRef),
      firstActiveWeek: activeWeeks[0] ?? null,
      firstGoalWeek: goalWeeks[0] ?? null,
    };
  });
}

/**
 * One week of the burn-up.
 *
 * @public
 */
export interface CampaignBurnUpWeek {
  /** The week (its Monday, YYYY-MM-DD). */
  week: WeekStart;
  /** Audience teams at the goal in that week. */
  atGoal: number;
  /** Audience teams (the same every week). */
  teams: number;
}

/**
 * The burn-up: for every week w in [start, asOf], `atGoal(w) = |{ team in audience : atGoal(team, w) }|` out of the
 * audience's size. Empty when asOf is before the start.
 *
 * @public
 */
export function campaignBurnUp(
  input: CampaignProgressInput,
): CampaignBurnUpWeek[] {
  const teams = [...new Set(input.audienceTeams)];
  if (weeksBetween(input.startWeek, input.asOf) < 0) return [];
  const atGoal = weeksAtGoal(
    { ...input, audienceTeams: teams },
    input.startWeek,
    input.asOf,
  );
  return weekRange(input.startWeek, input.asOf).map(week => ({
    week,
    atGoal: teams.filter(team => atGoal.get(team)?.has(week)).length,
    teams: teams.length,
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Rates per activity
// ---------------------------------------------------------------------------------------------------------------

/**
 * An activity as the rates read it.
 *
 * @public
 */
export interface CampaignActivityRef {
  /** The activity's id. */
  id: string;
  /** The activity's kind. */
  kind: CampaignActivityKind;
  /** Steps of a learning path; 0 otherwise. */
  steps: number;
}

/**
 * Participation in one activity, in people and audience teams.
 *
 * @public
 */
export interface CampaignActivityRates {
  /** The activity's id. */
  activityId: string;
  /** The activity's kind. */
  kind: CampaignActivityKind;
  /** People who acknowledged (announcements). */
  acknowledged: number;
  /** People who said they are going (sessions, office hours), attended ones included. */
  going: number;
  /** People the organiser marked as attended. */
  attended: number;
  /** People interested (pairing offers). */
  interested: number;
  /** People who ticked every step (learning paths). */
  completed: number;
  /** attended / going (4 decimals); null when nobody said they are going. */
  attendanceRate: number | null;
  /** Audience teams with at least one engaged member for this activity. */
  engagedTeams: number;
  /** Audience teams. */
  teams: number;
  /**
   * engagedTeams / teams (4 decimals; null without an audience): for an announcement, the acknowledgement rate.
   */
  teamRate: number | null;
}

/**
 * Acknowledgement and attendance per activity (in the order given):
 *
 * ```
 *   going          = people with status going, or marked attended
 *   attendanceRate = attended / going, null when going = 0
 *   engagedTeams   = |{ team in audience : some member's participation in it is an engagement }|
 *   teamRate       = engagedTeams / |audience|   (the acknowledgement rate of an announcement)
 * ```
 *
 * @public
 */
export function campaignActivityRates(
  activities: readonly CampaignActivityRef[],
  participation: readonly ParticipationRecord[],
  audienceTeams: readonly string[],
): CampaignActivityRates[] {
  const audience = [...new Set(audienceTeams)];
  return activities.map(activity => {
    const records = participation.filter(r => r.activityId === activity.id);
    const going = records.filter(r => r.status === 'going' || r.attended);
    const attended = records.filter(r => r.attended).length;
    return {
      activityId: activity.id,
      kind: activity.kind,
      acknowledged: records.filter(r => r.status === 'acknowledged').length,
      going: going.length,
      attended,
      interested: records.filter(r => r.status === 'interested').length,
      completed:
        activity.steps > 0
          ? records.filter(r => new Set(r.stepsDone).size >= activity.steps)
              .length
          : 0,
      attendanceRate: ratio(attended, going.length),
      engagedTeams: engagedTeams(audience, records).length,
      teams: audience.length,
      teamRate: ratio(engagedTeams(audience, records).length, audience.length),
    };
  });
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0
    ? Math.round((numerator / denominator) * 10_000) / 10_000
    : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Effect
// ---------------------------------------------------------------------------------------------------------------

/**
 * Teams each group (engaged, not engaged) needs before the effect may be read: with fewer, the comparison says
 * nothing and is flagged `tooSmallToConclude`.
 *
 * @public
 */
export const MIN_EFFECT_GROUP_TEAMS = 5;

/**
 * The figures of one group of audience teams since the campaign's start.
 *
 * @public
 */
export interface CampaignGroupEffect {
  /** Teams in the group. */
  teams: number;
  /** Teams of the group active with the capability since the start. */
  adopters: number;
  /** adopters / teams (4 decimals); null for an empty group. */
  adoptionShare: number | null;
  /** Teams that formed the habit (H consecutive active weeks) since the start. */
  reachedHabit: number;
  /** Median weeks from first use (since the start) to habit, over the teams that formed it; null when none did. */
  medianWeeksToHabit: number | null;
}

/**
 * Engaged against not-engaged audience teams.
 *
 * @public
 */
export interface CampaignEffect {
  /** Consecutive active weeks that made a habit (H) for these figures. */
  habitWeeks: number;
  /** Audience teams the campaign engaged. */
  engaged: CampaignGroupEffect;
  /** Audience teams it did not engage. */
  notEngaged: CampaignGroupEffect;
  /** engaged.adoptionShare − notEngaged.adoptionShare (4 decimals); null when either is null. */
  adoptionShareDifference: number | null;
  /** engaged.medianWeeksToHabit − notEngaged.medianWeeksToHabit; null when either is null. */
  medianWeeksToHabitDifference: number | null;
  /** The smallest group size the comparison needs (MIN_EFFECT_GROUP_TEAMS). */
  minGroupTeams: number;
  /** Either group has fewer than minGroupTeams teams: the difference may be chance. */
  tooSmallToConclude: boolean;
}

/**
 * The campaign's effect, from the activity since the start (weeks start .. asOf) of each group:
 *
 * ```
 *   engaged      = audience ∩ engagedTeams;  notEngaged = audience − engagedTeams
 *   adopters     = adoption(activity of the group, { from: start, to: asOf }).figures.adopters  (activity ≥ start)
 *   adoptionShare = adopters / teams
 *   reachedHabit, medianWeeksToHabit = timeToHabit(activity of the group since the start, { habitWeeks })
 *   tooSmallToConclude ⇔ engaged.teams < MIN_EFFECT_GROUP_TEAMS or notEngaged.teams < MIN_EFFECT_GROUP_TEAMS
 * ```
 *
 * @public
 */
export function campaignEffect(input: CampaignProgressInput): CampaignEffect {
  const habitWeeks = input.habitWeeks ?? DEFAULT_HABIT_WEEKS;
  const audience = [...new Set(input.audienceTeams)];
  const engagedSet = new Set(input.engagedTeams);
  const since = input.activity.filter(
    row => row.week >= input.startWeek && row.week <= input.asOf,
  );
  const group = (teams: string[]): CampaignGroupEffect => {
    const members = new Set(teams);
    const rows = since.filter(row => members.has(row.teamRef));
    const adopters =
      weeksBetween(input.startWeek, input.asOf) >= 0
        ? adoption(rows, {
            capabilityRef: input.capabilityRef,
            from: input.startWeek,
            to: input.asOf,
            totalTeams: teams.length,
          }).figures.adopters
        : 0;
    const habit = timeToHabit(rows, {
      habitWeeks,
      capabilityRefs: [input.capabilityRef],
    }).capabilities[0];
    return {
      teams: teams.length,
      adopters,
      adoptionShare: adoptionShare(adopters, teams.length),
      reachedHabit: habit.reached,
      medianWeeksToHabit: habit.medianWeeks,
    };
  };
  const engaged = group(audience.filter(team => engagedSet.has(team)));
  const notEngaged = group(audience.filter(team => !engagedSet.has(team)));
  return {
    habitWeeks,
    engaged,
    notEngaged,
    adoptionShareDifference:
      engaged.adoptionShare === null || notEngaged.adoptionShare === null
        ? null
        : Math.round(
            (engaged.adoptionShare - notEngaged.adoptionShare) * 10_000,
          ) / 10_000,
    medianWeeksToHabitDifference:
      engaged.medianWeeksToHabit === null ||
      notEngaged.medianWeeksToHabit === null
        ? null
        : engaged.medianWeeksToHabit - notEngaged.medianWeeksToHabit,
    minGroupTeams: MIN_EFFECT_GROUP_TEAMS,
    tooSmallToConclude:
      engaged.teams < MIN_EFFECT_GROUP_TEAMS ||
      notEngaged.teams < MIN_EFFECT_GROUP_TEAMS,
  };
}

/**
 * A campaign's progress: team states, burn-up, rates per activity and effect (`GET /campaigns/{id}/progress`).
 *
 * @public
 */
export interface CampaignProgress {
  /** The last week counted: the current week, or the week the campaign ended. */
  asOf: WeekStart;
  /** The week the campaign became active. */
  startWeek: WeekStart;
  /** Each audience team's progress, sorted by teamRef. */
  teams: CampaignTeamProgress[];
  /** Teams per state. */
  states: Record<CampaignTeamState, number>;
  /** Audience teams at the goal, week by week from the start to `asOf`. */
  burnUp: CampaignBurnUpWeek[];
  /** Participation rates per activity, in the campaign's activity order. */
  activities: CampaignActivityRates[];
  /** Engaged against not-engaged audience teams since the start. */
  effect: CampaignEffect;
}

/**
 * Everything `GET /campaigns/{id}/progress` answers, from one input.
 *
 * @public
 */
export function campaignProgress(
  input: CampaignProgressInput,
  activities: readonly CampaignActivityRef[],
  participation: readonly ParticipationRecord[],
): CampaignProgress {
  const teams = campaignTeamStates(input);
  const states: Record<CampaignTeamState, number> = {
    'not-reached': 0,
    engaged: 0,
    adopting: 0,
    'habit-formed': 0,
    reverted: 0,
  };
  for (const team of teams) states[team.state]++;
  return {
    asOf: input.asOf,
    startWeek: input.startWeek,
    teams,
    states,
    burnUp: campaignBurnUp(input),
    activities: campaignActivityRates(
      activities,
      participation,
      input.audienceTeams,
    ),
    effect: campaignEffect(input),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// What the campaign routes answer
// ---------------------------------------------------------------------------------------------------------------

/**
 * An audience team of a campaign, with its champion when one is named.
 *
 * @public
 */
export interface CampaignTeam {
  /** Group ref of the team. */
  teamRef: string;
  /** A member of the team (User ref) who champions the campaign there; null when none is named. */
  championRef: string | null;
}

/**
 * A campaign (`GET /campaigns/{id}`).
 *
 * @public
 */
export interface Campaign {
  /** The campaign's id (a UUID). */
  id: string;
  /** A one-line title. */
  title: string;
  /** Free text, possibly several lines; empty when none. */
  description: string;
  /** Entity ref of the capability the campaign promotes. */
  capabilityRef: string;
  /** The golden-path templates the campaign promotes. */
  templates: string[];
  /** The goal each audience team should reach. */
  goal: CampaignGoal;
  /** How the audience was chosen; the teams themselves are in `teams`. */
  audience: CampaignAudienceSource;
  /** The date (YYYY-MM-DD) the teams should reach the goal by; null when none. */
  targetDate: string | null;
  /** Where the campaign stands in its lifecycle. */
  status: CampaignStatus;
  /** Entity ref of the user (or the subject of the service) that created it. */
  createdBy: string;
  /** When it was created (ISO timestamp). */
  createdAt: string;
  /** When it last changed (ISO timestamp). */
  updatedAt: string;
  /** When the campaign became active; null while a draft. */
  startedAt: string | null;
  /** When it was completed or cancelled; null before. */
  endedAt: string | null;
  /** The audience teams, fixed once the campaign leaves draft. */
  teams: CampaignTeam[];
}

/**
 * A step of a learning path.
 *
 * @public
 */
export interface LearningPathStep {
  /** A one-line title. */
  title: string;
  /** Where to do the step: an http(s) address or a path in Backstage starting with /. */
  link: string;
}

/**
 * An activity of a campaign.
 *
 * @public
 */
export interface CampaignActivity {
  /** The activity's id (a UUID). */
  id: string;
  /** The id of the campaign it belongs to. */
  campaignId: string;
  /** What kind of activity it is. */
  kind: CampaignActivityKind;
  /** A one-line title. */
  title: string;
  /** Free text, possibly several lines; empty when none. */
  description: string;
  /** Sessions and office hours: when they start (ISO timestamp); null otherwise. */
  startsAt: string | null;
  /** Sessions: places; null when unlimited. */
  capacity: number | null;
  /** Where to join or read; null when none. */
  link: string | null;
  /** Learning paths: the ordered steps; empty otherwise. */
  steps: LearningPathStep[];
  /** When it was added (ISO timestamp). */
  createdAt: string;
}

/**
 * One person's own participation in an activity, as that person (and, for sessions, the organiser) sees it.
 *
 * @public
 */
export interface MyParticipation {
  /** The activity answered. */
  activityId: string;
  /** The answer; null for a learning path. */
  status: ParticipationStatus | null;
  /** Learning paths: the indexes (0-based, ascending) of the steps done; empty otherwise. */
  stepsDone: number[];
  /** Marked by the organiser of a session. */
  attended: boolean;
  /** When the person last answered (ISO timestamp). */
  updatedAt: string;
}
