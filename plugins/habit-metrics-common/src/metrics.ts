import {
  compareNullableText,
  compareText,
  describeValue,
  formatWeekIndex,
  requireWeekIndex,
} from './internal';
import {
  ACTIVE_WINDOW_WEEKS,
  adoptionShare,
  adoptionTrend,
  TREND_WEEKS,
  trendThreshold,
} from './definitions';
import {
  Adoption,
  AdoptionFigures,
  AdoptionWeek,
  CapabilityHabits,
  EVENT_KINDS,
  GoldenPathShare,
  GoldenPathWeek,
  Retention,
  RetentionCohort,
  Reversion,
  Reversions,
  StickinessWeek,
  TeamHabits,
  TimeToHabit,
  Way,
  WeeklyActivity,
  WeekStart,
} from './types';
import { weekStartOf } from './weeks';

// Shared definitions, quoted by the README:
//
//   active(team, week, capability) ⇔ Σ count > 0 over the team's rows of that week with way = 'new',
//                                     kind ≠ 'component-baseline' and that capabilityRef
//   active(team, week)             ⇔ the same over all capabilities (and rows without one)
//
// Rows may come in any order and repeat a key: counts are summed, and a row with count 0 carries no activity.
// Baseline rows describe what existed before the first catalog scan, not what a team did, so no metric reads them.
// Weeks are ISO weeks in UTC, named by their Monday; `from`..`to` always include both ends. Shares are rounded to
// 4 decimal places and are null when their denominator is 0.

/**
 * Weeks after the cohort week that cohort retention follows by default.
 *
 * @public
 */
export const DEFAULT_RETENTION_WEEKS = 12;
/**
 * New-way weeks in a row a team needs by default before an old-way act counts as a reversion.
 *
 * @public
 */
export const DEFAULT_MIN_STREAK_WEEKS = 3;
/**
 * Consecutive active weeks that make a habit by default, for time to habit.
 *
 * @public
 */
export const DEFAULT_HABIT_WEEKS = 4;

/**
 * Stickiness compares one week with this many weeks ending with it.
 *
 * @public
 */
export const STICKINESS_WINDOW_WEEKS = 4;

/**
 * The rolling golden-path share of a week covers this many weeks ending with it, so that a week with one or two new
 * components does not swing the line between 0 and 100%.
 *
 * @public
 */
export const GOLDEN_PATH_ROLLING_WEEKS = 4;

/** Kinds that show a template being used, for adoption per template. */
const TEMPLATE_USE_KINDS: ReadonlySet<string> = new Set([
  EVENT_KINDS.templateRun,
  EVENT_KINDS.templateCreate,
  EVENT_KINDS.componentCreated,
]);

// ---------------------------------------------------------------------------------------------------------------
// Golden-path share
// ---------------------------------------------------------------------------------------------------------------

/**
 * Options of `goldenPathShare`: the week range and an optional team to list.
 *
 * @public
 */
export interface GoldenPathShareOptions {
  /** First week of the range (its Monday), included. */
  from: WeekStart;
  /** Last week of the range (its Monday), included. */
  to: WeekStart;
  /** List only this team under `teams` (always, zero-filled when it made no component); `weeks` stays the total. */
  teamRef?: string | null;
}

/**
 * Share of new components made through a template, per week.
 *
 * Over rows of kind `component-created` only (baseline rows are a different kind and never count), for every week
 * w in [from, to], zero-filled:
 *
 * ```
 *   newComponents(w) = Σ count (way 'new' or 'old')
 *   viaTemplate(w)   = Σ count (way 'new')
 *   share(w)         = viaTemplate(w) / newComponents(w), or null when newComponents(w) = 0
 *   rollingShare(w)  = Σ viaTemplate(v) / Σ newComponents(v) over v in [w − 3, w] (GOLDEN_PATH_ROLLING_WEEKS), or
 *                      null when that sum of newComponents is 0; the weeks before `from` count here, so `activity`
 *                      should start 3 weeks before the range
 * ```
 *
 * `weeks` sums all teams; `teams` gives the same per team, sorted by teamRef: every team that made a component in
 * the range, or only `teamRef` when given.
 *
 * @public
 */
