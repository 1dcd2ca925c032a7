import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { DefaultSchedulerService } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
// eslint-disable-next-line @backstage/no-undeclared-imports
import { notificationService as notificationServiceRef } from '@backstage/plugin-notifications-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import habitMetricsPlugin from '@platform-product/plugin-habit-metrics-backend';
import needsDiscoveryPlugin from '@platform-product/plugin-needs-discovery-backend';
import thinnessScorecardPlugin from '@platform-product/plugin-thinness-scorecard-backend';
import { resolve } from 'node:path';
import {
  capturingScheduler,
  databasePerPlugin,
  EXAMPLES,
  exampleEntities,
  pluginDatabases,
} from './__testUtils__/exampleBackend';

// Two replicas of a backend with the whole suite, on one database per plugin, each with Backstage's real scheduler
// (the one `createBackend` installs): every scheduled task of the suite runs once per period across the replicas,
// not once per replica. Only the cadence is shortened (every PERIOD_MS, no initial delay) so that a few periods fit
// in a test; the scope, the timeout and the work itself are each plugin's own.

jest.setTimeout(180_000);

/** Every scheduled task of the suite. A new task must be added here, so that it is covered too. */
const SUITE_TASKS = [
  'habit-metrics-campaign-notifications',
  'habit-metrics-catalog-components',
  'habit-metrics-demo-data',
  'habit-metrics-scaffolder-tasks',
  'needs-discovery-catalog-capabilities',
  'needs-discovery-demo-data',
  'needs-discovery-reminders',
  'thinness-scorecard-demo-data',
  'thinness-scorecard-snapshot',
];

const PERIOD_MS = 2_000;
const WINDOW_MS = 13_000;

/** The suite's plugins, each with its own database. */
const PLUGINS = ['needs-discovery', 'habit-metrics', 'thinness-scorecard'];

/** Every plugin of the suite with its demo data and its ingestion on: every task has work to do. */
const suiteConfig = () =>
  mockServices.rootConfig.factory({
    data: {
      needsDiscovery: {
        demoData: true,
        demoSurveyFile: resolve(
          EXAMPLES,
          'surveys/developer-needs-2026-spring.yaml',
        ),
      },
      habitMetrics: {
        demoData: true,
        ingestion: {
          scaffolder: { enabled: true },
          catalog: { enabled: true },
        },
      },
      thinnessScorecard: { demoData: true },
    },
  });

/** The example catalog with the memberOf relations the catalog's processing would add, which the plugins read. */
const catalog = () =>
  catalogServiceMock.factory({
    entities: exampleEntities({ memberOfRelations: true }),
  });

interface Run {
  replica: string;
  taskId: string;
  startedAt: number;
  endedAt?: number;
}

interface Scheduled {
  replica: string;
  pluginId: string;
  taskId: string;
  scope: string | undefined;
}

/**
 * Backstage's scheduler for each plugin, recording each run of each task (which replica, when it started and ended)
 * and each task's definition.
 */
function recordingScheduler(
  replica: string,
  runs: Run[],
  scheduled: Scheduled[],
) {
  return createServiceFactory({
    service: coreServices.scheduler,
    deps: {
      database: coreServices.database,
      logger: coreServices.logger,
      rootLifecycle: coreServices.rootLifecycle,
      httpRouter: coreServices.httpRouter,
      pluginMetadata: coreServices.pluginMetadata,
      metrics: metricsServiceRef,
    },
    factory(deps): SchedulerService {
      const real = DefaultSchedulerService.create(deps);
      const shorten = (
        schedule: SchedulerServiceTaskScheduleDefinition,
      ): SchedulerServiceTaskScheduleDefinition => ({
        ...schedule,
        frequency: { milliseconds: PERIOD_MS },
        initialDelay: undefined,
      });
      return {
        triggerTask: id => real.triggerTask(id),
        cancelTask: id => real.cancelTask(id),
        getScheduledTasks: () => real.getScheduledTasks(),
        createScheduledTaskRunner: schedule =>
          real.createScheduledTaskRunner(shorten(schedule)),
        async scheduleTask(task) {
          scheduled.push({
            replica,
            pluginId: deps.pluginMetadata.getId(),
            taskId: task.id,
            scope: task.scope,
          });
          await real.scheduleTask({
            ...task,
            ...shorten(task),
            fn: async signal => {
              const run: Run = {
                replica,
                taskId: task.id,
                startedAt: Date.now(),
              };
              runs.push(run);
              try {
                await task.fn(signal);
              } finally {
                run.endedAt = Date.now();
              }
            },
          });
        },
      };
    },
  });
}

