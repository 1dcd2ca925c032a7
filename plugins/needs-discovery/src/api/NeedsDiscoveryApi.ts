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

/** Fields a needs-registry curator may change on a need. */
export interface NeedUpdate {
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
  getSurvey(surveyId: string): Promise<Survey>;
  /** Creates a draft. */
  createSurvey(definition: SurveyDefinition): Promise<Survey>;
  /** Replaces a draft's definition; the backend refuses once the survey is open. */
  updateSurvey(surveyId: string, definition: SurveyDefinition): Promise<Survey>;
  openSurvey(surveyId: string): Promise<void>;
  closeSurvey(surveyId: string): Promise<void>;
  /** Copies a survey into a new draft of the next wave. */
  cloneSurvey(surveyId: string): Promise<Survey>;

  /** The caller's own response, or undefined when they have not answered yet. */
  getMyResponse(surveyId: string): Promise<MyResponse | undefined>;
  submitMyResponse(surveyId: string, answers: Answers): Promise<MyResponse>;
  withdrawMyResponse(surveyId: string): Promise<void>;

  getResults(surveyId: string): Promise<SurveyResults>;
  /** The aggregated results as a CSV file. */
  getResultsCsv(surveyId: string): Promise<Blob>;

  listNeeds(): Promise<RegisteredNeed[]>;
  getNeed(needId: string): Promise<RegisteredNeed>;
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
