import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DatabaseHabitStore } from '../database/DatabaseHabitStore';
import { HabitStore } from '../database/HabitStore';
import { CapabilityIndex } from '../service/CapabilityIndex';
import { TeamResolver } from '../service/TeamResolver';
import {
  EVENT_STREAMING,
  GOLDEN_PATH,
  orgEntities,
  teamRef,
  userRef,
} from '../testing/fixtures';
import {
  SCAFFOLDER_SOURCE,
  ScaffolderTaskIngestor,
} from './ScaffolderTaskIngestor';

jest.setTimeout(60_000);

interface FakeTask {
  id: string;
  status: string;
  createdAt: string;
  createdBy?: string;
  spec: { templateInfo?: { entityRef?: string } };
}

/** A stand-in for the scaffolder's `GET /api/scaffolder/v2/tasks` (1.55: limit, offset, order=asc:created_at). */
class FakeScaffolder {
  tasks: FakeTask[] = [];
  requests: { url: URL; authorization?: string }[] = [];
  answer: 'tasks' | 404 | 500 = 'tasks';
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req: IncomingMessage, res) => {
      const url = new URL(req.url!, 'http://localhost');
      this.requests.push({ url, authorization: req.headers.authorization });
      if (
        this.answer !== 'tasks' ||
        url.pathname !== '/api/scaffolder/v2/tasks'
      ) {
        res.statusCode = this.answer === 'tasks' ? 404 : this.answer;
        res.end(JSON.stringify({ error: { name: 'Error', message: 'no' } }));
        return;
      }
      const order = url.searchParams.get('order');
      const sorted = [...this.tasks].sort((a, b) =>
        a.createdAt < b.createdAt ? -1 : 1,
      );
      if (order !== 'asc:created_at') sorted.reverse();
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? sorted.length);
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          tasks: sorted.slice(offset, offset + limit),
          totalTasks: sorted.length,
        }),
      );
    });
    await new Promise<void>(resolve => this.server!.listen(0, resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://localhost:${port}/api/scaffolder`;
  }

  async stop() {
    await new Promise(resolve => this.server?.close(resolve));
  }
}

const START = Date.parse('2026-01-05T08:00:00Z');
let clock = START;
function task(
  id: string,
  status: string,
  by: string | undefined,
  template = 'template:default/node-service',
): FakeTask {
  clock += 3_600_000;
  return {
    id,
    status,
    createdAt: new Date(clock).toISOString(),
    ...(by ? { createdBy: by } : {}),
    spec: { templateInfo: { entityRef: template } },
  };
}

/** A store that writes only the first `allowed` events it is given, then fails: a crash in the middle of a page. */
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

