import {
  Answers,
  Frequency,
  FREQUENCIES,
  NeedRatingAnswer,
  SurveyDefinition,
} from '@platform-product/plugin-needs-discovery-common';
import { Knex } from 'knex';
import { createHash } from 'node:crypto';
// Plugin internals: a deep path resolved in the monorepo (no `exports` field), used only by this private package.
// eslint-disable-next-line @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports
import { teamSetKey } from '@platform-product/plugin-needs-discovery-backend/src/database/DatabaseNeedsStore';
import { BENCH_TEAMS } from './org';

const ROLES = ['developer', 'sre', 'data-engineer', 'manager'];

const needId = (index: number) => `need-${String(index + 1).padStart(3, '0')}`;

/** A survey shaped like a real needs-discovery wave: one rating grid plus an NPS and a single-choice question. */
export function benchSurveyDefinition(needs: number): SurveyDefinition {
  return {
    title: 'Benchmark: what slows you down?',
    audience: [...BENCH_TEAMS],
    anonymityThreshold: 5,
    needs: Array.from({ length: needs }, (_, i) => ({
      id: needId(i),
      title: `Benchmark need ${i + 1}`,
    })),
    questions: [
      {
        id: 'ratings',
        type: 'need-rating',
        title: 'Rate each need',
        required: true,
      },
      { id: 'nps', type: 'nps', title: 'Would you recommend the platform?' },
      {
        id: 'role',
        type: 'single-choice',
        title: 'Your role',
        options: ROLES,
      },
    ],
  };
}

/** mulberry32: a tiny seeded PRNG, so every run (and both engines) see the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Answers with some structure (each need has its own typical pain and frequency) rather than uniform noise, so the
 * ranking, the shared-need test and the suppression logic behave as they would on real data.
 */
export function benchAnswers(
  needs: number,
  random: () => number,
  bias = 0,
): Answers {
  const ratings: NeedRatingAnswer = {};
  for (let i = 0; i < needs; i++) {
    const typical = 1.5 + ((i * 7) % 11) / 3.5;
    const pain = Math.min(
      5,
      Math.max(1, Math.round(typical + bias + (random() - 0.5) * 3)),
    );
    const frequency: Frequency =
      FREQUENCIES[Math.min(3, Math.floor(random() * random() * 4 + (i % 3)))];
    ratings[needId(i)] = { pain, frequency };
  }
  return {
    ratings,
    nps: Math.floor(random() * 11),
    role: ROLES[Math.floor(random() * ROLES.length)],
  };
}

// SQLite accepts 32766 bound parameters per statement, PostgreSQL 65535; stay below both.
const MAX_PARAMETERS = 30_000;

/**
 * Multi-row `insert ... values (...), (...)` through knex.raw. knex's own SQLite multi-row insert is a chain of
 * `union all select`, which SQLite caps at 500 terms; a VALUES list has no such cap and is what PostgreSQL gets anyway.
 */
async function insertRows(
  db: Knex | Knex.Transaction,
  table: string,
  columns: readonly string[],
  rows: readonly Knex.Value[][],
): Promise<void> {
  const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    await db.raw(
      `insert into ?? (${columns.map(() => '??').join(', ')}) values ${chunk
        .map(() => tuple)
        .join(', ')}`,
      [table, ...columns, ...chunk.flat()],
    );
  }
}

export interface SeedResult {
  responses: number;
  ratings: number;
  teamRows: number;
  answerItems: number;
  seconds: number;
}

const RESPONSE_COLUMNS = [
  'id',
  'survey_id',
  'respondent_hash',
  'teams',
  'answers',
  'revision',
  'rated_needs',
  'submitted_at',
  'updated_at',
] as const;

/**
 * Writes `responses` responses straight into the tables, row for row what DatabaseNeedsStore.upsertResponse writes
 * (the JSON document plus the normalised teams, ratings and answer items), one transaction per batch. Rows are
 * generated batch by batch so memory stays flat at any size. Ids are assigned here rather than returned by the
 * database, which keeps the statements identical on both engines; the PostgreSQL sequence is moved past them after.
 */
