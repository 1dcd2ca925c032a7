import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  Adoption,
  CapabilityHabits,
  HabitEventInput,
} from '@platform-product/plugin-habit-metrics-common';
import {
  callPlugin,
  errorFromResponse,
  isObject,
  PluginCallOptions,
  readErrorBody,
  readJson,
  unexpectedAnswer,
} from '@platform-product/common';
import {
  HabitMetricsNotInstalledError,
  HabitMetricsService,
  RecordEventResult,
} from './types';

const PLUGIN_ID = 'habit-metrics';
const BACKEND_PACKAGE = '@platform-product/plugin-habit-metrics-backend';
const DEFAULT_TIMEOUT_MS = 30_000;

const isAdoption = (value: unknown): value is Adoption =>
  isObject(value) && typeof value.capabilityRef === 'string';

const isCapabilityHabits = (value: unknown): value is CapabilityHabits =>
  isObject(value);

/** `/capabilities/{kind}/{namespace}/{name}` of a capability; `InputError` for a malformed ref. */
function capabilityPath(ref: string | CompoundEntityRef): string {
  let parsed: CompoundEntityRef;
  try {
    parsed = parseEntityRef(ref);
  } catch {
    const text = typeof ref === 'string' ? ref : JSON.stringify(ref);
    throw new InputError(
      `${text} is not an entity ref; write it as kind:namespace/name, e.g. system:default/event-streaming`,
    );
  }
  return `/capabilities/${encodeURIComponent(
    parsed.kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(parsed.namespace)}/${encodeURIComponent(
    parsed.name,
  )}`;
}

/**
 * The habit-metrics service over HTTP: the habit-metrics backend's REST API, called with the calling plugin's own
 * service token.
 */
export class DefaultHabitMetricsService implements HabitMetricsService {
  static create(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    /** How long to wait for an answer; default 30 s. */
    timeoutMs?: number;
  }): DefaultHabitMetricsService {
    return new DefaultHabitMetricsService(
      {
        pluginId: PLUGIN_ID,
        discovery: options.discovery,
        auth: options.auth,
        notInstalled: message => new HabitMetricsNotInstalledError(message),
      },
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
  }

  private constructor(
    private readonly call: PluginCallOptions,
    private readonly timeoutMs: number,
  ) {}

  private notInstalled(url: string) {
    return new HabitMetricsNotInstalledError(
      `${PLUGIN_ID} is not installed in this Backstage (${url} answered 404); add ${BACKEND_PACKAGE} to the backend`,
    );
  }

  /**
   * GETs from habit-metrics. A 404 with a Backstage `NotFoundError` body is habit-metrics' own answer (undefined when
   * `notFoundIsAnswer`); any other 404 comes from the backend's root router: habit-metrics is not installed.
   */
  private async get(
    what: string,
    path: string,
    notFoundIsAnswer: boolean,
  ): Promise<unknown> {
    const { response, url } = await callPlugin(this.call, path, {
      timeoutMs: this.timeoutMs,
    });
    if (response.ok) return readJson(response, PLUGIN_ID, what);
    const error = await readErrorBody(response);
    if (response.status === 404) {
      if (notFoundIsAnswer && error?.name === 'NotFoundError') return undefined;
      throw this.notInstalled(url);
    }
    throw errorFromResponse(
      PLUGIN_ID,
      what,
      response.status,
      error?.message ?? response.statusText,
    );
  }

  async recordEvent(event: HabitEventInput): Promise<RecordEventResult> {
    let response: Response;
    try {
      ({ response } = await callPlugin(this.call, '/events', {
        method: 'POST',
        body: event,
        timeoutMs: this.timeoutMs,
      }));
    } catch (error) {
      if (error instanceof HabitMetricsNotInstalledError) {
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
      // The events route always exists when habit-metrics is installed: this is the backend's root router.
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
    // A server error may pass: fail, so that a retry (same idempotency key) records the event.
    throw errorFromResponse(
      PLUGIN_ID,
      `record the ${event.kind} event`,
      response.status,
      message,
    );
  }

  async listAdoption(): Promise<Adoption[]> {
    const what = 'read the adoption of the capabilities';
    const body = await this.get(what, '/adoption', false);
    if (!isObject(body) || !Array.isArray(body.capabilities)) {
      throw unexpectedAnswer(PLUGIN_ID, what);
    }
    return body.capabilities.filter(isAdoption);
  }

  async getCapabilityHabits(
    capabilityRef: string | CompoundEntityRef,
  ): Promise<CapabilityHabits | undefined> {
    const path = capabilityPath(capabilityRef);
    const what = `read the habits of ${stringifyEntityRef(
      parseEntityRef(capabilityRef),
    )}`;
    const body = await this.get(what, path, true);
    if (body === undefined) return undefined;
    if (!isCapabilityHabits(body)) throw unexpectedAnswer(PLUGIN_ID, what);
    return body;
  }
}
