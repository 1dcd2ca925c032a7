import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  addWeeks,
  cohortRetention,
  EVENT_KINDS,
  goldenPathShare,
  reversions,
  timeToHabit,
  WeeklyActivity,
  weekStartOf,
} from '@platform-product/plugin-habit-metrics-common';
import { DatabaseHabitStore } from '../database/DatabaseHabitStore';
import { CatalogComponentScanner } from '../ingestion/CatalogComponentScanner';
import { CapabilityIndex } from '../service/CapabilityIndex';
import { component } from '../testing/fixtures';
import { DEMO_SOURCE, DEMO_WEEKS } from './demoHistory';
import { seedDemoData } from './seedDemoData';

jest.setTimeout(120_000);

/** A Wednesday afternoon: the current week is half over. */
const NOW = new Date('2026-11-25T15:00:00Z');
const FROM = addWeeks(weekStartOf(NOW), -(DEMO_WEEKS - 1));
const TO = weekStartOf(NOW);

const group = (name: string, type = 'team'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type, children: [] },
});

const capability = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'platform-product.io/capability': 'true', ...annotations },
  },
  spec: { owner: 'group:default/platform-team', type: 'platform-capability' },
});

const PRODUCT_TEAMS = ['checkout', 'billing', 'mobile', 'search', 'warehouse'];
const REPORTS = 'system:default/reports';

/** A small org: a platform team, five product teams keen on templates to different degrees, five capabilities. */
const smallOrg: Entity[] = [
  group('northwind', 'organization'),
  group('platform-team'),
  ...PRODUCT_TEAMS.map(name => group(name)),
  capability('service-golden-path', {
    'platform-product.io/templates': 'template:default/node-service',
    'platform-product.io/need': 'need-fast-service-setup',
  }),
  capability('event-streaming', {
    'platform-product.io/templates': 'event-consumer, event-producer',
    'platform-product.io/mvp-review-date': '2027-02-15',
  }),
  capability('observability', {
    'platform-product.io/need': 'need-observability',
    'platform-product.io/value-class': 'commodity',
  }),
  capability('feature-flags', {
    'platform-product.io/value-class': 'differentiating',
  }),
  // A commodity nobody asked for: barely touched.
  capability('reports', { 'platform-product.io/value-class': 'commodity' }),
  component('cart', 'checkout', 'template:default/node-service'),
  component('payments', 'checkout', 'template:default/node-service'),
  component('checkout-web', 'checkout'),
  component('ledger', 'billing', 'template:default/event-consumer'),
  component('invoices', 'billing'),
  component('courier-app', 'mobile'),
  component('push-gateway', 'mobile'),
  component('indexer', 'search', 'template:default/node-service'),
  component('stock', 'warehouse'),
];

/** Σ count per key, over the rows that match. */
function totals(
  activity: WeeklyActivity[],
  matches: (row: WeeklyActivity) => boolean,
  key: (row: WeeklyActivity) => string,
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of activity.filter(matches)) {
    sums.set(key(row), (sums.get(key(row)) ?? 0) + row.count);
  }
  return sums;
}

