import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CapabilityDetail,
  Scorecard,
  ScorecardHistory,
} from '@platform-product/plugin-thinness-scorecard-common';
import { ThinnessScorecardApi } from './ThinnessScorecardApi';

/**
 * HTTP implementation of {@link ThinnessScorecardApi}. Requests go through the
 * FetchApi so that the signed-in user's Backstage token is attached.
 *
 * @public
 */
export class ThinnessScorecardClient implements ThinnessScorecardApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  /** {@inheritDoc ThinnessScorecardApi.getScorecard} */
  getScorecard(): Promise<Scorecard> {
    return this.requestJson('/scorecard');
  }

  /** {@inheritDoc ThinnessScorecardApi.getHistory} */
  getHistory(options?: { days?: number }): Promise<ScorecardHistory> {
    const query =
      options?.days !== undefined
        ? `?${new URLSearchParams({ days: String(options.days) })}`
        : '';
    return this.requestJson(`/scorecard/history${query}`);
  }

  /** {@inheritDoc ThinnessScorecardApi.getCapability} */
  getCapability(
    entityRef: string | CompoundEntityRef,
    options?: { refresh?: boolean },
  ): Promise<CapabilityDetail> {
    // A string ref without a kind fails here rather than as a confusing 404; the namespace defaults.
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const path = [kind, namespace, name]
      .map(part => encodeURIComponent(part))
      .join('/');
    const query = options?.refresh ? '?refresh=true' : '';
    return this.requestJson(`/capabilities/${path}${query}`);
  }

  /** {@inheritDoc ThinnessScorecardApi.refresh} */
  refresh(): Promise<Scorecard> {
    return this.requestJson('/refresh', { method: 'POST' });
  }

  private async requestJson<T>(
    path: string,
    options?: { method?: string },
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('thinness-scorecard');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: options?.method,
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
