import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  CapabilityDetail,
  Scorecard,
  ScorecardHistory,
  SUBSCORE_IDS,
  utcDay,
} from '@platform-product/plugin-thinness-scorecard-common';
import request from 'supertest';
import { SNAPSHOT_TASK_ID } from '../plugin';
import {
  as,
  asService,
  MANAGER,
  NOBODY,
  READER,
  startScorecardBackend,
} from '../testing/backend';
import { exampleCatalog } from '../testing/catalog';
import { FakePluginServer, REFUSED_BASE_URL } from '../testing/fakePlugins';

jest.setTimeout(120_000);

const API = '/api/thinness-scorecard';

/** needs-discovery and habit-metrics as the example instance would have them. */
function fakePlugins() {
  return new FakePluginServer({
    'needs-discovery': path =>
      path === '/needs'
        ? [
            200,
            {
              items: [
                ['need-fast-service-setup', true, 6],
                ['need-reliable-deploys', true, 5],
                ['need-event-streaming', true, 3],
                ['need-observability', true, 4],
                ['need-secrets-handling', false, 1],
                ['need-test-environments', true, 4],
                ['need-data-access', false, 1],
              ].map(([id, shared, teams]) => ({
                id,
                title: String(id).replace('need-', '').replace(/-/g, ' '),
                status: 'open',
                capabilityRef: null,
                latestScore: 3,
                shared,
                teams,
              })),
            },
          ]
        : undefined,
    'habit-metrics': path => {
      const weeks = [1, 1, 2, 2, 3, 3, 4, 4].map((activeTeams, i) => ({
        week: `2026-W${40 + i}`,
        activeTeams,
        cumulativeAdopters: activeTeams + 1,
        share: activeTeams / 7,
      }));
      const adoption = {
        capabilityRef: 'system:default/self-service-data',
        templateRef: null,
        totalTeams: 7,
        weeks,
        figures: {
          week: '2026-11-23',
          productTeams: 7,
          adopters: 4,
          adopterRefs: [
            'group:default/billing',
            'group:default/data-insights',
            'group:default/fleet-tracking',
            'group:default/warehouse',
          ],
          share: 0.5714,
          activeTeams: 3,
          before: { week: '2026-08-31', adopters: 2, activeTeams: 1 },
          trendThreshold: 1,
          trend: 'growing',
        },
      };
      if (path === '/adoption') {
        return [200, { capabilities: [adoption] }];
      }
      if (path === '/capabilities/system/default/self-service-data') {
        return [
          200,
          { capabilityRef: 'system:default/self-service-data', adoption },
        ];
      }
      return undefined;
    },
  });
}

const verdictsOf = (scorecard: Scorecard) =>
  Object.fromEntries(
    scorecard.capabilities.map(c => [c.entityRef.split('/')[1], c.verdict]),
  );