export function goldenPathShare(
  activity: readonly WeeklyActivity[],
  options: GoldenPathShareOptions,
): GoldenPathShare {
  const { first: rangeFirst, length: rangeLength } = readRange(options);
  const { teamRef = null } = options;
  // The rolling share of the range's first weeks reaches back before the range: count from that earlier week.
  const lead = GOLDEN_PATH_ROLLING_WEEKS - 1;
  const first = rangeFirst - lead;
  const length = rangeLength + lead;
  const total = emptyComponentCounts(length);
  const byTeam = new Map<string, ComponentCounts>();
  if (teamRef !== null) {
    byTeam.set(teamRef, emptyComponentCounts(length));
  }
  for (const row of readRows(activity)) {
    const offset = row.week - first;
    if (
      row.kind !== EVENT_KINDS.componentCreated ||
      offset < 0 ||
      offset >= length
    ) {
      continue;
    }
    addComponents(total, offset, row);
    if (teamRef === null || row.teamRef === teamRef) {
      addComponents(
        getOrCreate(byTeam, row.teamRef, () => emptyComponentCounts(length)),
        offset,
        row,
      );
    }
  }
  const inRange = (counts: ComponentCounts) =>
    counts.newComponents.slice(lead).some(n => n > 0);
  return {
    weeks: toGoldenPathWeeks(first, lead, total),
    teams: [...byTeam.keys()]
      .filter(team => team === teamRef || inRange(byTeam.get(team)!))
      .sort(compareText)
      .map(team => ({
        teamRef: team,
        weeks: toGoldenPathWeeks(first, lead, byTeam.get(team)!),
      })),
  };
}

interface ComponentCounts {
  newComponents: number[];
  viaTemplate: number[];
}

function emptyComponentCounts(length: number): ComponentCounts {
  return {
    newComponents: new Array(length).fill(0),
    viaTemplate: new Array(length).fill(0),
  };
}

function addComponents(counts: ComponentCounts, offset: number, row: Row) {
  counts.newComponents[offset] += row.count;
  if (row.way === 'new') {
    counts.viaTemplate[offset] += row.count;
  }
}

function toGoldenPathWeeks(
  first: number,
  lead: number,
  counts: ComponentCounts,
): GoldenPathWeek[] {
  const weeks: GoldenPathWeek[] = [];
  for (let offset = lead; offset < counts.newComponents.length; offset++) {
    const window = offset - GOLDEN_PATH_ROLLING_WEEKS + 1;
    const sum = (values: number[]) =>
      values.slice(window, offset + 1).reduce((a, b) => a + b, 0);
    weeks.push({
      week: formatWeekIndex(first + offset),
      newComponents: counts.newComponents[offset],
      viaTemplate: counts.viaTemplate[offset],
      share: ratio(counts.viaTemplate[offset], counts.newComponents[offset]),
      rollingShare: ratio(sum(counts.viaTemplate), sum(counts.newComponents)),
    });
  }
  return weeks;
}

// ---------------------------------------------------------------------------------------------------------------
// Adoption
// ---------------------------------------------------------------------------------------------------------------

/**
 * Options of `adoption`: what to count (capability or template), the week range and the number of teams.
 *
 * @public
 */
export interface AdoptionOptions {
  /** Count activity for this capability only; null or absent counts any new-way activity. */
  capabilityRef?: string | null;
  /** Count use of this template instead (together with capabilityRef when both are given). */
  templateRef?: string | null;
  /** First week of the range (its Monday), included. */
  from: WeekStart;
  /** Last week of the range (its Monday), included. */
  to: WeekStart;
  /** Teams in the catalog; null when unknown. */
  totalTeams: number | null;
}

/**
 * Adoption of a capability or a template, per week w in [from, to]:
 *
 * ```
 *   uses(team, w)         = active(team, w, capabilityRef), or, when templateRef is given, Σ count > 0 over the
 *                           team's rows of w with way 'new', kind ∈ {template-run, template-create,
 *                           component-created} and that templateRef (and that capabilityRef, when also given)
 *   activeTeams(w)        = |{ team : uses(team, w) }|
 *   cumulativeAdopters(w) = |{ team : uses(team, v) for some v ≤ w }|   (activity before `from` counts)
 *   share(w)              = adoptionShare(cumulativeAdopters(w), totalTeams): / totalTeams to 4 decimals, or null
 *                           when totalTeams is null or 0
 * ```
 *
 * and `figures`, as of the last week t = `to` (activity after t never counts, activity before `from` does):
 *
 * ```
 *   adopters       = cumulativeAdopters(t);  adopterRefs = those teams, sorted
 *   activeTeams    = |{ team : uses(team, v) for some v in t − 3 .. t }|
 *   share          = adoptionShare(adopters, totalTeams)
 *   before         = { week: t − 12, adopters: cumulativeAdopters(t − 12), activeTeams: the same window ending t − 12 }
 *   trendThreshold = trendThreshold(totalTeams)
 *   trend          = adoptionTrend({ adopters, adoptersBefore, activeTeams, activeTeamsBefore, threshold })
 * ```
 *
 * Callers give the product teams' activity only (activityOfTeams()) and their number as totalTeams, so that N of M
 * counts the same teams on both sides; the share is still not capped at 1.
 *
 * @public
 */