describe('two backend replicas on one database: the scheduled work runs once per period', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'every scheduled task of the suite (%p)',
    async databaseId => {
      // Each plugin its own database, as in the example backend; the replicas share them.
      const knexes = await pluginDatabases(databases, databaseId, PLUGINS);
      const runs: Run[] = [];
      const scheduled: Scheduled[] = [];

      const startReplica = (replica: string) =>
        startTestBackend({
          features: [
            needsDiscoveryPlugin,
            habitMetricsPlugin,
            thinnessScorecardPlugin,
            databasePerPlugin(knexes),
            suiteConfig(),
            catalog(),
            recordingScheduler(replica, runs, scheduled),
          ],
        });

      // Started one after the other, as replicas are: the first runs the migrations.
      const startedAt = Date.now();
      const first = await startReplica('first');
      const second = await startReplica('second');
      await new Promise(r => setTimeout(r, WINDOW_MS));
      await Promise.all([first.stop(), second.stop()]);
      const window = Date.now() - startedAt;

      // Each replica schedules every task of the suite, all in global scope.
      for (const replica of ['first', 'second']) {
        expect(
          scheduled
            .filter(s => s.replica === replica)
            .map(s => s.taskId)
            .sort(),
        ).toEqual(SUITE_TASKS);
      }
      for (const { taskId, scope } of scheduled) {
        expect({ taskId, scope }).toEqual({ taskId, scope: 'global' });
      }

      // At most one run per period across both replicas, as one replica alone would run it, and never two at once;
      // a task run by each replica would run about twice as often. The slack of one period is the scheduler's: a
      // run that starts late is followed at once by the next period's (next start = max(due + period, now)).
      const periods = Math.floor(window / PERIOD_MS) + 2;
      const summary = SUITE_TASKS.map(taskId => {
        const ofTask = runs
          .filter(run => run.taskId === taskId)
          .sort((a, b) => a.startedAt - b.startedAt);
        const overlaps = ofTask.filter(
          (run, i) =>
            i > 0 &&
            (ofTask[i - 1].endedAt ?? Infinity) > run.startedAt &&
            ofTask[i - 1].replica !== run.replica,
        ).length;
        return {
          taskId,
          ran: ofTask.length >= 2,
          atMostOncePerPeriod: ofTask.length <= periods,
          overlaps,
          runs: ofTask.map(
            run => `${run.replica}@${run.startedAt - startedAt}ms`,
          ),
        };
      });
      expect(summary).toEqual(
        SUITE_TASKS.map(taskId => ({
          taskId,
          ran: true,
          atMostOncePerPeriod: true,
          overlaps: 0,
          runs: expect.any(Array),
        })),
      );
    },
  );
});

/** A stand-in for the scaffolder's `GET /v2/tasks`: three completed template runs by members of product teams. */
const fakeScaffolder = createBackendPlugin({
  pluginId: 'scaffolder',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const day = 86_400_000;
        const tasks = [
          ['t1', 'user:default/amara-okafor', 'template:default/node-service'],
          [
            't2',
            'user:default/lucas-moreau',
            'template:default/event-consumer',
          ],
          [
            't3',
            'user:default/sofia-lindqvist',
            'template:default/node-service',
          ],
        ].map(([id, createdBy, entityRef], i) => ({
          id,
          spec: { templateInfo: { entityRef } },
          status: 'completed',
          createdAt: new Date(Date.now() - (3 - i) * day).toISOString(),
          createdBy,
        }));
        httpRouter.use((req, res, next) => {
          if (req.method !== 'GET' || req.path !== '/v2/tasks') {
            next();
            return;
          }
          const offset = Number(req.query.offset ?? 0);
          const limit = Number(req.query.limit ?? 100);
          res.json({
            tasks: tasks.slice(offset, offset + limit),
            totalTasks: tasks.length,
          });
        });
      },
    });
  },
});

/**
 * Tasks whose work would be done once only because the scheduler runs them on one replica at a time (global scope,
 * tested above), which the test below therefore runs on one replica at a time. None today: every task of the suite
 * claims its work in the database (needs-discovery's reminders and demo seeding, for instance) or writes it so that
 * a second writer at the same moment changes nothing.
 */
const ONE_AT_A_TIME_ONLY: string[] = [];

