/*
 * `yarn bench:scorecard`: the thinness scorecard on a synthetic 100k-entity catalog served through the catalog API.
 *
 * Jest runs it, but only through the bench package's `bench:scorecard` script: the normal test run matches
 * `*.test.ts` and never picks this file up.
 *
 * Three processes:
 * - catalogServer.js serves BENCH_ENTITIES entities (60 capabilities with their parts, 400 product teams, the rest
 *   product components that depend on or consume capability parts, many made from golden-path templates) through
 *   /api/catalog/entities/by-query (filters, `fields`, cursor paging) and /entities/by-refs, plus needs-discovery's
 *   and habit-metrics' routes;
 * - recomputeWorker.ts runs the plugin's recompute path with Backstage's CatalogClient as catalog service, and
 *   measures the full recompute (wall time, its own peak RSS sampled every 20 ms) and one capability's refresh;
 * - this Jest process replays the worker's catalog requests without processing (the floor: HTTP read only), and
 *   runs the plugin on a test backend against the same catalog to check the HTTP API gives the same figures.
 * Printed as a table and a `BENCH scorecard` line, and written to .data/bench/scorecard.json.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  createServiceFactory,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CapabilityDetail,
  Scorecard,
} from '@platform-product/plugin-thinness-scorecard-common';
import { percentile, ratio } from '..';
import { ChildProcess, fork } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
// The bench measures the plugin itself; only this private package depends on the backend plugin.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import thinnessScorecardPlugin from '@platform-product/plugin-thinness-scorecard-backend';
import type { WorkerOptions, WorkerResult } from './recomputeWorker';

jest.setTimeout(60 * 60_000);

/** The targets from the issue. */
const TARGET_FULL_SECONDS = 60;
const TARGET_RSS_MB = 512;
const TARGET_ONE_SECONDS = 1;

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
  entities: intFromEnv('BENCH_ENTITIES', 100_000, 1_000),
  capabilities: 60,
  teams: 400,
  templates: 20,
  fullRuns: intFromEnv('BENCH_RUNS', 3),
  oneRuns: intFromEnv('BENCH_ONE_RUNS', 10),
  outDir:
    process.env.BENCH_OUT_DIR ??
    resolve(resolvePackagePath('@platform-product/bench'), '../../.data/bench'),
  strict: process.env.BENCH_STRICT === '1',
};

/** The bench's own sources: it only ever runs from the repository, never from a build. */
const benchDir = resolvePackagePath(
  '@platform-product/bench',
  'src/thinness-scorecard',
);

const say = (text: string) => process.stdout.write(`${text}\n`);
const progress = (text: string) => process.stderr.write(`  … ${text}\n`);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const s = (ms: number) => Math.round(ms) / 1000;

interface CatalogInfo {
  port: number;
  entities: number;
  counts: Record<string, number>;
  relations: number;
}

async function startCatalog(): Promise<{
  child: ChildProcess;
  info: CatalogInfo;
}> {
  const child = fork(
    resolve(benchDir, 'catalogServer.js'),
    [
      JSON.stringify({
        entities: config.entities,
        capabilities: config.capabilities,
        teams: config.teams,
        templates: config.templates,
      }),
    ],
    { execArgv: ['--max-old-space-size=4096'], stdio: 'inherit' },
  );
  const info = await new Promise<CatalogInfo>((done, fail) => {
    child.once('message', message => done(message as CatalogInfo));
    child.once('exit', code =>
      fail(new Error(`The bench catalog exited with code ${code}`)),
    );
  });
  return { child, info };
}

function runWorker(options: WorkerOptions): Promise<WorkerResult> {
  const worker = fork(
    resolve(benchDir, 'recomputeWorker.ts'),
    [JSON.stringify(options)],
    {
      execArgv: [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
      stdio: 'inherit',
    },
  );
  return new Promise<WorkerResult>((done, fail) => {
    worker.on('message', message => {
      const { type, result } = message as { type?: string; result?: unknown };
      if (type === 'bench-result') done(result as WorkerResult);
    });
    worker.once('exit', code => {
      if (code !== 0)
        fail(new Error(`The bench worker exited with code ${code}`));
    });
  });
}

/** Samples this process's RSS every 20 ms while `fn` runs; returns the result, wall time and peak RSS. */
async function measured<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; ms: number; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - started;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { result, ms, peakRss };
  } finally {
    clearInterval(timer);
  }
}

/** Nearest-rank percentile of unsorted samples (the shared helper takes them sorted). */
const percentileOf = (values: number[], p: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    p,
  );
