import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseHabitStore } from '../database/DatabaseHabitStore';
import { HabitStore } from '../database/HabitStore';
import { CapabilityIndex } from '../service/CapabilityIndex';
import {
  component,
  EVENT_STREAMING,
  GOLDEN_PATH,
  orgEntities,
  teamRef,
} from '../testing/fixtures';
import {
  CATALOG_SOURCE,
  CatalogComponentScanner,
} from './CatalogComponentScanner';

jest.setTimeout(60_000);

/** The catalog as it was when habit-metrics was installed: seven components, two of them owned by a person. */
const existing: Entity[] = [
  component('cart', 'checkout', 'template:default/node-service'),
  component('cart-legacy', 'group:default/checkout'),
  component('invoices', 'billing'),
  component(
    'ledger',
    'group:default/billing',
    'template:default/event-consumer',
  ),
  component('app', 'mobile'),
  component('scratch', 'user:default/ann'),
  component('notes', 'user:default/dan'),
];

/** A store that writes the first `allowed` events it is given, then fails: a crash in the middle of a scan. */
function crashingAfter(store: HabitStore, allowed: number): HabitStore {
  let left = allowed;
  return Object.assign(Object.create(store), {
    recordEvents: async (events: Parameters<HabitStore['recordEvents']>[0]) => {
      const part = events.slice(0, left);
      left -= part.length;
      await store.recordEvents(part);
      if (part.length < events.length) throw new Error('crash');
      return { accepted: part.length, duplicates: 0 };
    },
  });
}

