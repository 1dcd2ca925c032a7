import { AdoptionTrendDirection } from './definitions';

/**
 * Whether an activity follows the golden path (new way) or the way it was done before (old way).
 *
 * @public
 */
export type Way = 'new' | 'old';

/**
 * Both ways an activity can be done: the golden path (`new`) and the way before it (`old`).
 *
 * @public
 */
export const WAYS: readonly Way[] = ['new', 'old'];

/**
 * Monday (UTC) that starts an ISO week, as `YYYY-MM-DD`. Weeks are stored and compared by their start date: it sorts
 * as text, works the same in SQLite and PostgreSQL, and turns into the ISO key (`2026-W48`) for display.
 *
 * @public
 */
export type WeekStart = string;

/**
 * Kinds of activity the plugin records itself; other sources may send their own kinds through the events API.
 *
 * @public
 */
export const EVENT_KINDS = {
  /** A template was run (scaffolder task history): new way. */
  templateRun: 'template-run',
  /** A component appeared in the catalog: new way with backstage.io/source-template, old way without. */
  componentCreated: 'component-created',
  /** A component already in the catalog at the first scan: history, not a new component. Not counted in metrics. */
  componentBaseline: 'component-baseline',
  /** Someone opened a capability's page in Backstage (frontend analytics). */
  capabilityView: 'capability-view',
  /** A template form was submitted in the app (frontend analytics). */
  templateCreate: 'template-create',
  /** An MVP capability was launched (mvp:launch). */
  mvpLaunch: 'mvp-launch',
} as const;

/**
 * What a source sends to `POST /events`. Team-level only: a userRef is resolved to the user's teams and dropped.
 *
 * @public
 */
export interface HabitEventInput {
  /** Where the event comes from: `scaffolder`, `catalog`, `analytics`, `ci`, a plugin id… */
  source: string;
  /** What happened, e.g. one of EVENT_KINDS. */
  kind: string;
  /** Whether the activity followed the golden path (`new`) or the old way. */
  way: Way;
  /** The platform capability the activity belongs to (entity ref). */
  capabilityRef?: string;
  /** The template involved (entity ref), when any. */
  templateRef?: string;
  /** The team (Group ref) that acted; or give userRef and the backend finds the user's teams. */
  teamRef?: string;
  /** The user who acted (User ref), instead of teamRef: counted for each of the user's teams, then dropped. */
  userRef?: string;
  /** ISO date-time; defaults to the time of receipt. */
  at?: string;
  /** Events with a key already recorded are ignored, so replays and retries count once. */
  idempotencyKey?: string;
}

/**
 * One row of weekly team activity: the unit every metric is computed from (the store aggregates events into it).
 *
 * @public
 */
export interface WeeklyActivity {
  /** The team (Group ref) that acted. */
  teamRef: string;
  /** The week of the activity. */
  week: WeekStart;
  /** The capability the activity belongs to; null when none. */
  capabilityRef: string | null;
  /** The template involved; null when none. */
  templateRef: string | null;
  /** What happened, e.g. one of EVENT_KINDS. */
  kind: string;
  /** Whether the activity followed the golden path (`new`) or the old way. */
  way: Way;
  /** Number of events with this team, week, capability, template, kind and way. */
  count: number;
}

/**
 * Golden-path share: new components made via templates / all new components, per week.
 *
 * @public
 */
export interface GoldenPathWeek {
  /** The week these counts are for. */
  week: WeekStart;
  /** Components that appeared in the catalog that week. */
  newComponents: number;
  /** Of those, the components made from a template. */
  viaTemplate: number;
  /** null when no component was made that week. */
  share: number | null;
  /**
   * The share over the 4 weeks ending with this one (GOLDEN_PATH_ROLLING_WEEKS); null when no component was made
   * in them. The line the pages draw: a single week's share jumps between 0 and 100% on a handful of components.
   */
  rollingShare: number | null;
}

/**
 * Golden-path share per week, in total and for each team (`GET /golden-path`).
 *
 * @public
 */
