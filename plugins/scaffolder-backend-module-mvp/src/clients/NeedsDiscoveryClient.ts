import { NotFoundError } from '@backstage/errors';
import {
  callPlugin,
  errorFromResponse,
  PluginCallServices,
  readErrorBody,
} from './http';

const PLUGIN_ID = 'needs-discovery';

/**
 * Status of a need in the needs-discovery registry.
 *
 * @public
 */
export type NeedStatus = 'open' | 'in-mvp' | 'served' | 'declined';

/**
 * A need as the needs-discovery registry returns it (`RegisteredNeed` of its OpenAPI spec). Declared here rather
 * than imported so the module has no runtime dependency on the needs-discovery packages.
 *
 * @public
 */
export interface RegisteredNeed {
  id: string;
  title: string;
  description?: string;
  status: NeedStatus;
  /** Entity ref of the capability serving the need. */
  capabilityRef: string | null;
  latestSurveyId: string | null;
  latestScore: number | null;
  /** Reported by respondents of several teams in the latest survey. */
  shared: boolean;
  /** Distinct teams reporting it in the latest survey. */
  teams: number;
  updatedAt?: string;
}

/**
 * The calls the MVP actions make to needs-discovery.
 *
 * @public
 */
export interface NeedsDiscoveryApi {
  /** The need, or undefined when needs-discovery has no need with that id. */
  getNeed(id: string): Promise<RegisteredNeed | undefined>;
  listNeeds(): Promise<RegisteredNeed[]>;
  /** Sets the need's status to `in-mvp`, served by the given capability. */
  markInMvp(id: string, capabilityRef: string): Promise<RegisteredNeed>;
}

/**
 * Typed client of the needs-discovery backend, called with this module's own service credentials.
 *
 * @public
 */
export class NeedsDiscoveryClient implements NeedsDiscoveryApi {
  constructor(private readonly services: PluginCallServices) {}

  private async call(
    what: string,
    path: string,
    init?: { method?: string; body?: unknown },
  ) {
    const { response, url } = await callPlugin(
      this.services,
      PLUGIN_ID,
      path,
      init,
    );
    if (response.ok) return { response, notFound: false };
    const error = await readErrorBody(response);
    if (response.status === 404 && error?.name === 'NotFoundError') {
      return { response, notFound: true };
    }
    if (response.status === 404) {
      // The backend's root router answers an empty 404 when no plugin is mounted at the path.
      throw new NotFoundError(
        `needs-discovery is not installed in this Backstage (${url} answered 404); add @platform-product/plugin-needs-discovery-backend to the backend`,
      );
    }
    throw errorFromResponse(
      PLUGIN_ID,
      what,
      response.status,
      error?.message ?? response.statusText,
    );
  }

  async getNeed(id: string): Promise<RegisteredNeed | undefined> {
    const { response, notFound } = await this.call(
      `read need "${id}"`,
      `/needs/${encodeURIComponent(id)}`,
    );
    if (notFound) return undefined;
    return (await response.json()) as RegisteredNeed;
  }

  async listNeeds(): Promise<RegisteredNeed[]> {
    const { response, notFound } = await this.call('list needs', '/needs');
    if (notFound) return [];
    const body = (await response.json()) as { items?: RegisteredNeed[] };
    return body.items ?? [];
  }

  async markInMvp(id: string, capabilityRef: string): Promise<RegisteredNeed> {
    const what = `mark need "${id}" in-mvp`;
    const { response, notFound } = await this.call(
      what,
      `/needs/${encodeURIComponent(id)}`,
      { method: 'PATCH', body: { status: 'in-mvp', capabilityRef } },
    );
    if (notFound) {
      throw new NotFoundError(
        `needs-discovery could not ${what}: it has no need with that id`,
      );
    }
    return (await response.json()) as RegisteredNeed;
  }
}
