import { Entity } from '@backstage/catalog-model';
import { AnalyticsEvent } from '@backstage/core-plugin-api';
import { HabitEventInput } from '@platform-product/plugin-habit-metrics-common';
import {
  entityRefOfNavigation,
  HabitEventsAnalytics,
  templateRefOfCreate,
} from './HabitEventsAnalytics';

const baseUrl = 'http://localhost:7007/api/habit-metrics';
const capabilities = new Set([
  'system:default/event-streaming',
  'system:default/ci',
]);

function capabilityEntity(ref: string): Entity {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace,
      annotations: capabilities.has(ref)
        ? { 'platform-product.io/capability': 'true' }
        : {},
    },
  };
}

function navigate(path: string, catalogParams = true): AnalyticsEvent {
  const match = /^\/catalog\/([^/]+)\/([^/]+)\/([^/]+)/.exec(path);
  return {
    action: 'navigate',
    subject: path,
    attributes:
      catalogParams && match
        ? { namespace: match[1], kind: match[2], name: match[3] }
        : {},
    context: {
      pluginId: match && catalogParams ? 'catalog' : 'app',
      routeRef: 'unknown',
      extension: 'App',
    },
  };
}

function templateCreate(templateRef = 'template:default/java-service') {
  return {
    action: 'create',
    subject: 'Task has been created',
    value: 30,
    attributes: { templateSteps: 2 },
    context: {
      pluginId: 'scaffolder',
      routeRef: 'scaffolder/selected-template',
      extension: 'page:scaffolder',
      entityRef: templateRef,
    },
  } as AnalyticsEvent;
}

function accepted(count = 1) {
  return new Response(JSON.stringify({ accepted: count, duplicates: 0 }), {
    status: 202,
    headers: { 'content-type': 'application/json' },
  });
}

function failure(status: number) {
  return new Response(
    JSON.stringify({
      error: { name: 'Error', message: 'failed' },
      response: { statusCode: status },
    }),
    { status, headers: { 'content-type': 'application/json' } },
  );
}

const catalogUrl = 'http://localhost:7007/api/catalog';

