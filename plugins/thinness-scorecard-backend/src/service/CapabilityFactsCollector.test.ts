import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { exampleCatalog, withRelations } from '../testing/catalog';
import { FakePluginServer, REFUSED_BASE_URL } from '../testing/fakePlugins';
import { CapabilityFactsCollector } from './CapabilityFactsCollector';
import { OptionalPluginClient } from './OptionalPlugins';

const team = (name: string) => `group:default/${name}`;
const ALL_TEAMS = [
  'billing',
  'checkout',
  'customer-portal',
  'data-insights',
  'fleet-tracking',
  'mobile',
  'warehouse',
].map(team);

function collectorFor(
  entities: Entity[],
  baseUrl: (pluginId: string) => string,
  overrides: Partial<
    ConstructorParameters<typeof CapabilityFactsCollector>[0]
  > = {},
) {
  const catalog = catalogServiceMock({ entities });
  const auth = mockServices.auth();
  const logger = mockServices.logger.mock();
  const discovery = {
    getBaseUrl: async (pluginId: string) => baseUrl(pluginId),
    getExternalBaseUrl: async (pluginId: string) => baseUrl(pluginId),
  };
  const client = (pluginId: string) =>
    new OptionalPluginClient({
      pluginId,
      discovery,
      auth,
      logger,
      timeoutMs: 2000,
    });
  const spies = {
    queryEntities: jest.spyOn(catalog, 'queryEntities'),
    getEntitiesByRefs: jest.spyOn(catalog, 'getEntitiesByRefs'),
  };
  const collector = new CapabilityFactsCollector({
    catalog,
    auth,
    logger,
    teamTypes: ['team'],
    needsDiscovery: client('needs-discovery'),
    habitMetrics: client('habit-metrics'),
    ...overrides,
  });
  return { collector, spies, logger };
}

