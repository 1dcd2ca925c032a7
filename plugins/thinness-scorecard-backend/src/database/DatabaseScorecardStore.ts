import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  CapabilityVerdictPoint,
  Scorecard,
  SubscoreId,
  Verdict,
} from '@platform-product/plugin-thinness-scorecard-common';
import { Knex } from 'knex';
import { ScorecardStore, StoredSnapshot } from './ScorecardStore';

const migrationsDir = resolvePackagePath(
  '@platform-product/plugin-thinness-scorecard-backend',
  'migrations',
);

const LATEST_ID = 'scorecard';
/** Rows per statement: well under SQLite's bound-variable limit. */
const BATCH = 200;

type LatestRow = {
  id: string;
  scorecard: string;
  computed_at: number | string;
};

type SnapshotRow = {
  period: string;
  score: number | string;
  subscores: string;
  verdicts: string;
  capability_verdicts: string;
  capabilities: number | string;
  adopting_teams: number | string;
  demo: boolean | number | string;
  created_at: number | string;
};

type FirstSeenRow = {
  entity_ref: string;
  first_seen_at: number | string;
};

// PostgreSQL returns bigint columns as strings, SQLite as numbers; booleans come back as 0/1 from SQLite.
const toNumber = (value: number | string | null | undefined): number =>
  value === null || value === undefined ? 0 : Number(value);
const toBoolean = (value: boolean | number | string): boolean =>
  value === true || value === 1 || value === '1' || value === 't';

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

function rowToSnapshot(row: SnapshotRow): StoredSnapshot {
  return {
    period: row.period,
    score: toNumber(row.score),
    subscores: JSON.parse(row.subscores) as { id: SubscoreId; value: number }[],
    verdicts: JSON.parse(row.verdicts) as Record<Verdict, number>,
    capabilities: toNumber(row.capabilities),
    adoptingTeams: toNumber(row.adopting_teams),
    demo: toBoolean(row.demo),
    capabilityVerdicts: JSON.parse(row.capability_verdicts) as Record<
      string,
      Verdict
    >,
  };
}

function snapshotToRow(snapshot: StoredSnapshot, now: Date): SnapshotRow {
  return {
    period: snapshot.period,
    score: snapshot.score,
    subscores: JSON.stringify(snapshot.subscores),
    verdicts: JSON.stringify(snapshot.verdicts),
    capability_verdicts: JSON.stringify(snapshot.capabilityVerdicts),
    capabilities: snapshot.capabilities,
    adopting_teams: snapshot.adoptingTeams,
    demo: snapshot.demo,
    created_at: now.getTime(),
  };
}

