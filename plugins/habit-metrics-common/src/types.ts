/** Whether an activity follows the golden path (new way) or the way it was done before (old way). */
export type Way = 'new' | 'old';

export const WAYS: readonly Way[] = ['new', 'old'];

/**
 * Monday (UTC) that starts an ISO week, as `YYYY-MM-DD`. Weeks are stored and compared by their start date: it sorts
 * as text, works the same in SQLite and PostgreSQL, and turns into the ISO key (`2026-W48`) for display.
 */
export type WeekStart = string;

/** Kinds of activity the plugin records itself; other sources may send their own kinds through the events API. */
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

/** What a source sends to `POST /events`. Team-level only: a userRef is resolved to the user's teams and dropped. */
export interface HabitEventInput {
  /** Where the event comes from: `scaffolder`, `catalog`, `analytics`, `ci`, a plugin id… */
  source: string;
  /** What happened, e.g. one of EVENT_KINDS. */
  kind: string;
  way: Way;
  /** The platform capability the activity belongs to (entity ref). */
  capabilityRef?: string;
  /** The template involved (entity ref), when any. */
  templateRef?: string;
  /** The team (Group ref) that acted; or give userRef and the backend finds the user's teams. */
  teamRef?: string;
  userRef?: string;
  /** ISO date-time; defaults to the time of receipt. */
  at?: string;
  /** Events with a key already recorded are ignored, so replays and retries count once. */
  idempotencyKey?: string;
}

/** One row of weekly team activity: the unit every metric is computed from (the store aggregates events into it). */
export interface WeeklyActivity {
  teamRef: string;
  week: WeekStart;
  capabilityRef: string | null;
  templateRef: string | null;
  kind: string;
  way: Way;
  count: number;
}

/** Golden-path share: new components made via templates / all new components, per week. */
export interface GoldenPathWeek {
  week: WeekStart;
  newComponents: number;
  viaTemplate: number;
  /** null when no component was made that week. */
  share: number | null;
}

export interface GoldenPathShare {
  weeks: GoldenPathWeek[];
  teams: { teamRef: string; weeks: GoldenPathWeek[] }[];
}

export interface AdoptionWeek {
  week: WeekStart;
  /** Teams with new-way activity for the capability/template that week. */
  activeTeams: number;
  /** Teams that have used it at least once up to and including that week. */
  cumulativeAdopters: number;
  /** cumulativeAdopters / all teams; null when the number of teams is unknown. */
  share: number | null;
}

export interface Adoption {
  capabilityRef: string | null;
  templateRef: string | null;
  totalTeams: number | null;
  weeks: AdoptionWeek[];
}

export interface RetentionCohort {
  /** First-use week of the cohort's teams. */
  week: WeekStart;
  teams: number;
  /** retention[i] = share of the cohort active in week + i + 1 (i = 0..weeks-1); null for weeks not reached yet. */
  retention: (number | null)[];
}

export interface Retention {
  capabilityRef: string | null;
  weeks: number;
  cohorts: RetentionCohort[];
}

export interface StickinessWeek {
  week: WeekStart;
  weeklyActiveTeams: number;
  /** Teams active in any of the 4 weeks ending with this one. */
  activeTeamsLast4Weeks: number;
  /** weeklyActiveTeams / activeTeamsLast4Weeks; null when nobody was active. */
  stickiness: number | null;
}

export interface Reversion {
  teamRef: string;
  /** The week the team did it the old way. */
  week: WeekStart;
  /** Consecutive new-way weeks right before it. */
  streakWeeks: number;
}

export interface Reversions {
  minStreakWeeks: number;
  weeks: { week: WeekStart; count: number }[];
  teams: Reversion[];
}

export interface TimeToHabit {
  habitWeeks: number;
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

/** One team's habits over a range of weeks (GET /teams/:namespace/:name). See summariseTeam(). */
export interface TeamHabits {
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
  reversions: Reversion[];
}

/** One capability's habits (the capability page). See summariseCapability(). */
export interface CapabilityHabits {
  capabilityRef: string;
  adoption: Adoption;
  retention: Retention;
  /** null when no team has used the capability yet. */
  timeToHabit: TimeToHabit['capabilities'][number] | null;
  stickiness: StickinessWeek[];
}
