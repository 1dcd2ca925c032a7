import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Scorecard } from '@platform-product/plugin-thinness-scorecard-common';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { StoredSnapshot } from './ScorecardStore';

jest.setTimeout(60_000);

const scorecard = (computedAt: string, score = 70): Scorecard => ({
  score,
  notScored: null,
  subscores: [],
  capabilities: [],
  computedAt,
  productTeams: 7,
  adoptingTeams: 5,
  sources: { needsDiscovery: true, habitMetrics: false },
  rules: { adoptionFloor: 0.2, investAdoption: 0.5, graceDays: 90 },
  verdicts: { keep: 1, invest: 0, outsource: 0, dispose: 0, review: 0 },
});

const snapshot = (
  period: string,
  overrides: Partial<StoredSnapshot> = {},
): StoredSnapshot => ({
  period,
  score: 61,
  subscores: [
    { id: 'needCoverage', value: 50 },
    { id: 'adoption', value: 75 },
  ],
  verdicts: { keep: 2, invest: 1, outsource: 0, dispose: 1, review: 0 },
  capabilities: 4,
  adoptingTeams: 6,
  demo: false,
  capabilityVerdicts: {
    'system:default/a': 'keep',
    'system:default/b': 'dispose',
  },
  ...overrides,
});

describe('DatabaseScorecardStore', () => {
  const databases = TestDatabases.create();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    return { store, knex };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('keeps the latest scorecard and replaces it only when unchanged', async () => {
      const { store } = await createStore(databaseId);
      expect(await store.getLatest()).toBeUndefined();
      const first = scorecard('2026-11-27T10:00:00.000Z');
      await store.saveLatest(first);
      expect(await store.getLatest()).toEqual(first);

      const second = scorecard('2026-11-27T11:00:00.000Z', 72);
      await store.saveLatest(second);
      expect((await store.getLatest())?.score).toBe(72);

      const third = scorecard('2026-11-27T12:00:00.000Z', 80);
      expect(
        await store.replaceLatestIf(third, '2026-11-27T10:00:00.000Z'),
      ).toBe(false);
      expect((await store.getLatest())?.score).toBe(72);
      expect(
        await store.replaceLatestIf(third, '2026-11-27T11:00:00.000Z'),
      ).toBe(true);
      expect(await store.getLatest()).toEqual(third);
    });

    it('records first-seen times once and backdates them on request', async () => {
      const { store } = await createStore(databaseId);
      const day1 = new Date('2026-11-01T00:00:00.000Z');
      const day2 = new Date('2026-11-20T00:00:00.000Z');
      const first = await store.recordFirstSeen(
        ['system:default/a', 'system:default/b'],
        day1,
      );
      expect(Object.fromEntries(first)).toEqual({
        'system:default/a': day1.toISOString(),
        'system:default/b': day1.toISOString(),
      });
      const second = await store.recordFirstSeen(
        ['system:default/b', 'system:default/c', 'system:default/c'],
        day2,
      );
      expect(Object.fromEntries(second)).toEqual({
        'system:default/b': day1.toISOString(),
        'system:default/c': day2.toISOString(),
      });
      const early = new Date('2026-09-01T00:00:00.000Z');
      await store.backdateFirstSeen(
        new Map([
          ['system:default/c', early],
          // later than the stored time: left alone
          ['system:default/a', day2],
          ['system:default/new', early],
        ]),
      );
      const after = await store.recordFirstSeen(
        ['system:default/a', 'system:default/c', 'system:default/new'],
        day2,
      );
      expect(Object.fromEntries(after)).toEqual({
        'system:default/a': day1.toISOString(),
        'system:default/c': early.toISOString(),
        'system:default/new': early.toISOString(),
      });
    });

    it('records many first-seen times in batches', async () => {
      const { store } = await createStore(databaseId);
      const refs = Array.from(
        { length: 450 },
        (_, i) => `system:default/cap-${i}`,
      );
      const seen = await store.recordFirstSeen(refs, new Date());
      expect(seen.size).toBe(450);
    });

    it('keeps one snapshot per period and lists them oldest first', async () => {
      const { store } = await createStore(databaseId);
      expect(await store.insertSnapshot(snapshot('2026-11-26'))).toBe(true);
      expect(
        await store.insertSnapshot(snapshot('2026-11-26', { score: 99 })),
      ).toBe(false);
      expect(await store.insertSnapshot(snapshot('2026-11-24'))).toBe(true);
      expect(await store.hasSnapshot('2026-11-26')).toBe(true);
      expect(await store.hasSnapshot('2026-11-25')).toBe(false);

      const all = await store.listSnapshots({ fromPeriod: '2026-01-01' });
      expect(all.map(s => [s.period, s.score])).toEqual([
        ['2026-11-24', 61],
        ['2026-11-26', 61],
      ]);
      expect(all[1]).toEqual(snapshot('2026-11-26'));
      expect(
        (
          await store.listSnapshots({
            fromPeriod: '2026-11-25',
            toPeriod: '2026-11-26',
          })
        ).map(s => s.period),
      ).toEqual(['2026-11-26']);
    });

    it('inserts demo snapshots only where there is none', async () => {
      const { store } = await createStore(databaseId);
      expect(await store.hasDemoSnapshots()).toBe(false);
      await store.insertSnapshot(snapshot('2026-11-25', { score: 40 }));
      const demo = ['2026-11-24', '2026-11-25', '2026-11-26'].map(period =>
        snapshot(period, { demo: true, score: 10 }),
      );
      expect(await store.insertSnapshotsIfAbsent(demo)).toBe(2);
      expect(await store.insertSnapshotsIfAbsent(demo)).toBe(0);
      expect(await store.hasDemoSnapshots()).toBe(true);
      const all = await store.listSnapshots({ fromPeriod: '2026-11-01' });
      expect(all.map(s => [s.period, s.score, s.demo])).toEqual([
        ['2026-11-24', 10, true],
        ['2026-11-25', 40, false],
        ['2026-11-26', 10, true],
      ]);
    });

    it("lists one capability's verdicts", async () => {
      const { store } = await createStore(databaseId);
      await store.insertSnapshot(snapshot('2026-11-20'));
      await store.insertSnapshot(
        snapshot('2026-11-21', {
          capabilityVerdicts: { 'system:default/b': 'review' },
        }),
      );
      await store.insertSnapshot(
        snapshot('2026-11-22', {
          demo: true,
          capabilityVerdicts: { 'system:default/a': 'invest' },
        }),
      );
      expect(
        await store.listCapabilityVerdicts('system:default/a', '2026-11-01'),
      ).toEqual([
        { period: '2026-11-20', verdict: 'keep', demo: false },
        { period: '2026-11-22', verdict: 'invest', demo: true },
      ]);
      expect(
        await store.listCapabilityVerdicts('system:default/b', '2026-11-21'),
      ).toEqual([{ period: '2026-11-21', verdict: 'review', demo: false }]);
    });

    it('claims each overdue review notification once', async () => {
      const { store } = await createStore(databaseId);
      const claims = await Promise.all([
        store.claimReviewNotification('system:default/a', '2026-09-30'),
        store.claimReviewNotification('system:default/a', '2026-09-30'),
        store.claimReviewNotification('system:default/a', '2026-09-30'),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      // a new review date is a new review
      expect(
        await store.claimReviewNotification('system:default/a', '2026-12-31'),
      ).toBe(true);
    });
  });
});
