import knexFactory, { Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type BenchEngine = 'sqlite' | 'postgres';

/** A database of its own for one benchmark run, and how to get rid of it. */
export interface BenchDatabase {
  engine: BenchEngine;
  knex: Knex;
  /** Human-readable server or library version, e.g. "PostgreSQL 15.20" or "SQLite 3.54.1". */
  version: string;
  /** Settings that change the figures (durability, memory), recorded with the results. */
  settings: Record<string, string>;
  /** Refreshes planner statistics after the bulk load. */
  analyze(): Promise<void>;
  /** Closes the connections and deletes the database. */
  dispose(): Promise<void>;
}

/** Returned instead of a database when the engine cannot be reached, so the run can go on with the others. */
export interface Unavailable {
  unavailable: string;
}

const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;

export async function queryRows<T>(
  knex: Knex,
  sql: string,
  bindings: readonly Knex.RawBinding[] = [],
): Promise<T[]> {
  return rowsOf<T>(await knex.raw(sql, bindings));
}

/**
 * A SQLite file in a fresh temp directory, with the settings Backstage's own SQLite connector uses (better-sqlite3,
 * default journal and synchronous modes). In-memory SQLite would hide the page cache and fsync costs a file pays.
 */
export async function openSqlite(): Promise<BenchDatabase> {
  const directory = await mkdtemp(join(tmpdir(), 'ppk-bench-'));
  const filename = join(directory, 'needs-discovery.sqlite');
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
  });
  const [{ version }] = await queryRows<{ version: string }>(
    knex,
    'select sqlite_version() as version',
  );
  const pragma = async (name: string) =>
    String(
      Object.values(
        (await queryRows<Record<string, unknown>>(knex, `pragma ${name}`))[0] ??
          {},
      )[0],
    );
  return {
    engine: 'sqlite',
    knex,
    version: `SQLite ${version}`,
    settings: {
      file: filename,
      journal_mode: await pragma('journal_mode'),
      synchronous: await pragma('synchronous'),
      cache_size: await pragma('cache_size'),
    },
    analyze: async () => {
      await knex.raw('analyze');
    },
    dispose: async () => {
      await knex.destroy();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * A new database `ppk_bench_<random>` on the given server, so the run neither sees nor disturbs other data, dropped
 * again by dispose(). Resolves to {@link Unavailable} when the server cannot be reached.
 */
export async function openPostgres(
  connectionString: string,
): Promise<BenchDatabase | Unavailable> {
  const name = `ppk_bench_${randomBytes(6).toString('hex')}`;
  let adminUrl: string;
  let benchUrl: string;
  try {
    adminUrl = withDatabase(connectionString, 'postgres');
    benchUrl = withDatabase(connectionString, name);
  } catch {
    return { unavailable: 'the PostgreSQL connection string is not a URL' };
  }
  const admin = knexFactory({
    client: 'pg',
    connection: adminUrl,
    pool: { min: 0, max: 1 },
    acquireConnectionTimeout: 5_000,
  });
  try {
    await admin.raw(`create database ${name}`);
  } catch (error) {
    await admin.destroy();
    return {
      unavailable: `PostgreSQL at ${redact(connectionString)} is not usable: ${
        (error as Error).message
      }`,
    };
  }

  const knex = knexFactory({ client: 'pg', connection: benchUrl });
  const dispose = async () => {
    await knex.destroy();
    try {
      await admin.raw(`drop database if exists ${name} with (force)`);
    } finally {
      await admin.destroy();
    }
  };
  try {
    const [{ server_version: version }] = await queryRows<{
      server_version: string;
    }>(knex, 'show server_version');
    const settings: Record<string, string> = { database: name };
    for (const row of await queryRows<{ name: string; setting: string }>(
      knex,
      `select name, setting || coalesce(unit, '') as setting from pg_settings
        where name in ('shared_buffers', 'work_mem', 'fsync', 'synchronous_commit', 'max_parallel_workers_per_gather')`,
    )) {
      settings[row.name] = row.setting;
    }
    return {
      engine: 'postgres',
      knex,
      version: `PostgreSQL ${version}`,
      settings,
      analyze: async () => {
        // VACUUM as well: after a bulk load autovacuum would otherwise start by itself in the middle of the
        // measurements, and a vacuumed table (visibility map set) is the steady state of a live database.
        await knex.raw('vacuum (analyze)');
      },
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** pg lets a database in the connection string win over a separate `database` option, so the URL is rewritten. */
function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<connection string>';
  }
}
