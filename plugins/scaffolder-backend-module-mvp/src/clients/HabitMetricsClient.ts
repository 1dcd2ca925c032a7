import {
  callPlugin,
  errorFromResponse,
  PluginCallServices,
  PluginUnreachableError,
  readErrorBody,
} from './http';

const PLUGIN_ID = 'habit-metrics';

/**
 * A launch event as habit-metrics' `POST /events` takes it (`HabitEventInput` of habit-metrics-common). habit-metrics
 * counts activity per team, so an event needs a teamRef or a userRef (which it turns into the user's teams).
 *
 * @public
 */
export interface MvpLaunchEvent {
  source: 'scaffolder';
  kind: 'mvp-launch';
  way: 'new';
  /** The launched capability (entity ref). */
  capabilityRef: string;
  /** habit-metrics ignores an event whose key it has already recorded, so a retried task counts once. */
  idempotencyKey: string;
  /** The template that was run, when known. */
  templateRef?: string;
  /** The team the launch counts for. */
  teamRef?: string;
  /** Who ran the template; habit-metrics turns it into the user's teams and drops it. */
  userRef?: string;
}

/**
 * `installed: false` when habit-metrics is not part of this Backstage; `recorded: false` with the reason when it is
 * but refused the event (a 4xx answer: the launch itself is done, only its habit event is missing).
 *
 * @public
 */
export type RecordEventResult =
  | { installed: false; recorded: false }
  | { installed: true; recorded: true }
  | { installed: true; recorded: false; reason: string };

/**
 * The calls the MVP actions make to habit-metrics.
 *
 * @public
 */
export interface HabitMetricsApi {
  recordEvent(event: MvpLaunchEvent): Promise<RecordEventResult>;
}

/**
 * Client of the habit-metrics backend. A company may install needs-discovery and this module without habit-metrics,
 * so "not installed" (an empty 404 from the backend's root router, or no backend listening) is a result, not an error.
 *
 * @public
 */
export class HabitMetricsClient implements HabitMetricsApi {
  constructor(private readonly services: PluginCallServices) {}

  async recordEvent(event: MvpLaunchEvent): Promise<RecordEventResult> {
    let response: Response;
    try {
      ({ response } = await callPlugin(this.services, PLUGIN_ID, '/events', {
        method: 'POST',
        body: event,
      }));
    } catch (error) {
      if (error instanceof PluginUnreachableError) {
        return { installed: false, recorded: false };
      }
      throw error;
    }
    if (response.ok) {
      // 202 Accepted, also for a key it has already recorded (counted as a duplicate).
      await response.body?.cancel();
      return { installed: true, recorded: true };
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return { installed: false, recorded: false };
    }
    const error = await readErrorBody(response);
    const message = error?.message ?? response.statusText;
    if (response.status < 500) {
      return {
        installed: true,
        recorded: false,
        reason: `${message} (HTTP ${response.status})`,
      };
    }
    // A server error may pass: fail, so that a retry of the task (idempotent) records the event.
    throw errorFromResponse(
      PLUGIN_ID,
      'record the MVP launch',
      response.status,
      message,
    );
  }
}
