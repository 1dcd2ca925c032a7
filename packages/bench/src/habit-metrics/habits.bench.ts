/*
 * `yarn bench:habits`: every habit-metrics endpoint at scale (1M events by default), on SQLite and PostgreSQL.
 *
 * Jest runs it so that startTestBackend and the service mocks work, but only through the bench package's
 * `bench:habits` script: the normal test run matches `*.test.ts` and never picks it up.
 *
 * Per engine: a fresh database; the plugin's own migrations (through the backend); BENCH_EVENTS rows over
 * BENCH_WEEKS weeks, BENCH_TEAMS teams and BENCH_CAPABILITIES capabilities bulk-inserted, then ANALYZE. For each
 * metric endpoint, through the real HTTP server: check once that it serves the same figures as its floor (one
 * hand-written SQL statement, see floor.ts), then time the floor and the endpoint BENCH_RUNS times each after
 * BENCH_WARMUPS untimed calls. Then ingest: BENCH_INGEST_EVENTS events in POST /events batches of
 * BENCH_INGEST_BATCH from BENCH_INGEST_CLIENTS concurrent clients, counted in the table afterwards, and replayed
 * (which must add nothing). Prints a table and a `BENCH habits <engine>` line, writes .data/bench/habits-<engine>.json.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  addWeeks,
  DEFAULT_HABIT_WEEKS,
  DEFAULT_MIN_STREAK_WEEKS,
  DEFAULT_RETENTION_WEEKS,
  EVENT_KINDS,
  HabitEventInput,
  weekStartOf,
} from '@platform-product/plugin-habit-metrics-common';
import { isDeepStrictEqual } from 'node:util';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import {
  apiClient,
  ApiClient,
  BenchDatabase,
  BenchEngine,
  expectOk,
  formatMs,
  Latency,
  measure,
  openPostgres,
  openSqlite,
  queryRows,
  ratio,
  summarize,
  table,
} from '..';
// The bench measures the plugin itself; only this private package depends on the backend plugin.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import habitMetricsPlugin from '@platform-product/plugin-habit-metrics-backend';
import {
  adoptionFloor,
  adoptionOfAllFloor,
  capabilityFloor,
  Floor,
  FloorContext,
  goldenPathFloor,
  retentionFloor,
  reversionsFloor,
  stickinessFloor,
  teamFloor,
  timeToHabitFloor,
} from './floor';
import {
  benchCatalogEntities,
  benchOrg,
  BenchOrg,
  seedEvents,
  SeedResult,
} from './seed';

jest.setTimeout(2 * 60 * 60_000);

/** The target of the issue: each endpoint's p95 at most 1.5 × the p95 of its floor. */
const TARGET_P95_RATIO = 1.5;
/** How far back the service looks for streaks (MetricsService's REVERSION_LOOKBACK_WEEKS). */
const LOOKBACK_WEEKS = 156;
const INGEST_SOURCE = 'bench-ingest';

