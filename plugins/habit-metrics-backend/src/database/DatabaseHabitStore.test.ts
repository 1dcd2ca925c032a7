import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  aggregateEvents,
  compareWeeklyActivity,
  TeamActivityEvent,
  Way,
  WeeklyActivity,
} from '@platform-product/plugin-habit-metrics-common';
import { DatabaseHabitStore } from './DatabaseHabitStore';
import {
  ActivityFilter,
  ActivityShape,
  MERGED_KIND,
  NewHabitEvent,
} from './HabitStore';

jest.setTimeout(60_000);

const teams = [
  'group:default/checkout',
  'group:default/billing',
  'group:default/mobile',
];
const capabilities = [
  'system:default/service-golden-path',
  'system:default/event-streaming',
  null,
];
const templates = [
  'template:default/node-service',
  'template:default/event-consumer',
  null,
];
const kinds = ['template-run', 'component-created', 'capability-view'];
const start = Date.parse('2025-12-29T00:00:00Z');

/** Deterministic pseudo-random events spread over ten weeks, some for two teams, some sharing keys. */
function generateEvents(count: number): NewHabitEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const pick = <T>(list: readonly T[], salt: number) =>
      list[(i * 7 + salt * 5 + Math.floor(i / 3)) % list.length];
    return {
      source: pick(['scaffolder', 'analytics', 'ci'], 1),
      kind: pick(kinds, 2),
      way: pick<Way>(['new', 'new', 'old'], 3),
      capabilityRef: pick(capabilities, 4),
      templateRef: pick(templates, 5),
      teamRefs: i % 5 === 0 ? [teams[0], teams[1]] : [pick(teams, 6)],
      // Spread over 70 days, hitting Sunday 23:59 and Monday 00:00 boundaries now and then.
      at: new Date(
        start + ((i * 37) % 70) * 86_400_000 + (i % 4 === 0 ? -60_000 : 0),
      ),
      idempotencyKey: i % 3 === 0 ? null : `key-${i % 40}`,
    };
  });
}

