import {
  CapabilityVerdictPoint,
  Scorecard,
  ScorecardHistoryPoint,
  Verdict,
} from '@platform-product/plugin-thinness-scorecard-common';

/** A daily snapshot as stored: the history point plus each capability's verdict that day. */
export interface StoredSnapshot extends ScorecardHistoryPoint {
  /** entityRef → verdict. */
  capabilityVerdicts: Record<string, Verdict>;
}

/** Persistence of the thinness scorecard: the latest scorecard, daily snapshots, first-seen dates, notifications. */
export interface ScorecardStore {
  /** The last saved scorecard, or undefined before the first computation. */
  getLatest(): Promise<Scorecard | undefined>;
  /** Replaces the latest scorecard. */
  saveLatest(scorecard: Scorecard): Promise<void>;
  /**
   * Replaces the latest scorecard only if it is still the one computed at `expectedComputedAt` (optimistic update
   * after a one-capability refresh); false when another computation got there first.
   */
  replaceLatestIf(
    scorecard: Scorecard,
    expectedComputedAt: string,
  ): Promise<boolean>;

  /**
   * Records `now` as the first-seen time of capabilities not seen before and returns the first-seen time of every
   * given ref (ISO). Safe under concurrent calls: an existing time is never replaced.
   */
  recordFirstSeen(
    entityRefs: string[],
    now: Date,
  ): Promise<Map<string, string>>;
  /** Moves first-seen times earlier (never later); for the demo history. */
  backdateFirstSeen(entries: Map<string, Date>): Promise<void>;

  /** Inserts the snapshot of its period; false (and nothing changed) when that period already has one. */
  insertSnapshot(snapshot: StoredSnapshot, now?: Date): Promise<boolean>;
  /** Inserts snapshots whose periods are free, leaving existing ones alone; returns how many were inserted. */
  insertSnapshotsIfAbsent(
    snapshots: StoredSnapshot[],
    now?: Date,
  ): Promise<number>;
  hasSnapshot(period: string): Promise<boolean>;
  /** True when any demo snapshot exists. */
  hasDemoSnapshots(): Promise<boolean>;
  /** Snapshots with period ≥ fromPeriod (and ≤ toPeriod when given), oldest first. */
  listSnapshots(options: {
    fromPeriod: string;
    toPeriod?: string;
  }): Promise<StoredSnapshot[]>;
  /** One capability's verdicts from the snapshots with period ≥ fromPeriod, oldest first. */
  listCapabilityVerdicts(
    entityRef: string,
    fromPeriod: string,
  ): Promise<CapabilityVerdictPoint[]>;

  /**
   * Claims the notification of one overdue review; true only for the first caller, so each review date of each
   * capability is notified once even with several replicas.
   */
  claimReviewNotification(
    entityRef: string,
    reviewDate: string,
    now?: Date,
  ): Promise<boolean>;
}
