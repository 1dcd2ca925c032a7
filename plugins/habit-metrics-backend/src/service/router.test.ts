import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  addWeeks,
  weekStartOf,
} from '@platform-product/plugin-habit-metrics-common';
import request from 'supertest';
import { startHabitBackend } from '../testing/backend';
import {
  EVENT_STREAMING,
  GOLDEN_PATH,
  orgEntities,
  teamRef,
  userRef,
} from '../testing/fixtures';

jest.setTimeout(120_000);

const BASE = '/api/habit-metrics';
const as = (name: string) => ({
  Authorization: mockCredentials.user.header(userRef(name)),
});
const asService = { Authorization: mockCredentials.service.header() };

// nobody may do nothing; reader may read but not send; everyone else may do both (decideByUser, ../testing/backend).

/** Wednesday 10:00 UTC, `n` weeks before the current week. */
const at = (n: number) =>
  new Date(
    Date.parse(`${addWeeks(weekStartOf(new Date()), -n)}T10:00:00Z`) +
      2 * 86_400_000,
  ).toISOString();

const valid = {
  source: 'ci',
  kind: 'deploy',
  way: 'new',
  teamRef: 'group:default/checkout',
};

/** Bodies that must be refused whole, each for a different reason. */
const malformedBodies: { name: string; body: unknown }[] = [
  { name: 'empty object', body: {} },
  { name: 'array', body: [valid] },
  { name: 'no source', body: { ...valid, source: undefined } },
  { name: 'empty source', body: { ...valid, source: '' } },
  { name: 'source upper case', body: { ...valid, source: 'CI' } },
  { name: 'source too long', body: { ...valid, source: 'a'.repeat(101) } },
  { name: 'kind a number', body: { ...valid, kind: 7 } },
  { name: 'no way', body: { ...valid, way: undefined } },
  { name: 'way upper case', body: { ...valid, way: 'NEW' } },
  { name: 'way sideways', body: { ...valid, way: 'sideways' } },
  { name: 'neither team nor user', body: { ...valid, teamRef: undefined } },
  { name: 'teamRef a user', body: { ...valid, teamRef: 'user:default/ann' } },
  { name: 'teamRef not a ref', body: { ...valid, teamRef: 'checkout team!' } },
  { name: 'userRef a group', body: { ...valid, userRef: 'group:default/x' } },
  { name: 'templateRef a system', body: { ...valid, templateRef: 'system:a' } },
  { name: 'capabilityRef an object', body: { ...valid, capabilityRef: {} } },
  { name: 'at without zone', body: { ...valid, at: '2026-01-05T10:00:00' } },
  { name: 'at not a date', body: { ...valid, at: 'yesterday' } },
  { name: 'at 2026-02-30', body: { ...valid, at: '2026-02-30T10:00:00Z' } },
  {
    name: 'at far in the future',
    body: { ...valid, at: '2999-01-01T00:00:00Z' },
  },
  { name: 'at before 2000', body: { ...valid, at: '1970-01-01T00:00:00Z' } },
  { name: 'unknown key', body: { ...valid, team: 'group:default/checkout' } },
  {
    name: 'prototype key',
    body: JSON.parse(
      '{"__proto__": {"x": 1}, "source": "ci", "kind": "k", "way": "new", "teamRef": "group:default/a"}',
    ),
  },
  { name: 'idempotencyKey empty', body: { ...valid, idempotencyKey: '' } },
  {
    name: 'idempotencyKey too long',
    body: { ...valid, idempotencyKey: 'k'.repeat(201) },
  },
  { name: 'events not a list', body: { events: valid } },
  { name: 'events empty', body: { events: [] } },
  { name: 'events over 500', body: { events: new Array(501).fill(valid) } },
  { name: 'events next to a key', body: { events: [valid], source: 'ci' } },
  {
    name: 'one bad event among good ones',
    body: { events: [valid, valid, { ...valid, way: 'x' }] },
  },
  { name: 'an event that is null', body: { events: [valid, null] } },
  {
    name: 'user in no team',
    body: { ...valid, teamRef: undefined, userRef: 'user:default/cat' },
  },
  {
    name: 'unknown user among good ones',
    body: {
      events: [
        valid,
        { ...valid, teamRef: undefined, userRef: 'user:default/ghost' },
      ],
    },
  },
];