/** The rows the store should have kept: one per team, the first of each (key, team), as the reference sees them. */
function expectedRows(events: NewHabitEvent[]): TeamActivityEvent[] {
  const seen = new Set<string>();
  const rows: TeamActivityEvent[] = [];
  for (const event of events) {
    for (const teamRef of event.teamRefs) {
      if (event.idempotencyKey) {
        const key = `${event.idempotencyKey}|${teamRef}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      rows.push({
        teamRef,
        at: event.at,
        capabilityRef: event.capabilityRef,
        templateRef: event.templateRef,
        kind: event.kind,
        way: event.way,
      });
    }
  }
  return rows;
}

const event = (overrides: Partial<NewHabitEvent> = {}): NewHabitEvent => ({
  source: 'ci',
  kind: 'template-run',
  way: 'new',
  capabilityRef: 'system:default/service-golden-path',
  templateRef: null,
  teamRefs: [teams[0]],
  at: new Date('2026-01-07T10:00:00Z'),
  idempotencyKey: null,
  ...overrides,
});

describe('DatabaseHabitStore', () => {
  const databases = TestDatabases.create();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseHabitStore.create({
      database: mockServices.database({ knex }),
    });
    return { store, knex };
  }

  const countRows = async (knex: any, table = 'hm_events') =>
    Number((await knex(table).count({ c: '*' }).first())?.c);

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('aggregates weekly activity in SQL exactly as the in-memory reference', async () => {
      const { store } = await createStore(databaseId);
      const events = generateEvents(400);
      // In three batches, so keys repeat both within a batch and across batches.
      for (const part of [
        events.slice(0, 150),
        events.slice(150, 151),
        events.slice(151),
      ]) {
        await store.recordEvents(part);
      }
      const kept = expectedRows(events);
      const reference = aggregateEvents(kept);
      // The generated set exercises grouping, two-team events and replays.
      expect(reference.length).toBeGreaterThan(50);
      expect(reference.some(row => row.count > 1)).toBe(true);
      expect(kept.length).toBeLessThan(
        events.reduce((sum, e) => sum + e.teamRefs.length, 0),
      );
      const activity = await store.weeklyActivity();
      expect(activity).toEqual(reference);
      activity.forEach(row => expect(typeof row.count).toBe('number'));

      // Each filter is the same as filtering the reference.
      const filters = [
        { from: '2026-01-12', to: '2026-02-02' },
        { teamRef: teams[1] },
        { capabilityRef: 'system:default/event-streaming' },
        { templateRef: 'template:default/node-service' },
        { kinds: ['component-created', 'capability-view'] },
      ];
      for (const filter of filters) {
        const expected = reference.filter(
          row =>
            (!('from' in filter) || row.week >= filter.from!) &&
            (!('to' in filter) || row.week <= filter.to!) &&
            (!('teamRef' in filter) || row.teamRef === filter.teamRef) &&
            (!('capabilityRef' in filter) ||
              row.capabilityRef === filter.capabilityRef) &&
            (!('templateRef' in filter) ||
              row.templateRef === filter.templateRef) &&
            (!('kinds' in filter) || filter.kinds!.includes(row.kind)),
        );
        expect({ filter, rows: await store.weeklyActivity(filter) }).toEqual({
          filter,
          rows: expected,
        });
      }
    });

    it('merges the columns a query leaves out, and filters by way, excluded kinds and capability', async () => {
      const { store } = await createStore(databaseId);
      await store.recordEvents(generateEvents(400));
      const full = await store.weeklyActivity();
      const cases: [ActivityFilter, ActivityShape][] = [
        [{ way: 'new', excludeKinds: ['capability-view'] }, { by: [] }],
        [{ withCapability: true, way: 'new' }, { by: ['capabilityRef'] }],
        [{ kinds: ['component-created'] }, { by: ['way'] }],
        [{ excludeKinds: ['template-run'] }, { by: ['way'] }],
        [
          { capabilityRef: 'system:default/event-streaming', way: 'old' },
          { by: [] },
        ],
        [
          { templateRef: 'template:default/node-service', teamRef: teams[0] },
          { by: ['kind'] },
        ],
        [{ to: '2026-01-26' }, { by: ['capabilityRef', 'kind', 'way'] }],
      ];
      for (const [filter, shape] of cases) {
        const by = new Set(shape.by);
        const merged = new Map<string, WeeklyActivity>();
        for (const row of full) {
          if (
            (filter.to && row.week > filter.to) ||
            (filter.teamRef && row.teamRef !== filter.teamRef) ||
            (filter.capabilityRef &&
              row.capabilityRef !== filter.capabilityRef) ||
            (filter.templateRef && row.templateRef !== filter.templateRef) ||
            (filter.withCapability && row.capabilityRef === null) ||
            (filter.kinds && !filter.kinds.includes(row.kind)) ||
            filter.excludeKinds?.includes(row.kind) ||
            (filter.way && row.way !== filter.way)
          ) {
            continue;
          }
          let kind = filter.kinds?.length === 1 ? filter.kinds[0] : MERGED_KIND;
          if (by.has('kind')) kind = row.kind;
          const shaped: WeeklyActivity = {
            ...row,
            capabilityRef: by.has('capabilityRef')
              ? row.capabilityRef
              : filter.capabilityRef ?? null,
            templateRef: by.has('templateRef')
              ? row.templateRef
              : filter.templateRef ?? null,
            kind,
          };
          const key = JSON.stringify({ ...shaped, count: 0 });
          const known = merged.get(key);
          if (known) known.count += row.count;
          else merged.set(key, { ...shaped });
        }
        const expected = [...merged.values()].sort(compareWeeklyActivity);
        expect(expected.length).toBeGreaterThan(0);
        expect({
          filter,
          shape,
          rows: await store.weeklyActivity(filter, shape),
        }).toEqual({
          filter,
          shape,
          rows: expected,
        });
        const unsorted = await store.weeklyActivity(filter, {
          ...shape,
          sorted: false,
        });
        expect([...unsorted].sort(compareWeeklyActivity)).toEqual(expected);
      }
    });

    it('stores an event of two teams as one row per team, without any user ref', async () => {
      const { store, knex } = await createStore(databaseId);
      const result = await store.recordEvents([
        event({ teamRefs: [teams[0], teams[1], teams[0]] }),
      ]);
      expect(result).toEqual({ accepted: 1, duplicates: 0 });
      const rows = await knex('hm_events').orderBy('team_ref');
      expect(rows.map(r => r.team_ref)).toEqual([teams[1], teams[0]]);
      expect(rows[0]).toMatchObject({
        week: '2026-01-05',
        way: 'new',
        capability_ref: 'system:default/service-golden-path',
        template_ref: null,
        idempotency_key: null,
      });
      expect(Number(rows[0].at)).toBe(Date.parse('2026-01-07T10:00:00Z'));
      expect(JSON.stringify(rows)).not.toMatch(/user:/);
    });

    it('drops replayed idempotency keys, within a batch and across batches', async () => {
      const { store, knex } = await createStore(databaseId);
      const keyed = event({
        idempotencyKey: 'scaffolder-task:1',
        teamRefs: [teams[0], teams[1]],
      });
      expect(await store.recordEvents([keyed, keyed])).toEqual({
        accepted: 1,
        duplicates: 1,
      });
      expect(await store.recordEvents([keyed, event()])).toEqual({
        accepted: 1,
        duplicates: 1,
      });
      // A new team for a known key is new activity of that team.
      expect(
        await store.recordEvents([
          { ...keyed, teamRefs: [teams[1], teams[2]] },
        ]),
      ).toEqual({ accepted: 1, duplicates: 0 });
      expect(await countRows(knex)).toBe(4);
      expect(await store.recordEvents([])).toEqual({
        accepted: 0,
        duplicates: 0,
      });
    });

    it('counts each key once under 20 concurrent replays', async () => {
      const { store, knex } = await createStore(databaseId);
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          store.recordEvents([
            event({ idempotencyKey: 'same', teamRefs: [teams[0], teams[1]] }),
          ]),
        ),
      );
      expect(results.reduce((sum, r) => sum + r.accepted, 0)).toBe(1);
      expect(await countRows(knex)).toBe(2);
    });

    it('keeps components and tells which are known', async () => {
      const { store } = await createStore(databaseId);
      const firstSeenAt = new Date('2026-01-07T10:00:00Z');
      expect(
        await store.addComponents([
          {
            entityRef: 'component:default/a',
            ownerRef: teams[0],
            sourceTemplate: 'template:default/node-service',
            baseline: true,
            firstSeenAt,
          },
          {
            entityRef: 'component:default/b',
            ownerRef: null,
            sourceTemplate: null,
            baseline: false,
            firstSeenAt,
          },
        ]),
      ).toBe(2);
      expect(
        await store.addComponents([
          {
            entityRef: 'component:default/a',
            ownerRef: teams[1],
            sourceTemplate: null,
            baseline: false,
            firstSeenAt,
          },
        ]),
      ).toBe(0);
      expect(await store.countComponents()).toBe(2);
      expect(
        await store.knownComponents([
          'component:default/a',
          'component:default/c',
        ]),
      ).toEqual(new Set(['component:default/a']));
    });

    it('normalises booleans and bigints read back on both engines', async () => {
      const { store, knex } = await createStore(databaseId);
      await store.addComponents([
        {
          entityRef: 'component:default/a',
          ownerRef: teams[0],
          sourceTemplate: null,
          baseline: true,
          firstSeenAt: new Date(1_767_780_000_000),
        },
      ]);
      const row = await knex('hm_components').first();
      // The raw values differ by engine (true/1, '1767780000000'/1767780000000); the store's readers cope.
      expect([true, 1]).toContain(row.baseline);
      expect(Number(row.first_seen_at)).toBe(1_767_780_000_000);
      await store.recordEvents(
        Array.from({ length: 3 }, () => event({ teamRefs: [teams[2]] })),
      );
      const [activity] = await store.weeklyActivity({ teamRef: teams[2] });
      expect(activity.count).toBe(3);
    });

    it('keeps each ingestor state as JSON', async () => {
      const { store } = await createStore(databaseId);
      expect(await store.getIngestionState('scaffolder')).toBeUndefined();
      await store.setIngestionState('scaffolder', { offset: 100 });
      await store.setIngestionState('scaffolder', { offset: 200 });
      await store.setIngestionState('catalog', { baselineDone: true });
      expect(await store.getIngestionState('scaffolder')).toEqual({
        offset: 200,
      });
      expect(await store.getIngestionState('catalog')).toEqual({
        baselineDone: true,
      });
    });

    it('lists the capabilities named by recorded activity, and tells whether a source wrote any', async () => {
      const { store } = await createStore(databaseId);
      expect(await store.capabilityRefsWithActivity()).toEqual([]);
      expect(await store.hasEventsFrom('ci')).toBe(false);
      await store.recordEvents([
        event({ capabilityRef: 'system:default/b' }),
        event({ capabilityRef: 'system:default/a' }),
        event({ capabilityRef: null }),
      ]);
      expect(await store.capabilityRefsWithActivity()).toEqual([
        'system:default/a',
        'system:default/b',
      ]);
      expect(await store.hasEventsFrom('ci')).toBe(true);
      expect(await store.hasEventsFrom('demo')).toBe(false);
    });
  });
});
