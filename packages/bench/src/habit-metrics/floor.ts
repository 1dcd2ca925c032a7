import {
  addWeeks,
  Adoption,
  CapabilityHabits,
  GoldenPathShare,
  Retention,
  Reversions,
  StickinessWeek,
  TeamHabits,
  TimeToHabit,
  WeekStart,
  weekRange,
} from '@platform-product/plugin-habit-metrics-common';
import { Knex } from 'knex';
import { BenchEngine, queryRows } from '..';

/*
 * The floors: each endpoint's figures computed by one hand-written SQL statement on the same database, the way a
 * person fluent in SQL would write it for that one figure (CTEs and window functions allowed, nothing precomputed).
 * An endpoint that costs no more than its floor does nothing beyond reading what the figure needs.
 *
 * Every floor comes with a normaliser for its rows and one for the endpoint's body, so the benchmark can check that
 * both compute the same figures before it times either.
 */

type Row = Record<string, string | number | null>;

const DAY = 86_400_000;
/** "active" of the metrics: a new-way row that is not the catalog baseline. */
const ACTIVE = `way = 'new' and kind <> 'component-baseline'`;
const OLD_WAY = `way = 'old' and kind <> 'component-baseline'`;
/** Every week whose 4-week window holds an active week: the active weeks and the 3 after each. */
const WINDOW_WEEKS = `weeks as (
      select distinct i.wi + o.k as wi from indexed i
      cross join (select 0 as k union all select 1 union all select 2 union all select 3) o
    )`;

/** Index of a week start (a Monday written YYYY-MM-DD): consecutive weeks have consecutive indexes. */
function weekIndexSql(engine: BenchEngine, column: string): string {
  return engine === 'sqlite'
    ? `cast((julianday(${column}) - 2440587.5 + 3) / 7 as integer)`
    : `((${column}::date - date '1970-01-01') + 3) / 7`;
}

export const weekIndexOf = (week: WeekStart) =>
  Math.floor((Date.parse(`${week}T00:00:00Z`) / DAY + 3) / 7);
export const weekOfIndex = (index: number): WeekStart =>
  new Date((index * 7 - 3) * DAY).toISOString().slice(0, 10);

const num = (value: string | number | null | undefined) =>
  value === null || value === undefined ? null : Number(value);
const ratio4 = (numerator: number, denominator: number) =>
  denominator > 0
    ? Math.round((numerator / denominator) * 10_000) / 10_000
    : null;

export interface Floor<T> {
  /** The one statement; its rows are what is timed. */
  query(knex: Knex): Promise<Row[]>;
  /** The figures the rows give, in a form shared with fromBody. */
  fromRows(rows: Row[]): T;
  /** The same figures, read from the endpoint's answer. */
  fromBody(body: unknown): T;
}

export interface FloorContext {
  engine: BenchEngine;
  /** The range the endpoints default to: the 26 weeks up to the current one. */
  from: WeekStart;
  to: WeekStart;
  habitWeeks: number;
  minStreakWeeks: number;
  retentionWeeks: number;
  /** How far back the service looks for streaks before a range. */
  lookbackWeeks: number;
}

// ---------------------------------------------------------------------------------------------------------------

