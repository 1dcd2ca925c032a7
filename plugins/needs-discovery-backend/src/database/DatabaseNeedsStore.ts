import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  Answers,
  AudienceTeam,
  FrequencyWeights,
  NeedCapability,
  NeedRatingAnswer,
  NeedStats,
  NeedStatus,
  QuestionStats,
  RegisteredNeed,
  REPORTING_PAIN,
  Survey,
  SurveyDefinition,
  SurveyStatus,
  TeamStats,
} from '@platform-product/plugin-needs-discovery-common';
import { createHash, randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  CreateSurveyInput,
  NeedsStore,
  StoredResponse,
  SurveyStats,
} from './NeedsStore';

const migrationsDir = resolvePackagePath(
  '@platform-product/plugin-needs-discovery-backend',
  'migrations',
);

type SurveyRow = {
  id: string;
  title: string;
  status: SurveyStatus;
  definition: string;
  wave: number | string;
  previous_survey_id: string | null;
  created_by: string;
  created_at: number | string;
  updated_at: number | string;
  opened_at: number | string | null;
  closed_at: number | string | null;
  demo: boolean | number;
};

type ResponseRow = {
  id: number | string;
  survey_id: string;
  respondent_hash: string;
  teams: string;
  answers: string;
  revision: number | string;
  rated_needs: number | string;
  submitted_at: number | string;
  updated_at: number | string;
};

type NeedRow = {
  id: string;
  title: string;
  description: string | null;
  status: NeedStatus;
  capability_ref: string | null;
  latest_survey_id: string | null;
  latest_score: number | string | null;
  shared: boolean | number;
  teams: number | string;
  updated_at: number | string;
};

type CapabilityRow = {
  entity_ref: string;
  need_id: string;
  title: string | null;
  lifecycle: string | null;
  mvp_review_date: string | null;
};

// PostgreSQL returns bigint and aggregate columns as strings, SQLite as numbers; booleans as 0/1 from SQLite.
const toNumber = (value: number | string | null | undefined): number =>
  value === null || value === undefined ? 0 : Number(value);
const toIso = (value: number | string | null): string | null =>
  value === null || value === undefined
    ? null
    : new Date(Number(value)).toISOString();
const toBoolean = (value: boolean | number | string): boolean =>
  value === true || value === 1 || value === '1' || value === 't';

function rowToSurvey(row: SurveyRow): Survey {
  const definition = JSON.parse(row.definition) as SurveyDefinition;
  return {
    ...definition,
    id: row.id,
    status: row.status,
    wave: toNumber(row.wave),
    previousSurveyId: row.previous_survey_id,
    createdBy: row.created_by,
    createdAt: toIso(row.created_at)!,
    updatedAt: toIso(row.updated_at)!,
    openedAt: toIso(row.opened_at),
    closedAt: toIso(row.closed_at),
    demo: toBoolean(row.demo),
  };
}

function rowToResponse(row: ResponseRow): StoredResponse {
  return {
    surveyId: row.survey_id,
    respondentHash: row.respondent_hash,
    teams: JSON.parse(row.teams),
    answers: JSON.parse(row.answers),
    revision: toNumber(row.revision),
    submittedAt: toIso(row.submitted_at)!,
    updatedAt: toIso(row.updated_at)!,
  };
}

function rowToNeed(row: NeedRow): RegisteredNeed {
  return {
    id: row.id,
    title: row.title,
    ...(row.description ? { description: row.description } : {}),
    status: row.status,
    capabilityRef: row.capability_ref,
    latestSurveyId: row.latest_survey_id,
    latestScore: row.latest_score === null ? null : Number(row.latest_score),
    shared: toBoolean(row.shared),
    teams: toNumber(row.teams),
    updatedAt: toIso(row.updated_at)!,
  };
}

