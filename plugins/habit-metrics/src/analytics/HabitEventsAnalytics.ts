import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  AnalyticsApi,
  DiscoveryApi,
  FetchApi,
  IdentityApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EVENT_KINDS,
  HABIT_EVENT_LIMITS,
  HabitEventInput,
} from '@platform-product/plugin-habit-metrics-common';
import { HabitMetricsApi, HabitMetricsClient } from '../api';

/** The catalog annotation that makes an entity a platform capability. */
export const CAPABILITY_ANNOTATION = 'platform-product.io/capability';

/** The `source` of every event this forwarder sends. */
export const ANALYTICS_SOURCE = 'analytics';

const DEFAULTS = {
  flushIntervalMs: 10_000,
  maxBatchSize: 20,
  viewDedupMs: 30 * 60_000,
  maxQueueSize: 200,
};

/**
 * Options of {@link HabitEventsAnalytics}.
 *
 * @public
 */
export interface HabitEventsAnalyticsOptions {
  /** Finds the habit-metrics and catalog backends. */
  discoveryApi: DiscoveryApi;
  /** Sends the events and the capability checks with the user's credentials. */
  fetchApi: FetchApi;
  /** Gives the signed-in user's ref that events carry. */
  identityApi: IdentityApi;
  /** Queued events are sent this long after the first of them was captured; 10 seconds by default. */
  flushIntervalMs?: number;
  /** The queue is sent at once when it holds this many events; 20 by default. */
  maxBatchSize?: number;
  /**
   * Views of the same capability within this time count once (moving between the tabs of an entity
   * page is one visit); 30 minutes by default.
   */
  viewDedupMs?: number;
  /** Events kept while the backend cannot be reached; the oldest are dropped beyond it. 200 by default. */
  maxQueueSize?: number;
}

/**
 * What the forwarder reads of an analytics event. The events of the legacy (`@backstage/core-plugin-api`)
 * and of the new frontend system (`@backstage/frontend-plugin-api`) both fit it.
 *
 * @public
 */
export interface ForwardableAnalyticsEvent {
  /** What happened, e.g. `navigate` or `create`. */
  action: string;
  /** What it happened to, e.g. the path navigated to. */
  subject: string;
  /** Extra values of the event, e.g. the route parameters of a `navigate`. */
  attributes?: { [name in string]: string | boolean | number };
  /** Where it happened: the plugin, route and entity the event was captured in. */
  context: {
    pluginId: string;
    [key: string]: string | boolean | number | undefined;
  };
}

interface QueuedEvent {
  event: HabitEventInput;
  /** Failed sends so far; an event is retried once. */
  failures: number;
}

type Candidate =
  | { kind: 'capability-view'; capabilityRef: string }
  | { kind: 'template-create'; templateRef: string };

