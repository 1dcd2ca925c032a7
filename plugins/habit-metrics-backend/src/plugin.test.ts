import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { habitMetricsPlugin } from './plugin';
import { orgEntities } from './testing/fixtures';

describe('habitMetricsPlugin', () => {
  async function start(config: object) {
    const scheduler = mockServices.scheduler.mock();
    await startTestBackend({
      features: [
        habitMetricsPlugin,
        scheduler.factory,
        mockServices.rootConfig.factory({ data: config }),
        catalogServiceMock.factory({ entities: orgEntities }),
      ],
    });
    return scheduler.scheduleTask.mock.calls.map(([task]) => task);
  }

  it('schedules both ingestors once across replicas, at the configured frequency', async () => {
    const tasks = await start({
      habitMetrics: { ingestion: { catalog: { frequencyMinutes: 60 } } },
    });
    expect(tasks).toEqual([
      expect.objectContaining({
        id: 'habit-metrics-scaffolder-tasks',
        scope: 'global',
        frequency: { minutes: 5 },
      }),
      expect.objectContaining({
        id: 'habit-metrics-catalog-components',
        scope: 'global',
        frequency: { minutes: 60 },
      }),
      expect.objectContaining({
        id: 'habit-metrics-campaign-notifications',
        scope: 'global',
        frequency: { hours: 1 },
      }),
    ]);
  });

  it('seeds demo data only when habitMetrics.demoData is on, once across replicas', async () => {
    expect((await start({})).map(t => t.id)).not.toContain(
      'habit-metrics-demo-data',
    );
    const tasks = await start({ habitMetrics: { demoData: true } });
    expect(tasks).toContainEqual(
      expect.objectContaining({
        id: 'habit-metrics-demo-data',
        scope: 'global',
        frequency: { seconds: 20 },
      }),
    );
  });

  it('leaves out a disabled source', async () => {
    const tasks = await start({
      habitMetrics: { ingestion: { scaffolder: { enabled: false } } },
    });
    expect(tasks.map(t => t.id)).toEqual([
      'habit-metrics-catalog-components',
      'habit-metrics-campaign-notifications',
    ]);
  });
});
