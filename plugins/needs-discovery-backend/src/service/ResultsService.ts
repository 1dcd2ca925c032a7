import {
  buildResults,
  FrequencyWeights,
  Survey,
  SurveyResults,
} from '@platform-product/plugin-needs-discovery-common';
import { NeedsStore } from '../database/NeedsStore';
import { AudienceResolver } from './AudienceResolver';

const MAX_CACHED_SURVEYS = 100;

/**
 * Computes survey results from SQL aggregates and keeps the last result per survey. A cached result is reused only
 * while the survey, its responses (checked through a cheap fingerprint query on every call) and its audience are
 * unchanged, so replicas sharing one database never serve stale figures.
 */
export class ResultsService {
  private readonly cache = new Map<
    string,
    { key: string; results: SurveyResults }
  >();

  constructor(
    private readonly options: {
      store: NeedsStore;
      audience: AudienceResolver;
      weights: FrequencyWeights;
      sharedNeedMinTeams: number;
    },
  ) {}

  async getResults(survey: Survey): Promise<SurveyResults> {
    const {
      store,
      audience: resolver,
      weights,
      sharedNeedMinTeams,
    } = this.options;
    const [fingerprint, audience] = await Promise.all([
      store.responsesFingerprint(survey.id),
      resolver.resolve(survey.audience),
    ]);
    const previousSurvey = survey.previousSurveyId
      ? await store.getSurvey(survey.previousSurveyId)
      : undefined;
    const previousResults = previousSurvey
      ? await this.getResults(previousSurvey)
      : undefined;

    const key = [
      survey.updatedAt,
      survey.status,
      fingerprint,
      audience.size,
      audience.teams.map(t => `${t.teamRef}=${t.members}`).join(','),
      previousResults?.computedAt ?? '',
    ].join('|');
    const cached = this.cache.get(survey.id);
    if (cached?.key === key) return cached.results;

    const stats = await store.computeStats(survey, {
      weights,
      audienceTeams: audience.teams,
    });
    const results = buildResults(
      {
        survey,
        respondents: stats.respondents,
        audienceSize: audience.size,
        audienceTeams: audience.teams,
        needs: stats.needs,
        teams: stats.teams,
        questions: stats.questions,
        previous: previousResults
          ? {
              surveyId: previousResults.surveyId,
              needs: previousResults.needs.map(n => ({
                needId: n.needId,
                priorityScore: n.priorityScore,
              })),
            }
          : null,
      },
      { sharedNeedMinTeams, frequencyWeights: weights },
    );
    this.cache.delete(survey.id);
    this.cache.set(survey.id, { key, results });
    if (this.cache.size > MAX_CACHED_SURVEYS) {
      this.cache.delete(this.cache.keys().next().value!);
    }
    return results;
  }

  /**
   * Stores a survey's scores with its needs when it closes (a snapshot in the database). The registry's routes do
   * not read it back: they take each need's figures from the live results (NeedsRegistry), which this cache
   * serves, so they always match the results page.
   */
  async recordInRegistry(survey: Survey): Promise<void> {
    const results = await this.getResults(survey);
    await this.options.store.recordNeedScores(
      survey.id,
      results.needs.map(need => ({
        needId: need.needId,
        score: need.priorityScore,
        shared: need.shared,
        teams: need.suppressed ? 0 : need.teams,
      })),
    );
  }
}
