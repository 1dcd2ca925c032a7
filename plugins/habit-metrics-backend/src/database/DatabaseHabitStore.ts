import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  compareWeeklyActivity,
  EVENT_KINDS,
  Way,
  WeeklyActivity,
  WeekStart,
  weekStartOf,
} from '@platform-product/plugin-habit-metrics-common';
import { Knex } from 'knex';
import {
  ActivityColumn,
  ActivityFilter,
  ActivityShape,
  HabitStore,
  MERGED_KIND,
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
  capability_ref?: string | null;
  template_ref?: string | null;
  kind?: string;
  way?: Way;
  count: number | string;
};

const ALL_COLUMNS: ActivityColumn[] = [
  'capabilityRef',
  'templateRef',
  'kind',
  'way',
];

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

  async weeklyActivity(
    filter: ActivityFilter = {},
    shape: ActivityShape = {},
  ): Promise<WeeklyActivity[]> {
    const by = new Set<ActivityColumn>(shape.by ?? ALL_COLUMNS);
    const groupByWay = by.has('way') || filter.way === undefined;
    // The order follows the indexes (capability, team, week, …) and (team, week): for SELECT DISTINCT, SQLite then
    // reads one index entry per group.
    const columns = [
      ...(by.has('capabilityRef') ? ['capability_ref'] : []),
      'team_ref',
      'week',
      ...(by.has('templateRef') ? ['template_ref'] : []),
      ...(by.has('kind') ? ['kind'] : []),
      ...(groupByWay ? ['way'] : []),
    ];
    const counted = shape.counts !== false;
    const query = counted
      ? this.db('hm_events')
          .select(columns)
          .count({ count: '*' })
          .groupBy(columns)
      : this.db('hm_events').distinct(columns);
    if (filter.from !== undefined) query.where('week', '>=', filter.from);
    if (filter.to !== undefined) query.where('week', '<=', filter.to);
    if (filter.teamRef !== undefined) query.where('team_ref', filter.teamRef);
    if (filter.capabilityRef !== undefined) {
      query.where('capability_ref', filter.capabilityRef);
    } else if (filter.withCapability) {
      query.whereNotNull('capability_ref');
    }
    if (filter.templateRef !== undefined) {
      query.where('template_ref', filter.templateRef);
    }
    if (filter.kinds !== undefined) query.whereIn('kind', filter.kinds);
    if (filter.excludeKinds?.length) {
      query.whereNotIn('kind', filter.excludeKinds);
    }
    if (filter.way !== undefined) query.where('way', filter.way);

    const mergedKind =
      filter.kinds?.length === 1 ? filter.kinds[0] : MERGED_KIND;
    const rows = ((await query) as ActivityRow[]).map(row => ({
      teamRef: row.team_ref,
      week: row.week,
      capabilityRef: by.has('capabilityRef')
        ? row.capability_ref ?? null
        : filter.capabilityRef ?? null,
      templateRef: by.has('templateRef')
        ? row.template_ref ?? null
        : filter.templateRef ?? null,
      kind: by.has('kind') ? row.kind! : mergedKind,
      way: groupByWay ? row.way! : filter.way!,
      count: counted ? toNumber(row.count) : 1,
    }));
    return shape.sorted === false ? rows : rows.sort(compareWeeklyActivity);
  }

  async capabilityRefsWithActivity(): Promise<string[]> {
    // A loose index scan: one index seek per distinct ref rather than a scan of every row.
    const result = await this.db.raw(
      `with recursive refs (ref) as (
         select min(capability_ref) from hm_events
         union all
         select (select min(capability_ref) from hm_events where capability_ref > refs.ref)
         from refs where refs.ref is not null
       )
       select ref from refs where ref is not null`,
    );
    const rows: { ref: string }[] = Array.isArray(result)
      ? result
      : result.rows;
    return rows.map(r => r.ref).sort();
  }

  async hasEventsFrom(source: string): Promise<boolean> {
    const row = await this.db('hm_events').where({ source }).first('id');
    return row !== undefined;
  }

  async activitySpan(): Promise<
    { firstWeek: WeekStart; lastWeek: WeekStart } | undefined
  > {
    // Along the week index from either end, skipping baseline rows (all in the week of the first catalog scan).
    const counted = () =>
      this.db('hm_events').whereNot('kind', EVENT_KINDS.componentBaseline);
    const first: { week: string } | undefined = await counted()
      .orderBy('week', 'asc')
      .first('week');
    if (!first) return undefined;
    const last: { week: string } | undefined = await counted()
      .orderBy('week', 'desc')
      .first('week');
    return { firstWeek: first.week, lastWeek: last?.week ?? first.week };
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