function lowerRef(kind: string, namespace: string, name: string): string {
  return `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

const ENTITY_PATH = /^\/catalog\/([^/?#]+)\/([^/?#]+)\/([^/?#]+)(?:[/?#]|$)/;

/**
 * The entity a `navigate` event lands on, when it is an entity page: from the route parameters the
 * app's route tracker attaches (wherever the catalog is mounted), else from a `/catalog/:namespace/:kind/:name` path.
 */
export function entityRefOfNavigation(
  event: ForwardableAnalyticsEvent,
): string | undefined {
  if (event.action !== 'navigate') {
    return undefined;
  }
  const { kind, namespace, name } = event.attributes ?? {};
  if (
    event.context.pluginId === 'catalog' &&
    typeof kind === 'string' &&
    typeof namespace === 'string' &&
    typeof name === 'string' &&
    kind &&
    namespace &&
    name
  ) {
    return lowerRef(kind, namespace, name);
  }
  const match = ENTITY_PATH.exec(event.subject ?? '');
  if (!match) {
    return undefined;
  }
  const [pathNamespace, pathKind, pathName] = match.slice(1).map(decode);
  if (!pathNamespace || !pathKind || !pathName) {
    return undefined;
  }
  return lowerRef(pathKind, pathNamespace, pathName);
}

/**
 * The template of a scaffolder `create` event. In Backstage 1.55 the scaffolder's workflow sends
 * action `create` with subject "Task has been created" inside an analytics context whose `entityRef`
 * is the template's ref.
 */
export function templateRefOfCreate(
  event: ForwardableAnalyticsEvent,
): string | undefined {
  if (event.action !== 'create') {
    return undefined;
  }
  const candidate = event.context.entityRef ?? event.attributes?.entityRef;
  if (typeof candidate !== 'string' || !candidate) {
    return undefined;
  }
  try {
    const ref = parseEntityRef(candidate);
    if (ref.kind.toLocaleLowerCase('en-US') !== 'template') {
      return undefined;
    }
    return lowerRef(ref.kind, ref.namespace, ref.name);
  } catch {
    return undefined;
  }
}

let keyCounter = 0;

/** A key that makes a retried event count once; random, so it says nothing about who sent it. */
function newIdempotencyKey(): string {
  const cryptoApi = (globalThis as { crypto?: Crypto }).crypto;
  if (cryptoApi && typeof cryptoApi.randomUUID === 'function') {
    return cryptoApi.randomUUID();
  }
  keyCounter += 1;
  return `${Date.now().toString(36)}-${Math.random()
    .toString(36)
    .slice(2)}-${keyCounter}`;
}

/** Worth sending again: the network failed or the server had a passing problem. */
function isRetryable(error: unknown): boolean {
  if (error instanceof ResponseError) {
    const status = error.statusCode;
    return status >= 500 || status === 408 || status === 429;
  }
  return true;
}

/**
 * An analytics implementation that forwards the events habit metrics learn from to the
 * habit-metrics backend (`POST /api/habit-metrics/events`), next to whatever other analytics
 * implementations the app uses:
 *
 * - `navigate` to the entity page of a platform capability (an entity with the
 *   `platform-product.io/capability` annotation, asked of the catalog once per entity) as
 *   `capability-view`, once per capability within 30 minutes;
 * - the scaffolder's `create` event (a template form was submitted) as `template-create`.
 *
 * Events carry the signed-in user's ref; the backend turns it into the user's teams and drops it.
 * Events are sent in batches: 10 seconds after the first one was captured, as soon as 20 are
 * queued, and when the page is hidden or left (with `keepalive`). A failed send is retried once
 * with the next batch; nothing ever blocks the UI or throws.
 *
 * @public
 */
export class HabitEventsAnalytics implements AnalyticsApi {
  private readonly api: HabitMetricsApi;
  private readonly identityApi: IdentityApi;
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly flushIntervalMs: number;
  private readonly maxBatchSize: number;
  private readonly viewDedupMs: number;
  private readonly maxQueueSize: number;

  private queue: QueuedEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disabled = false;
  private readonly capabilityChecks = new Map<string, Promise<boolean>>();
  private readonly lastViews = new Map<string, number>();
  private userRef: Promise<string> | undefined;

  constructor(options: HabitEventsAnalyticsOptions) {
    this.api = new HabitMetricsClient({
      discoveryApi: options.discoveryApi,
      fetchApi: options.fetchApi,
    });
    this.identityApi = options.identityApi;
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
    this.flushIntervalMs = options.flushIntervalMs ?? DEFAULTS.flushIntervalMs;
    this.maxBatchSize = Math.min(
      options.maxBatchSize ?? DEFAULTS.maxBatchSize,
      HABIT_EVENT_LIMITS.maxBatchSize,
    );
    this.viewDedupMs = options.viewDedupMs ?? DEFAULTS.viewDedupMs;
    this.maxQueueSize = options.maxQueueSize ?? DEFAULTS.maxQueueSize;

    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', this.onPageHide);
    }
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', this.onVisibilityChange);
    }
  }

  /** Queues a capability view or template run for the backend; any other event is ignored. */
  captureEvent(event: ForwardableAnalyticsEvent): void {
    if (this.disabled) {
      return;
    }
    try {
      const candidate = this.candidateOf(event);
      if (!candidate) {
        return;
      }
      const at = new Date().toISOString();
      this.enqueue(candidate, at).catch(() => {});
    } catch {
      // Analytics must never break the app.
    }
  }

  /**
   * Sends everything queued now. Resolves when the sends are done, never rejects. Exposed for
   * tests and for apps that want to flush on their own signals.
   */
  async flush(options?: { keepalive?: boolean }): Promise<void> {
    this.clearTimer();
    const sends: Promise<void>[] = [];
    while (this.queue.length > 0) {
      sends.push(
        this.send(this.queue.splice(0, this.maxBatchSize), options?.keepalive),
      );
    }
    await Promise.all(sends);
  }

  /** Stops the timer and the page listeners. Queued events are dropped. */
  dispose(): void {
    this.clearTimer();
    this.queue = [];
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', this.onPageHide);
    }
    if (typeof document !== 'undefined') {
      document.removeEventListener('visibilitychange', this.onVisibilityChange);
    }
  }

  private readonly onPageHide = () => {
    void this.flush({ keepalive: true });
  };

  private readonly onVisibilityChange = () => {
    if (document.visibilityState === 'hidden') {
      void this.flush({ keepalive: true });
    }
  };

  private candidateOf(event: ForwardableAnalyticsEvent): Candidate | undefined {
    const templateRef = templateRefOfCreate(event);
    if (templateRef) {
      return { kind: 'template-create', templateRef };
    }
    const entityRef = entityRefOfNavigation(event);
    if (!entityRef) {
      return undefined;
    }
    const now = Date.now();
    const last = this.lastViews.get(entityRef);
    if (last !== undefined && now - last < this.viewDedupMs) {
      return undefined;
    }
    this.lastViews.set(entityRef, now);
    return { kind: 'capability-view', capabilityRef: entityRef };
  }

  private async enqueue(candidate: Candidate, at: string): Promise<void> {
    if (
      candidate.kind === 'capability-view' &&
      !(await this.isCapability(candidate.capabilityRef))
    ) {
      return;
    }
    const userRef = await this.currentUserRef();
    if (!userRef || this.disabled) {
      return;
    }
    const event: HabitEventInput = {
      source: ANALYTICS_SOURCE,
      kind:
        candidate.kind === 'capability-view'
          ? EVENT_KINDS.capabilityView
          : EVENT_KINDS.templateCreate,
      way: 'new',
      ...(candidate.kind === 'capability-view'
        ? { capabilityRef: candidate.capabilityRef }
        : { templateRef: candidate.templateRef }),
      userRef,
      at,
      idempotencyKey: newIdempotencyKey(),
    };
    this.push([{ event, failures: 0 }]);
    if (this.queue.length >= this.maxBatchSize) {
      await this.flush();
    } else {
      this.schedule();
    }
  }

  private push(items: QueuedEvent[], atFront = false) {
    this.queue = atFront
      ? [...items, ...this.queue]
      : [...this.queue, ...items];
    if (this.queue.length > this.maxQueueSize) {
      this.queue = this.queue.slice(this.queue.length - this.maxQueueSize);
    }
  }

  private isCapability(entityRef: string): Promise<boolean> {
    let check = this.capabilityChecks.get(entityRef);
    if (!check) {
      check = this.fetchEntity(entityRef).then(
        entity =>
          Boolean(entity?.metadata.annotations?.[CAPABILITY_ANNOTATION]),
        () => {
          // Ask again next time rather than remembering a failure.
          this.capabilityChecks.delete(entityRef);
          return false;
        },
      );
      this.capabilityChecks.set(entityRef, check);
    }
    return check;
  }

  /**
   * The entity from the catalog's REST API, undefined when the catalog does not know it. Through
   * discovery and fetch rather than the catalog plugin's API so that the app's analytics (built
   * when the app starts) never depend on another plugin's API being installed.
   */
  private async fetchEntity(entityRef: string): Promise<Entity | undefined> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const baseUrl = await this.discoveryApi.getBaseUrl('catalog');
    const response = await this.fetchApi.fetch(
      `${baseUrl}/entities/by-name/${[kind, namespace, name]
        .map(encodeURIComponent)
        .join('/')}`,
    );
    if (response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as Entity;
  }

  private async currentUserRef(): Promise<string | undefined> {
    if (!this.userRef) {
      this.userRef = this.identityApi
        .getBackstageIdentity()
        .then(identity => identity.userEntityRef);
    }
    try {
      return await this.userRef;
    } catch {
      this.userRef = undefined;
      return undefined;
    }
  }

  private async send(batch: QueuedEvent[], keepalive?: boolean) {
    try {
      await this.api.sendEvents(
        batch.map(item => item.event),
        keepalive ? { keepalive } : undefined,
      );
    } catch (error) {
      if (error instanceof ResponseError && error.statusCode === 404) {
        // No habit-metrics backend in this Backstage: stop collecting for this session.
        this.disabled = true;
        this.dispose();
        return;
      }
      if (!isRetryable(error)) {
        // Refused (invalid, forbidden, a user without a team): sending it again changes nothing.
        return;
      }
      const retry = batch
        .filter(item => item.failures === 0)
        .map(item => ({ ...item, failures: item.failures + 1 }));
      if (retry.length > 0) {
        this.push(retry, true);
        this.schedule();
      }
    }
  }

  private schedule() {
    if (this.timer === undefined && this.queue.length > 0 && !this.disabled) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, this.flushIntervalMs);
    }
  }

  private clearTimer() {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}
