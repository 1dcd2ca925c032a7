import { mockServices } from '@backstage/backend-test-utils';
import { DiscoveryService } from '@backstage/backend-plugin-api';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { actionContext, logged } from '../__testUtils__/mocks';
import { createMvpLaunchAction } from '../actions/launch';
import { createMvpScopeAction } from '../actions/scope';
import { DEFAULT_MVP_SETTINGS } from '../config';
import { HabitMetricsClient } from './HabitMetricsClient';
import { NeedsDiscoveryClient } from './NeedsDiscoveryClient';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  body?: unknown;
}

type Reply = { status: number; body?: unknown };

/** A tiny stand-in for the backend: answers per "METHOD path", records what it got. */
async function startServer(routes: Record<string, Reply>) {
  const seen: Seen[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    seen.push({
      method: req.method!,
      url: req.url!,
      authorization: req.headers.authorization,
      body: raw ? JSON.parse(raw) : undefined,
    });
    const reply = routes[`${req.method} ${req.url}`];
    if (!reply) {
      // Like the backend's root router when no plugin is mounted there: an empty 404.
      res.statusCode = 404;
      res.end();
      return;
    }
    res.statusCode = reply.status;
    if (reply.body !== undefined) {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(reply.body));
    } else {
      res.end();
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const discovery: DiscoveryService = {
    getBaseUrl: async pluginId => `http://127.0.0.1:${port}/api/${pluginId}`,
    getExternalBaseUrl: async pluginId =>
      `http://127.0.0.1:${port}/api/${pluginId}`,
  };
  return {
    seen,
    discovery,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

const registered = {
  id: 'need-test-environments',
  title: 'Test environments',
  status: 'open',
  capabilityRef: null,
  latestSurveyId: 's1',
  latestScore: 9.5,
  shared: true,
  teams: 3,
  updatedAt: '2026-03-01T00:00:00.000Z',
};

const notFound = (message: string) => ({
  status: 404,
  body: {
    error: { name: 'NotFoundError', message },
    response: { statusCode: 404 },
  },
});

describe('clients', () => {
  const auth = mockServices.auth({ pluginId: 'scaffolder' });
  let server: Awaited<ReturnType<typeof startServer>>;

  afterEach(async () => {
    await server?.close();
  });

  describe('NeedsDiscoveryClient', () => {
    it('reads, lists and marks needs with a service token for needs-discovery', async () => {
      server = await startServer({
        'GET /api/needs-discovery/needs/need-test-environments': {
          status: 200,
          body: registered,
        },
        'GET /api/needs-discovery/needs': {
          status: 200,
          body: { items: [registered] },
        },
        'PATCH /api/needs-discovery/needs/need-test-environments': {
          status: 200,
          body: {
            ...registered,
            status: 'in-mvp',
            capabilityRef: 'system:default/x',
          },
        },
      });
      const client = new NeedsDiscoveryClient({
        discovery: server.discovery,
        auth,
      });
      expect(await client.getNeed('need-test-environments')).toEqual(
        registered,
      );
      expect(await client.listNeeds()).toEqual([registered]);
      expect(
        await client.markInMvp('need-test-environments', 'system:default/x'),
      ).toMatchObject({
        status: 'in-mvp',
      });
      expect(server.seen.map(s => [s.method, s.url, s.body])).toEqual([
        ['GET', '/api/needs-discovery/needs/need-test-environments', undefined],
        ['GET', '/api/needs-discovery/needs', undefined],
        [
          'PATCH',
          '/api/needs-discovery/needs/need-test-environments',
          { status: 'in-mvp', capabilityRef: 'system:default/x' },
        ],
      ]);
      for (const { authorization } of server.seen) {
        expect(authorization).toMatch(/^Bearer mock-service-token:/);
        expect(authorization).toContain('"sub":"plugin:scaffolder"');
        expect(authorization).toContain('"target":"needs-discovery"');
      }
    });

    it('returns undefined for a need that is not there, and encodes the id', async () => {
      server = await startServer({
        'GET /api/needs-discovery/needs/a%2Fb': notFound('No need with id a/b'),
      });
      const client = new NeedsDiscoveryClient({
        discovery: server.discovery,
        auth,
      });
      expect(await client.getNeed('a/b')).toBeUndefined();
    });

    it('says needs-discovery is not installed on an empty 404', async () => {
      server = await startServer({});
      const client = new NeedsDiscoveryClient({
        discovery: server.discovery,
        auth,
      });
      await expect(client.getNeed('need-x')).rejects.toThrow(
        /^needs-discovery is not installed in this Backstage \(http:\/\/127\.0\.0\.1:\d+\/api\/needs-discovery\/needs\/need-x answered 404\); add @platform-product\/plugin-needs-discovery-backend to the backend$/,
      );
    });

    it("fails with the server's message on other errors", async () => {
      server = await startServer({
        'PATCH /api/needs-discovery/needs/need-x': {
          status: 403,
          body: {
            error: {
              name: 'NotAllowedError',
              message:
                'You may not change needs: it needs the needs-discovery.need.update permission.',
            },
          },
        },
        'GET /api/needs-discovery/needs': {
          status: 500,
          body: 'database on fire',
        },
      });
      const client = new NeedsDiscoveryClient({
        discovery: server.discovery,
        auth,
      });
      await expect(
        client.markInMvp('need-x', 'system:default/x'),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message:
          'needs-discovery could not mark need "need-x" in-mvp: You may not change needs: it needs the needs-discovery.need.update permission. (HTTP 403)',
      });
      await expect(client.listNeeds()).rejects.toThrow(
        'needs-discovery could not list needs: "database on fire" (HTTP 500)',
      );
    });

    it('says when needs-discovery cannot be reached', async () => {
      server = await startServer({});
      const { discovery } = server;
      await server.close();
      const client = new NeedsDiscoveryClient({ discovery, auth });
      await expect(client.listNeeds()).rejects.toThrow(
        /^Could not reach needs-discovery at http:\/\/127\.0\.0\.1:\d+\/api\/needs-discovery\/needs: ECONNREFUSED$/,
      );
      server = await startServer({});
    });
  });

  describe('HabitMetricsClient', () => {
    const event = {
      source: 'scaffolder' as const,
      kind: 'mvp-launch' as const,
      way: 'new' as const,
      capabilityRef: 'system:default/x',
      idempotencyKey: 'mvp-launch:t:need-x',
      teamRef: 'group:default/platform-team',
    };

    it('posts the event and expects 202', async () => {
      server = await startServer({
        'POST /api/habit-metrics/events': { status: 202 },
      });
      const client = new HabitMetricsClient({
        discovery: server.discovery,
        auth,
      });
      expect(await client.recordEvent(event)).toEqual({
        installed: true,
        recorded: true,
      });
      expect(server.seen).toEqual([
        {
          method: 'POST',
          url: '/api/habit-metrics/events',
          authorization: expect.stringContaining('"target":"habit-metrics"'),
          body: event,
        },
      ]);
    });

    it('reports "not installed" on a 404 from the root router', async () => {
      server = await startServer({});
      const client = new HabitMetricsClient({
        discovery: server.discovery,
        auth,
      });
      expect(await client.recordEvent(event)).toEqual({
        installed: false,
        recorded: false,
      });
    });

    it('reports "not installed" when nothing listens or discovery does not know the plugin', async () => {
      server = await startServer({});
      const { discovery } = server;
      await server.close();
      expect(
        await new HabitMetricsClient({ discovery, auth }).recordEvent(event),
      ).toEqual({ installed: false, recorded: false });
      const unknown: DiscoveryService = {
        getBaseUrl: async id => {
          throw new Error(`no endpoint for ${id}`);
        },
        getExternalBaseUrl: async () => '',
      };
      expect(
        await new HabitMetricsClient({ discovery: unknown, auth }).recordEvent(
          event,
        ),
      ).toEqual({ installed: false, recorded: false });
      server = await startServer({});
    });

    it('returns the reason when habit-metrics refuses the event', async () => {
      server = await startServer({
        'POST /api/habit-metrics/events': {
          status: 400,
          body: {
            error: {
              name: 'InputError',
              message:
                'Nothing was recorded: event needs a teamRef or a userRef (or both)',
            },
          },
        },
      });
      const client = new HabitMetricsClient({
        discovery: server.discovery,
        auth,
      });
      expect(await client.recordEvent(event)).toEqual({
        installed: true,
        recorded: false,
        reason:
          'Nothing was recorded: event needs a teamRef or a userRef (or both) (HTTP 400)',
      });
    });

    it("fails with the server's message on a server error", async () => {
      server = await startServer({
        'POST /api/habit-metrics/events': {
          status: 503,
          body: { error: { name: 'Error', message: 'database locked' } },
        },
      });
      const client = new HabitMetricsClient({
        discovery: server.discovery,
        auth,
      });
      await expect(client.recordEvent(event)).rejects.toThrow(
        'habit-metrics could not record the MVP launch: database locked (HTTP 503)',
      );
    });
  });

  it('never lets a token into the task log or an error message', async () => {
    server = await startServer({
      'GET /api/needs-discovery/needs/need-test-environments': {
        status: 200,
        body: registered,
      },
      'GET /api/needs-discovery/needs/need-x': notFound(
        'No need with id need-x',
      ),
      'GET /api/needs-discovery/needs': {
        status: 200,
        body: { items: [registered] },
      },
      'PATCH /api/needs-discovery/needs/need-test-environments': {
        status: 409,
        body: { error: { name: 'ConflictError', message: 'busy' } },
      },
    });
    const needs = new NeedsDiscoveryClient({
      discovery: server.discovery,
      auth,
    });
    const habits = new HabitMetricsClient({
      discovery: server.discovery,
      auth,
    });
    const scope = createMvpScopeAction({
      needs,
      settings: DEFAULT_MVP_SETTINGS,
    });
    const launch = createMvpLaunchAction({ needs, habits });

    const texts: string[] = [];
    const run = async (
      action: typeof scope | typeof launch,
      input: Record<string, unknown>,
    ) => {
      const ctx = actionContext({ input });
      await action
        .handler(ctx)
        .catch(e => texts.push(String(e), JSON.stringify(e)));
      texts.push(...logged(ctx.logger));
    };
    await run(scope, {
      need: 'need-test-environments',
      features: ['a'],
      successMetric: 'm',
      timeboxWeeks: 2,
    });
    await run(scope, {
      need: 'need-x',
      features: ['a'],
      successMetric: 'm',
      timeboxWeeks: 2,
    });
    await run(launch, {
      need: 'need-test-environments',
      entityRef: 'system:default/x',
      teamRef: 'group:default/platform-team',
    });

    const tokens = server.seen.map(s =>
      s.authorization!.replace(/^Bearer /, ''),
    );
    expect(tokens.length).toBeGreaterThan(3);
    expect(texts.join('\n')).toContain('busy (HTTP 409)');
    for (const token of tokens) {
      expect(texts.join('\n')).not.toContain(token);
    }
    expect(texts.join('\n')).not.toMatch(
      /Bearer|mock-service-token|authorization/i,
    );
  });
});
