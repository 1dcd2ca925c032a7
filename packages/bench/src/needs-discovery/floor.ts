import {
  DEFAULT_FREQUENCY_WEIGHTS,
  REPORTING_PAIN,
} from '@platform-product/plugin-needs-discovery-common';
import { Knex } from 'knex';
import { queryRows } from '..';

/** One need's figures as the floor statement returns them. */
export interface FloorRow {
  needId: string;
  respondents: number;
  painSum: number;
  painAvg: number;
  weightSum: number;
  teams: number;
}

// Literals, as in the store: PostgreSQL cannot infer the type of a bound parameter inside CASE.
const w = DEFAULT_FREQUENCY_WEIGHTS;
const WEIGHT = `case frequency when 'daily' then ${w.daily} when 'weekly' then ${w.weekly} when 'monthly' then ${w.monthly} else ${w.rarely} end`;

const PER_NEED = `
  select need_id,
         count(*) as respondents,
         sum(pain) as pain_sum,
         avg(pain) as pain_avg,
         sum(${WEIGHT}) as weight_sum
  from nd_need_ratings
  where survey_id = ?
  group by need_id`;

/**
 * The per-need aggregate the results page is built on, as one statement written by hand: ratings grouped by need
 * (respondents, pain sum and mean, frequency-weight sum), joined with the number of distinct teams reporting the
 * need at pain ≥ REPORTING_PAIN. Plain SQL that both engines run unchanged.
 *
 * The distinct-team count can be written several natural ways, and none is fastest on both engines: PostgreSQL
 * sorts the whole join for `count(distinct)` (seconds at 100k responses) but hashes the grouped form; SQLite has no
 * hash aggregation and is fastest when the join starts from the teams, whose ratings sit together on disk (CROSS
 * JOIN keeps SQLite from reordering it; PostgreSQL plans it like any inner join). A floor must be the fast way of
 * writing the query or it flatters the API, so all are kept and {@link pickFloor} takes the fastest on the engine.
 */
export const FLOOR_STATEMENTS = {
  'count-distinct': `
select a.need_id, a.respondents, a.pain_sum, a.pain_avg, a.weight_sum, coalesce(t.teams, 0) as teams
from (${PER_NEED}) a
left join (
  select r.need_id, count(distinct t.team_ref) as teams
  from nd_need_ratings r
  join nd_response_teams t on t.response_id = r.response_id
  where r.survey_id = ? and r.pain >= ?
  group by r.need_id
) t on t.need_id = a.need_id
order by a.need_id`,
  'teams-first': `
select a.need_id, a.respondents, a.pain_sum, a.pain_avg, a.weight_sum, coalesce(t.teams, 0) as teams
from (${PER_NEED}) a
left join (
  select r.need_id, count(distinct t.team_ref) as teams
  from nd_response_teams t
  cross join nd_need_ratings r
  where r.response_id = t.response_id and t.survey_id = ? and r.pain >= ?
  group by r.need_id
) t on t.need_id = a.need_id
order by a.need_id`,
  'grouped-distinct': `
select a.need_id, a.respondents, a.pain_sum, a.pain_avg, a.weight_sum, coalesce(t.teams, 0) as teams
from (${PER_NEED}) a
left join (
  select need_id, count(*) as teams
  from (
    select r.need_id, t.team_ref
    from nd_need_ratings r
    join nd_response_teams t on t.response_id = r.response_id
    where r.survey_id = ? and r.pain >= ?
    group by r.need_id, t.team_ref
  ) reporting
  group by need_id
) t on t.need_id = a.need_id
order by a.need_id`,
};

export type FloorStatement = keyof typeof FLOOR_STATEMENTS;

export async function floorAggregate(
  knex: Knex,
  surveyId: string,
  statement: FloorStatement,
): Promise<FloorRow[]> {
  const rows = await queryRows<Record<string, string | number>>(
    knex,
    FLOOR_STATEMENTS[statement],
    [surveyId, surveyId, REPORTING_PAIN],
  );
  // PostgreSQL returns bigint and numeric aggregates as strings; converting is part of what any caller pays.
  return rows.map(row => ({
    needId: String(row.need_id),
    respondents: Number(row.respondents),
    painSum: Number(row.pain_sum),
    painAvg: Number(row.pain_avg),
    weightSum: Number(row.weight_sum),
    teams: Number(row.teams),
  }));
}

/**
 * Runs every formulation `runs` times (these double as the warm-up) and returns the one with the lowest best time,
 * after checking they agree, so the floor is both fast and right.
 */
export async function pickFloor(
  knex: Knex,
  surveyId: string,
  runs: number,
): Promise<{ statement: FloorStatement; bestMs: Record<string, number> }> {
  const bestMs: Record<string, number> = {};
  const results = new Map<FloorStatement, string>();
  for (const statement of Object.keys(FLOOR_STATEMENTS) as FloorStatement[]) {
    let best = Infinity;
    for (let i = 0; i < Math.max(1, runs); i++) {
      const started = performance.now();
      const rows = await floorAggregate(knex, surveyId, statement);
      best = Math.min(best, performance.now() - started);
      results.set(statement, JSON.stringify(rows));
    }
    bestMs[statement] = Math.round(best * 10) / 10;
  }
  if (new Set(results.values()).size !== 1) {
    throw new Error(
      `The floor formulations disagree: ${JSON.stringify([
        ...results.entries(),
      ])}`,
    );
  }
  const [statement] = [...results.keys()].sort((a, b) => bestMs[a] - bestMs[b]);
  return { statement, bestMs };
}