/** The knex implementation of {@link ScorecardStore}, on SQLite, PostgreSQL (and MySQL). */
export class DatabaseScorecardStore implements ScorecardStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseScorecardStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseScorecardStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async getLatest(): Promise<Scorecard | undefined> {
    const row = await this.db<LatestRow>('ts_latest')
      .where({ id: LATEST_ID })
      .first();
    return row ? (JSON.parse(row.scorecard) as Scorecard) : undefined;
  }

  async saveLatest(scorecard: Scorecard): Promise<void> {
    await this.db<LatestRow>('ts_latest')
      .insert({
        id: LATEST_ID,
        scorecard: JSON.stringify(scorecard),
        computed_at: Date.parse(scorecard.computedAt),
      })
      .onConflict('id')
      .merge(['scorecard', 'computed_at']);
  }

  async replaceLatestIf(
    scorecard: Scorecard,
    expectedComputedAt: string,
  ): Promise<boolean> {
    const updated = await this.db<LatestRow>('ts_latest')
      .where({ id: LATEST_ID, computed_at: Date.parse(expectedComputedAt) })
      .update({
        scorecard: JSON.stringify(scorecard),
        computed_at: Date.parse(scorecard.computedAt),
      });
    return updated > 0;
  }

  async recordFirstSeen(
    entityRefs: string[],
    now: Date,
  ): Promise<Map<string, string>> {
    const refs = [...new Set(entityRefs)];
    for (const batch of chunks(refs)) {
      await this.db<FirstSeenRow>('ts_capability_first_seen')
        .insert(
          batch.map(entity_ref => ({
            entity_ref,
            first_seen_at: now.getTime(),
          })),
        )
        .onConflict('entity_ref')
        .ignore();
    }
    const result = new Map<string, string>();
    for (const batch of chunks(refs)) {
      const rows = await this.db<FirstSeenRow>('ts_capability_first_seen')
        .whereIn('entity_ref', batch)
        .select('entity_ref', 'first_seen_at');
      for (const row of rows) {
        result.set(
          row.entity_ref,
          new Date(toNumber(row.first_seen_at)).toISOString(),
        );
      }
    }
    return result;
  }

  async backdateFirstSeen(entries: Map<string, Date>): Promise<void> {
    for (const [entityRef, date] of entries) {
      await this.db<FirstSeenRow>('ts_capability_first_seen')
        .insert({ entity_ref: entityRef, first_seen_at: date.getTime() })
        .onConflict('entity_ref')
        .ignore();
      await this.db<FirstSeenRow>('ts_capability_first_seen')
        .where('entity_ref', entityRef)
        .andWhere('first_seen_at', '>', date.getTime())
        .update({ first_seen_at: date.getTime() });
    }
  }

  async insertSnapshot(
    snapshot: StoredSnapshot,
    now: Date = new Date(),
  ): Promise<boolean> {
    // One row per period: a second replica's insert of the same day is ignored, never an error or a duplicate.
    const inserted = await this.db<SnapshotRow>('ts_snapshots')
      .insert(snapshotToRow(snapshot, now))
      .onConflict('period')
      .ignore()
      .returning('period');
    return Array.isArray(inserted) && inserted.length > 0;
  }

  async insertSnapshotsIfAbsent(
    snapshots: StoredSnapshot[],
    now: Date = new Date(),
  ): Promise<number> {
    let count = 0;
    // Small batches: each row carries the capability verdicts JSON.
    for (const batch of chunks(snapshots, 20)) {
      const inserted = await this.db<SnapshotRow>('ts_snapshots')
        .insert(batch.map(snapshot => snapshotToRow(snapshot, now)))
        .onConflict('period')
        .ignore()
        .returning('period');
      count += Array.isArray(inserted) ? inserted.length : 0;
    }
    return count;
  }

  async hasSnapshot(period: string): Promise<boolean> {
    const row = await this.db<SnapshotRow>('ts_snapshots')
      .where({ period })
      .first('period');
    return Boolean(row);
  }

  async hasDemoSnapshots(): Promise<boolean> {
    const row = await this.db<SnapshotRow>('ts_snapshots')
      .where({ demo: true })
      .first('period');
    return Boolean(row);
  }

  async listSnapshots(options: {
    fromPeriod: string;
    toPeriod?: string;
  }): Promise<StoredSnapshot[]> {
    const query = this.db<SnapshotRow>('ts_snapshots')
      .where('period', '>=', options.fromPeriod)
      .orderBy('period', 'asc');
    if (options.toPeriod) query.andWhere('period', '<=', options.toPeriod);
    return (await query).map(rowToSnapshot);
  }

  async listCapabilityVerdicts(
    entityRef: string,
    fromPeriod: string,
  ): Promise<CapabilityVerdictPoint[]> {
    const rows = await this.db<SnapshotRow>('ts_snapshots')
      .where('period', '>=', fromPeriod)
      .orderBy('period', 'asc')
      .select('period', 'capability_verdicts', 'demo');
    const points: CapabilityVerdictPoint[] = [];
    for (const row of rows) {
      const verdict = (
        JSON.parse(row.capability_verdicts) as Record<string, Verdict>
      )[entityRef];
      if (verdict) {
        points.push({ period: row.period, verdict, demo: toBoolean(row.demo) });
      }
    }
    return points;
  }

  async claimReviewNotification(
    entityRef: string,
    reviewDate: string,
    now: Date = new Date(),
  ): Promise<boolean> {
    const inserted = await this.db('ts_notified_reviews')
      .insert({
        entity_ref: entityRef,
        review_date: reviewDate,
        notified_at: now.getTime(),
      })
      .onConflict(['entity_ref', 'review_date'])
      .ignore()
      .returning('entity_ref');
    return Array.isArray(inserted) && inserted.length > 0;
  }
}
