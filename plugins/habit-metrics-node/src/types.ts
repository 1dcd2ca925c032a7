import { CompoundEntityRef } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  Adoption,
  CapabilityHabits,
  HabitEventInput,
} from '@platform-product/plugin-habit-metrics-common';

/**
 * What became of an event sent with {@link HabitMetricsService.recordEvent}: `installed: false` when habit-metrics
 * is not part of this Backstage; `recorded: false` with the reason when it is but refused the event (a 4xx answer,
 * e.g. an event without a team or user). An event whose idempotency key habit-metrics has already recorded counts
 * as recorded (habit-metrics counts it once).
 *
 * @public
 */
export type RecordEventResult =
  | { installed: false; recorded: false }
  | { installed: true; recorded: true }
  | { installed: true; recorded: false; reason: string };

/**
 * Thrown by the reads of {@link HabitMetricsService} when habit-metrics is not part of this Backstage: discovery
 * does not know it, nothing answers at its address, or the backend has no route for it (an empty 404). A consumer
 * that can do without habit-metrics catches it (`instanceof`) and carries on, saying habit-metrics is not
 * installed. It is a `ServiceUnavailableError`, so a route that lets it through answers 503.
 *
 * @public
 */
export class HabitMetricsNotInstalledError extends ServiceUnavailableError {}

/**
 * habit-metrics for other backend plugins: record activity, read adoption. Calls are made with the calling plugin's
 * own service token. Errors keep the meaning of habit-metrics' answer: `InputError` (400), `NotAllowedError` (401,
 * 403), `NotFoundError` (404), `ConflictError` (409), each with habit-metrics' message and never a token;
 * {@link HabitMetricsNotInstalledError} from the reads when habit-metrics is not installed; `ServiceUnavailableError`
 * when it does not answer in time.
 *
 * @public
 */
export interface HabitMetricsService {
  /**
   * Records one activity event (`POST /events`). Never throws for a missing habit-metrics or a refused event: the
   * result says which; throws on a server error or a time-out, so that a retry (with the same idempotency key)
   * records it.
   */
  recordEvent(event: HabitEventInput): Promise<RecordEventResult>;
  /**
   * Weekly adoption of every capability habit-metrics knows (`GET /adoption`): active teams, cumulative adopters and
   * their share, week by week.
   */
  listAdoption(): Promise<Adoption[]>;
  /**
   * One capability's habits (`GET /capabilities/{kind}/{namespace}/{name}`): adoption, cohort retention, time to
   * habit and stickiness (teams active in the last 4 weeks). Undefined when habit-metrics knows no such capability;
   * `InputError` for a malformed entity ref.
   */
  getCapabilityHabits(
    capabilityRef: string | CompoundEntityRef,
  ): Promise<CapabilityHabits | undefined>;
}