describe('two backend replicas running a task at the same moment: the work is still done once', () => {
  const databases = TestDatabases.create();

  // What if the scheduler's lock is lost (a run outlives its timeout, a replica's clock jumps)? Then both replicas may
  // run a task at once. Each task is run by both replicas at the same moment, three rounds over, and the databases
  // and notifications must be those of one replica running it three times.
  it.each(databases.eachSupportedId())(
    'every scheduled task of the suite (%p)',
    async databaseId => {
      const world = async (replicaCount: number) => {
        const knexes = await pluginDatabases(databases, databaseId, PLUGINS);
        const sends: unknown[] = [];
        const replicas = [];
        for (let r = 0; r < replicaCount; r++) {
          const tasks = new Map<
            string,
            SchedulerServiceTaskInvocationDefinition
          >();
          const backend = await startTestBackend({
            features: [
              needsDiscoveryPlugin,
              habitMetricsPlugin,
              thinnessScorecardPlugin,
              fakeScaffolder,
              databasePerPlugin(knexes, () => databases.init(databaseId)),
              suiteConfig(),
              catalog(),
              createServiceFactory({
                service: notificationServiceRef,
                deps: {},
                factory: () => ({
                  send: async (notification: unknown) => {
                    sends.push(notification);
                  },
                }),
              }),
              capturingScheduler(tasks),
            ],
          });
          replicas.push({ backend, tasks });
        }
        // A survey opened a month ago that nobody answered: its reminder is due.
        await knexes['needs-discovery']('nd_surveys').insert({
          id: 'reminder-due',
          title: 'Due for a reminder',
          status: 'open',
          definition: JSON.stringify({
            title: 'Due for a reminder',
            audience: ['group:default/checkout'],
            anonymityThreshold: 3,
            needs: [{ id: 'need-logs', title: 'Searchable logs' }],
            questions: [{ id: 'r', type: 'need-rating', title: 'Rate' }],
          }),
          wave: 1,
          created_by: 'user:default/priya-raman',
          created_at: Date.now() - 40 * 86_400_000,
          updated_at: Date.now() - 30 * 86_400_000,
          opened_at: Date.now() - 30 * 86_400_000,
          demo: false,
        });
        // A campaign active since last week, for two teams: their announcements are due.
        await knexes['habit-metrics']('hm_campaigns').insert({
          id: 'campaign-active',
          title: 'Ship services on the golden path',
          description: '',
          capability_ref: 'system:default/service-golden-path',
          templates: JSON.stringify([]),
          goal: JSON.stringify({
            kind: 'active-weeks',
            activeWeeks: 3,
            windowWeeks: 4,
          }),
          audience: JSON.stringify({
            source: 'groups',
            groups: ['group:default/checkout', 'group:default/warehouse'],
          }),
          target_date: null,
          status: 'active',
          created_by: 'user:default/priya-raman',
          created_at: Date.now() - 8 * 86_400_000,
          updated_at: Date.now() - 7 * 86_400_000,
          started_at: Date.now() - 7 * 86_400_000,
          ended_at: null,
        });
        await knexes['habit-metrics']('hm_campaign_teams').insert(
          ['group:default/checkout', 'group:default/warehouse'].map(
            team_ref => ({
              campaign_id: 'campaign-active',
              team_ref,
              champion_ref: null,
            }),
          ),
        );
        return { knexes, sends, replicas };
      };

      const errors: string[] = [];
      const one = await world(1);
      const two = await world(2);
      for (let round = 0; round < 3; round++) {
        for (const taskId of SUITE_TASKS) {
          for (const { replicas } of [one, two]) {
            // As the scheduler does, a run that throws is logged (here: kept) and the next one runs as usual.
            const running = ONE_AT_A_TIME_ONLY.includes(taskId)
              ? replicas.slice(0, 1)
              : replicas;
            await Promise.all(
              running.map(async ({ tasks }) => {
                try {
                  await tasks.get(taskId)!.fn(new AbortController().signal);
                } catch (error) {
                  errors.push(`${replicas.length}:${taskId}: ${error}`);
                }
              }),
            );
          }
        }
      }

      // The same rows in every table of every plugin, and the same notifications.
      const counts = async (knexes: typeof one.knexes) => {
        const result: Record<string, number> = {};
        for (const [pluginId, knex] of Object.entries(knexes)) {
          const tables = (await knex.raw(
            String(knex.client.config.client).includes('sqlite')
              ? "select name from sqlite_master where type = 'table'"
              : "select tablename as name from pg_tables where schemaname = 'public'",
          )) as { name: string }[] | { rows: { name: string }[] };
          const names = (Array.isArray(tables) ? tables : tables.rows)
            .map(t => t.name)
            .filter(
              name =>
                /^(nd|hm|ts)_/.test(name) && !name.startsWith('nd_settings'),
            )
            .sort();
          for (const name of names) {
            const [{ n }] = await knex(name).count({ n: '*' });
            result[`${pluginId}.${name}`] = Number(n);
          }
        }
        const [{ n }] = await knexes['habit-metrics']('hm_events')
          .where('idempotency_key', 'like', '%scaffolder-task:%')
          .count({ n: '*' });
        result['habit-metrics: ingested template runs'] = Number(n);
        return result;
      };
      const expected = await counts(one.knexes);
      expect(expected['habit-metrics: ingested template runs']).toBe(3);
      // Every run succeeded, and the runs did something: demo data, ingested template runs and components, a
      // reminder, campaign announcements.
      expect(errors).toEqual([]);
      expect(expected['needs-discovery.nd_surveys']).toBeGreaterThan(1);
      expect(
        expected['needs-discovery.nd_catalog_capabilities'],
      ).toBeGreaterThan(0);
      expect(expected['habit-metrics.hm_events']).toBeGreaterThan(0);
      expect(expected['habit-metrics.hm_components']).toBeGreaterThan(0);
      expect(expected['thinness-scorecard.ts_snapshots']).toBeGreaterThan(0);
      expect(
        expected['habit-metrics.hm_campaign_notifications'],
      ).toBeGreaterThan(0);
      expect(one.sends.length).toBeGreaterThan(0);
      expect(await counts(two.knexes)).toEqual(expected);
      const recipients = (sends: unknown[]) =>
        sends
          .map(n => JSON.stringify((n as { recipients: unknown }).recipients))
          .sort();
      expect(recipients(two.sends)).toEqual(recipients(one.sends));

      for (const { replicas } of [one, two]) {
        for (const { backend } of replicas) await backend.stop();
      }
    },
  );
});