function intFromEnv(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer ≥ ${min}; got "${raw}"`);
  }
  return value;
}

const config = {
  engines: (process.env.BENCH_ENGINES ?? 'sqlite,postgres')
    .split(/[,|]/)
    .map(engine => engine.trim().toLocaleLowerCase('en-US'))
    .filter(Boolean) as BenchEngine[],
  events: intFromEnv('BENCH_EVENTS', 1_000_000),
  weeks: intFromEnv('BENCH_WEEKS', 52, 4),
  teams: intFromEnv('BENCH_TEAMS', 300, 2),
  capabilities: intFromEnv('BENCH_CAPABILITIES', 40, 1),
  runs: intFromEnv('BENCH_RUNS', 20),
  warmups: intFromEnv('BENCH_WARMUPS', 2, 0),
  ingestEvents: intFromEnv('BENCH_INGEST_EVENTS', 20_000),
  ingestBatch: intFromEnv('BENCH_INGEST_BATCH', 100),
  ingestClients: intFromEnv('BENCH_INGEST_CLIENTS', 8),
  postgres:
    process.env.BENCH_PG_CONNECTION ??
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
    'postgresql://postgres@127.0.0.1:5432',
  outDir:
    process.env.BENCH_OUT_DIR ??
    resolve(resolvePackagePath('@platform-product/bench'), '../../.data/bench'),
  /** Also fail on a missed performance target, not only on wrong figures or lost events. */
  strict: process.env.BENCH_STRICT === '1',
  /** Measure only the endpoints whose name contains one of these (comma-separated); all by default. */
  only: (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean),
};

for (const engine of config.engines) {
  if (engine !== 'sqlite' && engine !== 'postgres') {
    throw new Error(
      `BENCH_ENGINES takes sqlite and/or postgres; got "${engine}"`,
    );
  }
}
if (config.ingestBatch > 500) {
  throw new Error('BENCH_INGEST_BATCH must be at most 500 (the API limit)');
}

// Jest decorates console output with stack traces; the report goes straight to the terminal.
const say = (text: string) => process.stdout.write(`${text}\n`);
const progress = (text: string) => process.stderr.write(`  … ${text}\n`);

const READER = mockCredentials.user.header('user:default/bench-reader');
const SERVICE = mockCredentials.service.header();

function startBackend(db: BenchDatabase, org: BenchOrg) {
  return startTestBackend({
    features: [
      habitMetricsPlugin,
      mockServices.database.factory({ knex: db.knex }),
      mockServices.rootConfig.factory({
        data: {
          habitMetrics: {
            ingestion: {
              scaffolder: { enabled: false },
              catalog: { enabled: false },
            },
          },
        },
      }),
      catalogServiceMock.factory({ entities: benchCatalogEntities(org) }),
      // Decisions are not under test: every read still makes its authorize call.
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    ],
  });
}

interface EndpointSpec {
  name: string;
  path: string;
  floor: Floor<unknown>;
}

interface EndpointRun {
  name: string;
  path: string;
  bytes: number;
  floor: Latency;
  endpoint: Latency;
  ratioP50: number;
  ratioP95: number;
  targetMet: boolean;
}

interface IngestRun {
  events: number;
  batchSize: number;
  clients: number;
  requests: number;
  accepted: number;
  duplicates: number;
  failed: number;
  firstFailure: string | null;
  stored: number;
  lost: number;
  seconds: number;
  eventsPerSecond: number;
  requestLatency: Latency;
  replay: { accepted: number; duplicates: number; added: number };
}

interface EngineRun {
  db: BenchDatabase;
  seed: SeedResult;
  analyzeSeconds: number;
  endpoints: EndpointRun[];
  ingest: IngestRun;
  capabilityRef: string;
  teamRef: string;
}

/** Every figure the benchmark times, for the busiest capability and the busiest team. */
function endpointSpecs(
  ctx: FloorContext,
  capabilityRef: string,
  teamRef: string,
): EndpointSpec[] {
  const [, teamNamespace, teamName] = /^group:([^/]+)\/(.+)$/.exec(teamRef)!;
  const [, kind, namespace, name] = /^([^:]+):([^/]+)\/(.+)$/.exec(
    capabilityRef,
  )!;
  const capability = encodeURIComponent(capabilityRef);
  return [
    {
      name: 'golden-path',
      path: '/golden-path',
      floor: goldenPathFloor(ctx),
    },
    {
      name: 'adoption (capability)',
      path: `/adoption?capability=${capability}`,
      floor: adoptionFloor(ctx, capabilityRef),
    },
    {
      name: 'adoption (all)',
      path: '/adoption',
      floor: adoptionOfAllFloor(ctx),
    },
    {
      name: 'retention (capability)',
      path: `/retention?capability=${capability}`,
      floor: retentionFloor(ctx, capabilityRef),
    },
    { name: 'stickiness', path: '/stickiness', floor: stickinessFloor(ctx) },
    { name: 'reversions', path: '/reversions', floor: reversionsFloor(ctx) },
    {
      name: 'time-to-habit',
      path: '/time-to-habit',
      floor: timeToHabitFloor(ctx),
    },
    {
      name: 'team',
      path: `/teams/${teamNamespace}/${teamName}`,
      floor: teamFloor(ctx, teamRef),
    },
    {
      name: 'capability',
      path: `/capabilities/${kind}/${namespace}/${name}`,
      floor: capabilityFloor(ctx, capabilityRef),
    },
  ].filter(
    spec =>
      config.only.length === 0 ||
      config.only.some(part => spec.name.includes(part)),
  );
}

/** The floor only means something if it computes what the endpoint serves. */
function assertSameFigures(
  spec: EndpointSpec,
  fromFloor: unknown,
  fromBody: unknown,
) {
  if (!isDeepStrictEqual(fromFloor, fromBody)) {
    const show = (value: unknown) => JSON.stringify(value).slice(0, 1500);
    throw new Error(
      `${spec.name}: the endpoint and its floor disagree\n  floor:    ${show(
        fromFloor,
      )}\n  endpoint: ${show(fromBody)}`,
    );
  }
}

/** Activity of the current week, spread over the teams and capabilities, each event with a key of its own. */
function ingestBatches(org: BenchOrg, now: Date): HabitEventInput[][] {
  const week = Date.parse(`${weekStartOf(now)}T00:00:00Z`);
  const span = Math.max(1, now.getTime() - week);
  const events: HabitEventInput[] = Array.from(
    { length: config.ingestEvents },
    (_, i) => {
      const capability = i % org.capabilities.length;
      const byTemplate = i % 3 === 0;
      return {
        source: INGEST_SOURCE,
        kind: byTemplate ? EVENT_KINDS.templateCreate : 'deploy',
        way: i % 17 === 0 ? 'old' : 'new',
        ...(byTemplate
          ? { templateRef: org.templates[capability] }
          : { capabilityRef: org.capabilities[capability] }),
        teamRef: org.teams[(i * 7) % org.teams.length],
        at: new Date(week + ((i * 7919) % span)).toISOString(),
        idempotencyKey: `bench-${i}`,
      };
    },
  );
  const batches: HabitEventInput[][] = [];
  for (let i = 0; i < events.length; i += config.ingestBatch) {
    batches.push(events.slice(i, i + config.ingestBatch));
  }
  return batches;
}

/** Sends the batches from concurrent clients, each taking the next batch when its previous one is answered. */
async function sendBatches(client: ApiClient, batches: HabitEventInput[][]) {
  let next = 0;
  let accepted = 0;
  let duplicates = 0;
  let failed = 0;
  let firstFailure: string | null = null;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: config.ingestClients }, async () => {
      for (let i = next++; i < batches.length; i = next++) {
        const sent = performance.now();
        try {
          const result = await client.call('POST', '/events', SERVICE, {
            events: batches[i],
          });
          latencies.push(performance.now() - sent);
          if (result.status === 202) {
            const body = JSON.parse(result.body) as {
              accepted: number;
              duplicates: number;
            };
            accepted += body.accepted;
            duplicates += body.duplicates;
            continue;
          }
          firstFailure ??= `${result.status} ${result.body.slice(0, 300)}`;
        } catch (error) {
          firstFailure ??= String(error);
        }
        failed += batches[i].length;
      }
    }),
  );
  return {
    seconds: (performance.now() - started) / 1000,
    accepted,
    duplicates,
    failed,
    firstFailure,
    latencies,
  };
}

async function ingest(
  baseUrl: string,
  db: BenchDatabase,
  org: BenchOrg,
): Promise<IngestRun> {
  const stored = async () =>
    Number(
      (
        await db
          .knex('hm_events')
          .where({ source: INGEST_SOURCE })
          .count({ count: '*' })
          .first()
      )?.count ?? 0,
    );
  const batches = ingestBatches(org, new Date());
  const first = await phase(baseUrl, client => sendBatches(client, batches));
  const afterFirst = await stored();
  const replay = await phase(baseUrl, client => sendBatches(client, batches));
  const afterReplay = await stored();
  return {
    events: config.ingestEvents,
    batchSize: config.ingestBatch,
    clients: config.ingestClients,
    requests: batches.length,
    accepted: first.accepted,
    duplicates: first.duplicates,
    failed: first.failed + replay.failed,
    firstFailure: first.firstFailure ?? replay.firstFailure,
    stored: afterFirst,
    // One team per event, so one row per accepted event.
    lost: first.accepted - afterFirst,
    seconds: Math.round(first.seconds * 100) / 100,
    eventsPerSecond: Math.round(first.accepted / first.seconds),
    requestLatency: summarize(first.latencies),
    replay: {
      accepted: replay.accepted,
      duplicates: replay.duplicates,
      added: afterReplay - afterFirst,
    },
  };
}

/**
 * Runs one phase on connections of its own. On SQLite a long statement (a floor) blocks the event loop that serves
 * HTTP too; a keep-alive socket left idle meanwhile may be closed by the server just as a shared client reuses it.
 */
async function phase<T>(
  baseUrl: string,
  run: (client: ApiClient) => Promise<T>,
): Promise<T> {
  const client = apiClient(baseUrl);
  try {
    return await run(client);
  } finally {
    client.close();
  }
}

async function measureEngine(db: BenchDatabase): Promise<EngineRun> {
  const { engine } = db;
  const org = benchOrg(config.teams, config.capabilities);
  const backend = await startBackend(db, org);
  try {
    const baseUrl = `http://127.0.0.1:${backend.server.port()}/api/habit-metrics`;
    const currentWeek = weekStartOf(new Date());
    const seed = await seedEvents({
      db: db.knex,
      org,
      events: config.events,
      weeks: config.weeks,
      currentWeek,
      onProgress: done => {
        if (done % 200_000 === 0 || done === config.events) {
          progress(`${engine}: seeded ${done} events`);
        }
      },
    });
    const analyzeStarted = performance.now();
    await db.analyze();
    const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
    progress(
      `${engine}: seeding ${seed.seconds.toFixed(
        1,
      )} s, analyze ${analyzeSeconds.toFixed(1)} s`,
    );

    // The busiest capability and team: the worst case of the per-capability and per-team endpoints.
    const [{ capability_ref: capabilityRef }] = await queryRows<{
      capability_ref: string;
    }>(
      db.knex,
      `select capability_ref from hm_events where capability_ref is not null
        group by capability_ref order by count(*) desc, capability_ref limit 1`,
    );
    const [{ team_ref: teamRef }] = await queryRows<{ team_ref: string }>(
      db.knex,
      `select team_ref from hm_events group by team_ref order by count(*) desc, team_ref limit 1`,
    );
    const ctx: FloorContext = {
      engine,
      from: addWeeks(currentWeek, -25),
      to: currentWeek,
      habitWeeks: DEFAULT_HABIT_WEEKS,
      minStreakWeeks: DEFAULT_MIN_STREAK_WEEKS,
      retentionWeeks: DEFAULT_RETENTION_WEEKS,
      lookbackWeeks: LOOKBACK_WEEKS,
    };

    const endpoints: EndpointRun[] = [];
    for (const spec of endpointSpecs(ctx, capabilityRef, teamRef)) {
      // Timed: the round trip up to the last byte of the body; parsing it is the client's business.
      const call = async (client: ApiClient) => {
        const result = await client.call('GET', spec.path, READER);
        if (result.status !== 200) expectOk(result, spec.path);
        return result;
      };
      const first = await phase(baseUrl, call);
      const body = expectOk<unknown>(first, spec.path);
      const bytes = Buffer.byteLength(first.body);
      const rows = await spec.floor.query(db.knex);
      assertSameFigures(
        spec,
        spec.floor.fromRows(rows),
        spec.floor.fromBody(body),
      );
      const floor = await measure({
        runs: config.runs,
        warmups: config.warmups,
        operation: () => spec.floor.query(db.knex),
      });
      const endpoint = await phase(baseUrl, client =>
        measure({
          runs: config.runs,
          warmups: config.warmups,
          operation: () => call(client),
        }),
      );
      const run: EndpointRun = {
        name: spec.name,
        path: spec.path,
        bytes,
        floor,
        endpoint,
        ratioP50: ratio(endpoint.p50, floor.p50),
        ratioP95: ratio(endpoint.p95, floor.p95),
        targetMet: ratio(endpoint.p95, floor.p95) <= TARGET_P95_RATIO,
      };
      endpoints.push(run);
      progress(
        `${engine}: ${spec.name}: endpoint p95 ${formatMs(
          endpoint.p95,
        )}, floor p95 ${formatMs(floor.p95)} (${run.ratioP95}×)`,
      );
    }

    const ingestRun = await ingest(baseUrl, db, org);
    progress(
      `${engine}: ingested ${ingestRun.accepted} events in ${ingestRun.seconds} s`,
    );
    return {
      db,
      seed,
      analyzeSeconds,
      endpoints,
      ingest: ingestRun,
      capabilityRef,
      teamRef,
    };
  } finally {
    await backend.stop();
  }
}

