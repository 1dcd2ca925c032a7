import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  compareWeeklyActivity,
  Way,
  WeeklyActivity,
  weekStartOf,
} from '@platform-product/plugin-habit-metrics-common';
import { Knex } from 'knex';
import {
  ActivityFilter,
  HabitStore,
  NewComponent,
  NewHabitEvent,
  RecordResult,
} from './HabitStore';

const migrationsDir = resolvePackagePath(
  '@platform-product/plugin-habit-metrics-backend',
  'migrations',
);

type EventRow = {
  source: string;
  kind: string;
  way: Way;
  capability_ref: string | null;
  template_ref: string | null;
  team_ref: string;
  week: string;
  at: number;
  idempotency_key: string | null;
  received_at: number;
};

type ActivityRow = {
  team_ref: string;
  week: string;
  capability_ref: string | null;
  template_ref: string | null;
  kind: string;
  way: Way;
  count: number | string;
};

// PostgreSQL returns bigint and aggregate columns as strings, SQLite as numbers; booleans as 0/1 from SQLite.
const toNumber = (value: number | string | null | undefined): number =>
  value === null || value === undefined ? 0 : Number(value);

/** Rows per INSERT: SQLite allows a limited number of bound parameters per statement. */
const CHUNK = 100;

/** {@link HabitStore} on the plugin's own database (SQLite or PostgreSQL). */
export class DatabaseHabitStore implements HabitStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseHabitStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseHabitStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async recordEvents(
    events: NewHabitEvent[],
    now = new Date(),
  ): Promise<RecordResult> {
    const receivedAt = now.getTime();
    const rows: EventRow[] = [];
    const owner: number[] = [];
    // Within a batch the first event with a key wins; the database drops keys recorded by earlier batches.
    const seen = new Set<string>();
    events.forEach((event, index) => {
      const week = weekStartOf(event.at);
      for (const teamRef of new Set(event.teamRefs)) {
        if (event.idempotencyKey !== null) {
          const key = JSON.stringify([event.idempotencyKey, teamRef]);
          if (seen.has(key)) continue;
          seen.add(key);
        }
        rows.push({
          source: event.source,
          kind: event.kind,
          way: event.way,
          capability_ref: event.capabilityRef,
          template_ref: event.templateRef,
          team_ref: teamRef,
          week,
          at: event.at.getTime(),
          idempotency_key: event.idempotencyKey,
          received_at: receivedAt,
        });
        owner.push(index);
      }
    });

    const accepted = new Set<number>();
    await this.db.transaction(async tx => {
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK);
        const inserted: {
          idempotency_key: string | null;
          team_ref: string;
        }[] = await tx('hm_events')
          .insert(chunk)
          .onConflict(['idempotency_key', 'team_ref'])
          .ignore()
          .returning(['idempotency_key', 'team_ref']);
        const insertedKeys = new Set(
          inserted
            .filter(r => r.idempotency_key !== null)
            .map(r => JSON.stringify([r.idempotency_key, r.team_ref])),
        );
        chunk.forEach((row, offset) => {
          if (
            row.idempotency_key === null ||
            insertedKeys.has(
              JSON.stringify([row.idempotency_key, row.team_ref]),
            )
          ) {
            accepted.add(owner[start + offset]);
          }
        });
      }
    });
    return {
      accepted: accepted.size,
      duplicates: events.length - accepted.size,
    };
  }

  async weeklyActivity(filter: ActivityFilter = {}): Promise<WeeklyActivity[]> {
    const columns = [
      'team_ref',
      'week',
      'capability_ref',
      'template_ref',
      'kind',
      'way',
    ];
    const query = this.db('hm_events')
      .select(columns)
      .count({ count: '*' })
      .groupBy(columns);
    if (filter.from !== undefined) query.where('week', '>=', filter.from);
    if (filter.to !== undefined) query.where('week', '<=', filter.to);
    if (filter.teamRef !== undefined) query.where('team_ref', filter.teamRef);
    if (filter.capabilityRef !== undefined) {
      query.where('capability_ref', filter.capabilityRef);
    }
    if (filter.templateRef !== undefined) {
      query.where('template_ref', filter.templateRef);
    }
    if (filter.kinds !== undefined) query.whereIn('kind', filter.kinds);
    const rows = (await query) as ActivityRow[];
    return rows
      .map(row => ({
        teamRef: row.team_ref,
        week: row.week,
        capabilityRef: row.capability_ref,
        templateRef: row.template_ref,
        kind: row.kind,
        way: row.way,
        count: toNumber(row.count),
      }))
      .sort(compareWeeklyActivity);
  }

  async capabilityRefsWithActivity(): Promise<string[]> {
    const rows: { capability_ref: string }[] = await this.db('hm_events')
      .distinct('capability_ref')
      .whereNotNull('capability_ref');
    return rows.map(r => r.capability_ref).sort();
  }

  async knownComponents(entityRefs: string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows: { entity_ref: string }[] = await this.db('hm_components')
        .whereIn('entity_ref', entityRefs.slice(i, i + 500))
        .select('entity_ref');
      rows.forEach(r => known.add(r.entity_ref));
    }
    return known;
  }

  async addComponents(components: NewComponent[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < components.length; i += CHUNK) {
      const inserted = await this.db('hm_components')
        .insert(
          components.slice(i, i + CHUNK).map(c => ({
            entity_ref: c.entityRef,
            owner_ref: c.ownerRef,
            source_template: c.sourceTemplate,
            first_seen_at: c.firstSeenAt.getTime(),
            baseline: c.baseline,
          })),
        )
        .onConflict('entity_ref')
        .ignore()
        .returning('entity_ref');
      added += inserted.length;
    }
    return added;
  }

  async countComponents(): Promise<number> {
    const row = await this.db('hm_components').count({ count: '*' }).first();
    return toNumber(row?.count as string | number | undefined);
  }

  async getIngestionState<T extends object>(
    source: string,
  ): Promise<T | undefined> {
    const row: { state: string } | undefined = await this.db(
      'hm_ingestion_state',
    )
      .where({ source })
      .first('state');
    return row ? (JSON.parse(row.state) as T) : undefined;
  }

  async setIngestionState(
    source: string,
    state: object,
    now = new Date(),
  ): Promise<void> {
    const row = {
      source,
      state: JSON.stringify(state),
      updated_at: now.getTime(),
    };
    await this.db('hm_ingestion_state')
      .insert(row)
      .onConflict('source')
      .merge({ state: row.state, updated_at: row.updated_at });
  }
}