export interface GoldenPathShare {
  /** Every week of the range, over all teams. */
  weeks: GoldenPathWeek[];
  /** The same weeks for each team, or only for the requested team. */
  teams: { teamRef: string; weeks: GoldenPathWeek[] }[];
}

/**
 * One week of a capability's or template's adoption: active teams, teams adopted so far and their share.
 *
 * @public
 */
export interface AdoptionWeek {
  /** The week these counts are for. */
  week: WeekStart;
  /** Teams with new-way activity for the capability/template that week. */
  activeTeams: number;
  /** Teams that have used it at least once up to and including that week. */
  cumulativeAdopters: number;
  /** cumulativeAdopters / product teams (adoptionShare()); null when the number of product teams is unknown or 0. */
  share: number | null;
}

/**
 * The shared figures of a capability's (or template's) adoption as of one week: its adopters, its active teams, their
 * share of the product teams and the trend over the last 12 weeks. The scorecard shows these; see adoption().
 *
 * @public
 */
export interface AdoptionFigures {
  /** The week the figures are as of: the last week of the range (the current week by default). */
  week: WeekStart;
  /** Product teams, the denominator M of "N of M product teams" (= `totalTeams`); null when unknown. */
  productTeams: number | null;
  /** Adopters N: teams that have used it in any week up to and including `week` (its `cumulativeAdopters`). */
  adopters: number;
  /** The adopters' refs, sorted. */
  adopterRefs: string[];
  /** adopters / productTeams rounded to 4 decimals (adoptionShare()); null when productTeams is null or 0. */
  share: number | null;
  /** Teams active with it in any of the 4 weeks ending with `week`. */
  activeTeams: number;
  /** The same figures 12 weeks before `week`, which the trend compares with. */
  before: {
    /** 12 weeks before `week`. */
    week: WeekStart;
    /** Adopters up to and including that week. */
    adopters: number;
    /** Teams active in the 4 weeks ending with that week. */
    activeTeams: number;
  };
  /** Teams a change must reach to count as growing or shrinking (trendThreshold()). */
  trendThreshold: number;
  /** Direction of adoption over the 12 weeks (adoptionTrend()). */
  trend: AdoptionTrendDirection;
}

/**
 * Weekly adoption of one capability or template across teams (`GET /adoption`).
 *
 * @public
 */
export interface Adoption {
  /** The capability counted; null when adoption is not limited to one capability. */
  capabilityRef: string | null;
  /** The template counted; null when adoption is not limited to one template. */
  templateRef: string | null;
  /** Product teams (productTeams()), the denominator of the share; null when unknown. */
  totalTeams: number | null;
  /** Every week of the range, oldest first. */
  weeks: AdoptionWeek[];
  /** Adopters, active teams, share and trend as of the last week of the range. */
  figures: AdoptionFigures;
}

/**
 * The teams that first used the new way in one week, and the share of them still active each week after.
 *
 * @public
 */
export interface RetentionCohort {
  /** First-use week of the cohort's teams. */
  week: WeekStart;
  /** Teams in the cohort. */
  teams: number;
  /** retention[i] = share of the cohort active in week + i + 1 (i = 0..weeks-1); null for weeks not reached yet. */
  retention: (number | null)[];
}

/**
 * Cohort retention of a capability, or of any new-way activity (`GET /retention`).
 *
 * @public
 */
export interface Retention {
  /** The capability measured; null for any new-way activity. */
  capabilityRef: string | null;
  /** Weeks each cohort is followed after its first-use week. */
  weeks: number;
  /** One cohort per first-use week, oldest first. */
  cohorts: RetentionCohort[];
}

/**
 * One week of stickiness: how many of the teams active in the last 4 weeks were active this week (`GET /stickiness`).
 *
 * @public
 */
