/*
 * The benchmark's measuring process: runs the plugin's own recompute path (CapabilityFactsCollector +
 * ScorecardService + DatabaseScorecardStore on SQLite) against the bench catalog over HTTP, with Backstage's
 * CatalogClient as the catalog service, and reports wall times and this process's peak RSS.
 *
 * It is a process of its own (forked by scorecard.bench.ts with Backstage's node transform, as `backstage-cli
 * package start` runs a backend) so that the RSS measured is the scorecard's, not Jest's.
 */
// Only ever runs as the benchmark's child process; catalog-client comes with the catalog-node dependency.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { CatalogClient } from '@backstage/catalog-client';
import {
  AuthService,
  BackstageCredentials,
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import knexFactory from 'knex';
/* The plugin's recompute path, driven directly: internals resolved in the monorepo (no `exports` field), imported
   only by this private package. */
/* eslint-disable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
import { DatabaseScorecardStore } from '@platform-product/plugin-thinness-scorecard-backend/src/database/DatabaseScorecardStore';
import { CapabilityFactsCollector } from '@platform-product/plugin-thinness-scorecard-backend/src/service/CapabilityFactsCollector';
import { ReviewNotifier } from '@platform-product/plugin-thinness-scorecard-backend/src/service/ReviewNotifier';
import { ScorecardService } from '@platform-product/plugin-thinness-scorecard-backend/src/service/ScorecardService';
import { readSettings } from '@platform-product/plugin-thinness-scorecard-backend/src/settings';
// The default (HTTP) implementations of the -node services, as the service refs' default factories build them.
import { DefaultHabitMetricsService } from '@platform-product/plugin-habit-metrics-node/src/DefaultHabitMetricsService';
import { DefaultNeedsDiscoveryService } from '@platform-product/plugin-needs-discovery-node/src/DefaultNeedsDiscoveryService';
/* eslint-enable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */

export interface WorkerOptions {
  /** e.g. http://127.0.0.1:1234 — the bench catalog (and the other plugins' routes). */
  base: string;
  dbFile: string;
  fullRuns: number;
  oneRefs: string[];
  oneRuns: number;
}

export interface WorkerResult {
  baselineRss: number;
  full: { ms: number; peakRss: number }[];
  one: Record<string, number[]>;
  /** The catalog requests of the first full recompute (for the floor). */
  requests: { method: string; path: string; body?: string }[];
  capabilities: number;
  productTeams: number;
  consumers: Record<string, number>;
  verdicts: Record<string, number>;
  /** The scorecard's score: `null` when the platform is not scored (see Scorecard). */
  score: number | null;
}

const options = JSON.parse(process.argv[2] ?? '{}') as WorkerOptions;

const noop = () => {};
const logger: LoggerService = {
  info: noop,
  warn: (message: string) => process.stderr.write(`warn: ${message}\n`),
  error: (message: string) => process.stderr.write(`error: ${message}\n`),
  debug: process.env.BENCH_DEBUG
    ? (message: string) =>
        process.stderr.write(
          `    debug: ${message} (${Object.entries(process.memoryUsage())
            .map(([k, v]) => `${k} ${Math.round(v / 1048576)}`)
            .join(', ')} MB)\n`,
        )
    : noop,
  child: () => logger,
};

const credentials = {
  $$type: '@backstage/BackstageCredentials',
  principal: { type: 'service', subject: 'plugin:thinness-scorecard' },
} as unknown as BackstageCredentials;
const auth = {
  getOwnServiceCredentials: async () => credentials,
  getPluginRequestToken: async () => ({ token: 'bench-token' }),
  isPrincipal: () => true,
} as unknown as AuthService;
const discovery = {
  getBaseUrl: async (pluginId: string) => `${options.base}/api/${pluginId}`,
  getExternalBaseUrl: async (pluginId: string) =>
    `${options.base}/api/${pluginId}`,
};

/** Backstage's CatalogClient behind the CatalogService interface, with a plugin token as the backend's has. */
function catalogService(): CatalogService {
  const client = new CatalogClient({ discoveryApi: discovery });
  const token = async () =>
    (
      await auth.getPluginRequestToken({
        onBehalfOf: credentials,
        targetPluginId: 'catalog',
      })
    ).token;
  return {
    queryEntities: async (request: any) =>
      client.queryEntities(request, { token: await token() }),
    getEntitiesByRefs: async (request: any) =>
      client.getEntitiesByRefs(request, { token: await token() }),
    getEntityFacets: async (request: any) =>
      client.getEntityFacets(request, { token: await token() }),
  } as unknown as CatalogService;
}

async function sampled<T>(fn: () => Promise<T>) {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const result = await fn();
    return {
      result,
      ms: performance.now() - started,
      peakRss: Math.max(peakRss, process.memoryUsage().rss),
    };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<WorkerResult> {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: options.dbFile },
    useNullAsDefault: true,
  });
  const database = {
    getClient: async () => knex,
  } as unknown as DatabaseService;
  const store = await DatabaseScorecardStore.create({ database });
  const settings = readSettings({
    getOptional: () => undefined,
    getOptionalNumber: () => undefined,
    getOptionalStringArray: () => undefined,
    getOptionalBoolean: () => undefined,
    getOptionalConfig: () => undefined,
  } as any);
  const habitMetrics = DefaultHabitMetricsService.create({ discovery, auth });
  const service = new ScorecardService({
    store,
    collector: new CapabilityFactsCollector({
      catalog: catalogService(),
      auth,
      logger,
      teamTypes: settings.teamTypes,
      needsDiscovery: DefaultNeedsDiscoveryService.create({ discovery, auth }),
      habitMetrics,
    }),
    notifier: new ReviewNotifier({
      store,
      notifications: { send: async () => {} },
      logger,
    }),
    habitMetrics,
    settings,
    logger,
  });

  const baselineRss = process.memoryUsage().rss;
  const full: WorkerResult['full'] = [];
  let scorecard;
  let requests: WorkerResult['requests'] = [];
  const recorded = async () =>
    (await (
      await fetch(`${options.base}/__requests`)
    ).json()) as WorkerResult['requests'];
  await recorded();
  for (let run = 0; run < options.fullRuns; run++) {
    const { result, ms, peakRss } = await sampled(() => service.recompute());
    scorecard = result;
    full.push({ ms, peakRss });
    if (run === 0) requests = await recorded();
    process.stderr.write(
      `  … worker: full recompute ${run + 1}: ${Math.round(
        ms,
      )} ms, peak RSS ${Math.round(peakRss / 1048576)} MB\n`,
    );
  }
  const one: Record<string, number[]> = {};
  for (const ref of options.oneRefs) {
    one[ref] = [];
    await service.refreshCapability(ref); // warm-up
    for (let run = 0; run < options.oneRuns; run++) {
      const { ms } = await sampled(() => service.refreshCapability(ref));
      one[ref].push(ms);
    }
  }
  await knex.destroy();
  return {
    baselineRss,
    full,
    one,
    requests,
    capabilities: scorecard!.capabilities.length,
    productTeams: scorecard!.productTeams,
    consumers: Object.fromEntries(
      scorecard!.capabilities.map(c => [c.entityRef, c.consumers.count]),
    ),
    verdicts: scorecard!.verdicts,
    score: scorecard!.score,
  };
}

main().then(
  result => {
    process.send!({ type: 'bench-result', result }, () => process.exit(0));
  },
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