describe('thinness-scorecard router', () => {
  const databases = TestDatabases.create();
  let plugins: FakePluginServer;

  beforeAll(async () => {
    plugins = await fakePlugins().start();
  });
  afterAll(() => plugins.stop());

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function start(
      options: {
        installed?: boolean;
        entities?: ReturnType<typeof exampleCatalog>;
        config?: Parameters<typeof startScorecardBackend>[0]['config'];
      } = {},
    ) {
      const knex = await databases.init(databaseId);
      const backend = await startScorecardBackend({
        knex,
        entities: options.entities ?? exampleCatalog(),
        baseUrl:
          options.installed === false
            ? () => REFUSED_BASE_URL
            : id => plugins.baseUrl(id),
        config: options.config,
      });
      return { ...backend, knex };
    }

    it('answers 401 without credentials and 403 without the permission', async () => {
      const { server } = await start({ installed: false });
      const routes: [string, string][] = [
        ['get', '/scorecard'],
        ['get', '/scorecard/history'],
        ['get', '/capabilities/system/default/report-builder'],
        ['post', '/refresh'],
      ];
      for (const [method, path] of routes) {
        const none = await (request(server) as any)
          [method](`${API}${path}`)
          .set('Authorization', mockCredentials.none.header());
        expect({ path, status: none.status }).toEqual({ path, status: 401 });
        const bad = await (request(server) as any)
          [method](`${API}${path}`)
          .set('Authorization', mockCredentials.user.invalidHeader());
        expect({ path, status: bad.status }).toEqual({ path, status: 401 });
        const denied = await (request(server) as any)
          [method](`${API}${path}`)
          .set(as(NOBODY));
        expect({ path, status: denied.status }).toEqual({ path, status: 403 });
        expect(denied.body.error.name).toBe('NotAllowedError');
      }
      // readers read, but do not recompute
      expect(
        (await request(server).post(`${API}/refresh`).set(as(READER))).status,
      ).toBe(403);
      expect(
        (
          await request(server)
            .get(`${API}/capabilities/system/default/report-builder`)
            .query({ refresh: true })
            .set(as(READER))
        ).status,
      ).toBe(403);
    });

    it('applies the access restrictions of an external access token and lets unrestricted services in', async () => {
      const knex = await databases.init(databaseId);
      const { server } = await startScorecardBackend({
        knex,
        entities: exampleCatalog(),
        baseUrl: () => REFUSED_BASE_URL,
        externalAccess: [
          {
            type: 'static',
            options: { token: 'dashboard-token-0123', subject: 'dashboard' },
            accessRestrictions: [
              {
                plugin: 'thinness-scorecard',
                permission: 'thinness-scorecard.read',
              },
            ],
          },
          {
            type: 'static',
            options: { token: 'nightly-token-0123', subject: 'nightly' },
          },
        ],
      });
      const dashboard = { Authorization: 'Bearer dashboard-token-0123' };
      const nightly = { Authorization: 'Bearer nightly-token-0123' };
      const report = `${API}/capabilities/system/default/report-builder`;

      // thinness-scorecard.read only: it reads...
      for (const path of ['/scorecard', '/scorecard/history']) {
        const res = await request(server).get(`${API}${path}`).set(dashboard);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
      }
      expect((await request(server).get(report).set(dashboard)).status).toBe(
        200,
      );
      // ...but does not recompute
      const refresh = await request(server)
        .post(`${API}/refresh`)
        .set(dashboard);
      expect(refresh.status).toBe(403);
      expect(refresh.body.error).toEqual({
        name: 'NotAllowedError',
        message:
          'You may not refresh the scorecard: it needs the thinness-scorecard.refresh permission.',
      });
      expect(
        (
          await request(server)
            .get(report)
            .query({ refresh: true })
            .set(dashboard)
        ).status,
      ).toBe(403);

      // a token without restrictions may do everything
      expect(
        (await request(server).post(`${API}/refresh`).set(nightly)).status,
      ).toBe(200);
      expect(
        (
          await request(server)
            .get(report)
            .query({ refresh: true })
            .set(nightly)
        ).status,
      ).toBe(200);
      // and an unknown token is no one
      expect(
        (
          await request(server)
            .get(`${API}/scorecard`)
            .set({ Authorization: 'Bearer not-a-configured-token' })
        ).status,
      ).toBe(401);
    });

    it('serves the scorecard of the example catalog with needs-discovery and habit-metrics', async () => {
      const { server } = await start();
      const res = await request(server).get(`${API}/scorecard`).set(as(READER));
      expect(res.status).toBe(200);
      const scorecard = res.body as Scorecard;
      expect(scorecard.sources).toEqual({
        needsDiscovery: true,
        habitMetrics: true,
      });
      expect(scorecard.productTeams).toBe(7);
      expect(verdictsOf(scorecard)).toEqual({
        'report-builder': 'dispose',
        'log-shipping': 'outsource',
        'secrets-vault': 'outsource',
        'feature-flags': 'review',
        'preview-environments': 'review',
        'continuous-delivery': 'invest',
        'event-streaming': 'invest',
        'service-golden-path': 'invest',
        // 4 of 7 product teams in habit-metrics, but its need is not shared
        'self-service-data': 'keep',
      });
      // sorted by verdict precedence
      expect(scorecard.capabilities[0].entityRef).toBe(
        'system:default/report-builder',
      );
      expect(scorecard.verdicts).toEqual({
        dispose: 1,
        outsource: 2,
        review: 2,
        invest: 3,
        keep: 1,
      });
      const report = scorecard.capabilities[0];
      expect(report.reasons[0]).toBe(
        'Used by 1 of 7 product teams (14%), below the 20% adoption floor, and it is past its trial (lifecycle production).',
      );
      const data = scorecard.capabilities.find(c =>
        c.entityRef.endsWith('self-service-data'),
      )!;
      // habit-metrics' figures as they are
      expect(data.consumers).toEqual({
        teams: [
          'group:default/billing',
          'group:default/data-insights',
          'group:default/fleet-tracking',
          'group:default/warehouse',
        ],
        count: 4,
        productTeams: 7,
        share: 0.5714,
        activeTeams: 3,
        source: 'habit-metrics',
      });
      expect(data.adoptionTrend).toBe('growing');
      expect(data.reasons).toContain(
        'Adoption is growing over the last 12 weeks in habit-metrics; 3 product teams active in the last 4 weeks.',
      );
      // a capability habit-metrics does not answer for: the catalog's consumers, said so
      expect(
        scorecard.capabilities.find(c =>
          c.entityRef.endsWith('service-golden-path'),
        )!.consumers.source,
      ).toBe('catalog');

      expect(scorecard.subscores.map(s => s.id)).toEqual(SUBSCORE_IDS);
      for (const subscore of scorecard.subscores) {
        expect(subscore.inputs.length).toBeGreaterThan(0);
      }
      const weighted =
        scorecard.subscores.reduce(
          (sum, s) => sum + s.weight * (s.value ?? NaN),
          0,
        ) / scorecard.subscores.reduce((sum, s) => sum + s.weight, 0);
      expect(scorecard.score).toBe(Math.round(weighted));
      expect(
        scorecard.subscores.find(s => s.id === 'growthBalance')!.inputs[0],
      ).toMatchObject({ value: 'no history yet' });
    });

    it('works without needs-discovery and habit-metrics, and says so', async () => {
      const { server } = await start({ installed: false });
      const res = await request(server).get(`${API}/scorecard`).set(as(READER));
      expect(res.status).toBe(200);
      const scorecard = res.body as Scorecard;
      expect(scorecard.sources).toEqual({
        needsDiscovery: false,
        habitMetrics: false,
      });
      expect(scorecard.capabilities).toHaveLength(9);
      const cd = scorecard.capabilities.find(c =>
        c.entityRef.endsWith('continuous-delivery'),
      )!;
      expect(cd.need?.state).toBe('unverified');
      expect(cd.verdict).toBe('keep');
      expect(cd.reasons.join(' ')).toContain(
        'needs-discovery is not installed (or did not answer)',
      );
      const coverage = scorecard.subscores.find(s => s.id === 'needCoverage')!;
      expect(coverage.inputs).toContainEqual({
        id: 'needsDiscovery',
        label: 'needs-discovery',
        value: 'not installed',
      });

      const detail = await request(server)
        .get(`${API}/capabilities/system/default/continuous-delivery`)
        .set(as(READER));
      expect(detail.status).toBe(200);
      expect(detail.body.adoption).toBeNull();
    });

    it('snapshots once a day, keeps a history and notifies overdue reviews once', async () => {
      const { server, runTask, notifications } = await start();
      await runTask(SNAPSHOT_TASK_ID);
      await runTask(SNAPSHOT_TASK_ID);

      const history = await request(server)
        .get(`${API}/scorecard/history`)
        .query({ days: 7 })
        .set(as(READER));
      expect(history.status).toBe(200);
      const body = history.body as ScorecardHistory;
      expect(body.days).toBe(7);
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({
        period: utcDay(new Date()),
        capabilities: 9,
        demo: false,
        verdicts: { dispose: 1, outsource: 2, review: 2, invest: 3, keep: 1 },
      });

      const scorecard = (
        await request(server).get(`${API}/scorecard`).set(as(READER))
      ).body as Scorecard;
      expect(body.items[0].score).toBe(scorecard.score);
      const overdue = scorecard.capabilities.filter(c => c.reviewOverdue);
      expect(overdue.map(c => c.entityRef)).toContain(
        'system:default/preview-environments',
      );
      expect(notifications.send).toHaveBeenCalledTimes(overdue.length);
      expect(notifications.send).toHaveBeenCalledWith(
        expect.objectContaining({
          recipients: {
            type: 'entity',
            entityRef: 'group:default/platform-team',
          },
          payload: expect.objectContaining({
            title: 'MVP review overdue: Preview Environments',
            topic: 'thinness-scorecard',
          }),
        }),
      );

      const detail = await request(server)
        .get(`${API}/capabilities/system/default/self-service-data`)
        .set(as(READER));
      expect(detail.status).toBe(200);
      const capability = detail.body as CapabilityDetail;
      expect(capability.capability.verdict).toBe('keep');
      expect(capability.verdictHistory).toEqual([
        { period: utcDay(new Date()), verdict: 'keep', demo: false },
      ]);
      expect(capability.adoption?.weeks).toHaveLength(8);
    });

    it('checks query parameters and unknown capabilities', async () => {
      const { server } = await start({ installed: false });
      for (const days of ['0', 'abc', '4000', '1.5']) {
        const res = await request(server)
          .get(`${API}/scorecard/history`)
          .query({ days })
          .set(as(READER));
        expect({ days, status: res.status }).toEqual({ days, status: 400 });
      }
      const defaults = await request(server)
        .get(`${API}/scorecard/history`)
        .set(as(READER));
      expect(defaults.body).toEqual({ days: 90, items: [] });

      const unknown = await request(server)
        .get(`${API}/capabilities/component/default/flag-service`)
        .set(as(READER));
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.name).toBe('NotFoundError');
      const unknownRefresh = await request(server)
        .get(`${API}/capabilities/system/default/nope`)
        .query({ refresh: true })
        .set(as(MANAGER));
      expect(unknownRefresh.status).toBe(404);
      const badFlag = await request(server)
        .get(`${API}/capabilities/system/default/report-builder`)
        .query({ refresh: 'maybe' })
        .set(as(MANAGER));
      expect(badFlag.status).toBe(400);
    });

    it('does not score a platform without capabilities, and records no day for it', async () => {
      // A fresh install: teams and components, but no entity annotated as a capability yet.
      const entities = exampleCatalog().filter(
        e => !e.metadata.annotations?.['platform-product.io/capability'],
      );
      const { server, runTask, knex } = await start({ entities });
      // What an earlier version stored for an empty catalog: a 100 without a reason. It is not served.
      await knex('ts_latest').insert({
        id: 'scorecard',
        scorecard: JSON.stringify({
          score: 100,
          subscores: [],
          capabilities: [],
          computedAt: new Date().toISOString(),
          productTeams: 7,
          adoptingTeams: 0,
          sources: { needsDiscovery: true, habitMetrics: true },
          rules: { adoptionFloor: 0.2, investAdoption: 0.5, graceDays: 90 },
          verdicts: { keep: 0, invest: 0, outsource: 0, dispose: 0, review: 0 },
        }),
        computed_at: Date.now(),
      });

      const res = await request(server).get(`${API}/scorecard`).set(as(READER));
      expect(res.status).toBe(200);
      const scorecard = res.body as Scorecard;
      expect(scorecard.capabilities).toEqual([]);
      expect(scorecard.score).toBeNull();
      expect(scorecard.notScored).toEqual({
        reason: 'no-capabilities',
        message: expect.stringContaining(
          'platform-product.io/capability: "true"',
        ),
      });
      expect(scorecard.subscores.map(s => s.id)).toEqual(SUBSCORE_IDS);
      for (const subscore of scorecard.subscores) {
        expect(subscore.value).toBeNull();
        expect(subscore.explanation).toMatch(/^Not scored/);
      }
      expect(scorecard.verdicts).toEqual({
        dispose: 0,
        outsource: 0,
        review: 0,
        invest: 0,
        keep: 0,
      });
      expect(scorecard.productTeams).toBeGreaterThan(0);
      expect(scorecard.adoptingTeams).toBe(0);

      // The daily task finds nothing to score: no snapshot, so no 100 in the history.
      await runTask(SNAPSHOT_TASK_ID);
      await runTask(SNAPSHOT_TASK_ID);
      const history = await request(server)
        .get(`${API}/scorecard/history`)
        .set(as(READER));
      expect(history.status).toBe(200);
      expect(history.body).toEqual({ days: 90, items: [] });

      // A recompute on demand says the same.
      const refreshed = await request(server)
        .post(`${API}/refresh`)
        .set(as(MANAGER));
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.score).toBeNull();
      expect(refreshed.body.notScored.reason).toBe('no-capabilities');
    });

    it('scores a capability annotated since the last recompute when its page asks', async () => {
      const entities = exampleCatalog();
      const eventStreaming = entities.find(
        e => e.metadata.name === 'event-streaming',
      )!;
      delete eventStreaming.metadata.annotations![
        'platform-product.io/capability'
      ];
      const { server } = await start({ installed: false, entities });
      const before = (
        await request(server).get(`${API}/scorecard`).set(as(READER))
      ).body as Scorecard;
      expect(before.capabilities).toHaveLength(8);

      // The platform team annotates event-streaming; its capability card asks before the next recompute.
      eventStreaming.metadata.annotations!['platform-product.io/capability'] =
        'true';
      const detail = await request(server)
        .get(`${API}/capabilities/system/default/event-streaming`)
        .set(as(READER));
      expect(detail.status).toBe(200);
      expect((detail.body as CapabilityDetail).capability.entityRef).toBe(
        'system:default/event-streaming',
      );
      const after = (
        await request(server).get(`${API}/scorecard`).set(as(READER))
      ).body as Scorecard;
      expect(after.capabilities).toHaveLength(9);
    });

    it('refreshes everything or one capability on demand', async () => {
      const entities = exampleCatalog();
      const { server } = await start({ installed: false, entities });
      const before = (
        await request(server).get(`${API}/scorecard`).set(as(READER))
      ).body as Scorecard;
      expect(verdictsOf(before)['report-builder']).toBe('dispose');

      // The mobile team starts rendering reports through the API (the catalog relates both ways).
      entities
        .find(e => e.metadata.name === 'report-builder-api')!
        .relations!.push({
          type: 'apiConsumedBy',
          targetRef: 'component:default/mobile-push-gateway',
        });
      entities
        .find(e => e.metadata.name === 'mobile-push-gateway')!
        .relations!.push({
          type: 'consumesApi',
          targetRef: 'api:default/report-builder-api',
        });

      const one = await request(server)
        .get(`${API}/capabilities/System/default/Report-Builder`)
        .query({ refresh: 'true' })
        .set(as(MANAGER));
      expect(one.status).toBe(200);
      const detail = one.body as CapabilityDetail;
      expect(detail.capability.consumers.teams).toEqual([
        'group:default/billing',
        'group:default/mobile',
      ]);
      // 2 of 7 is above the floor: no longer disposed, but still a commodity
      expect(detail.capability.verdict).toBe('outsource');

      const after = (
        await request(server).get(`${API}/scorecard`).set(as(READER))
      ).body as Scorecard;
      expect(verdictsOf(after)['report-builder']).toBe('outsource');
      expect(after.capabilities).toHaveLength(9);
      expect(Date.parse(after.computedAt)).toBeGreaterThanOrEqual(
        Date.parse(before.computedAt),
      );

      const full = await request(server).post(`${API}/refresh`).set(asService);
      expect(full.status).toBe(200);
      expect(verdictsOf(full.body)['report-builder']).toBe('outsource');
      const byManager = await request(server)
        .post(`${API}/refresh`)
        .set(as(MANAGER));
      expect(byManager.status).toBe(200);
    });
  });
});