describe('CapabilityFactsCollector', () => {
  describe('on the example catalog without needs-discovery and habit-metrics', () => {
    it('finds every capability, its consumers, surface and annotations', async () => {
      const { collector } = collectorFor(
        exampleCatalog(),
        () => REFUSED_BASE_URL,
      );
      const facts = await collector.collect();
      expect(facts.productTeams).toBe(7);
      expect(facts.sources).toEqual({
        needsDiscovery: false,
        habitMetrics: false,
      });
      const byName = Object.fromEntries(
        facts.capabilities.map(c => [c.entityRef.split('/')[1], c]),
      );
      expect(Object.keys(byName).sort()).toEqual([
        'continuous-delivery',
        'event-streaming',
        'feature-flags',
        'log-shipping',
        'preview-environments',
        'report-builder',
        'secrets-vault',
        'self-service-data',
        'service-golden-path',
      ]);

      const consumers = (name: string) => byName[name].consumers.teams;
      expect(consumers('service-golden-path')).toEqual(ALL_TEAMS);
      expect(consumers('continuous-delivery')).toEqual(ALL_TEAMS);
      expect(consumers('secrets-vault')).toEqual(
        ALL_TEAMS.filter(t => t !== team('data-insights')),
      );
      expect(consumers('event-streaming')).toEqual(
        ['checkout', 'customer-portal', 'fleet-tracking', 'warehouse'].map(
          team,
        ),
      );
      expect(consumers('log-shipping')).toEqual(
        ['billing', 'mobile', 'warehouse'].map(team),
      );
      expect(consumers('preview-environments')).toEqual(
        ['checkout', 'customer-portal'].map(team),
      );
      expect(consumers('feature-flags')).toEqual(
        ['checkout', 'customer-portal', 'mobile'].map(team),
      );
      expect(consumers('self-service-data')).toEqual(
        ['data-insights', 'fleet-tracking'].map(team),
      );
      expect(byName['report-builder'].consumers).toEqual({
        teams: [team('billing')],
        count: 1,
        productTeams: 7,
        share: 1 / 7,
        activeLast28Days: null,
      });

      // the system, its parts and their APIs
      expect(byName['service-golden-path'].surface).toBe(2);
      expect(byName['continuous-delivery'].surface).toBe(3);
      expect(byName['event-streaming'].surface).toBe(4);
      expect(byName['secrets-vault'].surface).toBe(4);

      expect(byName['event-streaming']).toMatchObject({
        entityRef: 'system:default/event-streaming',
        title: 'Event Streaming',
        owner: team('platform-team'),
        lifecycle: 'experimental',
        valueClass: 'differentiating',
        mvpReviewDate: '2027-02-15',
        need: {
          id: 'need-event-streaming',
          shared: false,
          teams: null,
          state: 'unverified',
        },
        adoptionTrend: null,
      });
      expect(byName['log-shipping'].valueClass).toBe('commodity');
      expect(byName['feature-flags'].need).toBeNull();
    });

    it('reads the catalog in a fixed number of requests, not one per capability', async () => {
      const { collector, spies } = collectorFor(
        exampleCatalog(),
        () => REFUSED_BASE_URL,
      );
      await collector.collect();
      // capabilities, template-made components, product teams (one page each at this size)
      expect(spies.queryEntities).toHaveBeenCalledTimes(3);
      // parts (2 levels: components and APIs) and the owners of the remaining consumers
      expect(spies.getEntitiesByRefs.mock.calls.length).toBeLessThanOrEqual(4);
      for (const [request] of spies.queryEntities.mock.calls) {
        expect(request!.fields?.length).toBeGreaterThan(0);
      }
      for (const [request] of spies.getEntitiesByRefs.mock.calls) {
        expect(request.fields?.length).toBeGreaterThan(0);
      }
    });

    it('pages through the catalog', async () => {
      const { collector, spies } = collectorFor(
        exampleCatalog(),
        () => REFUSED_BASE_URL,
        { pageSize: 2, batchSize: 3 },
      );
      const facts = await collector.collect();
      expect(facts.capabilities).toHaveLength(9);
      expect(facts.productTeams).toBe(7);
      expect(
        spies.queryEntities.mock.calls.some(
          ([request]) => 'cursor' in request!,
        ),
      ).toBe(true);
      const report = facts.capabilities.find(c =>
        c.entityRef.endsWith('/report-builder'),
      )!;
      expect(report.consumers.teams).toEqual([team('billing')]);
    });

    it('collects one capability with `only`, with the same facts as the full collection', async () => {
      const { collector, spies } = collectorFor(
        exampleCatalog(),
        () => REFUSED_BASE_URL,
      );
      const full = await collector.collect();
      for (const expected of full.capabilities) {
        spies.queryEntities.mockClear();
        spies.getEntitiesByRefs.mockClear();
        const one = await collector.collect({
          only: expected.entityRef.toUpperCase(),
        });
        expect(one.productTeams).toBe(7);
        expect(one.capabilities).toEqual([expected]);
        // a handful of small requests, no entity read by ref
        expect(spies.getEntitiesByRefs).not.toHaveBeenCalled();
        expect(spies.queryEntities.mock.calls.length).toBeLessThanOrEqual(8);
      }
      expect(
        (await collector.collect({ only: 'component:default/flag-service' }))
          .capabilities,
      ).toEqual([]);
    });
  });

  it('does not count a part that uses another part as a consumer, in both ways of collecting', async () => {
    const component = (name: string, owner: string, spec: object = {}) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name },
      spec: { type: 'service', lifecycle: 'production', owner, ...spec },
    });
    const entities = withRelations([
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: {
          name: 'cap',
          annotations: {
            'platform-product.io/capability': 'true',
            'platform-product.io/templates': 'tpl',
          },
        },
        spec: { owner: 'platform' },
      },
      ...['platform', 'team-a', 'team-b', 'team-c', 'team-d'].map(name => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name },
        spec: { type: 'team', children: [] },
      })),
      component('svc', 'platform', {
        system: 'cap',
        providesApis: ['svc-api'],
      }),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: { name: 'svc-api' },
        spec: {
          type: 'openapi',
          lifecycle: 'production',
          owner: 'platform',
          system: 'cap',
          definition: 'x',
        },
      },
      // a part owned by team-a that uses another part: not a use by team-a
      component('lib', 'team-a', {
        system: 'cap',
        dependsOn: ['component:svc'],
      }),
      // a part owned by team-d that uses another part, and a real use by team-d
      component('adapter', 'team-d', {
        system: 'cap',
        consumesApis: ['svc-api'],
      }),
      component('d-app', 'team-d', { dependsOn: ['component:lib'] }),
      // real uses by team-b (through the API) and team-c (made from the template)
      component('b-app', 'team-b', { consumesApis: ['svc-api'] }),
      {
        ...component('c-app', 'team-c'),
        metadata: {
          name: 'c-app',
          annotations: {
            'backstage.io/source-template': 'template:default/tpl',
          },
        },
      },
    ]);
    const { collector } = collectorFor(entities, () => REFUSED_BASE_URL);
    const full = await collector.collect();
    const one = await collector.collect({ only: 'system:default/cap' });
    for (const facts of [full, one]) {
      expect(facts.capabilities[0].consumers.teams).toEqual([
        'group:default/team-b',
        'group:default/team-c',
        'group:default/team-d',
      ]);
      expect(facts.capabilities[0].surface).toBe(5);
    }
  });

  it('applies the capability filter and team types from config', async () => {
    const entities = withRelations([
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'cap-component',
          annotations: { 'platform-product.io/capability': 'true' },
        },
        spec: { owner: 'platform', type: 'service', lifecycle: 'production' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: {
          name: 'cap-system',
          annotations: { 'platform-product.io/capability': 'true' },
        },
        spec: { owner: 'platform' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: {
          name: 'not-a-cap',
          annotations: { 'platform-product.io/capability': 'false' },
        },
        spec: { owner: 'platform' },
      },
      ...['platform', 'squad-a', 'squad-b'].map(name => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name },
        spec: { type: name === 'squad-b' ? 'team' : 'squad', children: [] },
      })),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'user-of-cap' },
        spec: {
          owner: 'squad-a',
          type: 'service',
          lifecycle: 'production',
          dependsOn: ['component:cap-component'],
        },
      },
    ]);
    const { collector } = collectorFor(entities, () => REFUSED_BASE_URL, {
      capabilityFilter: [{ kind: 'component' }],
      teamTypes: ['squad'],
    });
    const facts = await collector.collect();
    expect(facts.capabilities.map(c => c.entityRef)).toEqual([
      'component:default/cap-component',
    ]);
    // squad-a only: the platform group owns a capability, squad-b is a "team"
    expect(facts.productTeams).toBe(1);
    expect(facts.capabilities[0].consumers).toMatchObject({
      teams: ['group:default/squad-a'],
      share: 1,
    });
  });

  describe('with needs-discovery and habit-metrics', () => {
    let server: FakePluginServer;
    afterEach(() => server?.stop());

    const weeks = (active: number[]) =>
      active.map((activeTeams, i) => ({
        week: `2026-W${String(40 + i)}`,
        activeTeams,
        cumulativeAdopters: activeTeams,
        share: activeTeams / 7,
      }));

    it('uses shared needs, named active teams and adoption trends', async () => {
      server = await new FakePluginServer({
        'needs-discovery': path =>
          path === '/needs'
            ? [
                200,
                {
                  items: [
                    {
                      id: 'need-event-streaming',
                      title: 'Event streaming',
                      status: 'in-mvp',
                      shared: true,
                      teams: 4,
                    },
                    { id: 'need-data-access', shared: false, teams: 1 },
                  ],
                },
              ]
            : undefined,
        'habit-metrics': path => {
          if (path === '/adoption') {
            return [
              200,
              {
                capabilities: [
                  {
                    capabilityRef: 'system:default/report-builder',
                    weeks: weeks([1, 1, 1, 1, 3, 3, 3, 3]),
                  },
                ],
              },
            ];
          }
          if (path === '/capabilities/system/default/log-shipping') {
            return [
              200,
              {
                adoption: { weeks: weeks([2, 2, 2, 2, 2, 2, 2, 2]) },
                stickiness: [
                  { week: '2026-W47', activeTeamsLast4Weeks: 6 },
                  { week: '2026-W46', activeTeamsLast4Weeks: 2 },
                ],
              },
            ];
          }
          if (path === '/capabilities/system/default/event-streaming') {
            return [
              200,
              {
                capabilityRef: 'system:default/event-streaming',
                adoption: { weeks: weeks([2, 2, 2, 2, 4, 4, 5, 5]) },
                // mobile is new; the platform team and unknown groups do not count
                activeTeamsLast28Days: [
                  'group:default/mobile',
                  'checkout',
                  'group:default/platform-team',
                  'group:default/nobody',
                ],
              },
            ];
          }
          return undefined;
        },
      }).start();
      const { collector } = collectorFor(exampleCatalog(), id =>
        server.baseUrl(id),
      );
      const facts = await collector.collect();
      expect(facts.sources).toEqual({
        needsDiscovery: true,
        habitMetrics: true,
      });
      const byName = Object.fromEntries(
        facts.capabilities.map(c => [c.entityRef.split('/')[1], c]),
      );
      expect(byName['event-streaming'].need).toEqual({
        id: 'need-event-streaming',
        title: 'Event streaming',
        status: 'in-mvp',
        shared: true,
        teams: 4,
        state: 'shared',
      });
      expect(byName['self-service-data'].need?.state).toBe('not-shared');
      expect(byName['continuous-delivery'].need?.state).toBe('not-found');
      expect(byName['event-streaming'].consumers).toEqual({
        teams: [
          'checkout',
          'customer-portal',
          'fleet-tracking',
          'mobile',
          'warehouse',
        ].map(team),
        count: 5,
        productTeams: 7,
        share: 5 / 7,
        activeLast28Days: 2,
      });
      expect(byName['event-streaming'].adoptionTrend).toBe('growing');
      // no names from habit-metrics: the busiest recent week counts (3 teams), above the catalog's 1
      expect(byName['report-builder'].consumers).toMatchObject({
        teams: [team('billing')],
        count: 3,
        activeLast28Days: 3,
      });
      expect(byName['report-builder'].adoptionTrend).toBe('growing');
      // no names, but distinct teams over the last four weeks (stickiness): the latest count
      expect(byName['log-shipping'].consumers).toMatchObject({
        count: 6,
        activeLast28Days: 6,
      });
      expect(byName['log-shipping'].consumers.teams).toHaveLength(3);
      expect(byName['log-shipping'].adoptionTrend).toBe('flat');
      // known to neither: installed, but no data
      expect(byName['feature-flags'].adoptionTrend).toBeNull();
      expect(byName['feature-flags'].consumers.activeLast28Days).toBe(0);

      // every call carried a plugin token
      expect(server.requests.length).toBeGreaterThan(2);
      for (const request of server.requests) {
        expect(request.authorization).toMatch(/^Bearer /);
      }
    });

    it('treats errors from the other plugins as not installed', async () => {
      server = await new FakePluginServer({
        'needs-discovery': () => [
          500,
          { error: { name: 'Error', message: 'boom' } },
        ],
        'habit-metrics': () => [200, { unexpected: true }],
      }).start();
      const { collector } = collectorFor(exampleCatalog(), id =>
        server.baseUrl(id),
      );
      const facts = await collector.collect();
      expect(facts.sources).toEqual({
        needsDiscovery: false,
        habitMetrics: false,
      });
      expect(facts.capabilities).toHaveLength(9);
    });
  });
});