/** The normalised rows of one response, which the results are aggregated from. */
function flattenAnswers(survey: Survey, answers: Answers) {
  const ratings: { need_id: string; pain: number; frequency: string }[] = [];
  const items: {
    question_id: string;
    item: string | null;
    num: number | null;
    text: string | null;
  }[] = [];
  for (const question of survey.questions) {
    const answer = answers[question.id];
    if (answer === undefined) continue;
    switch (question.type) {
      case 'need-rating':
        for (const [needId, rating] of Object.entries(
          answer as NeedRatingAnswer,
        )) {
          ratings.push({
            need_id: needId,
            pain: rating.pain,
            frequency: rating.frequency,
          });
        }
        break;
      case 'single-choice':
        items.push({
          question_id: question.id,
          item: answer as string,
          num: null,
          text: null,
        });
        break;
      case 'multi-choice':
        for (const option of answer as string[]) {
          items.push({
            question_id: question.id,
            item: option,
            num: null,
            text: null,
          });
        }
        break;
      case 'ranking':
        (answer as string[]).forEach((needId, index) =>
          items.push({
            question_id: question.id,
            item: needId,
            num: index + 1,
            text: null,
          }),
        );
        break;
      case 'nps':
        items.push({
          question_id: question.id,
          item: null,
          num: answer as number,
          text: null,
        });
        break;
      case 'free-text':
        items.push({
          question_id: question.id,
          item: null,
          num: null,
          text: answer as string,
        });
        break;
      default:
    }
  }
  return { ratings, items };
}

/** Inserts in chunks: SQLite allows a limited number of bound parameters per statement. */
/** The key of a set of teams in nd_team_sets: the SHA-1 of the sorted refs as JSON, as responses store them. */
export function teamSetKey(teams: string[]): string {
  return createHash('sha1').update(JSON.stringify(teams)).digest('hex');
}

async function insertChunked(
  tx: Knex.Transaction,
  table: string,
  rows: object[],
) {
  const chunkSize = 150;
  for (let i = 0; i < rows.length; i += chunkSize) {
    await tx(table).insert(rows.slice(i, i + chunkSize));
  }
}

/**
 * On SQLite, switches the plugin's database file to write-ahead logging. Answers arrive in bursts when a survey
 * opens, and SQLite has one writer: with the log each commit appends to one file instead of copying pages through a
 * rollback journal, and results can be read during writes. `synchronous = FULL` keeps every acknowledged answer on
 * disk across a power cut (better-sqlite3 would relax it in WAL mode). The log is copied back into the database
 * every 5,000 pages (~20 MB) rather than every 1,000: each response touches pages all over the ratings index, and
 * fewer, larger checkpoints write each page once for many responses (yarn bench:needs: 275 → 380 submissions/s).
 * The journal mode is stored in the file; the other two are per connection, so they are set on each new one too,
 * as Backstage sets its own pragmas. In-memory databases ignore all three.
 */
async function useWriteAheadLog(client: Knex): Promise<void> {
  if (!String(client.client.config.client).includes('sqlite')) return;
  const perConnection = ['synchronous = FULL', 'wal_autocheckpoint = 5000'];
  await client.raw('PRAGMA journal_mode = WAL');
  for (const pragma of perConnection) await client.raw(`PRAGMA ${pragma}`);
  client.client.pool?.on(
    'createSuccess',
    (_eventId: unknown, connection: { pragma?: (source: string) => unknown }) =>
      perConnection.forEach(pragma => connection.pragma?.(pragma)),
  );
}

