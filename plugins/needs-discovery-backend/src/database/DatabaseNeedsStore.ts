import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  Answers,
  AudienceTeam,
  FrequencyWeights,
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
import { randomUUID } from 'node:crypto';
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
    return new DatabaseNeedsStore(client);
  }

  private constructor(private readonly db: Knex) {}

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

  async markReminded(id: string, now = new Date()): Promise<void> {
    await this.db('nd_surveys')
      .where({ id })
      .update({ reminded_at: now.getTime() });
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
          submitted_at: now,
          updated_at: now,
        })
        .onConflict(['survey_id', 'respondent_hash'])
        .merge({
          teams: JSON.stringify(teams),
          answers: JSON.stringify(answers),
          revision: tx.raw('nd_responses.revision + 1'),
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
      await insertChunked(
        tx,
        'nd_response_teams',
        teams.map(team_ref => ({ ...link, team_ref })),
      );
      await insertChunked(
        tx,
        'nd_need_ratings',
        ratings.map(r => ({ ...link, ...r })),
      );
      await insertChunked(
        tx,
        'nd_answer_items',
        items.map(i => ({ ...link, ...i })),
      );
      return upserted;
    });
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

    // Teams reporting a need are counted from the team × need breakdown below, which already joins every rating
    // with its teams, instead of in a second such join with count(distinct team_ref): PostgreSQL sorted that whole
    // join for the distinct count, most of a 5.7 s recompute at 100k responses (1.6 s without it; yarn bench:needs).
    const [respondentsRow, needRows, teamRows, teamNeedRows] =
      await Promise.all([
        this.db('nd_responses')
          .where({ survey_id: surveyId })
          .count({ count: '*' })
          .first(),
        this.db('nd_need_ratings')
          .where({ survey_id: surveyId })
          .groupBy('need_id')
          .select(
            'need_id',
            this.db.raw('count(*) as respondents'),
            this.db.raw('sum(pain) as pain_sum'),
            this.db.raw(`sum(${weightCase.toQuery()}) as weight_sum`),
          ),
        this.db('nd_response_teams')
          .where({ survey_id: surveyId })
          .groupBy('team_ref')
          .select('team_ref', this.db.raw('count(*) as respondents')),
        this.db('nd_need_ratings as r')
          .join('nd_response_teams as t', 't.response_id', 'r.response_id')
          .where('r.survey_id', surveyId)
          .groupBy('t.team_ref', 'r.need_id')
          .select(
            't.team_ref',
            'r.need_id',
            this.db.raw('count(*) as respondents'),
            this.db.raw('sum(r.pain) as pain_sum'),
            this.db.raw(
              'sum(case when r.pain >= ? then 1 else 0 end) as reporting',
              [REPORTING_PAIN],
            ),
          ),
      ]);

    const reporting = new Map<string, number>();
    for (const row of teamNeedRows) {
      if (toNumber(row.reporting) > 0) {
        const needId = String(row.need_id);
        reporting.set(needId, (reporting.get(needId) ?? 0) + 1);
      }
    }
    const byNeed = new Map(needRows.map(r => [String(r.need_id), r]));
    const needs: NeedStats[] = survey.needs.map(need => {
      const row = byNeed.get(need.id);
      return {
        needId: need.id,
        respondents: toNumber(row?.respondents),
        painSum: toNumber(row?.pain_sum),
        weightSum: Math.round(toNumber(row?.weight_sum) * 1e6) / 1e6,
        teamsReporting: reporting.get(need.id) ?? 0,
      };
    });

    const teamRespondents = new Map(
      teamRows.map(r => [String(r.team_ref), toNumber(r.respondents)]),
    );
    const teamNeeds = new Map<string, TeamStats['needs']>();
    for (const row of teamNeedRows) {
      const list = teamNeeds.get(String(row.team_ref)) ?? [];
      list.push({
        needId: String(row.need_id),
        respondents: toNumber(row.respondents),
        painSum: toNumber(row.pain_sum),
      });
      teamNeeds.set(String(row.team_ref), list);
    }
    const teams: TeamStats[] = audienceTeams.map(team => ({
      teamRef: team.teamRef,
      members: team.members,
      respondents: teamRespondents.get(team.teamRef) ?? 0,
      needs: (teamNeeds.get(team.teamRef) ?? []).sort(
        (a: TeamStats['needs'][number], b: TeamStats['needs'][number]) =>
          a.needId < b.needId ? -1 : 1,
      ),
    }));

    const questions = await this.computeQuestionStats(survey);
    return {
      respondents: toNumber(respondentsRow?.count as string),
      needs,
      teams,
      questions,
    };
  }

  private async computeQuestionStats(survey: Survey): Promise<QuestionStats[]> {
    const surveyId = survey.id;
    const [respondentRows, itemRows, ratingRespondents] = await Promise.all([
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
      // Responses with at least one rating. Same count as count(distinct response_id) over the ratings, but a probe
      // per response instead of de-duplicating every rating (about 20 per response).
      this.db('nd_responses as r')
        .where('r.survey_id', surveyId)
        .whereExists(
          this.db('nd_need_ratings as n')
            .whereRaw('n.response_id = r.id')
            .select(this.db.raw('1')),
        )
        .first(this.db.raw('count(*) as respondents')),
    ]);
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
            respondents: toNumber(ratingRespondents?.respondents),
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
}
