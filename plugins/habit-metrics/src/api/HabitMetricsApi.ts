import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  Adoption,
  CapabilityHabits,
  GoldenPathShare,
  HabitEventInput,
  HabitsSummary,
  Retention,
  Reversions,
  StickinessWeek,
  TeamHabits,
  TimeToHabit,
} from '@platform-product/plugin-habit-metrics-common';

/**
 * A range of dates, each written `YYYY-MM-DD`; the backend snaps them to their ISO weeks.
 * Without them it answers for the last 26 weeks.
 *
 * @public
 */
export interface DateRange {
  /** First day of the range, `YYYY-MM-DD`; its ISO week is included. */
  from?: string;
  /** Last day of the range, `YYYY-MM-DD`; its ISO week is included. */
  to?: string;
}

/**
 * What to compute adoption for: a capability, a template, or both.
 *
 * @public
 */
export type AdoptionQuery = DateRange &
  (
    | { capability: string; template?: string }
    | { capability?: string; template: string }
  );

/**
 * Answer of `POST /events`.
 *
 * @public
 */
export interface HabitEventsResult {
  /** Events recorded by this request. */
  accepted: number;
  /** Events whose idempotency key was already recorded. */
  duplicates: number;
}

/**
 * Client for the habit-metrics backend. Every method rejects with a `ResponseError` from
 * `@backstage/errors` when the backend answers with an error status.
 *
 * @public
 */
export interface HabitMetricsApi {
  /**
   * Records activity events. `keepalive` lets the request outlive the page (for sends on `pagehide`).
   */
  sendEvents(
    events: HabitEventInput[],
    options?: { keepalive?: boolean },
  ): Promise<HabitEventsResult>;

  /** Golden-path share per week, overall and per team; `team` narrows it to one Group. */
  getGoldenPath(
    query?: DateRange & { team?: string },
  ): Promise<GoldenPathShare>;
  /** Adoption of one capability or template. */
  getAdoption(query: AdoptionQuery): Promise<Adoption>;
  /** Adoption of every capability. */
  listAdoption(query?: DateRange): Promise<Adoption[]>;
  /** Cohort retention of one capability, or of all activity without `capability`. */
  getRetention(query?: {
    capability?: string;
    weeks?: number;
  }): Promise<Retention>;
  /** Stickiness per week: the share of recently active teams active that week; `capability` narrows it to one. */
  getStickiness(
    query?: DateRange & { capability?: string },
  ): Promise<StickinessWeek[]>;
  /** Teams that went back to the old way after `minStreak` new-way weeks in a row. */
  getReversions(
    query?: DateRange & { minStreak?: number },
  ): Promise<Reversions>;
  /** Weeks teams take to use each capability every week for `habitWeeks` weeks in a row. */
  getTimeToHabit(query?: { habitWeeks?: number }): Promise<TimeToHabit>;
  /** One team's habits; the ref may omit the kind (`group` is assumed). */
  getTeamHabits(
    teamRef: string | CompoundEntityRef,
    range?: DateRange,
  ): Promise<TeamHabits>;
  /** One capability's habits. */
  getCapabilityHabits(
    capabilityRef: string | CompoundEntityRef,
    range?: DateRange,
  ): Promise<CapabilityHabits>;
  /**
   * Whether any activity is recorded yet (and in which weeks), and the capabilities and teams in the catalog: tells
   * a fresh install from a quiet range.
   */
  getSummary(): Promise<HabitsSummary>;
}

/**
 * API reference for {@link HabitMetricsApi}.
 *
 * @public
 */
export const habitMetricsApiRef = createApiRef<HabitMetricsApi>({
  id: 'plugin.habit-metrics.api',
});
