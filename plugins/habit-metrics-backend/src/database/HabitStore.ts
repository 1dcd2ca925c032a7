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
  /** Events counted per team, week, capability, template, kind and way (one grouped query). */
  weeklyActivity(filter?: ActivityFilter): Promise<WeeklyActivity[]>;
  /** Capability refs that any recorded event names. */
  capabilityRefsWithActivity(): Promise<string[]>;

  /** Which of these component refs are already known. */
  knownComponents(entityRefs: string[]): Promise<Set<string>>;
  /** Adds components not known yet; returns how many were new. */
  addComponents(components: NewComponent[]): Promise<number>;
  countComponents(): Promise<number>;

  /** The JSON state an ingestor saved, or undefined before its first save. */
  getIngestionState<T extends object>(source: string): Promise<T | undefined>;
  setIngestionState(source: string, state: object, now?: Date): Promise<void>;
}
