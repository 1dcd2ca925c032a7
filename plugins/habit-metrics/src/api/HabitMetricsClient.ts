import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  Adoption,
  Campaign,
  CampaignActivity,
  CampaignProgress,
  CampaignStatus,
  CapabilityHabits,
  GoldenPathShare,
  HabitEventInput,
  HabitsSummary,
  MyParticipation,
  ParticipationInput,
  Retention,
  Reversions,
  StickinessWeek,
  TeamHabits,
  TimeToHabit,
} from '@platform-product/plugin-habit-metrics-common';
import {
  AdoptionQuery,
  CampaignChanges,
  CampaignDetail,
  DateRange,
  HabitEventsResult,
  HabitMetricsApi,
  NewCampaign,
  NewCampaignActivity,
} from './HabitMetricsApi';

type QueryValue = string | number | undefined;

function queryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function rangeOf(range: DateRange = {}): Record<string, QueryValue> {
  return { from: range.from, to: range.to };
}

function refOf(
  ref: string | CompoundEntityRef,
  defaultKind?: string,
): CompoundEntityRef {
  return typeof ref === 'string'
    ? parseEntityRef(ref, defaultKind ? { defaultKind } : undefined)
    : ref;
}

/**
 * HTTP implementation of {@link HabitMetricsApi}. Requests go through the FetchApi so that the
 * signed-in user's Backstage token is attached.
 *
 * @public
 */
export class HabitMetricsClient implements HabitMetricsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  /** {@inheritDoc HabitMetricsApi.sendEvents} */
  async sendEvents(
    events: HabitEventInput[],
    options?: { keepalive?: boolean },
  ): Promise<HabitEventsResult> {
    const response = await this.request('/events', {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ events }),
      ...(options?.keepalive ? { keepalive: true } : {}),
    });
    return (await response.json()) as HabitEventsResult;
  }

  /** {@inheritDoc HabitMetricsApi.getGoldenPath} */
  getGoldenPath(
    query: DateRange & { team?: string } = {},
  ): Promise<GoldenPathShare> {
    return this.get('/golden-path', { team: query.team, ...rangeOf(query) });
  }

  /** {@inheritDoc HabitMetricsApi.getAdoption} */
  getAdoption(query: AdoptionQuery): Promise<Adoption> {
    if (!query.capability && !query.template) {
      // Without either the backend answers with every capability, a different shape.
      throw new TypeError('getAdoption needs a capability or a template');
    }
    return this.get('/adoption', {
      capability: query.capability,
      template: query.template,
      ...rangeOf(query),
    });
  }

  /** {@inheritDoc HabitMetricsApi.listAdoption} */
  async listAdoption(query: DateRange = {}): Promise<Adoption[]> {
    const body = await this.get<{ capabilities: Adoption[] }>(
      '/adoption',
      rangeOf(query),
    );
    return body.capabilities;
  }

  /** {@inheritDoc HabitMetricsApi.getRetention} */
  getRetention(
    query: { capability?: string; weeks?: number } = {},
  ): Promise<Retention> {
    return this.get('/retention', {
      capability: query.capability,
      weeks: query.weeks,
    });
  }

  /** {@inheritDoc HabitMetricsApi.getStickiness} */
  async getStickiness(
    query: DateRange & { capability?: string } = {},
  ): Promise<StickinessWeek[]> {
    const body = await this.get<{ weeks: StickinessWeek[] }>('/stickiness', {
      capability: query.capability,
      ...rangeOf(query),
    });
    return body.weeks;
  }

  /** {@inheritDoc HabitMetricsApi.getReversions} */
  getReversions(
    query: DateRange & { minStreak?: number } = {},
  ): Promise<Reversions> {
    return this.get('/reversions', {
      minStreak: query.minStreak,
      ...rangeOf(query),
    });
  }

  /** {@inheritDoc HabitMetricsApi.getTimeToHabit} */
  getTimeToHabit(query: { habitWeeks?: number } = {}): Promise<TimeToHabit> {
    return this.get('/time-to-habit', { habitWeeks: query.habitWeeks });
  }

  /** {@inheritDoc HabitMetricsApi.getTeamHabits} */
  getTeamHabits(
    teamRef: string | CompoundEntityRef,
    range?: DateRange,
  ): Promise<TeamHabits> {
    const { namespace, name } = refOf(teamRef, 'group');
    return this.get(
      `/teams/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
      rangeOf(range),
    );
  }

  /** {@inheritDoc HabitMetricsApi.getCapabilityHabits} */
  getCapabilityHabits(
    capabilityRef: string | CompoundEntityRef,
    range?: DateRange,
  ): Promise<CapabilityHabits> {
    const { kind, namespace, name } = refOf(capabilityRef);
    return this.get(
      `/capabilities/${encodeURIComponent(
        kind.toLocaleLowerCase('en-US'),
      )}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
      rangeOf(range),
    );
  }

  /** {@inheritDoc HabitMetricsApi.getSummary} */
  getSummary(): Promise<HabitsSummary> {
    return this.get('/summary');
  }

  /** {@inheritDoc HabitMetricsApi.listCampaigns} */
  async listCampaigns(
    query: { status?: CampaignStatus } = {},
  ): Promise<Campaign[]> {
    const body = await this.get<{ campaigns: Campaign[] }>('/campaigns', {
      status: query.status,
    });
    return body.campaigns;
  }

  /** {@inheritDoc HabitMetricsApi.createCampaign} */
  createCampaign(campaign: NewCampaign): Promise<Campaign> {
    return this.send('POST', '/campaigns', campaign);
  }

  /** {@inheritDoc HabitMetricsApi.getCampaign} */
  getCampaign(id: string): Promise<CampaignDetail> {
    return this.get(`/campaigns/${encodeURIComponent(id)}`);
  }

  /** {@inheritDoc HabitMetricsApi.updateCampaign} */
  updateCampaign(id: string, changes: CampaignChanges): Promise<Campaign> {
    return this.send('PATCH', `/campaigns/${encodeURIComponent(id)}`, changes);
  }

  /** {@inheritDoc HabitMetricsApi.addCampaignActivity} */
  addCampaignActivity(
    id: string,
    activity: NewCampaignActivity,
  ): Promise<CampaignActivity> {
    return this.send(
      'POST',
      `/campaigns/${encodeURIComponent(id)}/activities`,
      activity,
    );
  }

  /** {@inheritDoc HabitMetricsApi.putMyParticipation} */
  putMyParticipation(
    id: string,
    activityId: string,
    participation: ParticipationInput,
  ): Promise<MyParticipation> {
    return this.send(
      'PUT',
      `/campaigns/${encodeURIComponent(id)}/activities/${encodeURIComponent(
        activityId,
      )}/participation/me`,
      participation,
    );
  }

  /** {@inheritDoc HabitMetricsApi.getCampaignProgress} */
  getCampaignProgress(id: string): Promise<CampaignProgress> {
    return this.get(`/campaigns/${encodeURIComponent(id)}/progress`);
  }

  private async send<T>(
    method: 'POST' | 'PATCH' | 'PUT',
    path: string,
    body: unknown,
  ): Promise<T> {
    const response = await this.request(path, {
      method,
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    return (await response.json()) as T;
  }

  private async get<T>(
    path: string,
    query?: Record<string, QueryValue>,
  ): Promise<T> {
    const response = await this.request(`${path}${queryString(query)}`, {
      headers: { Accept: 'application/json' },
    });
    return (await response.json()) as T;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('habit-metrics');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