function report(run: EngineRun) {
  const { db, seed, endpoints, ingest: ingested } = run;
  const verdict = (met: boolean) => (met ? 'MET' : 'MISSED');
  const ingestOk =
    ingested.lost === 0 &&
    ingested.failed === 0 &&
    ingested.replay.added === 0 &&
    ingested.accepted === ingested.events;

  say(
    `\nhabit-metrics benchmark, ${db.version}: ${seed.events} events over ${
      seed.weeks
    } weeks (${seed.firstWeek}..${seed.lastWeek}), ${config.teams} teams, ${
      config.capabilities
    } capabilities; node ${process.version}, ${cpus().length} CPUs`,
  );
  say(
    `seeded in ${seed.seconds.toFixed(1)} s (${
      seed.eventsPerSecond
    } rows/s), analyze ${run.analyzeSeconds.toFixed(
      1,
    )} s; per-capability endpoints use ${
      run.capabilityRef
    }, the team endpoint ${run.teamRef}; ${config.runs} timed runs after ${
      config.warmups
    } warm-ups`,
  );
  say(
    table([
      [
        'endpoint',
        'floor p50',
        'floor p95',
        'api p50',
        'api p95',
        'p95 ratio',
        'target',
        '',
        'body',
      ],
      ...endpoints.map(e => [
        e.path.length > 48 ? `${e.path.slice(0, 45)}...` : e.path,
        formatMs(e.floor.p50),
        formatMs(e.floor.p95),
        formatMs(e.endpoint.p50),
        formatMs(e.endpoint.p95),
        `${e.ratioP95}×`,
        `≤ ${TARGET_P95_RATIO}×`,
        verdict(e.targetMet),
        `${Math.round(e.bytes / 1024)} KB`,
      ]),
    ]),
  );
  say(
    `ingest: ${ingested.events} events, ${ingested.requests} POST /events of ${
      ingested.batchSize
    } from ${ingested.clients} clients in ${ingested.seconds} s = ${
      ingested.eventsPerSecond
    } events/s (request p50 ${formatMs(
      ingested.requestLatency.p50,
    )}, p95 ${formatMs(ingested.requestLatency.p95)}); accepted ${
      ingested.accepted
    }, stored ${ingested.stored}, lost ${ingested.lost}, failed ${
      ingested.failed
    }${
      ingested.firstFailure ? ` (first: ${ingested.firstFailure})` : ''
    }; replay: accepted ${ingested.replay.accepted}, duplicates ${
      ingested.replay.duplicates
    }, rows added ${ingested.replay.added} — ${ingestOk ? 'OK' : 'FAILED'}`,
  );
  const met = endpoints.filter(e => e.targetMet).length;
  const worst = endpoints.reduce(
    (a, b) => (b.ratioP95 > a.ratioP95 ? b : a),
    endpoints[0],
  );
  say(
    [
      `BENCH habits ${db.engine}`,
      `events=${seed.events}`,
      `seed_s=${seed.seconds.toFixed(1)}`,
      ...endpoints.map(
        e =>
          `${e.name.replace(/[^a-z]+/g, '_').replace(/_$/, '')}=${
            e.endpoint.p95
          }/${e.floor.p95}ms(${e.ratioP95}x)`,
      ),
      `met=${met}/${endpoints.length}`,
      `worst=${worst?.name.replace(/[^a-z]+/g, '_').replace(/_$/, '')}:${
        worst?.ratioP95
      }x`,
      `ingest_eps=${ingested.eventsPerSecond}`,
      `lost=${ingested.lost}`,
      `replay_added=${ingested.replay.added}`,
    ].join(' '),
  );

  return {
    engine: db.engine,
    engineVersion: db.version,
    engineSettings: db.settings,
    node: process.version,
    cpus: cpus().length,
    finishedAt: new Date().toISOString(),
    size: {
      events: seed.events,
      weeks: seed.weeks,
      teams: config.teams,
      capabilities: config.capabilities,
    },
    seeding: {
      ...seed,
      analyzeSeconds: Math.round(run.analyzeSeconds * 100) / 100,
    },
    measured: {
      capabilityRef: run.capabilityRef,
      teamRef: run.teamRef,
      runs: config.runs,
      warmups: config.warmups,
    },
    target: { endpointP95MaxRatioToFloor: TARGET_P95_RATIO },
    endpoints,
    ingest: { ...ingested, ok: ingestOk },
  };
}