function setup(options: { identityFails?: boolean } = {}) {
  /** Requests to the catalog, by entity ref. */
  const getEntityByRef = jest.fn(async (ref: string) =>
    ref.startsWith('component:default/missing')
      ? new Response(null, { status: 404 })
      : new Response(JSON.stringify(capabilityEntity(ref)), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
  );
  /** Requests to habit-metrics. */
  const fetch = jest.fn<Promise<Response>, [string, RequestInit?]>(async () =>
    accepted(),
  );
  const router = async (url: string, init?: RequestInit) => {
    const entityPath = /\/entities\/by-name\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(
      url,
    );
    if (url.startsWith(catalogUrl) && entityPath) {
      const [kind, namespace, name] = entityPath
        .slice(1)
        .map(decodeURIComponent);
      return getEntityByRef(`${kind}:${namespace}/${name}`);
    }
    return fetch(url, init);
  };
  const analytics = new HabitEventsAnalytics({
    discoveryApi: {
      getBaseUrl: async (pluginId: string) =>
        pluginId === 'catalog' ? catalogUrl : baseUrl,
    },
    fetchApi: { fetch: router as unknown as typeof globalThis.fetch },
    identityApi: {
      getBackstageIdentity: options.identityFails
        ? jest.fn().mockRejectedValue(new Error('signed out'))
        : jest.fn().mockResolvedValue({
            type: 'user',
            userEntityRef: 'user:default/pat',
            ownershipEntityRefs: ['user:default/pat'],
          }),
      getProfileInfo: jest.fn(),
      getCredentials: jest.fn(),
      signOut: jest.fn(),
    },
  });
  const sentBatches = () =>
    fetch.mock.calls.map(
      ([, init]) => JSON.parse(String(init?.body)).events as HabitEventInput[],
    );
  return { analytics, fetch, getEntityByRef, sentBatches };
}

describe('HabitEventsAnalytics', () => {
  let current: HabitEventsAnalytics | undefined;

  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date('2026-03-04T10:00:00Z'));
  });

  afterEach(() => {
    current?.dispose();
    current = undefined;
    jest.useRealTimers();
  });

  function start(options?: { identityFails?: boolean }) {
    const result = setup(options);
    current = result.analytics;
    return result;
  }

  it('sends capability views 10 seconds after the first one, in one batch', async () => {
    const { analytics, fetch, sentBatches } = start();
    analytics.captureEvent(navigate('/catalog/default/system/event-streaming'));
    analytics.captureEvent(navigate('/catalog/default/system/ci/docs'));

    await jest.advanceTimersByTimeAsync(9_000);
    expect(fetch).not.toHaveBeenCalled();

    await jest.advanceTimersByTimeAsync(1_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0][0]).toBe(`${baseUrl}/events`);
    expect(sentBatches()[0]).toEqual([
      {
        source: 'analytics',
        kind: 'capability-view',
        way: 'new',
        capabilityRef: 'system:default/event-streaming',
        userRef: 'user:default/pat',
        at: '2026-03-04T10:00:00.000Z',
        idempotencyKey: expect.any(String),
      },
      expect.objectContaining({ capabilityRef: 'system:default/ci' }),
    ]);
  });

  it('only forwards entity pages of capabilities, asking the catalog once per entity', async () => {
    const { analytics, fetch, getEntityByRef, sentBatches } = start();
    analytics.captureEvent(navigate('/catalog/default/component/billing'));
    analytics.captureEvent(navigate('/catalog/default/component/missing'));
    analytics.captureEvent(navigate('/catalog'));
    analytics.captureEvent(navigate('/docs/default/system/ci', false));
    analytics.captureEvent({
      ...navigate('/catalog/default/system/ci'),
      action: 'click',
    });
    await jest.advanceTimersByTimeAsync(0);
    // Back to the same component later: the catalog's answer is remembered.
    jest.setSystemTime(new Date('2026-03-04T11:00:00Z'));
    analytics.captureEvent(navigate('/catalog/default/component/billing'));
    await jest.advanceTimersByTimeAsync(20_000);

    expect(fetch).not.toHaveBeenCalled();
    expect(getEntityByRef.mock.calls).toEqual([
      ['component:default/billing'],
      ['component:default/missing'],
    ]);

    analytics.captureEvent(navigate('/catalog/default/system/ci'));
    await jest.advanceTimersByTimeAsync(10_000);
    expect(sentBatches()).toEqual([
      [expect.objectContaining({ capabilityRef: 'system:default/ci' })],
    ]);
  });

  it('counts tabs of one capability page as one view', async () => {
    const { analytics, sentBatches } = start();
    analytics.captureEvent(navigate('/catalog/default/system/ci'));
    analytics.captureEvent(navigate('/catalog/default/system/ci/api'));
    analytics.captureEvent(navigate('/catalog/default/system/ci/docs'));
    await jest.advanceTimersByTimeAsync(10_000);
    expect(sentBatches()).toEqual([[expect.anything()]]);
  });

  it('reads the entity from the path when the route tracker gives no parameters', async () => {
    const { analytics, sentBatches } = start();
    analytics.captureEvent(
      navigate('/catalog/default/System/Event-Streaming?tab=x', false),
    );
    await jest.advanceTimersByTimeAsync(10_000);
    expect(sentBatches()[0][0].capabilityRef).toBe(
      'system:default/event-streaming',
    );
  });

  it('forwards scaffolder create events as template-create', async () => {
    const { analytics, sentBatches, getEntityByRef } = start();
    analytics.captureEvent(templateCreate('template:default/java-service'));
    // A create event that is not about a template is ignored.
    analytics.captureEvent({
      ...templateCreate(),
      context: { pluginId: 'x', routeRef: 'y', extension: 'z' },
    });
    await jest.advanceTimersByTimeAsync(10_000);
    expect(sentBatches()).toEqual([
      [
        {
          source: 'analytics',
          kind: 'template-create',
          way: 'new',
          templateRef: 'template:default/java-service',
          userRef: 'user:default/pat',
          at: '2026-03-04T10:00:00.000Z',
          idempotencyKey: expect.any(String),
        },
      ],
    ]);
    expect(getEntityByRef).not.toHaveBeenCalled();
  });

  it('sends at once when 20 events are queued', async () => {
    const { analytics, fetch, sentBatches } = start();
    for (let i = 0; i < 19; i++) {
      analytics.captureEvent(templateCreate());
    }
    await jest.advanceTimersByTimeAsync(0);
    expect(fetch).not.toHaveBeenCalled();

    analytics.captureEvent(templateCreate());
    await jest.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(sentBatches()[0]).toHaveLength(20);
    const keys = new Set(sentBatches()[0].map(e => e.idempotencyKey));
    expect(keys.size).toBe(20);

    // Nothing left for the timer.
    await jest.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('retries a failed send once with the same idempotency keys', async () => {
    const { analytics, fetch, sentBatches } = start();
    fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    analytics.captureEvent(templateCreate());
    await jest.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(1);

    await jest.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    const [first, second] = sentBatches();
    expect(second).toEqual(first);
  });

  it('drops events that failed twice', async () => {
    const { analytics, fetch } = start();
    fetch.mockImplementation(async () => failure(503));
    analytics.captureEvent(templateCreate());
    await jest.advanceTimersByTimeAsync(10_000);
    await jest.advanceTimersByTimeAsync(10_000);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not retry events the backend refused', async () => {
    const { analytics, fetch } = start();
    fetch.mockImplementationOnce(async () => failure(400));
    analytics.captureEvent(templateCreate());
    await jest.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('stops when habit-metrics is not installed', async () => {
    const { analytics, fetch } = start();
    fetch.mockImplementationOnce(
      async () => new Response(null, { status: 404 }),
    );
    analytics.captureEvent(templateCreate());
    await jest.advanceTimersByTimeAsync(10_000);
    analytics.captureEvent(templateCreate());
    await jest.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('sends what is queued with keepalive when the page is hidden', async () => {
    const { analytics, fetch } = start();
    analytics.captureEvent(templateCreate());
    await jest.advanceTimersByTimeAsync(0);
    window.dispatchEvent(new Event('pagehide'));
    await jest.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0][1]?.keepalive).toBe(true);
  });

  it('never throws, even without a signed-in user', async () => {
    const { analytics, fetch } = start({ identityFails: true });
    expect(() => analytics.captureEvent(templateCreate())).not.toThrow();
    expect(() =>
      analytics.captureEvent({ action: 'navigate' } as AnalyticsEvent),
    ).not.toThrow();
    await jest.advanceTimersByTimeAsync(20_000);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('event recognition', () => {
  it('reads entity refs of navigations', () => {
    expect(entityRefOfNavigation(navigate('/catalog/ops/group/sre'))).toBe(
      'group:ops/sre',
    );
    expect(entityRefOfNavigation(navigate('/catalog-import'))).toBeUndefined();
  });

  it('reads template refs of create events', () => {
    expect(templateRefOfCreate(templateCreate('template:ops/Go'))).toBe(
      'template:ops/go',
    );
    expect(
      templateRefOfCreate(templateCreate('component:default/x')),
    ).toBeUndefined();
    expect(
      templateRefOfCreate({ ...templateCreate(), action: 'click' }),
    ).toBeUndefined();
  });
});