describe('CatalogComponentScanner', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseHabitStore.create({
        database: mockServices.database({ knex }),
      });
      const logger = mockServices.logger.mock();
      const auth = mockServices.auth();
      const scanner = (components: Entity[], s: HabitStore = store) => {
        const catalog = catalogServiceMock({
          entities: [...orgEntities, ...components],
        });
        return new CatalogComponentScanner({
          catalog,
          auth,
          logger,
          store: s,
          capabilities: new CapabilityIndex({ catalog, auth, logger }),
          pageSize: 2,
        });
      };
      const events = async (kind?: string) =>
        (
          (await knex('hm_events')
            .where(kind ? { kind } : {})
            .orderBy('idempotency_key')) as any[]
        ).map(r => ({
          key: r.idempotency_key,
          team: r.team_ref,
          kind: r.kind,
          way: r.way,
          capability: r.capability_ref,
          template: r.template_ref,
        }));
      const components = async () =>
        (await knex('hm_components').orderBy('entity_ref')).map(r => ({
          ref: r.entity_ref,
          owner: r.owner_ref,
          template: r.source_template,
          baseline: Boolean(r.baseline),
        }));
      return { store, knex, logger, scanner, events, components };
    }

    it('records the first scan as a baseline, not as new components', async () => {
      const { store, scanner, events, components } = await setup();
      const now = new Date('2026-01-07T12:00:00Z');
      expect(await scanner(existing).run(now)).toEqual({
        baseline: true,
        componentsRead: 7,
        newComponents: 0,
      });
      expect(await components()).toHaveLength(7);
      expect((await components()).every(c => c.baseline)).toBe(true);
      expect(await events('component-created')).toEqual([]);
      const baseline = await events('component-baseline');
      // Five group-owned components; the two owned by people are known but counted for no team.
      expect(baseline.map(e => [e.team, e.way])).toEqual([
        [teamRef('mobile'), 'old'],
        [teamRef('checkout'), 'new'],
        [teamRef('checkout'), 'old'],
        [teamRef('billing'), 'old'],
        [teamRef('billing'), 'new'],
      ]);
      expect(baseline[1]).toMatchObject({
        key: 'catalog-component:component:default/cart',
        capability: GOLDEN_PATH,
        template: 'template:default/node-service',
      });
      expect(await store.getIngestionState(CATALOG_SOURCE)).toEqual({
        baselineDone: true,
      });
      // Nothing changed: nothing new.
      expect(await scanner(existing).run(now)).toMatchObject({
        baseline: false,
        newComponents: 0,
      });
      expect(await events('component-created')).toEqual([]);
    });

    it('records components that appear later, new way from a template and old way by hand', async () => {
      const { scanner, events, components } = await setup();
      await scanner(existing).run();
      const later = [
        ...existing,
        component(
          'payments',
          'group:default/billing',
          'template:default/node-service',
        ),
        component('stream-reader', 'mobile', 'template:default/event-consumer'),
        component('hand-made', 'checkout'),
        component('other-template', 'mobile', 'template:default/unknown'),
        component('personal', 'user:default/ben'),
        component('orphan', 'group:default/nobody-knows'),
      ];
      expect(await scanner(later).run()).toEqual({
        baseline: false,
        componentsRead: 13,
        newComponents: 6,
      });
      expect(await events('component-created')).toEqual([
        {
          key: 'catalog-component:component:default/hand-made',
          team: teamRef('checkout'),
          kind: 'component-created',
          way: 'old',
          capability: null,
          template: null,
        },
        {
          key: 'catalog-component:component:default/orphan',
          team: teamRef('nobody-knows'),
          kind: 'component-created',
          way: 'old',
          capability: null,
          template: null,
        },
        {
          key: 'catalog-component:component:default/other-template',
          team: teamRef('mobile'),
          kind: 'component-created',
          way: 'new',
          capability: null,
          template: 'template:default/unknown',
        },
        {
          key: 'catalog-component:component:default/payments',
          team: teamRef('billing'),
          kind: 'component-created',
          way: 'new',
          capability: GOLDEN_PATH,
          template: 'template:default/node-service',
        },
        {
          key: 'catalog-component:component:default/stream-reader',
          team: teamRef('mobile'),
          kind: 'component-created',
          way: 'new',
          capability: EVENT_STREAMING,
          template: 'template:default/event-consumer',
        },
      ]);
      const known = await components();
      expect(known.find(c => c.ref === 'component:default/personal')).toEqual({
        ref: 'component:default/personal',
        owner: 'user:default/ben',
        template: null,
        baseline: false,
      });
      // A later scan finds nothing new; a component leaving and coming back is not new either.
      expect(await scanner(later.slice(1)).run()).toMatchObject({
        newComponents: 0,
      });
      expect(await scanner(later).run()).toMatchObject({ newComponents: 0 });
      expect(await events('component-created')).toHaveLength(5);
    });

    it('waits for a catalog with components before taking the baseline', async () => {
      const { store, scanner, events } = await setup();
      expect(await scanner([]).run()).toMatchObject({
        baseline: true,
        componentsRead: 0,
      });
      expect(await store.getIngestionState(CATALOG_SOURCE)).toEqual({
        baselineDone: false,
      });
      expect(await scanner(existing).run()).toMatchObject({ baseline: true });
      expect(await events('component-created')).toEqual([]);
    });

    it('finishes a baseline interrupted in the middle, counting nothing twice', async () => {
      const { store, scanner, events, components } = await setup();
      // Page 1 (cart, cart-legacy) is written; page 2 crashes after one of its two events.
      await expect(
        scanner(existing, crashingAfter(store, 3)).run(),
      ).rejects.toThrow('crash');
      const saved = await store.getIngestionState<{ cursor?: string }>(
        CATALOG_SOURCE,
      );
      expect(saved).toMatchObject({ baselineDone: false, seenAny: true });
      expect(saved?.cursor).toEqual(expect.any(String));
      expect(await components()).toHaveLength(2);

      expect(await scanner(existing).run()).toMatchObject({
        baseline: true,
        componentsRead: 5,
      });
      expect(await components()).toHaveLength(7);
      expect((await components()).every(c => c.baseline)).toBe(true);
      expect(await events('component-baseline')).toHaveLength(5);
      expect(await events('component-created')).toEqual([]);
      expect(await store.getIngestionState(CATALOG_SOURCE)).toEqual({
        baselineDone: true,
      });
    });

    it('finishes a later scan interrupted in the middle, counting nothing twice', async () => {
      const { store, scanner, events } = await setup();
      await scanner([]).run();
      await scanner(existing.slice(0, 1)).run(); // the baseline: one component
      const later = [
        ...existing.slice(0, 1),
        component('a1', 'checkout'),
        component('a2', 'billing', 'template:default/node-service'),
        component('a3', 'mobile'),
        component('a4', 'checkout', 'event-consumer'),
      ];
      // Page 1 (cart, a1) is written; page 2 (a2, a3) crashes after a2's event, before a2 is stored as known.
      await expect(
        scanner(later, crashingAfter(store, 2)).run(),
      ).rejects.toThrow('crash');
      expect(await events('component-created')).toHaveLength(2);
      expect(await scanner(later).run()).toMatchObject({ newComponents: 3 });
      const created = await events('component-created');
      expect(created.map(e => [e.key, e.way, e.capability])).toEqual([
        ['catalog-component:component:default/a1', 'old', null],
        ['catalog-component:component:default/a2', 'new', GOLDEN_PATH],
        ['catalog-component:component:default/a3', 'old', null],
        ['catalog-component:component:default/a4', 'new', EVENT_STREAMING],
      ]);
    });

    it('scans again from the start when the saved cursor is refused', async () => {
      const { store, scanner, components, logger } = await setup();
      await store.setIngestionState(CATALOG_SOURCE, {
        baselineDone: false,
        cursor: 'not-a-cursor',
        seenAny: false,
      });
      expect(await scanner(existing).run()).toMatchObject({
        baseline: true,
        componentsRead: 7,
      });
      expect(await components()).toHaveLength(7);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(/refused the saved scan cursor/),
      );
    });
  });
});