/** {@link NeedsStore} on the plugin's own database (SQLite or PostgreSQL). */
export class DatabaseNeedsStore implements NeedsStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseNeedsStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    await useWriteAheadLog(client);
    return new DatabaseNeedsStore(client);
  }

  /** Team sets known to be in nd_team_sets (rows are never removed), so most submissions skip writing theirs. */
  private readonly knownTeamSets = new Map<string, string[]>();

  private constructor(private readonly db: Knex) {}

  /** The teams of each team-set key; read from the table only for keys this instance has not seen. */
  private async teamSets(
    keys: Iterable<string>,
  ): Promise<Map<string, string[]>> {
    const unknown = [...new Set(keys)].filter(k => !this.knownTeamSets.has(k));
    for (let i = 0; i < unknown.length; i += 500) {
      const rows = await this.db('nd_team_sets')
        .whereIn('key', unknown.slice(i, i + 500))
        .select('key', 'teams');
      for (const row of rows) {
        this.knownTeamSets.set(String(row.key), JSON.parse(String(row.teams)));
      }
    }
    return this.knownTeamSets;
  }

  async createSurvey(input: CreateSurveyInput): Promise<Survey> {
    const now = (input.now ?? new Date()).getTime();
    const id = randomUUID();
    await this.db<SurveyRow>('nd_surveys').insert({
      id,
      title: input.definition.title,
      status: 'draft',
      definition: JSON.stringify(input.definition),
      wave: input.wave ?? 1,
      previous_survey_id: input.previousSurveyId ?? null,
      created_by: input.createdBy,
      created_at: now,
      updated_at: now,
      opened_at: null,
      closed_at: null,
      demo: input.demo ?? false,
    });
    return (await this.getSurvey(id))!;
  }

  async getSurvey(id: string): Promise<Survey | undefined> {
    const row = await this.db<SurveyRow>('nd_surveys').where({ id }).first();
    return row ? rowToSurvey(row) : undefined;
  }

  async listSurveys(options?: {
    statuses?: SurveyStatus[];
  }): Promise<Survey[]> {
    const query = this.db<SurveyRow>('nd_surveys').orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'asc' },
    ]);
    if (options?.statuses) query.whereIn('status', options.statuses);
    return (await query).map(rowToSurvey);
  }

  async updateDraft(
    id: string,
    definition: SurveyDefinition,
    now = new Date(),
  ): Promise<Survey | undefined> {
    const updated = await this.db<SurveyRow>('nd_surveys')
      .where({ id, status: 'draft' })
      .update({
        title: definition.title,
        definition: JSON.stringify(definition),
        updated_at: now.getTime(),
      });
    return updated ? this.getSurvey(id) : undefined;
  }

  async transitionSurvey(
    id: string,
    from: SurveyStatus,
    to: SurveyStatus,
    now = new Date(),
  ): Promise<Survey | undefined> {
    const at = now.getTime();
    const updated = await this.db<SurveyRow>('nd_surveys')
      .where({ id, status: from })
      .update({
        status: to,
        updated_at: at,
        ...(to === 'open' ? { opened_at: at } : {}),
        ...(to === 'closed' ? { closed_at: at } : {}),
      });
    return updated ? this.getSurvey(id) : undefined;
  }

  async listSurveysDueForReminder(openedBefore: Date): Promise<Survey[]> {
    const rows = await this.db<SurveyRow>('nd_surveys')
      .where({ status: 'open' })
      .whereNull('reminded_at')
      .andWhere('opened_at', '<=', openedBefore.getTime());
    return rows.map(rowToSurvey);
  }

  async claimReminder(id: string, now: Date): Promise<boolean> {
    // One statement, so of two replicas claiming at once the second finds reminded_at set and updates nothing.
    const updated = await this.db('nd_surveys')
      .where({ id, status: 'open' })
      .whereNull('reminded_at')
      .update({ reminded_at: now.getTime() });
    return updated === 1;
  }

  async releaseReminder(id: string, claimedAt: Date): Promise<void> {
    await this.db('nd_surveys')
      .where({ id, reminded_at: claimedAt.getTime() })
      .update({ reminded_at: null });
  }

  async upsertResponse(input: {
    survey: Survey;
    respondentHash: string;
    teams: string[];
    answers: Answers;
    now?: Date;
  }): Promise<StoredResponse> {
    const { survey, respondentHash, teams, answers } = input;
    const now = (input.now ?? new Date()).getTime();
    const { ratings, items } = flattenAnswers(survey, answers);
    const row = await this.db.transaction(async tx => {
      // One row per person and survey: the unique index makes concurrent submissions merge into one.
      const [upserted]: ResponseRow[] = await tx('nd_responses')
        .insert({
          survey_id: survey.id,
          respondent_hash: respondentHash,
          teams: JSON.stringify(teams),
          answers: JSON.stringify(answers),
          revision: 1,
          rated_needs: ratings.length,
          submitted_at: now,
          updated_at: now,
        })
        .onConflict(['survey_id', 'respondent_hash'])
        .merge({
          teams: JSON.stringify(teams),
          answers: JSON.stringify(answers),
          revision: tx.raw('nd_responses.revision + 1'),
          rated_needs: ratings.length,
          updated_at: now,
        })
        .returning('*');
      const responseId = upserted.id;
      // Revision 1 is a new row (a merge raises it), so there are no derived rows to replace yet.
      if (toNumber(upserted.revision) > 1) {
        for (const table of [
          'nd_response_teams',
          'nd_need_ratings',
          'nd_answer_items',
        ]) {
          await tx(table).where({ response_id: responseId }).delete();
        }
      }
      const link = { response_id: responseId, survey_id: survey.id };
      const teamSet = teamSetKey(teams);
      if (!this.knownTeamSets.has(teamSet)) {
        await tx('nd_team_sets')
          .insert({ key: teamSet, teams: JSON.stringify(teams) })
          .onConflict('key')
          .ignore();
      }
      await insertChunked(
        tx,
        'nd_response_teams',
        teams.map(team_ref => ({ ...link, team_ref })),
      );
      await insertChunked(
        tx,
        'nd_need_ratings',
        ratings.map(r => ({ ...link, ...r, team_set: teamSet })),
      );
      await insertChunked(
        tx,
        'nd_answer_items',
        items.map(i => ({ ...link, ...i })),
      );
      return upserted;
    });
    // Only once committed: a rolled-back set must be written again by the next response that has it.
    this.knownTeamSets.set(teamSetKey(teams), teams);
    // The row as this transaction wrote it, rather than read back in another round trip.
    return rowToResponse(row);
  }

  async getResponse(
    surveyId: string,
    respondentHash: string,
  ): Promise<StoredResponse | undefined> {
    const row = await this.db<ResponseRow>('nd_responses')
      .where({ survey_id: surveyId, respondent_hash: respondentHash })
      .first();
    return row ? rowToResponse(row) : undefined;
  }

  async deleteResponse(
    surveyId: string,
    respondentHash: string,
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const row = await tx<ResponseRow>('nd_responses')
        .where({ survey_id: surveyId, respondent_hash: respondentHash })
        .first('id');
      if (!row) return false;
      // Children first: SQLite does not enforce ON DELETE CASCADE unless foreign keys are switched on.
      for (const table of [
        'nd_response_teams',
        'nd_need_ratings',
        'nd_answer_items',
      ]) {
        await tx(table).where({ response_id: row.id }).delete();
      }
      await tx('nd_responses').where({ id: row.id }).delete();
      return true;
    });
  }

  async findRespondents(
    surveyId: string,
    respondentHashes: string[],
  ): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < respondentHashes.length; i += 500) {
      const rows = await this.db<ResponseRow>('nd_responses')
        .where({ survey_id: surveyId })
        .whereIn('respondent_hash', respondentHashes.slice(i, i + 500))
        .select('respondent_hash');
      rows.forEach(r => found.add(r.respondent_hash));
    }
    return found;
  }

  async countResponses(surveyIds: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>(surveyIds.map(id => [id, 0]));
    if (surveyIds.length === 0) return counts;
    const rows: { survey_id: string; count: number | string }[] = await this.db(
      'nd_responses',
    )
      .whereIn('survey_id', surveyIds)
      .groupBy('survey_id')
      .select('survey_id', this.db.raw('count(*) as count'));
    for (const row of rows) {
      counts.set(String(row.survey_id), toNumber(row.count as string));
    }
    return counts;
  }

  async responsesFingerprint(surveyId: string): Promise<string> {
    // Any insert raises max(id), any update raises sum(revision), any withdrawal lowers count.
    const row = await this.db('nd_responses')
      .where({ survey_id: surveyId })
      .first(
        this.db.raw('count(*) as responses'),
        this.db.raw('max(id) as max_id'),
        this.db.raw('sum(revision) as revisions'),
      );
    return `${toNumber(row?.responses)}:${toNumber(row?.max_id)}:${toNumber(
      row?.revisions,
    )}`;
  }

  async computeStats(
    survey: Survey,
    options: { weights: FrequencyWeights; audienceTeams: AudienceTeam[] },
  ): Promise<SurveyStats> {
    const { weights, audienceTeams } = options;
    const surveyId = survey.id;
    const weightCase = this.db.raw(
      `case frequency when 'daily' then ? when 'weekly' then ? when 'monthly' then ? else ? end`,
      [weights.daily, weights.weekly, weights.monthly, weights.rarely],
    );

    // One index-only pass over the ratings, grouped by need and by the rater's set of teams (its key is written on
    // each rating): the need totals are sums over the sets, a team's figures sums over the sets that contain it. At
    // 100k responses this replaced a join of every rating with the response's teams (see the migration
    // 20261128000000_results_in_one_pass for the figures).
    const [respondentsRow, ratingRows, teamRows, questionRows] =
      await Promise.all([
        // Respondents, and those who rated at least one need, in one pass over the summary index.
        this.db('nd_responses')
          .where({ survey_id: surveyId })
          .first(
            this.db.raw('count(*) as respondents'),
            this.db.raw(
              'sum(case when rated_needs > 0 then 1 else 0 end) as rating_respondents',
            ),
          ),
        this.db('nd_need_ratings')
          .where({ survey_id: surveyId })
          .groupBy('need_id', 'team_set')
          .select(
            'need_id',
            'team_set',
            this.db.raw('count(*) as respondents'),
            this.db.raw('sum(pain) as pain_sum'),
            this.db.raw(`sum(${weightCase.toQuery()}) as weight_sum`),
            this.db.raw(
              'sum(case when pain >= ? then 1 else 0 end) as reporting',
              [REPORTING_PAIN],
            ),
          ),
        this.db('nd_response_teams')
          .where({ survey_id: surveyId })
          .groupBy('team_ref')
          .select('team_ref', this.db.raw('count(*) as respondents')),
        this.questionRows(surveyId),
      ]);

    const needTotals = new Map<
      string,
      { respondents: number; painSum: number; weightSum: number }
    >();
    /** team → need → figures, and whether anyone in the team reported the need. */
    const teamNeedTotals = new Map<
      string,
      Map<string, { respondents: number; painSum: number; reporting: boolean }>
    >();
    const teamSets = await this.teamSets(
      ratingRows.map(row => String(row.team_set)),
    );
    for (const row of ratingRows) {
      const needId = String(row.need_id);
      const respondents = toNumber(row.respondents);
      const painSum = toNumber(row.pain_sum);
      const total = needTotals.get(needId) ?? {
        respondents: 0,
        painSum: 0,
        weightSum: 0,
      };
      total.respondents += respondents;
      total.painSum += painSum;
      total.weightSum += toNumber(row.weight_sum);
      needTotals.set(needId, total);

      for (const team of teamSets.get(String(row.team_set)) ?? []) {
        const byNeed = teamNeedTotals.get(team) ?? new Map();
        const figures = byNeed.get(needId) ?? {
          respondents: 0,
          painSum: 0,
          reporting: false,
        };
        figures.respondents += respondents;
        figures.painSum += painSum;
        figures.reporting ||= toNumber(row.reporting) > 0;
        byNeed.set(needId, figures);
        teamNeedTotals.set(team, byNeed);
      }
    }

    const reporting = new Map<string, number>();
    for (const byNeed of teamNeedTotals.values()) {
      for (const [needId, figures] of byNeed) {
        if (figures.reporting) {
          reporting.set(needId, (reporting.get(needId) ?? 0) + 1);
        }
      }
    }
    const needs: NeedStats[] = survey.needs.map(need => {
      const total = needTotals.get(need.id);
      return {
        needId: need.id,
        respondents: total?.respondents ?? 0,
        painSum: total?.painSum ?? 0,
        weightSum: Math.round((total?.weightSum ?? 0) * 1e6) / 1e6,
        teamsReporting: reporting.get(need.id) ?? 0,
      };
    });

    const teamRespondents = new Map(
      teamRows.map(r => [String(r.team_ref), toNumber(r.respondents)]),
    );
    const teams: TeamStats[] = audienceTeams.map(team => ({
      teamRef: team.teamRef,
      members: team.members,
      respondents: teamRespondents.get(team.teamRef) ?? 0,
      needs: [...(teamNeedTotals.get(team.teamRef) ?? new Map())]
        .map(([needId, figures]) => ({
          needId,
          respondents: figures.respondents,
          painSum: figures.painSum,
        }))
        .sort((a, b) => (a.needId < b.needId ? -1 : 1)),
    }));

    const questions = await this.questionStats(
      survey,
      questionRows,
      toNumber(respondentsRow?.rating_respondents),
    );
    return {
      respondents: toNumber(respondentsRow?.respondents),
      needs,
      teams,
      questions,
    };
  }

  /** Per question: how many answered it, and the counts behind choices, NPS and rankings (not free text). */
  private async questionRows(surveyId: string) {
    const [respondentRows, itemRows] = await Promise.all([
      this.db('nd_answer_items')
        .where({ survey_id: surveyId })
        .groupBy('question_id')
        .select(
          'question_id',
          this.db.raw('count(distinct response_id) as respondents'),
        ),
      this.db('nd_answer_items')
        .where({ survey_id: surveyId })
        .whereNull('text')
        .groupBy('question_id', 'item', 'num')
        .select('question_id', 'item', 'num', this.db.raw('count(*) as count')),
    ]);
    return { respondentRows, itemRows };
  }

  private async questionStats(
    survey: Survey,
    { respondentRows, itemRows }: Awaited<ReturnType<typeof this.questionRows>>,
    ratingRespondents: number,
  ): Promise<QuestionStats[]> {
    const surveyId = survey.id;
    const respondents = new Map(
      respondentRows.map(r => [String(r.question_id), toNumber(r.respondents)]),
    );

    const stats: QuestionStats[] = [];
    for (const question of survey.questions) {
      const rows = itemRows.filter(r => r.question_id === question.id);
      const base = {
        questionId: question.id,
        respondents: respondents.get(question.id) ?? 0,
      };
      switch (question.type) {
        case 'need-rating':
          stats.push({
            questionId: question.id,
            respondents: ratingRespondents,
          });
          break;
        case 'single-choice':
        case 'multi-choice': {
          const choiceCounts: Record<string, number> = {};
          for (const option of question.options) choiceCounts[option] = 0;
          for (const row of rows) {
            choiceCounts[String(row.item)] =
              (choiceCounts[String(row.item)] ?? 0) + toNumber(row.count);
          }
          stats.push({ ...base, choiceCounts });
          break;
        }
        case 'nps': {
          const npsCounts = new Array<number>(11).fill(0);
          for (const row of rows)
            npsCounts[toNumber(row.num)] += toNumber(row.count);
          stats.push({ ...base, npsCounts });
          break;
        }
        case 'ranking': {
          const ranking: NonNullable<QuestionStats['ranking']> = {};
          for (const row of rows) {
            const needId = String(row.item);
            const position = toNumber(row.num);
            const count = toNumber(row.count);
            const entry = ranking[needId] ?? {
              count: 0,
              positionSum: 0,
              firstPlace: 0,
            };
            entry.count += count;
            entry.positionSum += position * count;
            if (position === 1) entry.firstPlace += count;
            ranking[needId] = entry;
          }
          stats.push({ ...base, ranking });
          break;
        }
        case 'free-text': {
          // Texts are only read when enough people wrote one to show them at all.
          const texts =
            base.respondents >= survey.anonymityThreshold
              ? (
                  await this.db('nd_answer_items')
                    .where({ survey_id: surveyId, question_id: question.id })
                    .whereNotNull('text')
                    .select('text')
                ).map(r => String(r.text))
              : [];
          stats.push({ ...base, texts });
          break;
        }
        default:
      }
    }
    return stats;
  }

  async registerNeeds(
    needs: { id: string; title: string; description?: string }[],
    now = new Date(),
  ): Promise<void> {
    for (const need of needs) {
      await this.db('nd_needs')
        .insert({
          id: need.id,
          title: need.title,
          description: need.description ?? null,
          status: 'open',
          shared: false,
          teams: 0,
          updated_at: now.getTime(),
        })
        .onConflict('id')
        .merge({
          title: need.title,
          description: need.description ?? null,
          updated_at: now.getTime(),
        });
    }
  }

  async recordNeedScores(
    surveyId: string,
    scores: {
      needId: string;
      score: number | null;
      shared: boolean;
      teams: number;
    }[],
    now = new Date(),
  ): Promise<void> {
    await this.db.transaction(async tx => {
      for (const score of scores) {
        await tx('nd_needs').where({ id: score.needId }).update({
          latest_survey_id: surveyId,
          latest_score: score.score,
          shared: score.shared,
          teams: score.teams,
          updated_at: now.getTime(),
        });
      }
    });
  }

  async listNeeds(): Promise<RegisteredNeed[]> {
    const rows = await this.db<NeedRow>('nd_needs').orderBy('id');
    return rows.map(rowToNeed);
  }

  async getNeed(id: string): Promise<RegisteredNeed | undefined> {
    const row = await this.db<NeedRow>('nd_needs').where({ id }).first();
    return row ? rowToNeed(row) : undefined;
  }

  async updateNeed(
    id: string,
    patch: { status: NeedStatus; capabilityRef?: string | null },
    now = new Date(),
  ): Promise<RegisteredNeed | undefined> {
    const updated = await this.db('nd_needs')
      .where({ id })
      .update({
        status: patch.status,
        ...(patch.capabilityRef !== undefined
          ? { capability_ref: patch.capabilityRef }
          : {}),
        updated_at: now.getTime(),
      });
    return updated ? this.getNeed(id) : undefined;
  }

  async replaceCatalogCapabilities(
    capabilities: NeedCapability[],
    now = new Date(),
  ): Promise<void> {
    const byRef = new Map(
      capabilities.map(c => [
        c.entityRef,
        {
          entity_ref: c.entityRef,
          need_id: c.needId,
          title: c.title ?? null,
          lifecycle: c.lifecycle ?? null,
          mvp_review_date: c.mvpReviewDate ?? null,
          synced_at: now.getTime(),
        },
      ]),
    );
    const rows = [...byRef.values()];
    await this.db.transaction(async tx => {
      // Two scans at once (replicas whose scheduler lock was lost) take turns: on PostgreSQL this lock, which reads
      // do not wait for, makes the second wait for the first to commit (SQLite has one writer at a time anyway).
      // Without it both would delete the old rows and insert the same new ones, and the second insert would fail.
      if (String(tx.client.config.client).includes('pg')) {
        await tx.raw(
          'LOCK TABLE nd_catalog_capabilities IN SHARE ROW EXCLUSIVE MODE',
        );
      }
      // Upserted, and then the capabilities gone from the catalog deleted, so that no insert can meet a key.
      // In chunks: SQLite takes at most 999 bound values per statement.
      for (let i = 0; i < rows.length; i += 100) {
        await tx('nd_catalog_capabilities')
          .insert(rows.slice(i, i + 100))
          .onConflict('entity_ref')
          .merge();
      }
      const stored: string[] = await tx('nd_catalog_capabilities').pluck(
        'entity_ref',
      );
      const gone = stored.filter(ref => !byRef.has(ref)).sort();
      for (let i = 0; i < gone.length; i += 500) {
        await tx('nd_catalog_capabilities')
          .whereIn('entity_ref', gone.slice(i, i + 500))
          .delete();
      }
    });
  }

  async listCatalogCapabilities(needIds?: string[]): Promise<NeedCapability[]> {
    const query = this.db<CapabilityRow>('nd_catalog_capabilities').orderBy(
      'entity_ref',
    );
    if (needIds) query.whereIn('need_id', needIds);
    return (await query).map(row => ({
      entityRef: row.entity_ref,
      needId: row.need_id,
      ...(row.title ? { title: row.title } : {}),
      ...(row.lifecycle ? { lifecycle: row.lifecycle } : {}),
      ...(row.mvp_review_date ? { mvpReviewDate: row.mvp_review_date } : {}),
    }));
  }

  async getSetting(key: string): Promise<string | undefined> {
    const row = await this.db('nd_settings').where({ key }).first('value');
    return row?.value;
  }

  async setSettingOnce(key: string, value: string): Promise<string> {
    await this.db('nd_settings')
      .insert({ key, value })
      .onConflict('key')
      .ignore();
    return (await this.getSetting(key))!;
  }

  async deleteSetting(key: string, value: string): Promise<void> {
    await this.db('nd_settings').where({ key, value }).delete();
  }
}
