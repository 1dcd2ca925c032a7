import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  Answers,
  MyResponse,
  RegisteredNeed,
  Survey,
  SurveyDefinition,
  SurveyResults,
  SurveySummary,
} from '@platform-product/plugin-needs-discovery-common';
import { NeedsDiscoveryApi, NeedUpdate } from './NeedsDiscoveryApi';

/**
 * HTTP implementation of {@link NeedsDiscoveryApi}. Requests go through the
 * FetchApi so that the signed-in user's Backstage token is attached.
 *
 * @public
 */
export class NeedsDiscoveryClient implements NeedsDiscoveryApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  /** {@inheritDoc NeedsDiscoveryApi.listSurveys} */
  async listSurveys(): Promise<SurveySummary[]> {
    const body = await this.requestJson<{ items: SurveySummary[] }>('/surveys');
    return body.items;
  }

  /** {@inheritDoc NeedsDiscoveryApi.getSurvey} */
  getSurvey(surveyId: string): Promise<Survey> {
    return this.requestJson(`/surveys/${encodeURIComponent(surveyId)}`);
  }

  /** {@inheritDoc NeedsDiscoveryApi.createSurvey} */
  createSurvey(definition: SurveyDefinition): Promise<Survey> {
    return this.requestJson('/surveys', { method: 'POST', json: definition });
  }

  /** {@inheritDoc NeedsDiscoveryApi.updateSurvey} */
  updateSurvey(
    surveyId: string,
    definition: SurveyDefinition,
  ): Promise<Survey> {
    return this.requestJson(`/surveys/${encodeURIComponent(surveyId)}`, {
      method: 'PUT',
      json: definition,
    });
  }

  /** {@inheritDoc NeedsDiscoveryApi.openSurvey} */
  async openSurvey(surveyId: string): Promise<void> {
    await this.request(`/surveys/${encodeURIComponent(surveyId)}/open`, {
      method: 'POST',
    });
  }

  /** {@inheritDoc NeedsDiscoveryApi.closeSurvey} */
  async closeSurvey(surveyId: string): Promise<void> {
    await this.request(`/surveys/${encodeURIComponent(surveyId)}/close`, {
      method: 'POST',
    });
  }

  /** {@inheritDoc NeedsDiscoveryApi.cloneSurvey} */
  cloneSurvey(surveyId: string): Promise<Survey> {
    return this.requestJson(`/surveys/${encodeURIComponent(surveyId)}/clone`, {
      method: 'POST',
    });
  }

  /** {@inheritDoc NeedsDiscoveryApi.getMyResponse} */
  async getMyResponse(surveyId: string): Promise<MyResponse | undefined> {
    let response: Response;
    try {
      response = await this.request(
        `/surveys/${encodeURIComponent(surveyId)}/responses/me`,
        { headers: { Accept: 'application/json' } },
      );
    } catch (error) {
      // Backends before 204 answered "not answered yet" with a NotFoundError.
      if (
        error instanceof ResponseError &&
        error.statusCode === 404 &&
        error.body?.error?.message === 'You have not answered this survey yet.'
      ) {
        return undefined;
      }
      throw error;
    }
    // The backend answers 204 while the caller has not responded: an expected state, not an error.
    if (response.status === 204) {
      return undefined;
    }
    return (await response.json()) as MyResponse;
  }

  /** {@inheritDoc NeedsDiscoveryApi.submitMyResponse} */
  submitMyResponse(surveyId: string, answers: Answers): Promise<MyResponse> {
    return this.requestJson(
      `/surveys/${encodeURIComponent(surveyId)}/responses/me`,
      { method: 'PUT', json: { answers } },
    );
  }

  /** {@inheritDoc NeedsDiscoveryApi.withdrawMyResponse} */
  async withdrawMyResponse(surveyId: string): Promise<void> {
    await this.request(
      `/surveys/${encodeURIComponent(surveyId)}/responses/me`,
      { method: 'DELETE' },
    );
  }

  /** {@inheritDoc NeedsDiscoveryApi.getResults} */
  getResults(surveyId: string): Promise<SurveyResults> {
    return this.requestJson(`/surveys/${encodeURIComponent(surveyId)}/results`);
  }

  /** {@inheritDoc NeedsDiscoveryApi.getResultsCsv} */
  async getResultsCsv(surveyId: string): Promise<Blob> {
    const response = await this.request(
      `/surveys/${encodeURIComponent(surveyId)}/results.csv`,
      { headers: { Accept: 'text/csv' } },
    );
    return response.blob();
  }

  /** {@inheritDoc NeedsDiscoveryApi.listNeeds} */
  async listNeeds(): Promise<RegisteredNeed[]> {
    const body = await this.requestJson<{ items: RegisteredNeed[] }>('/needs');
    return body.items;
  }

  /** {@inheritDoc NeedsDiscoveryApi.getNeed} */
  getNeed(needId: string): Promise<RegisteredNeed> {
    return this.requestJson(`/needs/${encodeURIComponent(needId)}`);
  }

  /** {@inheritDoc NeedsDiscoveryApi.updateNeed} */
  updateNeed(needId: string, update: NeedUpdate): Promise<RegisteredNeed> {
    return this.requestJson(`/needs/${encodeURIComponent(needId)}`, {
      method: 'PATCH',
      json: update,
    });
  }

  private async requestJson<T>(
    path: string,
    options?: { method?: string; json?: unknown },
  ): Promise<T> {
    const response = await this.request(path, {
      method: options?.method,
      headers: {
        Accept: 'application/json',
        ...(options?.json !== undefined
          ? { 'Content-Type': 'application/json' }
          : {}),
      },
      body:
        options?.json !== undefined ? JSON.stringify(options.json) : undefined,
    });
    return (await response.json()) as T;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('needs-discovery');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
