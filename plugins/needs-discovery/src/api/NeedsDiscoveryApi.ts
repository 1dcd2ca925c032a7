import { createApiRef } from '@backstage/core-plugin-api';
import {
  Answers,
  MyResponse,
  NeedStatus,
  RegisteredNeed,
  Survey,
  SurveyDefinition,
  SurveyResults,
  SurveySummary,
} from '@platform-product/plugin-needs-discovery-common';

/**
 * Fields a needs-registry curator may change on a need.
 *
 * @public
 */
export interface NeedUpdate {
  /** The need's new status in the registry. */
  status: NeedStatus;
  /** Entity ref of the capability that serves the need; null clears it. */
  capabilityRef?: string | null;
}

/**
 * Client for the needs-discovery backend. Every method rejects with a `ResponseError`
 * from `@backstage/errors` when the backend answers with an error status.
 *
 * @public
 */
export interface NeedsDiscoveryApi {
  /** Surveys visible to the caller; drafts are only listed for survey managers. */
  listSurveys(): Promise<SurveySummary[]>;
  /** One survey, with its definition and status. */
  getSurvey(surveyId: string): Promise<Survey>;
  /** Creates a draft. */
  createSurvey(definition: SurveyDefinition): Promise<Survey>;
  /** Replaces a draft's definition; the backend refuses once the survey is open. */
  updateSurvey(surveyId: string, definition: SurveyDefinition): Promise<Survey>;
  /** Opens a draft for responses; its anonymity threshold is fixed from then on. */
  openSurvey(surveyId: string): Promise<void>;
  /** Closes an open survey: it takes no more responses. */
  closeSurvey(surveyId: string): Promise<void>;
  /** Copies a survey into a new draft of the next wave. */
  cloneSurvey(surveyId: string): Promise<Survey>;

  /** The caller's own response, or undefined when they have not answered yet. */
  getMyResponse(surveyId: string): Promise<MyResponse | undefined>;
  /** Submits the caller's answers, replacing their earlier response to the survey. */
  submitMyResponse(surveyId: string, answers: Answers): Promise<MyResponse>;
  /** Deletes the caller's response to the survey. */
  withdrawMyResponse(surveyId: string): Promise<void>;

  /** The survey's aggregated results, withheld below its anonymity threshold. */
  getResults(surveyId: string): Promise<SurveyResults>;
  /** The aggregated results as a CSV file. */
  getResultsCsv(surveyId: string): Promise<Blob>;

  /** Every need in the registry, with its latest results. */
  listNeeds(): Promise<RegisteredNeed[]>;
  /** One need of the registry. */
  getNeed(needId: string): Promise<RegisteredNeed>;
  /** Changes a need's status and the capability that serves it. */
  updateNeed(needId: string, update: NeedUpdate): Promise<RegisteredNeed>;
}

/**
 * API reference for {@link NeedsDiscoveryApi}.
 *
 * @public
 */
export const needsDiscoveryApiRef = createApiRef<NeedsDiscoveryApi>({
  id: 'plugin.needs-discovery.api',
});
