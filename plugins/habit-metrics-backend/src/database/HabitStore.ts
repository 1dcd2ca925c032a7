import {
  Way,
  WeeklyActivity,
  WeekStart,
} from '@platform-product/plugin-habit-metrics-common';

/** An activity to record. It is stored as one row per team; no user ref ever reaches the store. */
export interface NewHabitEvent {
  source: string;
  kind: string;
  way: Way;
  capabilityRef: string | null;
  templateRef: string | null;
  /** Normalised group refs; at least one. */
  teamRefs: string[];
  at: Date;
  /** Events whose key is already recorded (for a team) are dropped, so replays count once. */
  idempotencyKey: string | null;
}

export interface RecordResult {
  /** Events with at least one new row. */
  accepted: number;
  /** Events whose key was already recorded for every one of their teams (or earlier in the same batch). */
  duplicates: number;
}

export interface ActivityFilter {
  /** First week included. */
  from?: WeekStart;
  /** Last week included. */
  to?: WeekStart;
  teamRef?: string;
  capabilityRef?: string;
  templateRef?: string;
  kinds?: string[];
  /** Leave out rows of these kinds (e.g. component-baseline, which no metric counts). */
  excludeKinds?: string[];
  /** Only rows of this way. */
  way?: Way;
  /** Only rows that name a capability. */
  withCapability?: boolean;
}

/** The columns of WeeklyActivity a query may merge; team and week are always kept apart. */
export type ActivityColumn = 'capabilityRef' | 'templateRef' | 'kind' | 'way';

/** Stands for "any kind but those excluded" in rows grouped without their kind. */
export const MERGED_KIND = '*';

/** How weeklyActivity shapes its rows; the default (every column, sorted) is the full aggregate. */
export interface ActivityShape {
  /**
   * Columns to group by besides team and week; default all. Each metric reads only some of them, and fewer groups
   * are fewer rows to read and hold. A column left out is merged: a ref comes back as the filter's ref or null, the
   * kind as the filter's only kind or MERGED_KIND, the way as the filter's way (rows are always grouped by way
   * unless it is filtered).
   */
  by?: ActivityColumn[];
  /** Sort with compareWeeklyActivity; default true. The metrics take rows in any order. */
  sorted?: boolean;
  /**
   * Count the events of each row; default true. False gives each row count 1, meaning only "there was activity":
   * all that the metrics other than golden-path share read (they test count > 0). The database then needs one
   * matching event per group (SELECT DISTINCT), which SQLite answers by skipping along an index.
   */
  counts?: boolean;
}

export interface NewComponent {
  entityRef: string;
  ownerRef: string | null;
  sourceTemplate: string | null;
  baseline: boolean;
  firstSeenAt: Date;
}

/** Persistence of team activity, known catalog components and the ingestion cursors. */
export interface HabitStore {
  recordEvents(events: NewHabitEvent[], now?: Date): Promise<RecordResult>;
  /** Events counted per team, week, capability, template, kind and way (one grouped query); see ActivityShape. */
  weeklyActivity(
    filter?: ActivityFilter,
    shape?: ActivityShape,
  ): Promise<WeeklyActivity[]>;
  /** Capability refs that any recorded event names. */
  capabilityRefsWithActivity(): Promise<string[]>;
  /** Whether any event of this source is recorded (e.g. `demo`). */
  hasEventsFrom(source: string): Promise<boolean>;
  /**
   * First and last week with activity the metrics count (anything but the catalog baseline); undefined when there
   * is none yet.
   */
  activitySpan(): Promise<
    { firstWeek: WeekStart; lastWeek: WeekStart } | undefined
  >;

  /** Which of these component refs are already known. */
  knownComponents(entityRefs: string[]): Promise<Set<string>>;
  /** Adds components not known yet; returns how many were new. */
  addComponents(components: NewComponent[]): Promise<number>;
  countComponents(): Promise<number>;

  /** The JSON state an ingestor saved, or undefined before its first save. */
  getIngestionState<T extends object>(source: string): Promise<T | undefined>;
  setIngestionState(source: string, state: object, now?: Date): Promise<void>;
}