/** Golden-path share: new components and those made from a template, per week and team in the range. */
export function goldenPathFloor(ctx: FloorContext): Floor<{
  weeks: string[];
  teams: string[];
}> {
  const sql = `
    select week, team_ref, count(*) as total, sum(case when way = 'new' then 1 else 0 end) as via
    from hm_events
    where kind = 'component-created' and week >= ? and week <= ?
    group by week, team_ref`;
  const summarise = (cells: [string, string, number, number][]) => {
    const weeks = new Map<string, [number, number]>();
    for (const [week, , total, via] of cells) {
      const sum = weeks.get(week) ?? [0, 0];
      weeks.set(week, [sum[0] + total, sum[1] + via]);
    }
    return {
      weeks: [...weeks.entries()]
        .filter(([, [total]]) => total > 0)
        .map(([week, [total, via]]) => `${week} ${via}/${total}`)
        .sort(),
      teams: cells
        .filter(([, , total]) => total > 0)
        .map(([week, team, total, via]) => `${team} ${week} ${via}/${total}`)
        .sort(),
    };
  };
  return {
    query: knex => queryRows<Row>(knex, sql, [ctx.from, ctx.to]),
    fromRows: rows =>
      summarise(
        rows.map(r => [
          String(r.week),
          String(r.team_ref),
          num(r.total)!,
          num(r.via)!,
        ]),
      ),
    fromBody: body => {
      const share = body as GoldenPathShare;
      const fromTeams = summarise(
        share.teams.flatMap(team =>
          team.weeks.map(
            w =>
              [w.week, team.teamRef, w.newComponents, w.viaTemplate] as [
                string,
                string,
                number,
                number,
              ],
          ),
        ),
      );
      const weeks = share.weeks
        .filter(w => w.newComponents > 0)
        .map(w => `${w.week} ${w.viaTemplate}/${w.newComponents}`)
        .sort();
      return { weeks, teams: fromTeams.teams };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------

/** Weekly active teams and cumulative adopters (all history up to `to`), as "week active/cumulative" for the range. */
function adoptionWeeks(
  ctx: FloorContext,
  rows: { week: string; active: number; cumulative: number }[],
): string[] {
  const byWeek = new Map(rows.map(r => [r.week, r]));
  const sorted = [...rows].sort((a, b) => (a.week < b.week ? -1 : 1));
  return weekRange(ctx.from, ctx.to).map(week => {
    const before = sorted.filter(r => r.week <= week);
    const cumulative = before.length ? before[before.length - 1].cumulative : 0;
    return `${week} ${byWeek.get(week)?.active ?? 0}/${cumulative}`;
  });
}

const bodyAdoptionWeeks = (adoption: Adoption) =>
  adoption.weeks.map(w => `${w.week} ${w.activeTeams}/${w.cumulativeAdopters}`);

/** Adoption of one capability: distinct teams per week, and a running count of first weeks. */
export function adoptionFloor(
  ctx: FloorContext,
  capabilityRef: string,
): Floor<string[]> {
  const sql = `
    with uses as (
      select distinct team_ref, week from hm_events
      where capability_ref = ? and week <= ? and ${ACTIVE}
    ),
    firsts as (select team_ref, min(week) as first_week from uses group by team_ref),
    weekly as (
      select u.week, count(*) as active_teams,
             sum(case when u.week = f.first_week then 1 else 0 end) as new_adopters
      from uses u join firsts f on f.team_ref = u.team_ref
      group by u.week
    )
    select week, active_teams, sum(new_adopters) over (order by week) as cumulative
    from weekly`;
  return {
    query: knex => queryRows<Row>(knex, sql, [capabilityRef, ctx.to]),
    fromRows: rows =>
      adoptionWeeks(
        ctx,
        rows.map(r => ({
          week: String(r.week),
          active: num(r.active_teams)!,
          cumulative: num(r.cumulative)!,
        })),
      ),
    fromBody: body => bodyAdoptionWeeks(body as Adoption),
  };
}

/** Adoption of every capability at once: the same, partitioned by capability. */
export function adoptionOfAllFloor(
  ctx: FloorContext,
): Floor<Record<string, string[]>> {
  const sql = `
    with uses as (
      select distinct capability_ref, team_ref, week from hm_events
      where capability_ref is not null and week <= ? and ${ACTIVE}
    ),
    firsts as (
      select capability_ref, team_ref, min(week) as first_week from uses group by capability_ref, team_ref
    ),
    weekly as (
      select u.capability_ref, u.week, count(*) as active_teams,
             sum(case when u.week = f.first_week then 1 else 0 end) as new_adopters
      from uses u join firsts f on f.capability_ref = u.capability_ref and f.team_ref = u.team_ref
      group by u.capability_ref, u.week
    )
    select capability_ref, week, active_teams,
           sum(new_adopters) over (partition by capability_ref order by week) as cumulative
    from weekly`;
  return {
    query: knex => queryRows<Row>(knex, sql, [ctx.to]),
    fromRows: rows => {
      const byCapability = new Map<
        string,
        { week: string; active: number; cumulative: number }[]
      >();
      for (const r of rows) {
        const list = byCapability.get(String(r.capability_ref)) ?? [];
        list.push({
          week: String(r.week),
          active: num(r.active_teams)!,
          cumulative: num(r.cumulative)!,
        });
        byCapability.set(String(r.capability_ref), list);
      }
      return Object.fromEntries(
        [...byCapability.keys()]
          .sort()
          .map(ref => [ref, adoptionWeeks(ctx, byCapability.get(ref)!)]),
      );
    },
    fromBody: body =>
      Object.fromEntries(
        (body as { capabilities: Adoption[] }).capabilities
          // Catalog capabilities nobody used have no rows to compare.
          .filter(a => a.weeks.some(w => w.cumulativeAdopters > 0))
          .map(a => [a.capabilityRef!, bodyAdoptionWeeks(a)])
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      ),
  };
}

// ---------------------------------------------------------------------------------------------------------------

interface CohortFigures {
  week: string;
  teams: number;
  retention: (number | null)[];
}

function cohortsFrom(
  ctx: FloorContext,
  cells: { cohort: number; offset: number; teams: number }[],
): CohortFigures[] {
  const asOf = weekIndexOf(ctx.to);
  const byCohort = new Map<number, Map<number, number>>();
  for (const { cohort, offset, teams } of cells) {
    const offsets = byCohort.get(cohort) ?? new Map<number, number>();
    offsets.set(offset, teams);
    byCohort.set(cohort, offsets);
  }
  return [...byCohort.keys()]
    .sort((a, b) => a - b)
    .map(cohort => {
      const offsets = byCohort.get(cohort)!;
      const size = offsets.get(0)!;
      return {
        week: weekOfIndex(cohort),
        teams: size,
        retention: Array.from({ length: ctx.retentionWeeks }, (_, i) =>
          cohort + i + 1 > asOf ? null : ratio4(offsets.get(i + 1) ?? 0, size),
        ),
      };
    });
}

/** Cohort retention of one capability: each team's first week, and how many of a cohort are active k weeks on. */
export function retentionFloor(
  ctx: FloorContext,
  capabilityRef: string,
): Floor<CohortFigures[]> {
  const sql = `
    with uses as (
      select distinct team_ref, week from hm_events
      where capability_ref = ? and week <= ? and ${ACTIVE}
    ),
    indexed as (select team_ref, ${weekIndexSql(
      ctx.engine,
      'week',
    )} as wi from uses),
    cohorts as (select team_ref, min(wi) as cohort from indexed group by team_ref)
    select c.cohort, i.wi - c.cohort as k, count(*) as teams
    from indexed i join cohorts c on c.team_ref = i.team_ref
    where i.wi - c.cohort <= ?
    group by c.cohort, i.wi - c.cohort`;
  return {
    query: knex =>
      queryRows<Row>(knex, sql, [capabilityRef, ctx.to, ctx.retentionWeeks]),
    fromRows: rows =>
      cohortsFrom(
        ctx,
        rows.map(r => ({
          cohort: num(r.cohort)!,
          offset: num(r.k)!,
          teams: num(r.teams)!,
        })),
      ),
    fromBody: body =>
      (body as Retention).cohorts.map(c => ({
        week: c.week,
        teams: c.teams,
        retention: c.retention,
      })),
  };
}

// ---------------------------------------------------------------------------------------------------------------

function stickinessFrom(
  ctx: FloorContext,
  cells: { wi: number; weekly: number; last4: number }[],
): string[] {
  const byWeek = new Map(cells.map(c => [weekOfIndex(c.wi), c]));
  return weekRange(ctx.from, ctx.to).map(week => {
    const cell = byWeek.get(week);
    return `${week} ${cell?.weekly ?? 0}/${cell?.last4 ?? 0}`;
  });
}

const bodyStickiness = (weeks: StickinessWeek[]) =>
  weeks.map(w => `${w.week} ${w.weeklyActiveTeams}/${w.activeTeamsLast4Weeks}`);

/** Stickiness over all capabilities: teams active each week, and teams active in the 4 weeks ending with it. */
export function stickinessFloor(ctx: FloorContext): Floor<string[]> {
  const sql = `
    with active as (
      select distinct team_ref, week from hm_events where week >= ? and week <= ? and ${ACTIVE}
    ),
    indexed as (select team_ref, ${weekIndexSql(
      ctx.engine,
      'week',
    )} as wi from active),
    ${WINDOW_WEEKS}
    select w.wi, count(distinct case when i.wi = w.wi then i.team_ref end) as weekly,
           count(distinct i.team_ref) as last4
    from weeks w join indexed i on i.wi between w.wi - 3 and w.wi
    where w.wi >= ?
    group by w.wi`;
  return {
    query: knex =>
      queryRows<Row>(knex, sql, [
        addWeeks(ctx.from, -3),
        ctx.to,
        weekIndexOf(ctx.from),
      ]),
    fromRows: rows =>
      stickinessFrom(
        ctx,
        rows.map(r => ({
          wi: num(r.wi)!,
          weekly: num(r.weekly)!,
          last4: num(r.last4)!,
        })),
      ),
    fromBody: body =>
      bodyStickiness((body as { weeks: StickinessWeek[] }).weeks),
  };
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Reversions: new-way weeks numbered within their runs of consecutive weeks (gaps and islands), joined to the
 * old-way weeks of the range on the week before.
 */
export function reversionsFloor(ctx: FloorContext): Floor<string[]> {
  const wi = (column: string) => weekIndexSql(ctx.engine, column);
  const sql = `
    with new_way as (
      select distinct team_ref, week from hm_events where week >= ? and week <= ? and ${ACTIVE}
    ),
    indexed as (select team_ref, ${wi('week')} as wi from new_way),
    islands as (
      select team_ref, wi, wi - row_number() over (partition by team_ref order by wi) as island from indexed
    ),
    streaks as (
      select team_ref, wi, row_number() over (partition by team_ref, island order by wi) as streak from islands
    ),
    old_way as (
      select distinct team_ref, week from hm_events where week >= ? and week <= ? and ${OLD_WAY}
    )
    select o.team_ref, o.week, s.streak
    from old_way o join streaks s on s.team_ref = o.team_ref and s.wi = ${wi(
      'o.week',
    )} - 1
    where s.streak >= ?`;
  return {
    query: knex =>
      queryRows<Row>(knex, sql, [
        addWeeks(ctx.from, -ctx.lookbackWeeks),
        ctx.to,
        ctx.from,
        ctx.to,
        ctx.minStreakWeeks,
      ]),
    fromRows: rows =>
      rows.map(r => `${r.week} ${r.team_ref} ${num(r.streak)}`).sort(),
    fromBody: body =>
      (body as Reversions).teams
        .map(r => `${r.week} ${r.teamRef} ${r.streakWeeks}`)
        .sort(),
  };
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Time to habit per capability: runs of consecutive active weeks per team (gaps and islands), the first run of
 * habitWeeks or more, and the median over the teams that have one (the middle row or two, by row_number).
 */
export function timeToHabitFloor(ctx: FloorContext): Floor<string[]> {
  const sql = `
    with active as (
      select distinct capability_ref, team_ref, week from hm_events
      where capability_ref is not null and ${ACTIVE}
    ),
    indexed as (
      select capability_ref, team_ref, ${weekIndexSql(
        ctx.engine,
        'week',
      )} as wi from active
    ),
    islands as (
      select capability_ref, team_ref,
             wi - row_number() over (partition by capability_ref, team_ref order by wi) as island, wi
      from indexed
    ),
    runs as (
      select capability_ref, team_ref, min(wi) as start_wi, count(*) as length
      from islands group by capability_ref, team_ref, island
    ),
    per_team as (
      select capability_ref, team_ref,
             min(case when length >= ? then start_wi end) + ? - 1 - min(start_wi) as weeks_to_habit
      from runs group by capability_ref, team_ref
    ),
    ranked as (
      select capability_ref, weeks_to_habit,
             row_number() over (partition by capability_ref order by weeks_to_habit) as position,
             count(*) over (partition by capability_ref) as reached
      from per_team where weeks_to_habit is not null
    ),
    medians as (
      select capability_ref, avg(weeks_to_habit) as median from ranked
      where position in ((reached + 1) / 2, (reached + 2) / 2)
      group by capability_ref
    )
    select p.capability_ref, count(*) as teams, count(p.weeks_to_habit) as reached, m.median
    from per_team p left join medians m on m.capability_ref = p.capability_ref
    group by p.capability_ref, m.median`;
  return {
    query: knex => queryRows<Row>(knex, sql, [ctx.habitWeeks, ctx.habitWeeks]),
    fromRows: rows =>
      rows
        .map(
          r =>
            `${r.capability_ref} ${num(r.teams)} ${num(r.reached)} ${num(
              r.median,
            )}`,
        )
        .sort(),
    fromBody: body =>
      (body as TimeToHabit).capabilities
        .filter(c => c.teams > 0)
        .map(c => `${c.capabilityRef} ${c.teams} ${c.reached} ${c.medianWeeks}`)
        .sort(),
  };
}

// ---------------------------------------------------------------------------------------------------------------

/** One team's page: golden path per week, capabilities used, active weeks and reversions, as one UNION ALL. */
export function teamFloor(ctx: FloorContext, teamRef: string): Floor<string[]> {
  const wi = (column: string) => weekIndexSql(ctx.engine, column);
  const sql = `
    with team_rows as (
      select week, capability_ref, kind, way from hm_events where team_ref = ? and week >= ? and week <= ?
    ),
    new_way as (select distinct week from team_rows where ${ACTIVE}),
    indexed as (select ${wi('week')} as wi from new_way),
    islands as (select wi, wi - row_number() over (order by wi) as island from indexed),
    streaks as (select wi, row_number() over (partition by island order by wi) as streak from islands)
    select 'golden-path' as part, week, null as ref, count(*) as n1,
           sum(case when way = 'new' then 1 else 0 end) as n2, null as week2
      from team_rows where kind = 'component-created' and week >= ? group by week
    union all
    select 'capability', min(week), capability_ref, count(distinct week), null, max(week)
      from team_rows where capability_ref is not null and week >= ? and ${ACTIVE} group by capability_ref
    union all
    select 'active-weeks', null, null, count(*), null, null from new_way where week >= ?
    union all
    select 'reversion', o.week, null, s.streak, null, null
      from (select distinct week from team_rows where week >= ? and ${OLD_WAY}) o
      join streaks s on s.wi = ${wi('o.week')} - 1
      where s.streak >= ?`;
  return {
    query: knex =>
      queryRows<Row>(knex, sql, [
        teamRef,
        addWeeks(ctx.from, -ctx.lookbackWeeks),
        ctx.to,
        ctx.from,
        ctx.from,
        ctx.from,
        ctx.from,
        ctx.minStreakWeeks,
      ]),
    fromRows: rows =>
      rows
        .map(r => {
          switch (r.part) {
            case 'golden-path':
              return `gp ${r.week} ${num(r.n2)}/${num(r.n1)}`;
            case 'capability':
              return `cap ${r.ref} ${r.week}..${r.week2} ${num(r.n1)}`;
            case 'active-weeks':
              return `active ${num(r.n1)}`;
            default:
              return `rev ${r.week} ${num(r.n1)}`;
          }
        })
        .sort(),
    fromBody: body => {
      const team = body as TeamHabits;
      return [
        ...team.goldenPath
          .filter(w => w.newComponents > 0)
          .map(w => `gp ${w.week} ${w.viaTemplate}/${w.newComponents}`),
        ...team.capabilities.map(
          c =>
            `cap ${c.capabilityRef} ${c.firstWeek}..${c.lastWeek} ${c.activeWeeks}`,
        ),
        `active ${team.activeWeeks}`,
        ...team.reversions.map(r => `rev ${r.week} ${r.streakWeeks}`),
      ].sort();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------

interface CapabilityFigures {
  adoption: string[];
  retention: CohortFigures[];
  habit: string;
  stickiness: string[];
}

/** One capability's page: adoption, retention, time to habit and stickiness, as one UNION ALL over shared CTEs. */
export function capabilityFloor(
  ctx: FloorContext,
  capabilityRef: string,
): Floor<CapabilityFigures> {
  const sql = `
    with uses as (
      select distinct team_ref, week from hm_events where capability_ref = ? and ${ACTIVE}
    ),
    indexed as (select team_ref, ${weekIndexSql(
      ctx.engine,
      'week',
    )} as wi from uses),
    firsts as (select team_ref, min(wi) as first_wi from indexed group by team_ref),
    islands as (
      select team_ref, wi, wi - row_number() over (partition by team_ref order by wi) as island from indexed
    ),
    runs as (select team_ref, min(wi) as start_wi, count(*) as length from islands group by team_ref, island),
    habits as (
      select team_ref, min(case when length >= ? then start_wi end) + ? - 1 - min(start_wi) as weeks_to_habit
      from runs group by team_ref
    ),
    ranked as (
      select weeks_to_habit, row_number() over (order by weeks_to_habit) as position, count(*) over () as reached
      from habits where weeks_to_habit is not null
    ),
    ${WINDOW_WEEKS}
    select 'adoption' as part, i.wi as w, count(*) as n1, sum(case when i.wi = f.first_wi then 1 else 0 end) as n2
      from indexed i join firsts f on f.team_ref = i.team_ref where i.wi <= ? group by i.wi
    union all
    select 'retention', f.first_wi, i.wi - f.first_wi, count(*)
      from indexed i join firsts f on f.team_ref = i.team_ref
      where i.wi <= ? and i.wi - f.first_wi <= ?
      group by f.first_wi, i.wi - f.first_wi
    union all
    select 'habit', null, count(*), count(weeks_to_habit) from habits
    union all
    select 'median', null, avg(weeks_to_habit), null from ranked
      where position in ((reached + 1) / 2, (reached + 2) / 2)
    union all
    select 'stickiness', w.wi, count(distinct case when i.wi = w.wi then i.team_ref end), count(distinct i.team_ref)
      from weeks w join indexed i on i.wi between w.wi - 3 and w.wi
      where w.wi >= ? and w.wi <= ?
      group by w.wi`;
  const toIndex = weekIndexOf(ctx.to);
  return {
    query: knex =>
      queryRows<Row>(knex, sql, [
        capabilityRef,
        ctx.habitWeeks,
        ctx.habitWeeks,
        toIndex,
        toIndex,
        ctx.retentionWeeks,
        weekIndexOf(ctx.from),
        toIndex,
      ]),
    fromRows: rows => {
      const part = (name: string) => rows.filter(r => r.part === name);
      let cumulative = 0;
      const adoptionRows = part('adoption')
        .map(r => ({ wi: num(r.w)!, active: num(r.n1)!, fresh: num(r.n2)! }))
        .sort((a, b) => a.wi - b.wi)
        .map(r => ({
          week: weekOfIndex(r.wi),
          active: r.active,
          cumulative: (cumulative += r.fresh),
        }));
      const [habit] = part('habit');
      const [median] = part('median');
      return {
        adoption: adoptionWeeks(ctx, adoptionRows),
        retention: cohortsFrom(
          ctx,
          part('retention').map(r => ({
            cohort: num(r.w)!,
            offset: num(r.n1)!,
            teams: num(r.n2)!,
          })),
        ),
        habit: `${num(habit.n1)} ${num(habit.n2)} ${num(median?.n1)}`,
        stickiness: stickinessFrom(
          ctx,
          part('stickiness').map(r => ({
            wi: num(r.w)!,
            weekly: num(r.n1)!,
            last4: num(r.n2)!,
          })),
        ),
      };
    },
    fromBody: body => {
      const page = body as CapabilityHabits;
      return {
        adoption: bodyAdoptionWeeks(page.adoption),
        retention: page.retention.cohorts.map(c => ({
          week: c.week,
          teams: c.teams,
          retention: c.retention,
        })),
        habit: page.timeToHabit
          ? `${page.timeToHabit.teams} ${page.timeToHabit.reached} ${page.timeToHabit.medianWeeks}`
          : '0 0 null',
        stickiness: bodyStickiness(page.stickiness),
      };
    },
  };
}