export interface StickinessWeek {
  /** The week these counts are for. */
  week: WeekStart;
  /** Teams active that week. */
  weeklyActiveTeams: number;
  /** Teams active in any of the 4 weeks ending with this one. */
  activeTeamsLast4Weeks: number;
  /** weeklyActiveTeams / activeTeamsLast4Weeks; null when nobody was active. */
  stickiness: number | null;
}

/**
 * A team that had used the new way for some weeks in a row and then did it the old way again.
 *
 * @public
 */
export interface Reversion {
  /** The team (Group ref) that went back. */
  teamRef: string;
  /** The week the team did it the old way. */
  week: WeekStart;
  /** Consecutive new-way weeks right before it. */
  streakWeeks: number;
}

/**
 * Reversions to the old way per week and per team (`GET /reversions`).
 *
 * @public
 */
export interface Reversions {
  /** New-way weeks in a row a team needed before an old-way act counted. */
  minStreakWeeks: number;
  /** Number of reversions in each week of the range. */
  weeks: { week: WeekStart; count: number }[];
  /** Every reversion, with its team and the streak it broke. */
  teams: Reversion[];
}

/**
 * How long teams take to use each capability every week, capability by capability (`GET /time-to-habit`).
 *
 * @public
 */
export interface TimeToHabit {
  /** Consecutive active weeks that count as a habit. */
  habitWeeks: number;
  /** One entry per capability, sorted by ref. */
  capabilities: {
    capabilityRef: string;
    /** Teams that have used it. */
    teams: number;
    /** Teams that reached a streak of habitWeeks consecutive active weeks. */
    reached: number;
    /**
     * Median weeks from a team's first active week to the last week of its first run of habitWeeks consecutive
     * active weeks (habitWeeks − 1 for a team active every week from the start), over the teams that reached it;
     * null when none did. See timeToHabit().
     */
    medianWeeks: number | null;
  }[];
}

/**
 * One team's habits over a range of weeks (GET /teams/:namespace/:name). See summariseTeam().
 *
 * @public
 */
export interface TeamHabits {
  /** The team (Group ref) summarised. */
  teamRef: string;
  /** The team's golden-path share, every week of the range. */
  goldenPath: GoldenPathWeek[];
  /** Weeks of the range in which the team used the new way (any capability). */
  activeWeeks: number;
  /** Capabilities the team used in the range, sorted by ref. */
  capabilities: {
    capabilityRef: string;
    /** First and last active week within the range. */
    firstWeek: WeekStart;
    lastWeek: WeekStart;
    activeWeeks: number;
  }[];
  /** Times the team went back to the old way in the range. */
  reversions: Reversion[];
}

/**
 * One capability's habits (the capability page). See summariseCapability().
 *
 * @public
 */
export interface CapabilityHabits {
  /** The capability summarised (entity ref). */
  capabilityRef: string;
  /** Weekly adoption of the capability over the range. */
  adoption: Adoption;
  /** Cohort retention of the teams that adopted it. */
  retention: Retention;
  /** null when no team has used the capability yet. */
  timeToHabit: TimeToHabit['capabilities'][number] | null;
  /** Weekly stickiness of the capability over the range. */
  stickiness: StickinessWeek[];
}

/**
 * What habit-metrics has recorded so far (`GET /summary`): enough to tell a fresh install, with nothing recorded
 * yet, from a range in which nobody happened to be active.
 *
 * @public
 */
export interface HabitsSummary {
  /** Whether any activity the metrics count is recorded (the catalog baseline of a first scan does not count). */
  hasActivity: boolean;
  /** First week with such activity; null without any. */
  firstWeek: WeekStart | null;
  /** Last week with such activity; null without any. */
  lastWeek: WeekStart | null;
  /** Platform capabilities in the catalog (entities annotated `platform-product.io/capability: "true"`). */
  capabilities: number;
  /**
   * Product teams (productTeams()), the denominator of every adoption share: Groups of `habitMetrics.teamTypes`, less
   * the owners of capabilities unless `habitMetrics.includeCapabilityOwners`; null when the catalog cannot be read.
   */
  teams: number | null;
}
