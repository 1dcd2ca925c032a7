import knexFactory, { Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type BenchEngine = 'sqlite' | 'postgres';

/** A database of its own for one engine's run. */
export interface BenchDatabase {
  engine: BenchEngine;
  knex: Knex;
  /** e.g. "SQLite 3.50.2", "PostgreSQL 15.14". */
  version: string;
  /** Settings that bear on the figures, recorded with them. */
  settings: Record<string, string>;
  /** Planner statistics (and, on PostgreSQL, the visibility map) after the bulk load. */
  analyze(): Promise<void>;
  /** Closes the connections and deletes the database. */
  dispose(): Promise<void>;
}

export interface Unavailable {
  unavailable: string;
}

/** knex.raw answers an array on SQLite and `{ rows }` on PostgreSQL. */
export async function queryRows<T>(
  knex: Knex,
  sql: string,
  bindings: readonly Knex.RawBinding[] = [],
): Promise<T[]> {
  const result = await knex.raw(sql, bindings);
  return Array.isArray(result) ? (result as T[]) : (result.rows as T[]);
}

/**
 * A SQLite file in a new temp directory, opened the way Backstage's SQLite connector opens it (better-sqlite3 with
 * its defaults). A file rather than `:memory:`, so the page cache and journal cost what they cost in a dev instance.
 */
export async function openSqlite(pluginId: string): Promise<BenchDatabase> {
  const directory = await mkdtemp(join(tmpdir(), `ppk-bench-${pluginId}-`));
  const filename = join(directory, `${pluginId}.sqlite`);
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
  });
  const pragma = async (name: string) => {
    const [row] = await queryRows<Record<string, unknown>>(
      knex,
      `pragma ${name}`,
    );
    return String(Object.values(row ?? {})[0]);
  };
  const [{ version }] = await queryRows<{ version: string }>(
    knex,
    'select sqlite_version() as version',
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
 * A fresh database `ppk_bench_<plugin>_<random>` on the server of `connectionString`, so a run neither sees nor
 * disturbs other data, dropped by dispose(); or {@link Unavailable} when the server cannot be reached or refuses
 * to create it.
 */
export async function openPostgres(
  connectionString: string,
  pluginId: string,
): Promise<BenchDatabase | Unavailable> {
  const name = `ppk_bench_${pluginId.replace(/\W/g, '_')}_${randomBytes(
    5,
  ).toString('hex')}`;
  let adminUrl: string;
  let benchUrl: string;
  try {
    adminUrl = urlWithDatabase(connectionString, 'postgres');
    benchUrl = urlWithDatabase(connectionString, name);
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
    // With the default jit_above_cost, PostgreSQL spends 0.3-1.3 s compiling the bigger plans (the floors more
    // than the plugin's own queries): that would time the JIT rather than the SQL, and flatter the ratios.
    await admin.raw(`alter database ${name} set jit = off`);
  } catch (error) {
    await admin.destroy();
    return {
      unavailable: `PostgreSQL at ${redacted(
        connectionString,
      )} is not usable: ${(error as Error).message}`,
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
        where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'max_parallel_workers_per_gather', 'synchronous_commit', 'fsync', 'jit')`,
    )) {
      settings[row.name] = row.setting;
    }
    return {
      engine: 'postgres',
      knex,
      version: `PostgreSQL ${version}`,
      settings,
      analyze: async () => {
        // Vacuum too: otherwise autovacuum starts on the fresh table in the middle of the measurements.
        await knex.raw('vacuum (analyze)');
      },
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** pg prefers the database named in the URL over a separate option, so the URL itself is rewritten. */
function urlWithDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

function redacted(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<connection string>';
  }
}
