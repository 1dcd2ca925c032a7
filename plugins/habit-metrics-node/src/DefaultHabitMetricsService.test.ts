import { DiscoveryService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  Adoption,
  CapabilityHabits,
  HabitEventInput,
} from '@platform-product/plugin-habit-metrics-common';
import {
  notFound,
  startServer,
  unknownDiscovery,
} from '@platform-product/common/testUtils';
import { DefaultHabitMetricsService } from './DefaultHabitMetricsService';
import { HabitMetricsNotInstalledError } from './types';

const event: HabitEventInput = {
  source: 'scaffolder',
  kind: 'mvp-launch',
  way: 'new',
  capabilityRef: 'system:default/x',
  idempotencyKey: 'mvp-launch:t:need-x',
  teamRef: 'group:default/platform-team',
};

const weeks = [
  { week: '2026-11-02', activeTeams: 1, cumulativeAdopters: 1, share: 0.25 },
  { week: '2026-11-09', activeTeams: 2, cumulativeAdopters: 2, share: 0.5 },
];

const adoption: Adoption = {
  capabilityRef: 'system:default/x',
  templateRef: null,
  totalTeams: 4,
  weeks,
  figures: {
    week: '2026-11-09',
    productTeams: 4,
    adopters: 2,
    adopterRefs: ['group:default/billing', 'group:default/checkout'],
    share: 0.5,
    activeTeams: 2,
    before: { week: '2026-08-17', adopters: 0, activeTeams: 0 },
    trendThreshold: 1,
    trend: 'growing',
  },
};

const habits: CapabilityHabits = {
  capabilityRef: 'system:default/x',
  adoption,
  retention: { capabilityRef: 'system:default/x', weeks: 12, cohorts: [] },
  timeToHabit: null,
  stickiness: [
    {
      week: '2026-11-09',
      weeklyActiveTeams: 2,
      activeTeamsLast4Weeks: 2,
      stickiness: 1,
    },
  ],
};