const median = (values: number[]) => percentileOf(values, 50);

describe('thinness scorecard benchmark', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let child: ChildProcess | undefined;

  afterAll(() => {
    child?.kill();
  });

  it(`recomputes the scorecard of a ${config.entities}-entity catalog`, async () => {
    progress(`generating the ${config.entities}-entity catalog`);
    const catalog = await startCatalog();
    child = catalog.child;
    const base = `http://127.0.0.1:${catalog.info.port}`;
    progress(
      `catalog ready: ${JSON.stringify(catalog.info.counts)}, ${
        catalog.info.relations
      } relations`,
    );

    // The recompute path in a process of its own.
    const oneRefs = ['system:default/cap-00', 'system:default/cap-45'];
    progress('measuring in the worker process');
    const worker = await runWorker({
      base,
      dbFile: resolve(await mkdtemp(join(tmpdir(), 'ts-bench-')), 'db.sqlite'),
      fullRuns: config.fullRuns,
      oneRefs,
      oneRuns: config.oneRuns,
    });
    const full = worker.full;
    const recorded = worker.requests;
    const one = worker.one;
    const oneAll = Object.values(one).flat();
    expect(worker.capabilities).toBe(config.capabilities);
    expect(worker.productTeams).toBe(config.teams);
    expect(worker.consumers['system:default/cap-00']).toBeGreaterThan(
      config.teams * 0.9,
    );

    // The floor: the same catalog requests, replayed without processing.
    const floor: number[] = [];
    let floorBytes = 0;
    for (let run = 0; run < config.fullRuns; run++) {
      const started = performance.now();
      let bytes = 0;
      for (const request of recorded) {
        const response = await fetch(`${base}${request.path}`, {
          method: request.method,
          headers: request.body
            ? { 'content-type': 'application/json' }
            : undefined,
          body: request.body,
        });
        bytes += (await response.arrayBuffer()).byteLength;
      }
      floor.push(performance.now() - started);
      floorBytes = bytes;
    }
    progress(
      `floor: ${recorded.length} requests, ${mb(floorBytes)} MB, median ${s(
        median(floor),
      )} s`,
    );

    // The same through the plugin's HTTP API on a test backend (Backstage's default catalog service over HTTP).
    const knex = await databases.init('SQLITE_3');
    const { server } = await startTestBackend({
      features: [
        thinnessScorecardPlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({ data: { thinnessScorecard: {} } }),
        mockServices.discovery.mock({
          getBaseUrl: async (pluginId: string) => `${base}/api/${pluginId}`,
          getExternalBaseUrl: async (pluginId: string) =>
            `${base}/api/${pluginId}`,
        }).factory,
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        // The daily task is not under test; it is captured and never run.
        mockServices.scheduler.mock({ scheduleTask: async () => {} }).factory,
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async () => {} }),
        }),
      ],
    });
    const api = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/thinness-scorecard`;
    const authorization = mockCredentials.service.header();
    const call = async <T>(method: string, path: string): Promise<T> => {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: { authorization },
      });
      const text = await response.text();
      if (!response.ok) {
        throw new Error(`${method} ${path}: ${response.status} ${text}`);
      }
      return JSON.parse(text) as T;
    };
    const viaHttp = await measured(() => call<Scorecard>('POST', '/refresh'));
    const scorecard = viaHttp.result;
    expect(
      Object.fromEntries(
        scorecard.capabilities.map(c => [c.entityRef, c.consumers.count]),
      ),
    ).toEqual(worker.consumers);
    expect(scorecard.sources).toEqual({
      needsDiscovery: true,
      habitMetrics: true,
    });
    const oneViaHttpRuns: number[] = [];
    for (let run = 0; run <= config.oneRuns; run++) {
      const oneViaHttp = await measured(() =>
        call<CapabilityDetail>(
          'GET',
          '/capabilities/system/default/cap-00?refresh=true',
        ),
      );
      expect(oneViaHttp.result.capability.consumers.count).toBe(
        worker.consumers['system:default/cap-00'],
      );
      if (run > 0) oneViaHttpRuns.push(oneViaHttp.ms); // the first is a warm-up
    }
    progress(
      `via the HTTP API: refresh ${s(viaHttp.ms)} s, one capability p50 ${s(
        median(oneViaHttpRuns),
      )} s`,
    );

    const fullMs = full.map(f => f.ms);
    const peakRss = Math.max(...full.map(f => f.peakRss));
    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        totalMemoryMb: mb(totalmem()),
        node: process.version,
      },
      catalog: {
        entities: catalog.info.entities,
        counts: catalog.info.counts,
        relations: catalog.info.relations,
        capabilities: config.capabilities,
        productTeams: config.teams,
      },
      fullRecompute: {
        runs: fullMs.map(s),
        medianSeconds: s(median(fullMs)),
        maxSeconds: s(Math.max(...fullMs)),
        catalogRequests: recorded.length,
        catalogMb: mb(floorBytes),
        peakRssMb: mb(peakRss),
        baselineRssMb: mb(worker.baselineRss),
        viaHttpApiSeconds: s(viaHttp.ms),
        targetSeconds: TARGET_FULL_SECONDS,
        targetRssMb: TARGET_RSS_MB,
      },
      floor: {
        runs: floor.map(s),
        medianSeconds: s(median(floor)),
        ratio: ratio(median(fullMs), median(floor)),
      },
      oneCapability: {
        runs: Object.fromEntries(
          Object.entries(one).map(([ref, runs]) => [ref, runs.map(s)]),
        ),
        p50Seconds: s(median(oneAll)),
        p95Seconds: s(percentileOf(oneAll, 95)),
        maxSeconds: s(Math.max(...oneAll)),
        viaHttpApi: {
          capability: 'system:default/cap-00',
          p50Seconds: s(median(oneViaHttpRuns)),
          p95Seconds: s(percentileOf(oneViaHttpRuns, 95)),
        },
        targetSeconds: TARGET_ONE_SECONDS,
      },
      verdicts: worker.verdicts,
      score: worker.score,
    };
    const met = {
      full: results.fullRecompute.maxSeconds <= TARGET_FULL_SECONDS,
      rss: results.fullRecompute.peakRssMb <= TARGET_RSS_MB,
      one: results.oneCapability.p95Seconds <= TARGET_ONE_SECONDS,
    };

    const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
    say('');
    say(
      `Thinness scorecard on ${results.catalog.entities} entities (${results.catalog.relations} relations), ${config.capabilities} capabilities, ${config.teams} product teams; ${results.machine.cpus} CPUs, Node ${results.machine.node}`,
    );
    say(
      `  full recompute     median ${
        results.fullRecompute.medianSeconds
      } s, max ${
        results.fullRecompute.maxSeconds
      } s (target ≤ ${TARGET_FULL_SECONDS} s: ${ok(met.full)})`,
    );
    say(
      `  peak RSS           ${
        results.fullRecompute.peakRssMb
      } MB in the worker process (${
        results.fullRecompute.baselineRssMb
      } MB before; target ≤ ${TARGET_RSS_MB} MB: ${ok(met.rss)})`,
    );
    say(
      `  catalog reads      ${results.fullRecompute.catalogRequests} requests, ${results.fullRecompute.catalogMb} MB`,
    );
    say(
      `  via the HTTP API   POST /refresh ${results.fullRecompute.viaHttpApiSeconds} s, cap-00 refresh p50 ${results.oneCapability.viaHttpApi.p50Seconds} s, p95 ${results.oneCapability.viaHttpApi.p95Seconds} s (Jest-hosted test backend)`,
    );
    say(
      `  floor (HTTP only)  median ${results.floor.medianSeconds} s; recompute / floor = ${results.floor.ratio}`,
    );
    say(
      `  one capability     p50 ${results.oneCapability.p50Seconds} s, p95 ${
        results.oneCapability.p95Seconds
      } s, max ${
        results.oneCapability.maxSeconds
      } s (target ≤ ${TARGET_ONE_SECONDS} s: ${ok(met.one)})`,
    );
    say(
      `BENCH scorecard entities=${results.catalog.entities} full_s=${
        results.fullRecompute.medianSeconds
      } full_max_s=${results.fullRecompute.maxSeconds} peak_rss_mb=${
        results.fullRecompute.peakRssMb
      } floor_s=${results.floor.medianSeconds} ratio=${
        results.floor.ratio
      } one_p95_s=${results.oneCapability.p95Seconds} requests=${
        results.fullRecompute.catalogRequests
      } targets=${met.full && met.rss && met.one ? 'met' : 'missed'}`,
    );
    await mkdir(config.outDir, { recursive: true });
    await writeFile(
      resolve(config.outDir, 'scorecard.json'),
      `${JSON.stringify({ ...results, targetsMet: met }, null, 2)}\n`,
    );
    say(`  written to ${resolve(config.outDir, 'scorecard.json')}`);

    const missed = Object.entries(met)
      .filter(([, pass]) => !pass)
      .map(([target]) => target);
    expect(config.strict ? missed : []).toEqual([]);
  });
});