export function adoption(
  activity: readonly WeeklyActivity[],
  options: AdoptionOptions,
): Adoption {
  const { first, last } = readRange(options);
  const { capabilityRef = null, templateRef = null, totalTeams } = options;
  if (
    totalTeams !== null &&
    !(Number.isSafeInteger(totalTeams) && totalTeams >= 0)
  ) {
    throw new RangeError(
      `totalTeams must be an integer ≥ 0 or null, got ${describeValue(
        totalTeams,
      )}`,
    );
  }
  const uses =
    templateRef === null
      ? isActiveFor(capabilityRef)
      : (row: Row) =>
          isNewWayUse(row) &&
          TEMPLATE_USE_KINDS.has(row.kind) &&
          row.templateRef === templateRef &&
          (capabilityRef === null || row.capabilityRef === capabilityRef);

  const activeTeamsByWeek = new Map<number, number>();
  const newAdoptersByWeek = new Map<number, number>();
  let adoptersBeforeRange = 0;
  const teamWeeks = activeWeeksByTeam(readRows(activity), uses);
  for (const weeks of teamWeeks.values()) {
    for (const week of weeks) {
      increment(activeTeamsByWeek, week);
    }
    const firstUse = Math.min(...weeks);
    if (firstUse < first) {
      adoptersBeforeRange++;
    } else {
      increment(newAdoptersByWeek, firstUse);
    }
  }

  let cumulativeAdopters = adoptersBeforeRange;
  const weeks: AdoptionWeek[] = [];
  for (let week = first; week <= last; week++) {
    cumulativeAdopters += newAdoptersByWeek.get(week) ?? 0;
    weeks.push({
      week: formatWeekIndex(week),
      activeTeams: activeTeamsByWeek.get(week) ?? 0,
      cumulativeAdopters,
      share: adoptionShare(cumulativeAdopters, totalTeams),
    });
  }
  return {
    capabilityRef,
    templateRef,
    totalTeams,
    weeks,
    figures: adoptionFigures(teamWeeks, last, totalTeams),
  };
}

/** The figures of adoption() as of week `asOf`, from each team's active weeks. */
function adoptionFigures(
  teamWeeks: ReadonlyMap<string, ReadonlySet<number>>,
  asOf: number,
  totalTeams: number | null,
): AdoptionFigures {
  const before = asOf - TREND_WEEKS;
  const adopterRefs: string[] = [];
  let adoptersBefore = 0;
  let activeTeams = 0;
  let activeTeamsBefore = 0;
  const activeIn = (weeks: ReadonlySet<number>, end: number) => {
    for (let back = 0; back < ACTIVE_WINDOW_WEEKS; back++) {
      if (weeks.has(end - back)) return true;
    }
    return false;
  };
  for (const [team, weeks] of teamWeeks) {
    const firstUse = Math.min(...weeks);
    if (firstUse <= asOf) adopterRefs.push(team);
    if (firstUse <= before) adoptersBefore++;
    if (activeIn(weeks, asOf)) activeTeams++;
    if (activeIn(weeks, before)) activeTeamsBefore++;
  }
  adopterRefs.sort(compareText);
  const threshold = trendThreshold(totalTeams);
  return {
    week: formatWeekIndex(asOf),
    productTeams: totalTeams,
    adopters: adopterRefs.length,
    adopterRefs,
    share: adoptionShare(adopterRefs.length, totalTeams),
    activeTeams,
    before: {
      week: formatWeekIndex(before),
      adopters: adoptersBefore,
      activeTeams: activeTeamsBefore,
    },
    trendThreshold: threshold,
    trend: adoptionTrend({
      adopters: adopterRefs.length,
      adoptersBefore,
      activeTeams,
      activeTeamsBefore,
      threshold,
    }),
  };
}

/**
 * The rows of the given teams only (refs compared as given: habit-metrics stores them lower-cased). habit-metrics
 * gives every figure that counts teams of a capability (adoption, retention, stickiness, time to habit) the product
 * teams' rows only, so that "N of M product teams" counts the same teams on both sides.
 *
 * @public
 */
