import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { exampleCatalog, withRelations } from '../testing/catalog';
import {
  absentFamilies,
  adoptionOf,
  capabilityHabits,
  mockHabitMetrics,
  mockNeedsDiscovery,
  registeredNeed,
} from '../testing/familyServices';
import { CapabilityFactsCollector } from './CapabilityFactsCollector';

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

type CollectorOptions = ConstructorParameters<
  typeof CapabilityFactsCollector
>[0];

/** A collector of the given catalog; needs-discovery and habit-metrics are mocks, not installed by default. */
function collectorFor(
  entities: Entity[],
  families: Pick<
    CollectorOptions,
    'needsDiscovery' | 'habitMetrics'
  > = absentFamilies(),
  overrides: Partial<CollectorOptions> = {},
) {
  const catalog = catalogServiceMock({ entities });
  const auth = mockServices.auth();
  const logger = mockServices.logger.mock();
  const spies = {
    queryEntities: jest.spyOn(catalog, 'queryEntities'),
    getEntitiesByRefs: jest.spyOn(catalog, 'getEntitiesByRefs'),
  };
  const collector = new CapabilityFactsCollector({
    catalog,
    auth,
    logger,
    teamTypes: ['team'],
    ...families,
    ...overrides,
  });
  return { collector, spies, logger };
}