export async function seedResponses(options: {
  db: Knex;
  surveyId: string;
  responses: number;
  needs: number;
  batchSize?: number;
  onProgress?: (done: number) => void;
}): Promise<SeedResult> {
  const { db, surveyId, responses, needs, batchSize = 5_000 } = options;
  const started = performance.now();
  const random = seededRandom(20261127);
  const now = Date.now();
  const twoWeeks = 14 * 24 * 3600 * 1000;
  const maxRow = await db('nd_responses').max({ id: 'id' }).first();
  let nextId = Number(maxRow?.id ?? 0) + 1;
  const result = { responses: 0, ratings: 0, teamRows: 0, answerItems: 0 };
  /** nd_team_sets rows, written once at the end, as the store writes each set once. */
  const teamSets = new Map<string, string>();

  for (let done = 0; done < responses; done += batchSize) {
    const size = Math.min(batchSize, responses - done);
    const responseRows: Knex.Value[][] = [];
    const teamRows: Knex.Value[][] = [];
    const ratingRows: Knex.Value[][] = [];
    const itemRows: Knex.Value[][] = [];
    for (let i = 0; i < size; i++) {
      const id = nextId++;
      const index = done + i;
      const primary = Math.floor(random() * BENCH_TEAMS.length);
      const teams = [BENCH_TEAMS[primary]];
      if (random() < 0.2) {
        teams.push(
          BENCH_TEAMS[
            (primary + 1 + Math.floor(random() * (BENCH_TEAMS.length - 1))) %
              BENCH_TEAMS.length
          ],
        );
      }
      teams.sort();
      const teamSet = teamSetKey(teams);
      teamSets.set(teamSet, JSON.stringify(teams));
      const answers = benchAnswers(needs, random);
      const at = now - Math.floor(random() * twoWeeks);
      const ratings = Object.entries(answers.ratings as NeedRatingAnswer);
      responseRows.push([
        id,
        surveyId,
        createHash('sha256').update(`bench-seed:${index}`).digest('hex'),
        JSON.stringify(teams),
        JSON.stringify(answers),
        1,
        ratings.length,
        at,
        at,
      ]);
      for (const team of teams) teamRows.push([id, surveyId, team]);
      for (const [need, rating] of ratings) {
        ratingRows.push([
          id,
          surveyId,
          need,
          rating.pain,
          rating.frequency,
          teamSet,
        ]);
      }
      itemRows.push([id, surveyId, 'nps', null, answers.nps, null]);
      itemRows.push([id, surveyId, 'role', answers.role, null, null]);
    }
    await db.transaction(async tx => {
      await insertRows(tx, 'nd_responses', RESPONSE_COLUMNS, responseRows);
      await insertRows(
        tx,
        'nd_response_teams',
        ['response_id', 'survey_id', 'team_ref'],
        teamRows,
      );
      await insertRows(
        tx,
        'nd_need_ratings',
        [
          'response_id',
          'survey_id',
          'need_id',
          'pain',
          'frequency',
          'team_set',
        ],
        ratingRows,
      );
      await insertRows(
        tx,
        'nd_answer_items',
        ['response_id', 'survey_id', 'question_id', 'item', 'num', 'text'],
        itemRows,
      );
    });
    result.responses += size;
    result.teamRows += teamRows.length;
    result.ratings += ratingRows.length;
    result.answerItems += itemRows.length;
    options.onProgress?.(result.responses);
  }

  for (const [key, teams] of teamSets) {
    await db('nd_team_sets').insert({ key, teams }).onConflict('key').ignore();
  }

  if (db.client.config.client === 'pg') {
    // Explicit ids do not advance a serial's sequence; without this the next HTTP submission would collide.
    await db.raw(
      `select setval(pg_get_serial_sequence('nd_responses', 'id'), (select max(id) from nd_responses))`,
    );
  }
  return { ...result, seconds: (performance.now() - started) / 1000 };
}
