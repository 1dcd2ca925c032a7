import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  buildScorecard,
  DEFAULT_SCORE_WEIGHTS,
  DEFAULT_VERDICT_RULES,
  Scorecard,
  utcDay,
} from '@platform-product/plugin-thinness-scorecard-common';
import request from 'supertest';
import { DatabaseScorecardStore } from '../database/DatabaseScorecardStore';
import { DEMO_TASK_ID, SNAPSHOT_TASK_ID } from '../plugin';
import { CapabilityFactsCollector } from '../service/CapabilityFactsCollector';
import { snapshotOf } from '../service/ScorecardService';
import { as, READER, startScorecardBackend } from '../testing/backend';
import { exampleCatalog } from '../testing/catalog';
import { absentFamilies } from '../testing/familyServices';
import { REFUSED_BASE_URL } from '../testing/fakePlugins';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  buildDemoHistory,
  DEMO_HISTORY_DAYS,
  seedDemoHistory,
} from './seedDemoHistory';

jest.setTimeout(120_000);

const now = new Date('2026-11-27T06:00:00Z');
const DAY_MS = 86_400_000;

/** Today's scorecard of the example catalog (no needs-discovery, no habit-metrics). */
async function exampleScorecard(): Promise<Scorecard> {
  const collected = await new CapabilityFactsCollector({
    catalog: catalogServiceMock({ entities: exampleCatalog() }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    teamTypes: ['team'],
    ...absentFamilies(),
  }).collect();
  return buildScorecard(
    collected.capabilities.map(c => ({
      ...c,
      firstSeenAt: now.toISOString(),
    })),
    {
      rules: DEFAULT_VERDICT_RULES,
      weights: DEFAULT_SCORE_WEIGHTS,
      surfacePerTeamTarget: 3,
      productTeams: collected.productTeams,
      sources: collected.sources,
      history: [],
      now,
    },
  );
}

describe('demo history', () => {
  let scorecard: Scorecard;
  beforeAll(async () => {
    scorecard = await exampleScorecard();
  });

  it('covers the 84 days before today, deterministically, marked demo', () => {
    const options = {
      rules: DEFAULT_VERDICT_RULES,
      weights: DEFAULT_SCORE_WEIGHTS,
      now,
    };
    const history = buildDemoHistory(scorecard, options);
    expect(history).toHaveLength(DEMO_HISTORY_DAYS);
    expect(history[0].period).toBe(
      utcDay(new Date(now.getTime() - 84 * DAY_MS)),
    );
    expect(history[83].period).toBe('2026-11-26');
    history.forEach((point, i) => {
      expect(point.period).toBe(
        utcDay(new Date(now.getTime() - (84 - i) * DAY_MS)),
      );
      expect(point.demo).toBe(true);
      expect(point.score).toBeGreaterThanOrEqual(0);
      expect(point.score).toBeLessThanOrEqual(100);
    });
    expect(buildDemoHistory(scorecard, options)).toEqual(history);

    // The score climbs about 10 points to today's.
    const today = scorecard.score!;
    expect(history[0].score).toBeLessThanOrEqual(today - 6);
    expect(history[0].score).toBeGreaterThanOrEqual(today - 14);
    expect(Math.abs(history[83].score - today)).toBeLessThanOrEqual(2);

    // One capability (an experimental one not due for review) arrived six weeks ago.
    expect(history[0].capabilities).toBe(8);
    expect(history[83].capabilities).toBe(9);
    expect(history.filter(p => p.capabilities === 8)).toHaveLength(42);
    expect(history[0].capabilityVerdicts).not.toHaveProperty(
      'system:default/event-streaming',
    );

    // Preview environments' review date (2026-09-30) passed during the demo period.
    const preview = history.map(
      p => p.capabilityVerdicts['system:default/preview-environments'],
    );
    const reviewFrom = history.findIndex(p => p.period === '2026-10-01');
    expect(preview[reviewFrom]).toBe('review');
    expect(preview[reviewFrom - 2]).not.toBe('review');
    for (const point of history) {
      expect(Object.values(point.verdicts).reduce((sum, n) => sum + n, 0)).toBe(
        point.capabilities,
      );
    }
  });

  it('has no history to pretend for a platform without capabilities', () => {
    const empty = buildScorecard([], {
      rules: DEFAULT_VERDICT_RULES,
      weights: DEFAULT_SCORE_WEIGHTS,
      surfacePerTeamTarget: 3,
      productTeams: 7,
      sources: { needsDiscovery: false, habitMetrics: false },
      history: [],
      now,
    });
    expect(empty.score).toBeNull();
    expect(
      buildDemoHistory(empty, {
        rules: DEFAULT_VERDICT_RULES,
        weights: DEFAULT_SCORE_WEIGHTS,
        now,
      }),
    ).toEqual([]);
    expect(snapshotOf(empty, '2026-11-27')).toBeNull();
  });

  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('is seeded once, backdates first-seen dates and never replaces real snapshots', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    const logger = mockServices.logger.mock();
    // A real snapshot 10 days ago
    const real = snapshotOf(
      scorecard,
      utcDay(new Date(now.getTime() - 10 * DAY_MS)),
    )!;
    await store.insertSnapshot({ ...real, score: 1 });
    const options = {
      store,
      scorecard,
      rules: DEFAULT_VERDICT_RULES,
      weights: DEFAULT_SCORE_WEIGHTS,
      logger,
      now,
    };
    expect(await seedDemoHistory(options)).toBe(83);
    expect(await seedDemoHistory(options)).toBe(0);
    const all = await store.listSnapshots({ fromPeriod: '2000-01-01' });
    expect(all).toHaveLength(84);
    expect(all.find(s => s.period === real.period)).toMatchObject({
      score: 1,
      demo: false,
    });
    const firstSeen = await store.recordFirstSeen(
      ['system:default/report-builder', 'system:default/event-streaming'],
      now,
    );
    expect(firstSeen.get('system:default/report-builder')).toBe(
      new Date(now.getTime() - 84 * DAY_MS).toISOString(),
    );
    expect(firstSeen.get('system:default/event-streaming')).toBe(
      new Date(now.getTime() - 42 * DAY_MS).toISOString(),
    );
  });

  it('runs in the example instance when demoData is on', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server, runTask } = await startScorecardBackend({
      knex,
      entities: exampleCatalog(),
      baseUrl: () => REFUSED_BASE_URL,
      config: { demoData: true },
    });
    // Before the demo exists the daily task leaves the first snapshot to the demo task.
    await runTask(SNAPSHOT_TASK_ID);
    expect(await knex('ts_snapshots').count({ n: '*' })).toEqual([{ n: 0 }]);
    // The first run sees the scorecard, the second finds it settled and seeds; later runs do nothing.
    await runTask(DEMO_TASK_ID);
    expect(await knex('ts_snapshots').count({ n: '*' })).toEqual([{ n: 0 }]);
    await runTask(DEMO_TASK_ID);
    await runTask(DEMO_TASK_ID);
    await runTask(SNAPSHOT_TASK_ID);
    const history = (
      await request(server)
        .get('/api/thinness-scorecard/scorecard/history')
        .set(as(READER))
    ).body;
    expect(history.items).toHaveLength(85);
    expect(history.items.filter((p: { demo: boolean }) => p.demo)).toHaveLength(
      84,
    );
    expect(history.items[84]).toMatchObject({
      period: utcDay(new Date()),
      demo: false,
    });
    const latest = (
      await request(server)
        .get('/api/thinness-scorecard/scorecard')
        .set(as(READER))
    ).body as Scorecard;
    const growth = latest.subscores.find(s => s.id === 'growthBalance')!;
    expect(growth.inputs[0]).toMatchObject({
      id: 'baseline',
      value: utcDay(new Date(Date.now() - 84 * DAY_MS)),
    });
  });
});