function failuresOf(run: EngineRun): string[] {
  const failures: string[] = [];
  const { ingest: ingested } = run;
  if (ingested.lost !== 0)
    failures.push(`${ingested.lost} accepted events were lost`);
  if (ingested.failed !== 0) failures.push(`${ingested.failed} events failed`);
  if (ingested.replay.added !== 0) {
    failures.push(`the replay added ${ingested.replay.added} rows`);
  }
  if (config.strict) {
    for (const e of run.endpoints.filter(x => !x.targetMet)) {
      failures.push(`${e.name} p95 is ${e.ratioP95}× its floor`);
    }
  }
  return failures;
}

describe('habit-metrics benchmark', () => {
  it.each(config.engines)('%s', async engine => {
    const db =
      engine === 'sqlite'
        ? await openSqlite('habit-metrics')
        : await openPostgres(config.postgres, 'habit-metrics');
    if ('unavailable' in db) {
      say(`BENCH habits ${engine} SKIPPED: ${db.unavailable}`);
      return;
    }
    try {
      const run = await measureEngine(db);
      const results = report(run);
      await mkdir(config.outDir, { recursive: true });
      const file = resolve(config.outDir, `habits-${engine}.json`);
      await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
      say(`written to ${file}`);
      expect(failuresOf(run)).toEqual([]);
    } finally {
      await db.dispose();
    }
  });
});