export function activityOfTeams(
  activity: readonly WeeklyActivity[],
  teamRefs: Iterable<string>,
): WeeklyActivity[] {
  const teams = new Set(teamRefs);
  return activity.filter(row => teams.has(row.teamRef));
}

/**
 * The weeks in which each team was active with a capability, by the shared definition
 * `active(team, week, capability)` (any capability when capabilityRef is null), sorted, as a map from teamRef.
 * Campaign progress reads "active" through this, so that it never differs from the Habits page.
 *
 * @public
 */
export function activeWeeksOfTeams(
  activity: readonly WeeklyActivity[],
  capabilityRef: string | null,
): Map<string, WeekStart[]> {
  const weeks = activeWeeksByTeam(
    readRows(activity),
    isActiveFor(capabilityRef),
  );
  return new Map(
    [...weeks].map(([teamRef, set]) => [
      teamRef,
      [...set].sort((a, b) => a - b).map(formatWeekIndex),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Cohort retention
// ---------------------------------------------------------------------------------------------------------------

/**
 * Options of `cohortRetention`: the capability, how many weeks to follow and the last week with data.
 *
 * @public
 */
export interface CohortRetentionOptions {
  /** Retention of this capability; null or absent means any new-way activity. */
  capabilityRef?: string | null;
  /** Weeks followed after the cohort week; default 12. */
  weeks?: number;
  /** The last week with data (usually the current one); later weeks are null. */
  asOf: WeekStart;
}

/**
 * Teams grouped by the week they were first active, and the share of each group active in the following weeks.
 *
 * ```
 *   cohort(team)       = min { w : active(team, w, capabilityRef) }   (over all history)
 *   teams(c)           = |{ team : cohort(team) = c }|, for every cohort c ≤ asOf, sorted by week
 *   retention(c)[i]    = |{ team in c : active(team, c + i + 1, capabilityRef) }| / teams(c),  i = 0 .. weeks − 1
 *                        null when c + i + 1 > asOf (that week has not ended yet or has no data)
 * ```
 *
 * The cohort week itself is left out (every team is active in it by definition): retention[0] is the next week.
 *
 * @public
 */
export function cohortRetention(
  activity: readonly WeeklyActivity[],
  options: CohortRetentionOptions,
): Retention {
  const asOf = requireWeekIndex(options.asOf, 'asOf');
  const { capabilityRef = null, weeks = DEFAULT_RETENTION_WEEKS } = options;
  requirePositiveInteger(weeks, 'weeks');

  const cohorts = new Map<number, Set<number>[]>();
  for (const activeWeeks of activeWeeksByTeam(
    readRows(activity),
    isActiveFor(capabilityRef),
  ).values()) {
    const cohort = Math.min(...activeWeeks);
    if (cohort <= asOf) {
      getOrCreate(cohorts, cohort, () => []).push(activeWeeks);
    }
  }
  const retentionCohorts: RetentionCohort[] = [...cohorts.keys()]
    .sort((a, b) => a - b)
    .map(cohort => {
      const members = cohorts.get(cohort)!;
      const retention = Array.from({ length: weeks }, (_, i) => {
        const week = cohort + i + 1;
        return week > asOf
          ? null
          : ratio(
              members.filter(activeWeeks => activeWeeks.has(week)).length,
              members.length,
            );
      });
      return {
        week: formatWeekIndex(cohort),
        teams: members.length,
        retention,
      };
    });
  return { capabilityRef, weeks, cohorts: retentionCohorts };
}

// ---------------------------------------------------------------------------------------------------------------
// Stickiness
// ---------------------------------------------------------------------------------------------------------------

/**
 * Options of `stickiness`: the week range and an optional capability.
 *
 * @public
 */
export interface StickinessOptions {
  /** First week of the range (its Monday), included. */
  from: WeekStart;
  /** Last week of the range (its Monday), included. */
  to: WeekStart;
  /** Stickiness of this capability; null or absent means any new-way activity. */
  capabilityRef?: string | null;
}

/**
 * How many of the recently active teams come back every week, for every week w in [from, to]:
 *
 * ```
 *   weeklyActiveTeams(w)     = |{ team : active(team, w, capabilityRef) }|
 *   activeTeamsLast4Weeks(w) = |{ team : active(team, v, capabilityRef) for some v in w − 3 .. w }|
 *                              (weeks before `from` count)
 *   stickiness(w)            = weeklyActiveTeams(w) / activeTeamsLast4Weeks(w), or null when that is 0
 * ```
 *
 * @public
 */
export function stickiness(
  activity: readonly WeeklyActivity[],
  options: StickinessOptions,
): StickinessWeek[] {
  const { first, last } = readRange(options);
  const teamsByWeek = new Map<number, string[]>();
  for (const [team, weeks] of activeWeeksByTeam(
    readRows(activity),
    isActiveFor(options.capabilityRef ?? null),
  )) {
    for (const week of weeks) {
      getOrCreate(teamsByWeek, week, () => []).push(team);
    }
  }
  const result: StickinessWeek[] = [];
  for (let week = first; week <= last; week++) {
    const recentTeams = new Set<string>();
    for (let back = 0; back < STICKINESS_WINDOW_WEEKS; back++) {
      for (const team of teamsByWeek.get(week - back) ?? []) {
        recentTeams.add(team);
      }
    }
    const weeklyActiveTeams = teamsByWeek.get(week)?.length ?? 0;
    result.push({
      week: formatWeekIndex(week),
      weeklyActiveTeams,
      activeTeamsLast4Weeks: recentTeams.size,
      stickiness: ratio(weeklyActiveTeams, recentTeams.size),
    });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Reversions
// ---------------------------------------------------------------------------------------------------------------

/**
 * Options of `reversions`: the week range and the streak that makes going back count.
 *
 * @public
 */
export interface ReversionsOptions {
  /** First week of the range (its Monday), included. */
  from: WeekStart;
  /** Last week of the range (its Monday), included. */
  to: WeekStart;
  /** New-way weeks in a row needed before an old-way act counts as going back; default 3. */
  minStreakWeeks?: number;
}

/**
 * Teams that had made the new way a habit and then did it the old way again.
 *
 * ```
 *   oldWay(team, w) ⇔ Σ count > 0 over the team's rows of w with way 'old' and kind ≠ 'component-baseline'
 *                     (e.g. a component created by hand)
 *   streak(team, w) = the largest k with active(team, v) for every v in w − k .. w − 1   (any capability)
 *   reversion at w  ⇔ oldWay(team, w) and streak(team, w) ≥ minStreakWeeks;  streakWeeks = streak(team, w)
 * ```
 *
 * At most one reversion per team and week. New-way activity in w itself does not matter, and a reversion does not
 * end the streak: it is measured on new-way weeks only, so weeks before `from` count. `weeks` counts reversions per
 * week in [from, to], zero-filled; `teams` lists them, sorted by week then teamRef.
 *
 * @public
 */
export function reversions(
  activity: readonly WeeklyActivity[],
  options: ReversionsOptions,
): Reversions {
  const { first, last, length } = readRange(options);
  const { minStreakWeeks = DEFAULT_MIN_STREAK_WEEKS } = options;
  requirePositiveInteger(minStreakWeeks, 'minStreakWeeks');

  const rows = readRows(activity);
  const newWayWeeks = activeWeeksByTeam(rows, isNewWayUse);
  const oldWayWeeks = activeWeeksByTeam(rows, isOldWayUse);
  const found: { teamRef: string; week: number; streakWeeks: number }[] = [];
  for (const [teamRef, oldWeeks] of oldWayWeeks) {
    const streakEndingAt = streakLengths(newWayWeeks.get(teamRef));
    for (const week of oldWeeks) {
      const streakWeeks = streakEndingAt.get(week - 1) ?? 0;
      if (week >= first && week <= last && streakWeeks >= minStreakWeeks) {
        found.push({ teamRef, week, streakWeeks });
      }
    }
  }
  found.sort((a, b) => a.week - b.week || compareText(a.teamRef, b.teamRef));

  const counts = new Array<number>(length).fill(0);
  for (const { week } of found) {
    counts[week - first]++;
  }
  return {
    minStreakWeeks,
    weeks: counts.map((count, offset) => ({
      week: formatWeekIndex(first + offset),
      count,
    })),
    teams: found.map(
      ({ teamRef, week, streakWeeks }): Reversion => ({
        teamRef,
        week: formatWeekIndex(week),
        streakWeeks,
      }),
    ),
  };
}

/** For each active week, the length of the run of consecutive active weeks ending with it. */
function streakLengths(weeks: ReadonlySet<number> | undefined) {
  const lengths = new Map<number, number>();
  for (const week of [...(weeks ?? [])].sort((a, b) => a - b)) {
    lengths.set(week, (lengths.get(week - 1) ?? 0) + 1);
  }
  return lengths;
}

// ---------------------------------------------------------------------------------------------------------------
// Time to habit
// ---------------------------------------------------------------------------------------------------------------

/**
 * Options of `timeToHabit`: the streak that makes a habit and the capabilities to report.
 *
 * @public
 */
export interface TimeToHabitOptions {
  /** Consecutive active weeks that make a habit; default 4. */
  habitWeeks?: number;
  /** Capabilities to report, even when unused; default: every capability named by a non-baseline row. */
  capabilityRefs?: readonly string[];
}

/**
 * How long teams take from first use of a capability to using it every week, per capability (sorted):
 *
 * ```
 *   firstWeek(team) = min { w : active(team, w, capability) }
 *   habitEnd(team)  = the smallest e such that active(team, v, capability) for every v in e − H + 1 .. e
 *                     (the last week of the team's first run of H = habitWeeks consecutive active weeks)
 *   weeksToHabit    = habitEnd − firstWeek      (a team active every week from its first one takes H − 1)
 *   teams           = teams with a firstWeek; reached = teams with a habitEnd
 *   medianWeeks     = median of weeksToHabit over the teams that reached it (mean of the two middle values when
 *                     their number is even), null when none did
 * ```
 *
 * @public
 */
export function timeToHabit(
  activity: readonly WeeklyActivity[],
  options: TimeToHabitOptions = {},
): TimeToHabit {
  const { habitWeeks = DEFAULT_HABIT_WEEKS, capabilityRefs } = options;
  requirePositiveInteger(habitWeeks, 'habitWeeks');

  const rows = readRows(activity);
  const teamWeeksByCapability = new Map<string, Map<string, Set<number>>>();
  for (const row of rows) {
    if (row.capabilityRef !== null && isNewWayUse(row)) {
      const teamWeeks = getOrCreate(
        teamWeeksByCapability,
        row.capabilityRef,
        () => new Map(),
      );
      getOrCreate(teamWeeks, row.teamRef, () => new Set()).add(row.week);
    }
  }
  const capabilities = new Set(
    capabilityRefs ??
      rows
        .filter(
          row =>
            row.capabilityRef !== null &&
            row.count > 0 &&
            row.kind !== EVENT_KINDS.componentBaseline,
        )
        .map(row => row.capabilityRef!),
  );

  return {
    habitWeeks,
    capabilities: [...capabilities].sort(compareText).map(capabilityRef => {
      const teamWeeks = teamWeeksByCapability.get(capabilityRef) ?? new Map();
      const weeksToHabit: number[] = [];
      for (const weeks of teamWeeks.values()) {
        const sorted = [...weeks].sort((a, b) => a - b);
        const habitEnd = endOfFirstRun(sorted, habitWeeks);
        if (habitEnd !== undefined) {
          weeksToHabit.push(habitEnd - sorted[0]);
        }
      }
      return {
        capabilityRef,
        teams: teamWeeks.size,
        reached: weeksToHabit.length,
        medianWeeks: median(weeksToHabit),
      };
    }),
  };
}

/** The last week of the first run of `runLength` consecutive weeks in an ascending list. */
function endOfFirstRun(
  sortedWeeks: readonly number[],
  runLength: number,
): number | undefined {
  let run = 0;
  for (let i = 0; i < sortedWeeks.length; i++) {
    run = i > 0 && sortedWeeks[i] === sortedWeeks[i - 1] + 1 ? run + 1 : 1;
    if (run === runLength) {
      return sortedWeeks[i];
    }
  }
  return undefined;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

// ---------------------------------------------------------------------------------------------------------------
// Summaries for the team and capability pages
// ---------------------------------------------------------------------------------------------------------------

/**
 * Options of `summariseTeam`: the week range and the streak that makes a reversion.
 *
 * @public
 */
export interface TeamSummaryOptions {
  /** First week of the range (its Monday), included. */
  from: WeekStart;
  /** Last week of the range (its Monday), included. */
  to: WeekStart;
  /** As in reversions(); default 3. */
  minStreakWeeks?: number;
}

/**
 * One team's habits over [from, to] (GET /teams/:namespace/:name); every figure covers that range only:
 *
 * ```
 *   goldenPath   = goldenPathShare(activity, { from, to, teamRef }).teams[0].weeks   (zero-filled)
 *   activeWeeks  = |{ w in [from, to] : active(team, w) }|
 *   capabilities = per capability the team was active for in the range, sorted: its first and last active week in
 *                  the range and the number of active weeks
 *   reversions   = reversions(activity, { from, to, minStreakWeeks }).teams of this team
 * ```
 *
 * @public
 */
export function summariseTeam(
  activity: readonly WeeklyActivity[],
  teamRef: string,
  options: TeamSummaryOptions,
): TeamHabits {
  const { first, last } = readRange(options);
  const activeWeeks = new Set<number>();
  const weeksByCapability = new Map<string, Set<number>>();
  for (const row of readRows(activity)) {
    if (
      row.teamRef !== teamRef ||
      row.week < first ||
      row.week > last ||
      !isNewWayUse(row)
    ) {
      continue;
    }
    activeWeeks.add(row.week);
    if (row.capabilityRef !== null) {
      getOrCreate(weeksByCapability, row.capabilityRef, () => new Set()).add(
        row.week,
      );
    }
  }
  return {
    teamRef,
    goldenPath: goldenPathShare(activity, { ...options, teamRef }).teams[0]
      .weeks,
    activeWeeks: activeWeeks.size,
    capabilities: [...weeksByCapability.keys()]
      .sort(compareText)
      .map(capabilityRef => {
        const weeks = [...weeksByCapability.get(capabilityRef)!];
        return {
          capabilityRef,
          firstWeek: formatWeekIndex(Math.min(...weeks)),
          lastWeek: formatWeekIndex(Math.max(...weeks)),
          activeWeeks: weeks.length,
        };
      }),
    reversions: reversions(activity, options).teams.filter(
      reversion => reversion.teamRef === teamRef,
    ),
  };
}

/**
 * Options of `summariseCapability`: the week range, team count, last week with data and the metric settings.
 *
 * @public
 */
export interface CapabilitySummaryOptions {
  /** First week of the range (its Monday), included. */
  from: WeekStart;
  /** Last week of the range (its Monday), included. */
  to: WeekStart;
  /** Teams in the catalog, for the adoption share; null when unknown. */
  totalTeams: number | null;
  /** Last week with data, for retention. */
  asOf: WeekStart;
  /** As in timeToHabit(); default 4. */
  habitWeeks?: number;
  /** As `weeks` in cohortRetention(); default 12. */
  retentionWeeks?: number;
}

/**
 * One capability's habits (the capability page):
 *
 * ```
 *   adoption    = adoption(activity, { capabilityRef, from, to, totalTeams })
 *   retention   = cohortRetention(activity, { capabilityRef, weeks: retentionWeeks, asOf })
 *   timeToHabit = timeToHabit(activity, { habitWeeks, capabilityRefs: [capabilityRef] }).capabilities[0], or null
 *                 when no team has used the capability
 *   stickiness  = stickiness(activity, { from, to, capabilityRef })
 * ```
 *
 * @public
 */
export function summariseCapability(
  activity: readonly WeeklyActivity[],
  capabilityRef: string,
  options: CapabilitySummaryOptions,
): CapabilityHabits {
  const { from, to, totalTeams, asOf, habitWeeks, retentionWeeks } = options;
  const habit = timeToHabit(activity, {
    habitWeeks,
    capabilityRefs: [capabilityRef],
  }).capabilities[0];
  return {
    capabilityRef,
    adoption: adoption(activity, { capabilityRef, from, to, totalTeams }),
    retention: cohortRetention(activity, {
      capabilityRef,
      weeks: retentionWeeks,
      asOf,
    }),
    timeToHabit: habit.teams > 0 ? habit : null,
    stickiness: stickiness(activity, { from, to, capabilityRef }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Aggregation of events into weekly activity
// ---------------------------------------------------------------------------------------------------------------

/**
 * An event once attributed to a team: the store keeps nothing about people.
 *
 * @public
 */
export interface TeamActivityEvent {
  /** The team (Group ref) the activity is counted for. */
  teamRef: string;
  /** ISO date-time (or a Date, as PostgreSQL drivers return timestamps). */
  at: string | Date;
  /** The platform capability the activity belongs to (entity ref), when any. */
  capabilityRef?: string | null;
  /** The template involved (entity ref), when any. */
  templateRef?: string | null;
  /** What happened, e.g. one of EVENT_KINDS. */
  kind: string;
  /** Whether the activity followed the golden path (`new`) or the old way. */
  way: Way;
}

/**
 * The in-memory reference of the store's SQL: events grouped by (teamRef, weekStartOf(at), capabilityRef,
 * templateRef, kind, way) with their number as count, absent refs as null, sorted by compareWeeklyActivity.
 *
 * @throws RangeError when an event's `at` is not a valid date.
 *
 * @public
 */
export function aggregateEvents(
  events: readonly TeamActivityEvent[],
): WeeklyActivity[] {
  const rows = new Map<string, WeeklyActivity>();
  for (const event of events) {
    const row: WeeklyActivity = {
      teamRef: event.teamRef,
      week: weekStartOf(event.at),
      capabilityRef: event.capabilityRef ?? null,
      templateRef: event.templateRef ?? null,
      kind: event.kind,
      way: event.way,
      count: 0,
    };
    const key = JSON.stringify([
      row.teamRef,
      row.week,
      row.capabilityRef,
      row.templateRef,
      row.kind,
      row.way,
    ]);
    getOrCreate(rows, key, () => row).count++;
  }
  return [...rows.values()].sort(compareWeeklyActivity);
}

/**
 * The order of aggregateEvents(): week, teamRef, capabilityRef, templateRef, kind, way; nulls first, text by code
 * unit (not locale), so SQL results sorted with it can be compared with the reference.
 *
 * @public
 */
export function compareWeeklyActivity(
  a: WeeklyActivity,
  b: WeeklyActivity,
): number {
  return (
    compareText(a.week, b.week) ||
    compareText(a.teamRef, b.teamRef) ||
    compareNullableText(a.capabilityRef, b.capabilityRef) ||
    compareNullableText(a.templateRef, b.templateRef) ||
    compareText(a.kind, b.kind) ||
    compareText(a.way, b.way)
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------------------------

/** A WeeklyActivity row with its week as an index, so week arithmetic is integer arithmetic. */
interface Row extends Omit<WeeklyActivity, 'week'> {
  week: number;
}

/**
 * Checks and indexes the rows. A week that is not a Monday or a count that is not a whole number (e.g. a bigint
 * count PostgreSQL returned as text) is a bug in the caller, and silently summing or shifting it would publish
 * wrong figures, so it throws.
 */
function readRows(activity: readonly WeeklyActivity[]): Row[] {
  const weekIndexes = new Map<string, number>();
  return activity.map((row, position) => {
    let week = weekIndexes.get(row.week);
    if (week === undefined) {
      week = requireWeekIndex(row.week, `activity[${position}].week`);
      weekIndexes.set(row.week, week);
    }
    if (!Number.isSafeInteger(row.count) || row.count < 0) {
      throw new RangeError(
        `activity[${position}].count must be an integer ≥ 0, got ${describeValue(
          row.count,
        )}`,
      );
    }
    return { ...row, week };
  });
}

function readRange(range: { from: WeekStart; to: WeekStart }) {
  const first = requireWeekIndex(range.from, 'from');
  const last = requireWeekIndex(range.to, 'to');
  return { first, last, length: Math.max(0, last - first + 1) };
}

/** A row that shows the new way in use: the base of "active". */
function isNewWayUse(row: Row): boolean {
  return (
    row.way === 'new' &&
    row.kind !== EVENT_KINDS.componentBaseline &&
    row.count > 0
  );
}

function isOldWayUse(row: Row): boolean {
  return (
    row.way === 'old' &&
    row.kind !== EVENT_KINDS.componentBaseline &&
    row.count > 0
  );
}

function isActiveFor(capabilityRef: string | null) {
  return (row: Row) =>
    isNewWayUse(row) &&
    (capabilityRef === null || row.capabilityRef === capabilityRef);
}

/** The weeks in which each team has a row matching `matches`. */
function activeWeeksByTeam(
  rows: readonly Row[],
  matches: (row: Row) => boolean,
): Map<string, Set<number>> {
  const weeksByTeam = new Map<string, Set<number>>();
  for (const row of rows) {
    if (matches(row)) {
      getOrCreate(weeksByTeam, row.teamRef, () => new Set()).add(row.week);
    }
  }
  return weeksByTeam;
}

/** numerator / denominator rounded to 4 decimal places; null when the denominator is 0. */
function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0
    ? Math.round((numerator / denominator) * 10_000) / 10_000
    : null;
}

function requirePositiveInteger(value: number, name: string) {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(
      `${name} must be an integer ≥ 1, got ${describeValue(value)}`,
    );
  }
}

function increment<K>(counts: Map<K, number>, key: K) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