describe('seedDemoData', () => {
  const databases = TestDatabases.create();

  async function setup(
    databaseId: Parameters<typeof databases.init>[0],
    entities: Entity[] = smallOrg,
  ) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseHabitStore.create({
      database: mockServices.database({ knex }),
    });
    const auth = mockServices.auth();
    const logger = mockServices.logger.mock();
    const run = (now = NOW, catalog = catalogServiceMock({ entities })) =>
      seedDemoData({
        store,
        catalog,
        auth,
        logger,
        teamTypes: ['team'],
        reversionStreakWeeks: 3,
        now,
      });
    /** Seeds: the first look only notes the catalog, the second (same catalog) seeds. */
    const seed = async (now = NOW) => {
      expect(await run(now)).toEqual({
        status: 'waiting',
        reason: 'the catalog changed since the last look',
      });
      return run(now);
    };
    return { knex, store, auth, logger, run, seed };
  }

  it.each(databases.eachSupportedId())(
    'seeds a half year that makes every figure meaningful, once and the same every time (%p)',
    async databaseId => {
      const { knex, store, auth, logger, run, seed } = await setup(databaseId);
      const outcome = await seed();
      expect(outcome).toEqual({
        status: 'seeded',
        events: expect.any(Number),
        from: FROM,
        to: TO,
      });
      expect(await run()).toEqual({ status: 'done' });

      // Marked as demo, in the half year up to now, and nothing stored twice.
      const rows: { source: string; idempotency_key: string; at: string }[] =
        await knex('hm_events').select('source', 'idempotency_key', 'at');
      expect(outcome.status === 'seeded' && outcome.events).toBe(rows.length);
      expect(rows.length).toBeGreaterThan(300);
      expect(rows.every(r => r.source === DEMO_SOURCE)).toBe(true);
      expect(rows.every(r => r.idempotency_key.startsWith('demo:'))).toBe(true);
      expect(
        rows.every(
          r =>
            Number(r.at) <= NOW.getTime() &&
            Number(r.at) >= Date.parse(`${FROM}T00:00:00Z`),
        ),
      ).toBe(true);

      const activity = await store.weeklyActivity();
      const range = { from: FROM, to: TO };

      // Golden-path share: new components nearly every week, rising from about a third to about two thirds.
      const share = goldenPathShare(activity, range).weeks;
      expect(share.filter(w => w.share !== null).length).toBeGreaterThanOrEqual(
        20,
      );
      const shareOf = (weeks: typeof share) =>
        weeks.reduce((sum, w) => sum + w.viaTemplate, 0) /
        weeks.reduce((sum, w) => sum + w.newComponents, 0);
      const early = shareOf(share.slice(0, 8));
      const late = shareOf(share.slice(-8));
      expect(early).toBeLessThan(0.5);
      expect(late).toBeGreaterThan(0.55);
      expect(late - early).toBeGreaterThan(0.1);

      // Teams come on board at different times: several retention cohorts.
      const retention = cohortRetention(activity, { asOf: TO });
      expect(retention.cohorts.length).toBeGreaterThanOrEqual(3);

      // One or two teams go back to the old way after a streak.
      const reverted = reversions(activity, { ...range, minStreakWeeks: 3 });
      const revertingTeams = new Set(reverted.teams.map(r => r.teamRef));
      expect(revertingTeams.size).toBeGreaterThanOrEqual(1);
      expect(revertingTeams.size).toBeLessThanOrEqual(2);

      // Some teams make capabilities a habit; the unwanted commodity is barely touched.
      const habits = timeToHabit(activity, { habitWeeks: 4 }).capabilities;
      expect(habits.some(c => c.reached >= 3)).toBe(true);
      const reports = habits.find(c => c.capabilityRef === REPORTS);
      expect(reports?.teams ?? 0).toBeLessThanOrEqual(2);
      expect(reports?.reached ?? 0).toBe(0);
      expect(
        activity
          .filter(r => r.capabilityRef === REPORTS)
          .reduce((sum, r) => sum + r.count, 0),
      ).toBeLessThanOrEqual(4);

      // Every golden-path component comes with the template run that made it, and uses a catalog template.
      const byTemplate = (row: WeeklyActivity) =>
        `${row.teamRef}|${row.week}|${row.templateRef}|${row.capabilityRef}`;
      const runs = totals(
        activity,
        r => r.kind === EVENT_KINDS.templateRun,
        byTemplate,
      );
      const created = totals(
        activity,
        r => r.kind === EVENT_KINDS.componentCreated && r.way === 'new',
        byTemplate,
      );
      expect(runs.size).toBeGreaterThan(0);
      expect(runs).toEqual(created);
      expect(
        new Set(activity.flatMap(r => (r.templateRef ? [r.templateRef] : []))),
      ).toEqual(
        new Set([
          'template:default/node-service',
          'template:default/event-consumer',
          'template:default/event-producer',
        ]),
      );
      // Only teams of the catalog; old-way components name no template or capability.
      expect(new Set(activity.map(r => r.teamRef))).toEqual(
        new Set(
          ['platform-team', ...PRODUCT_TEAMS].map(t => `group:default/${t}`),
        ),
      );
      expect(
        activity
          .filter(r => r.way === 'old')
          .every(
            r =>
              r.kind === EVENT_KINDS.componentCreated &&
              r.templateRef === null &&
              r.capabilityRef === null,
          ),
      ).toBe(true);

      // The demo stores no component: the catalog scan still starts with its baseline.
      const catalog = catalogServiceMock({ entities: smallOrg });
      const scan = await new CatalogComponentScanner({
        catalog,
        auth,
        logger,
        store,
        capabilities: new CapabilityIndex({ catalog, auth, logger }),
      }).run(NOW);
      expect(scan).toEqual(
        expect.objectContaining({ baseline: true, newComponents: 0 }),
      );

      // Same catalog, same week, fresh database: the same history.
      const again = await setup(databaseId);
      await again.seed();
      expect(await again.store.weeklyActivity()).toEqual(activity);
    },
  );

  it('tells the same story relative to the current week, whatever the week', async () => {
    const thisWeek = await setup('SQLITE_3');
    await thisWeek.seed();
    const nextWeek = await setup('SQLITE_3');
    // Monday 00:30 of the next week: the current week has hardly begun, its events are folded into half an hour.
    const later = new Date(`${addWeeks(TO, 1)}T00:30:00Z`);
    await nextWeek.seed(later);
    const shifted = (await thisWeek.store.weeklyActivity()).map(row => ({
      ...row,
      week: addWeeks(row.week, 1),
    }));
    expect(await nextWeek.store.weeklyActivity()).toEqual(shifted);
    const latest = await nextWeek.knex('hm_events').max({ at: 'at' }).first();
    expect(Number(latest?.at)).toBeLessThanOrEqual(later.getTime());
  });

  it('never seeds twice, even when its state is lost', async () => {
    const { knex, run, seed } = await setup('SQLITE_3');
    await seed();
    const count = async () =>
      Number((await knex('hm_events').count({ c: '*' }).first())?.c);
    const seeded = await count();
    await knex('hm_ingestion_state').where({ source: DEMO_SOURCE }).delete();
    // A week later, when the keys of a new history would no longer match the old ones.
    const later = new Date(NOW.getTime() + 7 * 86_400_000);
    expect((await run(later)).status).toBe('waiting');
    expect(await run(later)).toEqual({ status: 'done' });
    expect(await run(later)).toEqual({ status: 'done' });
    expect(await count()).toBe(seeded);
  });

  it('waits while the catalog has no org, and while it is still changing', async () => {
    const { knex, run } = await setup('SQLITE_3', []);
    const empty = catalogServiceMock({ entities: [] });
    const teamsOnly = catalogServiceMock({
      entities: smallOrg.filter(e => e.kind === 'Group'),
    });
    const half = catalogServiceMock({ entities: smallOrg.slice(0, 9) });
    const whole = catalogServiceMock({ entities: smallOrg });
    for (const catalog of [empty, empty, teamsOnly, teamsOnly]) {
      expect(await run(NOW, catalog)).toEqual({
        status: 'waiting',
        reason: expect.stringMatching(/capabilities in use so far$/),
      });
    }
    expect((await run(NOW, half)).status).toBe('waiting');
    expect((await run(NOW, whole)).status).toBe('waiting');
    expect(await knex('hm_events').count({ c: '*' }).first()).toEqual({
      c: 0,
    });
    expect((await run(NOW, whole)).status).toBe('seeded');
  });
});