describe('habit-metrics router', () => {
  const databases = TestDatabases.create();

  async function startBackend(
    databaseId: Parameters<typeof databases.init>[0],
    entities: Entity[] = orgEntities,
    settings: object = {},
    /** `backend.auth.externalAccess`: when given, Backstage's own auth, httpAuth and permissions services run. */
    externalAccess?: object[],
  ) {
    return startHabitBackend(await databases.init(databaseId), {
      entities,
      settings,
      externalAccess,
    });
  }

  const send = (server: any, body: unknown, headers: object = asService) =>
    request(server)
      .post(`${BASE}/events`)
      .set(headers as Record<string, string>)
      .send(body as object);

  /** A small history: checkout makes the golden path a habit, then reverts; billing tries it; mobile looks around. */
  async function seed(server: any) {
    const events = [
      ...[8, 7, 6, 5, 4, 3].map(n => ({
        source: 'scaffolder',
        kind: 'template-run',
        way: 'new',
        capabilityRef: GOLDEN_PATH,
        templateRef: 'template:default/node-service',
        teamRef: teamRef('checkout'),
        at: at(n),
        idempotencyKey: `run-${n}`,
      })),
      {
        source: 'catalog',
        kind: 'component-created',
        way: 'old',
        teamRef: teamRef('checkout'),
        at: at(2),
      },
      {
        source: 'catalog',
        kind: 'component-created',
        way: 'new',
        templateRef: 'template:default/node-service',
        teamRef: teamRef('checkout'),
        at: at(3),
      },
      ...[4, 3].map(n => ({
        source: 'scaffolder',
        kind: 'template-run',
        way: 'new',
        templateRef: 'template:default/node-service',
        userRef: userRef('ben'),
        at: at(n),
        idempotencyKey: `ben-${n}`,
      })),
      {
        source: 'analytics',
        kind: 'capability-view',
        way: 'new',
        capabilityRef: EVENT_STREAMING,
        teamRef: teamRef('mobile'),
        at: at(1),
      },
    ];
    const res = await send(server, { events });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: events.length, duplicates: 0 });
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('answers 401 on every route without credentials or with a bad token', async () => {
      const { server } = await startBackend(databaseId);
      const routes: [string, string][] = [
        ['post', '/events'],
        ['get', '/golden-path'],
        ['get', '/adoption'],
        ['get', '/retention'],
        ['get', '/stickiness'],
        ['get', '/reversions'],
        ['get', '/time-to-habit'],
        ['get', '/summary'],
        ['get', '/teams/default/checkout'],
        ['get', '/capabilities/system/default/service-golden-path'],
      ];
      for (const [method, path] of routes) {
        for (const header of [
          mockCredentials.none.header(),
          mockCredentials.user.invalidHeader(),
        ]) {
          const res = await (request(server) as any)
            [method](`${BASE}${path}`)
            .set('Authorization', header)
            .send(method === 'post' ? valid : undefined);
          expect({ method, path, status: res.status }).toEqual({
            method,
            path,
            status: 401,
          });
        }
      }
    });

    it('answers 403 without permission and stores nothing', async () => {
      const { server, rows } = await startBackend(databaseId);
      for (const path of [
        '/golden-path',
        '/adoption',
        '/adoption?capability=system:default/service-golden-path',
        '/retention',
        '/stickiness',
        '/reversions',
        '/time-to-habit',
        '/summary',
        '/teams/default/checkout',
        '/capabilities/system/default/service-golden-path',
      ]) {
        const res = await request(server)
          .get(`${BASE}${path}`)
          .set(as('nobody'));
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
        expect(res.body.error.message).toMatch(/habit-metrics\.read/);
      }
      for (const name of ['nobody', 'reader']) {
        const res = await send(server, valid, as(name));
        expect({ name, status: res.status }).toEqual({ name, status: 403 });
        expect(res.body.error.message).toMatch(/habit-metrics\.events\.write/);
      }
      expect(
        (await request(server).get(`${BASE}/golden-path`).set(as('reader')))
          .status,
      ).toBe(200);
      expect(await rows()).toBe(0);
    });

    it('applies the access restrictions of an external access token and lets unrestricted services in', async () => {
      const { server, rows } = await startBackend(databaseId, orgEntities, {}, [
        {
          type: 'static',
          options: { token: 'ci-bridge-token-0123', subject: 'ci-bridge' },
          accessRestrictions: [
            {
              plugin: 'habit-metrics',
              permission: 'habit-metrics.events.write',
            },
          ],
        },
        {
          type: 'static',
          options: { token: 'analytics-token-0123', subject: 'analytics' },
        },
      ]);
      const ciBridge = { Authorization: 'Bearer ci-bridge-token-0123' };
      const analytics = { Authorization: 'Bearer analytics-token-0123' };

      // habit-metrics.events.write only: it sends events...
      const sent = await send(server, valid, ciBridge);
      expect(sent.status).toBe(202);
      expect(sent.body).toEqual({ accepted: 1, duplicates: 0 });
      // ...but reads nothing
      for (const path of [
        '/summary',
        '/golden-path',
        '/adoption',
        '/retention',
        '/stickiness',
        '/reversions',
        '/time-to-habit',
        '/teams/default/checkout',
        '/capabilities/system/default/service-golden-path',
      ]) {
        const res = await request(server).get(`${BASE}${path}`).set(ciBridge);
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
        expect(res.body.error.message).toBe(
          'You may not read habit metrics: it needs the habit-metrics.read permission.',
        );
      }

      // a token without restrictions may read and send
      expect(
        (await request(server).get(`${BASE}/summary`).set(analytics)).status,
      ).toBe(200);
      expect(
        (await send(server, { ...valid, kind: 'view' }, analytics)).status,
      ).toBe(202);
      expect(await rows()).toBe(2);
      // and an unknown token is no one
      expect(
        (
          await send(server, valid, {
            Authorization: 'Bearer not-a-configured-token',
          })
        ).status,
      ).toBe(401);
    });

    it('refuses every malformed body with 400 and stores nothing', async () => {
      const { server, rows } = await startBackend(databaseId);
      expect(malformedBodies.length).toBeGreaterThanOrEqual(20);
      for (const { name, body } of malformedBodies) {
        const res = await send(server, body);
        expect({ name, status: res.status }).toEqual({ name, status: 400 });
        expect(res.body.error.message).toBeTruthy();
      }
      // Not JSON at all.
      const text = await request(server)
        .post(`${BASE}/events`)
        .set(asService)
        .set('content-type', 'application/json')
        .send('{"source": ');
      expect(text.status).toBe(400);
      expect(await rows()).toBe(0);
    });

    it('lists every problem of a batch in one 400 message', async () => {
      const { server } = await startBackend(databaseId);
      const res = await send(server, {
        events: [
          valid,
          { ...valid, way: 'NEW' },
          { ...valid, teamRef: undefined, at: 'soon' },
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/events\[1\]\.way/);
      expect(res.body.error.message).toMatch(/events\[2\] needs a teamRef/);
      expect(res.body.error.message).toMatch(/events\[2\]\.at/);
    });

    it('counts a replayed event once and reports it as a duplicate', async () => {
      const { server, rows } = await startBackend(databaseId);
      const keyed = { ...valid, idempotencyKey: 'deploy-42' };
      expect((await send(server, keyed)).body).toEqual({
        accepted: 1,
        duplicates: 0,
      });
      const replay = await send(server, { events: [keyed, keyed, valid] });
      expect(replay.status).toBe(202);
      expect(replay.body).toEqual({ accepted: 1, duplicates: 2 });
      expect(await rows()).toBe(2);
      // The same key from another source is another event.
      expect(
        (await send(server, { ...keyed, source: 'other-ci' })).body,
      ).toEqual({ accepted: 1, duplicates: 0 });
    });

    it('turns a user into their teams and never stores the user', async () => {
      const { server, knex } = await startBackend(databaseId);
      const res = await send(server, {
        ...valid,
        teamRef: undefined,
        userRef: 'User:default/ben',
        templateRef: 'template:default/node-service',
        idempotencyKey: 'k1',
      });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ accepted: 1, duplicates: 0 });
      const stored = await knex('hm_events').orderBy('team_ref');
      expect(stored.map(r => r.team_ref)).toEqual([
        teamRef('billing'),
        teamRef('checkout'),
      ]);
      // The capability is found from the template.
      expect(stored.map(r => r.capability_ref)).toEqual([
        GOLDEN_PATH,
        GOLDEN_PATH,
      ]);
      expect(JSON.stringify(stored)).not.toMatch(/user:|ben/i);

      const lonely = await send(server, {
        ...valid,
        teamRef: undefined,
        userRef: userRef('cat'),
      });
      expect(lonely.status).toBe(400);
      expect(lonely.body.error.message).toMatch(
        /user:default\/cat is not a member of any team/,
      );
    });

    it('lets a signed-in user send only their own activity', async () => {
      const { server, rows } = await startBackend(databaseId);
      const mine = { ...valid, teamRef: undefined, userRef: userRef('ann') };
      expect((await send(server, mine, as('ann'))).status).toBe(202);
      expect(
        (
          await send(
            server,
            { ...valid, teamRef: teamRef('checkout') },
            as('ann'),
          )
        ).status,
      ).toBe(202);
      for (const body of [
        { ...valid, teamRef: undefined, userRef: userRef('ben') },
        { ...valid, teamRef: teamRef('billing') },
        { events: [mine, { ...valid, teamRef: teamRef('mobile') }] },
      ]) {
        const res = await send(server, body, as('ann'));
        expect(res.status).toBe(403);
      }
      expect(await rows()).toBe(2);
    });

    it('refuses a body over 1 MB', async () => {
      const { server, rows } = await startBackend(databaseId);
      // Valid in every other way: a batch of 500 events with long free-text fields would still be under 1 MB.
      const res = await send(server, {
        events: Array.from({ length: 11 }, (_, i) => ({
          ...valid,
          idempotencyKey: `${i}`,
          padding: 'x'.repeat(100_000),
        })),
      });
      // The body parser's 413 reaches the client as backend-openapi-utils reports every request error: a 400.
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/request entity too large/);
      expect(await rows()).toBe(0);
    });

    it('serves every metric, team-level only', async () => {
      const { server } = await startBackend(databaseId);
      await seed(server);
      const get = async (path: string) => {
        const res = await request(server)
          .get(`${BASE}${path}`)
          .set(as('reader'));
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        return res.body;
      };
      const bodies: unknown[] = [];
      const thisWeek = weekStartOf(new Date());

      const golden = await get('/golden-path');
      bodies.push(golden);
      expect(golden.weeks).toHaveLength(26);
      expect(golden.weeks[25].week).toBe(thisWeek);
      expect(
        golden.weeks.find((w: any) => w.week === addWeeks(thisWeek, -3)),
      ).toEqual({
        week: addWeeks(thisWeek, -3),
        newComponents: 1,
        viaTemplate: 1,
        share: 1,
        rollingShare: 1,
      });
      // A range that starts after checkout's component via the template (3 weeks ago) still counts it in its 4-week
      // share, next to the old-way one of 2 weeks ago.
      const later = await get(
        `/golden-path?from=${addWeeks(thisWeek, -2)}&to=${thisWeek}`,
      );
      expect(
        later.weeks.map((w: any) => [w.newComponents, w.rollingShare]),
      ).toEqual([
        [1, 0.5],
        [0, 0.5],
        [0, 0.5],
      ]);
      expect(golden.teams.map((t: any) => t.teamRef)).toEqual([
        teamRef('checkout'),
      ]);
      const checkoutOnly = await get(
        `/golden-path?team=billing&from=${addWeeks(
          thisWeek,
          -4,
        )}&to=${thisWeek}`,
      );
      bodies.push(checkoutOnly);
      expect(checkoutOnly.weeks).toHaveLength(5);
      expect(checkoutOnly.teams.map((t: any) => t.teamRef)).toEqual([
        teamRef('billing'),
      ]);

      // Product teams: checkout, billing and mobile (platform-team owns the capabilities).
      expect((await get('/summary')).teams).toBe(3);
      const adoption = await get(`/adoption?capability=${GOLDEN_PATH}`);
      bodies.push(adoption);
      expect(adoption).toMatchObject({
        capabilityRef: GOLDEN_PATH,
        templateRef: null,
        totalTeams: 3,
      });
      expect(adoption.weeks[25]).toMatchObject({
        cumulativeAdopters: 2,
        share: 0.6667,
      });
      expect(adoption.figures).toEqual({
        week: thisWeek,
        productTeams: 3,
        adopters: 2,
        adopterRefs: [teamRef('billing'), teamRef('checkout')],
        share: 0.6667,
        // Both ran the template 3 weeks ago: inside the 4 weeks ending with this one.
        activeTeams: 2,
        before: { week: addWeeks(thisWeek, -12), adopters: 0, activeTeams: 0 },
        trendThreshold: 1,
        trend: 'growing',
      });
      const all = await get('/adoption');
      bodies.push(all);
      expect(all.capabilities.map((a: any) => a.capabilityRef)).toEqual([
        EVENT_STREAMING,
        GOLDEN_PATH,
      ]);
      // The list and the one capability agree.
      expect(all.capabilities[1].figures).toEqual(adoption.figures);
      const byTemplate = await get('/adoption?template=node-service');
      bodies.push(byTemplate);
      expect(byTemplate.templateRef).toBe('template:default/node-service');

      const retention = await get(
        `/retention?capability=${GOLDEN_PATH}&weeks=4`,
      );
      bodies.push(retention);
      expect(retention.weeks).toBe(4);
      expect(retention.cohorts[0]).toMatchObject({
        week: addWeeks(thisWeek, -8),
        teams: 1,
        retention: [1, 1, 1, 1],
      });
      expect((await get('/retention')).weeks).toBe(12);

      const sticky = await get(`/stickiness?capability=${GOLDEN_PATH}`);
      bodies.push(sticky);
      expect(sticky.capabilityRef).toBe(GOLDEN_PATH);
      expect(sticky.weeks).toHaveLength(26);

      const reverted = await get('/reversions');
      bodies.push(reverted);
      expect(reverted.minStreakWeeks).toBe(3);
      expect(reverted.teams).toEqual([
        {
          teamRef: teamRef('checkout'),
          week: addWeeks(thisWeek, -2),
          streakWeeks: 6,
        },
      ]);
      expect((await get('/reversions?minStreak=7')).teams).toEqual([]);

      const habit = await get('/time-to-habit?habitWeeks=4');
      bodies.push(habit);
      expect(habit.habitWeeks).toBe(4);
      expect(
        habit.capabilities.find((c: any) => c.capabilityRef === GOLDEN_PATH),
      ).toEqual({
        capabilityRef: GOLDEN_PATH,
        teams: 2,
        reached: 1,
        medianWeeks: 3,
      });

      const team = await get('/teams/default/checkout');
      bodies.push(team);
      expect(team.teamRef).toBe(teamRef('checkout'));
      expect(team.reversions).toHaveLength(1);
      expect(team.capabilities.map((c: any) => c.capabilityRef)).toEqual([
        GOLDEN_PATH,
      ]);
      // A team in the catalog without activity has empty figures; an unknown one is 404.
      bodies.push(await get('/teams/default/platform-team'));
      expect(
        (
          await request(server)
            .get(`${BASE}/teams/default/ghosts`)
            .set(as('reader'))
        ).status,
      ).toBe(404);

      const capability = await get(
        '/capabilities/system/default/service-golden-path',
      );
      bodies.push(capability);
      expect(capability).toMatchObject({
        capabilityRef: GOLDEN_PATH,
        adoption: { totalTeams: 3, figures: adoption.figures },
        timeToHabit: { reached: 1 },
      });
      expect(
        (
          await request(server)
            .get(`${BASE}/capabilities/system/default/billing-core`)
            .set(as('reader'))
        ).status,
      ).toBe(404);

      // ben's runs are there, as his teams' activity; no response names a person.
      expect(JSON.stringify(bodies)).not.toMatch(/user:|ben/i);
    });

    it('counts product teams only: the owners of capabilities unless habitMetrics.includeCapabilityOwners', async () => {
      const platformUse = {
        source: 'ci',
        kind: 'deploy',
        way: 'new',
        capabilityRef: EVENT_STREAMING,
        teamRef: teamRef('platform-team'),
        at: at(1),
      };
      const mobileUse = { ...platformUse, teamRef: teamRef('mobile') };
      const figuresOf = async (server: any) => {
        const res = await request(server)
          .get(`${BASE}/adoption?capability=${EVENT_STREAMING}`)
          .set(as('reader'));
        expect(res.status).toBe(200);
        return res.body.figures;
      };

      const { server } = await startBackend(databaseId);
      expect(
        (await send(server, { events: [platformUse, mobileUse] })).status,
      ).toBe(202);
      expect(await figuresOf(server)).toMatchObject({
        productTeams: 3,
        adopters: 1,
        adopterRefs: [teamRef('mobile')],
        activeTeams: 1,
      });

      const withOwners = await startBackend(databaseId, orgEntities, {
        includeCapabilityOwners: true,
      });
      expect(
        (await send(withOwners.server, { events: [platformUse, mobileUse] }))
          .status,
      ).toBe(202);
      expect(await figuresOf(withOwners.server)).toMatchObject({
        productTeams: 4,
        adopters: 2,
        adopterRefs: [teamRef('mobile'), teamRef('platform-team')],
        activeTeams: 2,
      });
    });

    it('tells a fresh install from a quiet one: nothing recorded, no capabilities', async () => {
      // Teams and people, but no entity annotated as a capability and no event yet.
      const { server } = await startBackend(
        databaseId,
        orgEntities.filter(
          e => !e.metadata.annotations?.['platform-product.io/capability'],
        ),
      );
      const summary = async () => {
        const res = await request(server)
          .get(`${BASE}/summary`)
          .set(as('reader'));
        expect(res.status).toBe(200);
        return res.body;
      };
      expect(await summary()).toEqual({
        hasActivity: false,
        firstWeek: null,
        lastWeek: null,
        capabilities: 0,
        teams: 4,
      });
      // The first catalog scan's baseline is history, not activity.
      expect(
        (
          await send(server, {
            source: 'catalog',
            kind: 'component-baseline',
            way: 'old',
            teamRef: teamRef('checkout'),
            at: at(5),
          })
        ).status,
      ).toBe(202);
      expect((await summary()).hasActivity).toBe(false);

      expect((await send(server, { ...valid, at: at(3) })).status).toBe(202);
      expect((await send(server, { ...valid, at: at(1) })).status).toBe(202);
      expect(await summary()).toEqual({
        hasActivity: true,
        firstWeek: weekStartOf(at(3)),
        lastWeek: weekStartOf(at(1)),
        capabilities: 0,
        teams: 4,
      });
    });

    it('knows a capability annotated after the index was read', async () => {
      const entities: Entity[] = orgEntities.map(e =>
        e.metadata.name === 'event-streaming'
          ? {
              ...e,
              metadata: {
                ...e.metadata,
                annotations: { 'platform-product.io/templates': 'x' },
              },
            }
          : e,
      );
      const { server } = await startBackend(databaseId, entities);
      // Reads (and caches) the index: one capability.
      const summary = await request(server)
        .get(`${BASE}/summary`)
        .set(as('reader'));
      expect(summary.body.capabilities).toBe(1);

      const eventStreaming = entities.find(
        e => e.metadata.name === 'event-streaming',
      )!;
      eventStreaming.metadata.annotations!['platform-product.io/capability'] =
        'true';
      const res = await request(server)
        .get(`${BASE}/capabilities/system/default/event-streaming`)
        .set(as('reader'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        capabilityRef: EVENT_STREAMING,
        timeToHabit: null,
      });
    });

    it('checks ranges and parameters', async () => {
      const { server } = await startBackend(databaseId);
      const expect400 = async (path: string, message?: RegExp) => {
        const res = await request(server)
          .get(`${BASE}${path}`)
          .set(as('reader'));
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(res.body.error.message).toMatch(message ?? /./);
      };
      await expect400('/golden-path?from=2026-02-30', /from must be a date/);
      await expect400('/golden-path?from=next-week');
      await expect400(
        '/golden-path?from=2026-03-02&to=2026-01-05',
        /must not be after/,
      );
      await expect400(
        '/golden-path?from=2020-01-06&to=2026-01-05',
        /at most 156 weeks/,
      );
      await expect400(
        '/golden-path?team=user:default/ann',
        /team must refer to a group, like group:default\/example; got a user/,
      );
      await expect400('/golden-path?week=2026-01-05');
      await expect400(
        '/adoption?capability=no-kind',
        /capability must be an entity ref/,
      );
      await expect400('/retention?weeks=0');
      await expect400('/retention?weeks=27');
      await expect400('/retention?weeks=many');
      await expect400('/reversions?minStreak=0');
      await expect400('/time-to-habit?habitWeeks=53');
      // Any day of a week stands for the week; the widest range is accepted.
      const snapped = await request(server)
        .get(`${BASE}/golden-path?from=2026-01-07&to=2026-01-11`)
        .set(as('reader'));
      expect(snapped.body.weeks.map((w: any) => w.week)).toEqual([
        '2026-01-05',
      ]);
      const widest = await request(server)
        .get(`${BASE}/stickiness?from=2023-01-09&to=2025-12-29`)
        .set(as('reader'));
      expect(widest.status).toBe(200);
      expect(widest.body.weeks).toHaveLength(156);
    });
  });
});