describe('CapabilityFactsCollector', () => {
  describe('on the example catalog without needs-discovery and habit-metrics', () => {
    it('finds every capability, its consumers, surface and annotations', async () => {
      const { collector } = collectorFor(exampleCatalog());
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
        share: 0.1429,
        activeTeams: null,
        source: 'catalog',
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
      const { collector, spies } = collectorFor(exampleCatalog());
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
        absentFamilies(),
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
      const { collector, spies } = collectorFor(exampleCatalog());
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
    const { collector } = collectorFor(entities);
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
    const { collector } = collectorFor(entities, absentFamilies(), {
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
    const EVENT_STREAMING = 'system:default/event-streaming';
    /** habit-metrics' figures of the example capabilities (adopters differ from the catalog's consumers on purpose). */
    const eventStreaming = adoptionOf(EVENT_STREAMING, {
      adopterRefs: [
        'checkout',
        'data-insights',
        'mobile',
        'warehouse',
        'billing',
      ]
        .map(team)
        .sort(),
      activeTeams: 4,
      before: { week: '2026-08-31', adopters: 2, activeTeams: 2 },
      trend: 'growing',
    });
    const reportBuilder = adoptionOf('System:default/Report-Builder', {
      adopterRefs: [team('billing')],
      activeTeams: 0,
      before: { week: '2026-08-31', adopters: 1, activeTeams: 1 },
      trend: 'shrinking',
    });
    const logShipping = adoptionOf('system:default/log-shipping', {
      adopterRefs: ALL_TEAMS.slice(0, 6),
      activeTeams: 6,
      before: { week: '2026-08-31', adopters: 6, activeTeams: 6 },
      trend: 'flat',
    });

    it("shows habit-metrics' figures as they are: adopters N of its M product teams, active teams and trend", async () => {
      const needsDiscovery = mockNeedsDiscovery([
        registeredNeed('need-event-streaming', {
          title: 'Event streaming',
          status: 'in-mvp',
          shared: true,
          teams: 4,
        }),
        registeredNeed('need-data-access', { shared: false, teams: 1 }),
      ]);
      const habitMetrics = mockHabitMetrics({
        adoption: [eventStreaming, reportBuilder, logShipping],
        // Not in the adoption list yet (annotated since habit-metrics read the catalog): asked one by one.
        capabilities: {
          'system:default/feature-flags': capabilityHabits(
            'system:default/feature-flags',
            [],
            {},
            { adopterRefs: [team('mobile')], activeTeams: 1 },
          ),
        },
      });
      const { collector } = collectorFor(exampleCatalog(), {
        needsDiscovery,
        habitMetrics,
      });
      const facts = await collector.collect();
      expect(facts.sources).toEqual({
        needsDiscovery: true,
        habitMetrics: true,
      });
      expect(facts.productTeams).toBe(7);
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

      // habit-metrics' adopters, not the catalog's consumers (checkout, customer-portal, fleet-tracking, warehouse),
      // and not a union of both.
      expect(byName['event-streaming'].consumers).toEqual({
        teams: eventStreaming.figures.adopterRefs,
        count: 5,
        productTeams: 7,
        share: 0.7143,
        activeTeams: 4,
        source: 'habit-metrics',
      });
      expect(byName['event-streaming'].adoptionTrend).toBe('growing');
      // the list's refs match whatever their case
      expect(byName['report-builder'].consumers).toMatchObject({
        count: 1,
        activeTeams: 0,
        source: 'habit-metrics',
      });
      expect(byName['report-builder'].adoptionTrend).toBe('shrinking');
      expect(byName['log-shipping'].consumers).toMatchObject({
        count: 6,
        share: 0.8571,
        activeTeams: 6,
      });
      expect(byName['log-shipping'].adoptionTrend).toBe('flat');
      expect(byName['feature-flags'].consumers).toMatchObject({
        teams: [team('mobile')],
        count: 1,
        activeTeams: 1,
        source: 'habit-metrics',
      });
      // habit-metrics knows nothing of it (no answer): the catalog's consumers, said so, and no trend
      expect(byName['service-golden-path'].consumers).toMatchObject({
        teams: ALL_TEAMS,
        count: 7,
        activeTeams: null,
        source: 'catalog',
      });
      expect(byName['service-golden-path'].adoptionTrend).toBeNull();

      // the registry once, the adoption list once, then only the capabilities the list does not name
      expect(needsDiscovery.listNeeds).toHaveBeenCalledTimes(1);
      expect(habitMetrics.listAdoption).toHaveBeenCalledTimes(1);
      expect(habitMetrics.getCapabilityHabits).toHaveBeenCalledTimes(6);
      expect(habitMetrics.getCapabilityHabits).not.toHaveBeenCalledWith(
        EVENT_STREAMING,
      );
    });

    it('takes M from habit-metrics, e.g. when it counts the owners of capabilities too', async () => {
      const habitMetrics = mockHabitMetrics({
        adoption: [
          adoptionOf(EVENT_STREAMING, {
            productTeams: 8,
            adopterRefs: [team('mobile'), team('platform-team')],
            activeTeams: 2,
          }),
        ],
      });
      const { collector } = collectorFor(exampleCatalog(), {
        needsDiscovery: mockNeedsDiscovery([]),
        habitMetrics,
      });
      const facts = await collector.collect();
      expect(facts.productTeams).toBe(8);
      expect(
        facts.capabilities.find(c => c.entityRef === EVENT_STREAMING)!
          .consumers,
      ).toEqual({
        teams: [team('mobile'), team('platform-team')],
        count: 2,
        productTeams: 8,
        share: 0.25,
        activeTeams: 2,
        source: 'habit-metrics',
      });
    });

    it('collects one capability with `only` from its habit-metrics answer, with the same facts as the full collection', async () => {
      const habitMetrics = mockHabitMetrics({
        adoption: [eventStreaming],
        capabilities: {
          [EVENT_STREAMING]: {
            ...capabilityHabits(EVENT_STREAMING, []),
            adoption: eventStreaming,
          },
        },
      });
      const { collector } = collectorFor(exampleCatalog(), {
        needsDiscovery: mockNeedsDiscovery([]),
        habitMetrics,
      });
      const full = await collector.collect();
      habitMetrics.listAdoption.mockClear();
      const one = await collector.collect({ only: EVENT_STREAMING });
      expect(habitMetrics.listAdoption).not.toHaveBeenCalled();
      expect(one.productTeams).toBe(full.productTeams);
      expect(one.sources).toEqual(full.sources);
      expect(one.capabilities).toEqual(
        full.capabilities.filter(c => c.entityRef === EVENT_STREAMING),
      );
    });

    it('treats errors from the other plugins as not installed, and logs why', async () => {
      const needsDiscovery = mockNeedsDiscovery([]);
      needsDiscovery.listNeeds.mockRejectedValue(
        new Error('needs-discovery could not list needs: boom (HTTP 500)'),
      );
      const habitMetrics = mockHabitMetrics({ adoption: [] });
      habitMetrics.listAdoption.mockRejectedValue(
        new Error(
          'habit-metrics could not read the adoption of the capabilities: it gave an answer of an unexpected shape',
        ),
      );
      const { collector, logger } = collectorFor(exampleCatalog(), {
        needsDiscovery,
        habitMetrics,
      });
      const facts = await collector.collect();
      expect(facts.sources).toEqual({
        needsDiscovery: false,
        habitMetrics: false,
      });
      expect(facts.capabilities).toHaveLength(9);
      for (const capability of facts.capabilities) {
        expect(capability.consumers.source).toBe('catalog');
        expect(capability.adoptionTrend).toBeNull();
      }
      expect(habitMetrics.getCapabilityHabits).not.toHaveBeenCalled();
      expect(logger.info).toHaveBeenCalledWith(
        'Scorecard without needs-discovery: needs-discovery could not list needs: boom (HTTP 500)',
      );
      expect(logger.info).toHaveBeenCalledWith(
        'Scorecard without habit-metrics: habit-metrics could not read the adoption of the capabilities: it gave an answer of an unexpected shape',
      );
    });

    it('falls back to the catalog for a capability whose figures do not know the product teams', async () => {
      const habitMetrics = mockHabitMetrics({
        adoption: [
          adoptionOf('system:default/report-builder', {
            productTeams: null,
            adopterRefs: [team('billing'), team('mobile')],
          }),
        ],
      });
      habitMetrics.getCapabilityHabits.mockRejectedValue(
        new Error('habit-metrics did not answer in time'),
      );
      const { collector } = collectorFor(exampleCatalog(), {
        needsDiscovery: mockNeedsDiscovery([]),
        habitMetrics,
      });
      const facts = await collector.collect();
      expect(facts.sources.habitMetrics).toBe(true);
      expect(facts.productTeams).toBe(7);
      const report = facts.capabilities.find(c =>
        c.entityRef.endsWith('/report-builder'),
      )!;
      expect(report.consumers).toEqual({
        teams: [team('billing')],
        count: 1,
        productTeams: 7,
        share: 0.1429,
        activeTeams: null,
        source: 'catalog',
      });
      expect(report.adoptionTrend).toBeNull();
    });
  });
});