describe('DefaultHabitMetricsService', () => {
  const auth = mockServices.auth({ pluginId: 'scaffolder' });
  let server: Awaited<ReturnType<typeof startServer>> | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const serviceFor = (
    discovery: DiscoveryService,
    options: { timeoutMs?: number } = {},
  ) => DefaultHabitMetricsService.create({ discovery, auth, ...options });

  describe('recordEvent', () => {
    it('posts the event with a service token for habit-metrics and expects 202', async () => {
      server = await startServer({
        'POST /api/habit-metrics/events': {
          status: 202,
          body: { accepted: 1, duplicates: 0 },
        },
      });
      expect(await serviceFor(server.discovery).recordEvent(event)).toEqual({
        installed: true,
        recorded: true,
      });
      expect(server.seen).toEqual([
        {
          method: 'POST',
          url: '/api/habit-metrics/events',
          authorization: expect.stringMatching(
            /^Bearer mock-service-token:.*"sub":"plugin:scaffolder".*"target":"habit-metrics"/,
          ),
          body: event,
        },
      ]);
    });

    it('reports "not installed" on a 404 from the root router', async () => {
      server = await startServer({});
      expect(await serviceFor(server.discovery).recordEvent(event)).toEqual({
        installed: false,
        recorded: false,
      });
    });

    it('reports "not installed" when nothing listens or discovery does not know the plugin', async () => {
      server = await startServer({});
      const { discovery } = server;
      await server.close();
      server = undefined;
      expect(await serviceFor(discovery).recordEvent(event)).toEqual({
        installed: false,
        recorded: false,
      });
      expect(await serviceFor(unknownDiscovery).recordEvent(event)).toEqual({
        installed: false,
        recorded: false,
      });
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
      expect(await serviceFor(server.discovery).recordEvent(event)).toEqual({
        installed: true,
        recorded: false,
        reason:
          'Nothing was recorded: event needs a teamRef or a userRef (or both) (HTTP 400)',
      });
    });

    it("fails with the server's message on a server error or a time-out, so that a retry records it", async () => {
      server = await startServer({
        'POST /api/habit-metrics/events': {
          status: 503,
          body: { error: { name: 'Error', message: 'database locked' } },
        },
      });
      await expect(
        serviceFor(server.discovery).recordEvent(event),
      ).rejects.toThrow(
        'habit-metrics could not record the mvp-launch event: database locked (HTTP 503)',
      );
      await server.close();

      server = await startServer({
        'POST /api/habit-metrics/events': { status: 202, delayMs: 500 },
      });
      await expect(
        serviceFor(server.discovery, { timeoutMs: 50 }).recordEvent(event),
      ).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(
          /^habit-metrics did not answer POST http:\/\/127\.0\.0\.1:\d+\/api\/habit-metrics\/events in time$/,
        ),
      });
    });
  });

  describe('listAdoption', () => {
    it('reads the adoption of every capability', async () => {
      server = await startServer({
        'GET /api/habit-metrics/adoption': {
          status: 200,
          body: { capabilities: [adoption, { noRef: true }] },
        },
      });
      expect(await serviceFor(server.discovery).listAdoption()).toEqual([
        adoption,
      ]);
      expect(server.seen[0].authorization).toContain(
        '"target":"habit-metrics"',
      );
    });

    it('says habit-metrics is not installed on any 404, when nothing listens, or discovery does not know it', async () => {
      server = await startServer({});
      const empty = await serviceFor(server.discovery)
        .listAdoption()
        .catch(e => e);
      expect(empty).toBeInstanceOf(HabitMetricsNotInstalledError);
      expect(empty.message).toMatch(
        /^habit-metrics is not installed in this Backstage \(http:\/\/127\.0\.0\.1:\d+\/api\/habit-metrics\/adoption answered 404\); add @platform-product\/plugin-habit-metrics-backend to the backend$/,
      );
      await server.close();

      server = await startServer({
        'GET /api/habit-metrics/adoption': notFound('Not found'),
      });
      await expect(
        serviceFor(server.discovery).listAdoption(),
      ).rejects.toBeInstanceOf(HabitMetricsNotInstalledError);
      await server.close();

      // A server that never answered anything: its address refuses connections once closed.
      server = await startServer({});
      const { discovery } = server;
      await server.close();
      server = undefined;

      const refused = await serviceFor(discovery)
        .listAdoption()
        .catch(e => e);
      expect(refused).toBeInstanceOf(HabitMetricsNotInstalledError);
      expect(refused.message).toMatch(
        /^Could not reach habit-metrics at .*: ECONNREFUSED$/,
      );
      await expect(
        serviceFor(unknownDiscovery).listAdoption(),
      ).rejects.toBeInstanceOf(HabitMetricsNotInstalledError);
    });

    it('keeps the meaning of errors and rejects answers of the wrong shape', async () => {
      server = await startServer({
        'GET /api/habit-metrics/adoption': {
          status: 403,
          body: {
            error: {
              name: 'NotAllowedError',
              message: 'You may not read habit metrics',
            },
          },
        },
      });
      await expect(
        serviceFor(server.discovery).listAdoption(),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message:
          'habit-metrics could not read the adoption of the capabilities: You may not read habit metrics (HTTP 403)',
      });
      await server.close();

      server = await startServer({
        'GET /api/habit-metrics/adoption': {
          status: 200,
          body: { unexpected: true },
        },
      });
      await expect(serviceFor(server.discovery).listAdoption()).rejects.toThrow(
        'habit-metrics could not read the adoption of the capabilities: it gave an answer of an unexpected shape',
      );
    });
  });

  describe('getCapabilityHabits', () => {
    it('reads one capability by ref, with the kind in lower case and the parts encoded', async () => {
      server = await startServer({
        'GET /api/habit-metrics/capabilities/system/default/x': {
          status: 200,
          body: habits,
        },
        'GET /api/habit-metrics/capabilities/component/team%20a/y': {
          status: 200,
          body: { ...habits, capabilityRef: 'component:team a/y' },
        },
      });
      const service = serviceFor(server.discovery);
      expect(await service.getCapabilityHabits('System:default/x')).toEqual(
        habits,
      );
      expect(
        await service.getCapabilityHabits({
          kind: 'Component',
          namespace: 'team a',
          name: 'y',
        }),
      ).toMatchObject({ capabilityRef: 'component:team a/y' });
    });

    it('returns undefined for a capability habit-metrics does not know', async () => {
      server = await startServer({
        'GET /api/habit-metrics/capabilities/system/default/x': notFound(
          'No capability system:default/x',
        ),
      });
      expect(
        await serviceFor(server.discovery).getCapabilityHabits(
          'system:default/x',
        ),
      ).toBeUndefined();
    });

    it('says habit-metrics is not installed on an empty 404', async () => {
      server = await startServer({});
      await expect(
        serviceFor(server.discovery).getCapabilityHabits('system:default/x'),
      ).rejects.toBeInstanceOf(HabitMetricsNotInstalledError);
    });

    it('refuses a malformed entity ref without calling habit-metrics', async () => {
      server = await startServer({});
      await expect(
        serviceFor(server.discovery).getCapabilityHabits('not a ref'),
      ).rejects.toMatchObject({ name: 'InputError' });
      expect(server.seen).toEqual([]);
    });
  });

  it('never puts a token into an error message', async () => {
    server = await startServer({
      'POST /api/habit-metrics/events': {
        status: 500,
        body: { error: { name: 'Error', message: 'boom' } },
      },
      'GET /api/habit-metrics/adoption': {
        status: 401,
        body: { error: { name: 'AuthenticationError', message: 'bad token' } },
      },
    });
    const service = serviceFor(server.discovery);
    const errors = await Promise.all([
      service.recordEvent(event).catch(e => e),
      service.listAdoption().catch(e => e),
      service.getCapabilityHabits('system:default/x').catch(e => e),
    ]);
    const texts = errors.map(e => `${String(e)} ${JSON.stringify(e)}`);
    const tokens = server.seen.map(s =>
      s.authorization!.replace(/^Bearer /, ''),
    );
    expect(tokens).toHaveLength(3);
    for (const token of tokens) {
      expect(texts.join('\n')).not.toContain(token);
    }
    expect(texts.join('\n')).not.toMatch(/Bearer|mock-service-token/);
  });
});
