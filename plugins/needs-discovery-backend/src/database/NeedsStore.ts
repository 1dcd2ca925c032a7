import {
  Answers,
  FrequencyWeights,
  NeedCapability,
  NeedStatus,
  RegisteredNeed,
  Survey,
  SurveyDefinition,
  SurveyStatus,
} from '@platform-product/plugin-needs-discovery-common';
import type {
  AudienceTeam,
  NeedStats,
  QuestionStats,
  TeamStats,
} from '@platform-product/plugin-needs-discovery-common';

/** A response as stored: the respondent is only known by a keyed hash. */
export interface StoredResponse {
  surveyId: string;
  respondentHash: string;
  teams: string[];
  answers: Answers;
  revision: number;
  submittedAt: string;
  updatedAt: string;
}

/** The aggregates a survey's results are built from (see buildResults in -common). */
export interface SurveyStats {
  respondents: number;
  needs: NeedStats[];
  teams: TeamStats[];
  questions: QuestionStats[];
}

export interface CreateSurveyInput {
  definition: SurveyDefinition;
  createdBy: string;
  wave?: number;
  previousSurveyId?: string | null;
  demo?: boolean;
  now?: Date;
}

/** Persistence of surveys, responses and the needs registry. */
export interface NeedsStore {
  createSurvey(input: CreateSurveyInput): Promise<Survey>;
  getSurvey(id: string): Promise<Survey | undefined>;
  listSurveys(options?: { statuses?: SurveyStatus[] }): Promise<Survey[]>;
  /** Replaces a draft's definition; undefined when the survey is not (or no longer) a draft. */
  updateDraft(
    id: string,
    definition: SurveyDefinition,
    now?: Date,
  ): Promise<Survey | undefined>;
  /** Moves a survey from one status to the next; undefined when it was not in `from` (a concurrent change). */
  transitionSurvey(
    id: string,
    from: SurveyStatus,
    to: SurveyStatus,
    now?: Date,
  ): Promise<Survey | undefined>;
  /** Open surveys, opened before the cut-off, whose audience has not been reminded yet. */
  listSurveysDueForReminder(openedBefore: Date): Promise<Survey[]>;
  /**
   * Marks an open survey's audience as reminded at `now` unless it already is; true only for the one caller whose
   * mark was written, which then sends the reminder (replicas running the reminders at once send each one once).
   */
  claimReminder(id: string, now: Date): Promise<boolean>;
  /** Undoes a claim made at `claimedAt` (the reminder could not be sent), so that the next run reminds again. */
  releaseReminder(id: string, claimedAt: Date): Promise<void>;

  /** Creates or replaces the one response of this respondent to this survey. */
  upsertResponse(input: {
    survey: Survey;
    respondentHash: string;
    teams: string[];
    answers: Answers;
    now?: Date;
  }): Promise<StoredResponse>;
  getResponse(
    surveyId: string,
    respondentHash: string,
  ): Promise<StoredResponse | undefined>;
  /** True when there was a response to delete. */
  deleteResponse(surveyId: string, respondentHash: string): Promise<boolean>;
  /** Which of these respondents have answered. */
  findRespondents(
    surveyId: string,
    respondentHashes: string[],
  ): Promise<Set<string>>;
  countResponses(surveyIds: string[]): Promise<Map<string, number>>;
  /** Changes whenever any response of the survey is added, changed or withdrawn; cheap to read. */
  responsesFingerprint(surveyId: string): Promise<string>;
  computeStats(
    survey: Survey,
    options: { weights: FrequencyWeights; audienceTeams: AudienceTeam[] },
  ): Promise<SurveyStats>;

  /** Adds needs not yet registered (status open) and refreshes titles of known ones. */
  registerNeeds(
    needs: { id: string; title: string; description?: string }[],
    now?: Date,
  ): Promise<void>;
  recordNeedScores(
    surveyId: string,
    scores: {
      needId: string;
      score: number | null;
      shared: boolean;
      teams: number;
    }[],
    now?: Date,
  ): Promise<void>;
  /** The needs with the status and capability recorded for them (PATCH), not yet derived from the catalog. */
  listNeeds(): Promise<RegisteredNeed[]>;
  getNeed(id: string): Promise<RegisteredNeed | undefined>;
  updateNeed(
    id: string,
    patch: { status: NeedStatus; capabilityRef?: string | null },
    now?: Date,
  ): Promise<RegisteredNeed | undefined>;

  /**
   * Replaces the catalog's capabilities naming needs with what the latest catalog scan found. Concurrent calls do
   * not conflict: the last one to commit wins.
   */
  replaceCatalogCapabilities(
    capabilities: NeedCapability[],
    now?: Date,
  ): Promise<void>;
  /** The capabilities naming a need (all when needIds is not given), as the latest catalog scan found them. */
  listCatalogCapabilities(needIds?: string[]): Promise<NeedCapability[]>;

  getSetting(key: string): Promise<string | undefined>;
  /** Stores the value unless one exists; returns the value that is stored. */
  setSettingOnce(key: string, value: string): Promise<string>;
  /** Removes the setting if it still holds this value. */
  deleteSetting(key: string, value: string): Promise<void>;
}
