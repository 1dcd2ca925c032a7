import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import habitMetricsPlugin from '@platform-product/plugin-habit-metrics-backend';
import thinnessScorecardPlugin from '@platform-product/plugin-thinness-scorecard-backend';
import {
  capturingScheduler,
  databasePerPlugin,
  exampleEntities,
  pluginDatabases,
} from './__testUtils__/exampleBackend';

// One definition of each shared figure (README, "Definitions"): on the example catalog with the habit-metrics demo
// seeded, the thinness scorecard's "used by N of M product teams", its active teams and its trend are habit-metrics'
// figures, capability by capability, on every database. Both plugins run in one backend and talk over HTTP, as in the
// example instance.

jest.setTimeout(180_000);

interface Figures {
  week: string;
  productTeams: number | null;
  adopters: number;
  adopterRefs: string[];
  share: number | null;
  activeTeams: number;
  trend: string;
}

describe('shared figures: the thinness scorecard shows habit-metrics’ figures', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'on the seeded example data (%p)',
    async databaseId => {
      // Each plugin its own database, as in the example backend.
      const knexes = await pluginDatabases(databases, databaseId, [
        'habit-metrics',
        'thinness-scorecard',
      ]);
      const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
      const backend = await startTestBackend({
        features: [
          habitMetricsPlugin,
          thinnessScorecardPlugin,
          databasePerPlugin(knexes),
          mockServices.rootConfig.factory({
            data: {
              habitMetrics: {
                demoData: true,
                ingestion: {
                  scaffolder: { enabled: false },
                  catalog: { enabled: false },
                },
              },
              thinnessScorecard: { notifyOverdueReviews: false },
            },
          }),
          catalogServiceMock.factory({ entities: exampleEntities() }),
          capturingScheduler(tasks),
        ],
      });
      const base = `http://localhost:${backend.server.port()}/api`;
      const get = async (path: string) => {
        const response = await fetch(`${base}${path}`, {
          headers: { Authorization: mockCredentials.service.header() },
        });
        expect({ path, status: response.status }).toEqual({
          path,
          status: 200,
        });
        return response.json();
      };

      // The demo seeds once two looks at the catalog agree: the first look, then the seed.
      for (let look = 0; look < 3; look++) {
        await tasks
          .get('habit-metrics-demo-data')!
          .fn(new AbortController().signal);
      }
      expect((await get('/habit-metrics/summary')).hasActivity).toBe(true);

      // Product teams: the 8 groups of type team less platform-team, which owns the capabilities.
      const summary = await get('/habit-metrics/summary');
      expect(summary.teams).toBe(7);

      const habits = new Map<string, Figures>(
        (await get('/habit-metrics/adoption')).capabilities.map(
          (adoption: { capabilityRef: string; figures: Figures }) => [
            adoption.capabilityRef,
            adoption.figures,
          ],
        ),
      );
      const scorecard = await get('/thinness-scorecard/scorecard');
      expect(scorecard.sources.habitMetrics).toBe(true);
      expect(scorecard.productTeams).toBe(summary.teams);
      expect(scorecard.capabilities).toHaveLength(9);

      for (const capability of scorecard.capabilities) {
        const figures = habits.get(capability.entityRef.toLowerCase())!;
        expect(figures).toBeDefined();
        // "used by N of M product teams", the teams active in the last 4 weeks and the 12-week trend
        expect({
          ref: capability.entityRef,
          teams: capability.consumers.teams,
          count: capability.consumers.count,
          productTeams: capability.consumers.productTeams,
          share: capability.consumers.share,
          activeTeams: capability.consumers.activeTeams,
          source: capability.consumers.source,
          trend: capability.adoptionTrend,
        }).toEqual({
          ref: capability.entityRef,
          teams: figures.adopterRefs,
          count: figures.adopters,
          productTeams: figures.productTeams,
          share: figures.share,
          activeTeams: figures.activeTeams,
          source: 'habit-metrics',
          trend: figures.trend,
        });
        expect(capability.consumers.teams).not.toContain(
          'group:default/platform-team',
        );
        expect(capability.reasons.join(' ')).toContain(
          `${figures.adopters} of ${figures.productTeams} product teams`,
        );
      }
      // The demo's adoption grew over the last 12 weeks: not every capability is flat.
      expect(
        scorecard.capabilities.filter(
          (c: { adoptionTrend: string }) => c.adoptionTrend === 'growing',
        ).length,
      ).toBeGreaterThan(0);
      // Teams use the golden paths every week: some are active now.
      expect(
        Math.max(
          ...scorecard.capabilities.map(
            (c: { consumers: { activeTeams: number } }) =>
              c.consumers.activeTeams,
          ),
        ),
      ).toBeGreaterThan(0);

      // The example keeps its candidate for disposal: report-builder, touched by one product team once, is below
      // the adoption floor on habit-metrics' figures too.
      const reportBuilder = scorecard.capabilities.find(
        (c: { entityRef: string }) =>
          c.entityRef === 'system:default/report-builder',
      );
      expect(reportBuilder?.verdict).toBe('dispose');

      // One capability's page: the scorecard card and the habit-metrics card read the same figures.
      const eventStreaming = await get(
        '/thinness-scorecard/capabilities/system/default/event-streaming?refresh=true',
      );
      const habitsOfEventStreaming = await get(
        '/habit-metrics/capabilities/system/default/event-streaming',
      );
      const figures: Figures = habitsOfEventStreaming.adoption.figures;
      expect(figures).toEqual(habits.get('system:default/event-streaming'));
      expect(eventStreaming.capability.consumers).toMatchObject({
        count: figures.adopters,
        productTeams: figures.productTeams,
        activeTeams: figures.activeTeams,
        source: 'habit-metrics',
      });
      expect(eventStreaming.capability.adoptionTrend).toBe(figures.trend);
      await backend.stop();
    },
  );
});