describe('ScaffolderTaskIngestor', () => {
  const databases = TestDatabases.create();
  const scaffolder = new FakeScaffolder();
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await scaffolder.start();
  });
  afterAll(() => scaffolder.stop());
  beforeEach(() => {
    scaffolder.tasks = [];
    scaffolder.requests = [];
    scaffolder.answer = 'tasks';
    clock = START;
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup(options: { url?: string; pageSize?: number } = {}) {
      const knex = await databases.init(databaseId);
      const store = await DatabaseHabitStore.create({
        database: mockServices.database({ knex }),
      });
      const logger = mockServices.logger.mock();
      const auth = mockServices.auth();
      const catalog = catalogServiceMock({ entities: orgEntities });
      const make = (s: HabitStore = store) =>
        new ScaffolderTaskIngestor({
          discovery: mockServices.discovery.mock({
            getBaseUrl: async () => options.url ?? baseUrl,
          }),
          auth,
          logger,
          store: s,
          teams: new TeamResolver({
            catalog,
            auth,
            logger,
            teamTypes: ['team'],
          }),
          capabilities: new CapabilityIndex({ catalog, auth, logger }),
          pageSize: options.pageSize ?? 3,
        });
      const rows = async () =>
        (await knex('hm_events').orderBy(['idempotency_key', 'team_ref'])).map(
          r => ({
            key: r.idempotency_key,
            team: r.team_ref,
            capability: r.capability_ref,
            template: r.template_ref,
            kind: r.kind,
            way: r.way,
            week: r.week,
          }),
        );
      return { store, knex, logger, make, rows };
    }

    it('pages through the task history and records completed runs per team of the creator', async () => {
      const { store, make, rows } = await setup();
      scaffolder.tasks = [
        task('t1', 'completed', userRef('ann')),
        task('t2', 'failed', userRef('ann')),
        task(
          't3',
          'completed',
          userRef('ben'),
          'template:default/event-consumer',
        ),
        task('t4', 'cancelled', userRef('dan')),
        task('t5', 'completed', userRef('cat')), // in no team
        task('t6', 'completed', undefined), // run by a service
        task('t7', 'completed', userRef('dan'), 'template:default/other'),
        task('t8', 'skipped', userRef('dan')),
      ];
      const result = await make().run(new Date('2026-01-06T00:00:00Z'));
      expect(result).toEqual({
        available: true,
        tasksRead: 8,
        accepted: 3,
        duplicates: 0,
      });
      expect(await rows()).toEqual([
        {
          key: 'scaffolder-task:t1',
          team: teamRef('checkout'),
          capability: GOLDEN_PATH,
          template: 'template:default/node-service',
          kind: 'template-run',
          way: 'new',
          week: '2026-01-05',
        },
        ...['billing', 'checkout'].map(team => ({
          key: 'scaffolder-task:t3',
          team: teamRef(team),
          capability: EVENT_STREAMING,
          template: 'template:default/event-consumer',
          kind: 'template-run',
          way: 'new',
          week: '2026-01-05',
        })),
        {
          key: 'scaffolder-task:t7',
          team: teamRef('mobile'),
          capability: null,
          template: 'template:default/other',
          kind: 'template-run',
          way: 'new',
          week: '2026-01-05',
        },
      ]);
      expect(
        scaffolder.requests.map(r => [
          r.url.searchParams.get('offset'),
          r.url.searchParams.get('limit'),
          r.url.searchParams.get('order'),
        ]),
      ).toEqual([
        ['0', '3', 'asc:created_at'],
        ['3', '3', 'asc:created_at'],
        ['6', '3', 'asc:created_at'],
      ]);
      expect(scaffolder.requests[0].authorization).toMatch(/^Bearer .+/);
      expect(await store.getIngestionState(SCAFFOLDER_SOURCE)).toEqual({
        offset: 8,
      });

      // Incremental: the next run starts after the last final task and only finds the new one.
      scaffolder.requests = [];
      scaffolder.tasks.push(task('t9', 'completed', userRef('pat')));
      const next = await make().run(new Date('2026-01-06T00:00:00Z'));
      expect(next).toMatchObject({ tasksRead: 1, accepted: 1 });
      expect(scaffolder.requests[0].url.searchParams.get('offset')).toBe('8');
    });

    it('does not move the cursor past a task that is still running', async () => {
      const { store, make, rows } = await setup();
      scaffolder.tasks = [
        task('t1', 'completed', userRef('ann')),
        task('t2', 'processing', userRef('ann')),
        task('t3', 'completed', userRef('dan')),
        task('t4', 'open', userRef('dan')),
        task('t5', 'completed', userRef('dan')),
      ];
      const now = new Date('2026-01-06T00:00:00Z');
      expect(await make().run(now)).toMatchObject({ accepted: 3 });
      expect(await store.getIngestionState(SCAFFOLDER_SOURCE)).toEqual({
        offset: 1,
      });

      // t2 finishes: it is recorded, the tasks after it are read again and not counted twice.
      scaffolder.tasks[1].status = 'completed';
      expect(await make().run(now)).toMatchObject({
        tasksRead: 4,
        accepted: 1,
        duplicates: 2,
      });
      expect(await store.getIngestionState(SCAFFOLDER_SOURCE)).toEqual({
        offset: 3,
      });
      scaffolder.tasks[3].status = 'failed';
      await make().run(now);
      expect(await store.getIngestionState(SCAFFOLDER_SOURCE)).toEqual({
        offset: 5,
      });
      expect((await rows()).map(r => r.key)).toEqual([
        'scaffolder-task:t1',
        'scaffolder-task:t2',
        'scaffolder-task:t3',
        'scaffolder-task:t5',
      ]);
    });

    it('lets a task stuck for more than a day stop holding the cursor', async () => {
      const { store, make } = await setup();
      scaffolder.tasks = [
        task('t1', 'processing', userRef('ann')),
        task('t2', 'completed', userRef('ann')),
      ];
      await make().run(new Date('2026-01-09T00:00:00Z'));
      expect(await store.getIngestionState(SCAFFOLDER_SOURCE)).toEqual({
        offset: 2,
      });
    });

    it('counts every run once after a crash in the middle of a page', async () => {
      const { store, make, rows } = await setup({ pageSize: 4 });
      scaffolder.tasks = [
        'ann',
        'ben',
        'dan',
        'pat',
        'ann',
        'ben',
        'dan',
        'pat',
        'ann',
        'dan',
      ].map((name, i) => task(`c${i}`, 'completed', userRef(name)));
      const now = new Date('2026-01-06T00:00:00Z');
      // Page 1 (4 tasks) is written and its cursor saved; page 2 crashes after 2 of its 4 events.
      await expect(make(crashingAfter(store, 6)).run(now)).rejects.toThrow(
        'crash',
      );
      expect(await store.getIngestionState(SCAFFOLDER_SOURCE)).toEqual({
        offset: 4,
      });
      const partial = await rows();
      expect(new Set(partial.map(r => r.key)).size).toBe(6);

      const resumed = await make().run(now);
      expect(resumed).toMatchObject({
        tasksRead: 6,
        accepted: 4,
        duplicates: 2,
      });
      const all = await rows();
      // ben is in two teams: 10 runs, 12 rows, each key once per team.
      expect(all).toHaveLength(12);
      expect(new Set(all.map(r => `${r.key}|${r.team}`)).size).toBe(12);
      expect(await store.getIngestionState(SCAFFOLDER_SOURCE)).toEqual({
        offset: 10,
      });
    });

    it('skips quietly, logging once, when the scaffolder is not installed or not reachable', async () => {
      const { store, make, logger } = await setup();
      scaffolder.answer = 404;
      const ingestor = make();
      expect(await ingestor.run()).toMatchObject({ available: false });
      expect(await ingestor.run()).toMatchObject({ available: false });
      expect(logger.info).toHaveBeenCalledTimes(1);
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(/scaffolder is not available.*404/),
      );
      expect(await store.getIngestionState(SCAFFOLDER_SOURCE)).toBeUndefined();

      // Nothing listens on this port.
      const closed = createServer();
      await new Promise<void>(resolve => closed.listen(0, resolve));
      const { port } = closed.address() as AddressInfo;
      await new Promise(resolve => closed.close(resolve));
      const unreachable = (
        await setup({ url: `http://localhost:${port}/api/scaffolder` })
      ).make();
      expect(await unreachable.run()).toMatchObject({ available: false });
    });

    it('fails the run on any other error, keeping the cursor', async () => {
      const { store, make } = await setup();
      scaffolder.answer = 500;
      await expect(make().run()).rejects.toThrow(/answered 500/);
      expect(await store.getIngestionState(SCAFFOLDER_SOURCE)).toBeUndefined();
    });
  });
});
