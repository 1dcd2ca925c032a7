import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { RegisteredNeed } from '@platform-product/plugin-needs-discovery-common';
import {
  callPlugin,
  errorFromResponse,
  isObject,
  PluginCallOptions,
  PluginRequest,
  readErrorBody,
  readJson,
  unexpectedAnswer,
} from '@platform-product/common';
import {
  NeedsDiscoveryNotInstalledError,
  NeedsDiscoveryService,
  NeedUpdate,
} from './types';

const PLUGIN_ID = 'needs-discovery';
const BACKEND_PACKAGE = '@platform-product/plugin-needs-discovery-backend';
const DEFAULT_TIMEOUT_MS = 30_000;

const isNeed = (value: unknown): value is RegisteredNeed =>
  isObject(value) && typeof value.id === 'string';

/**
 * The needs-discovery service over HTTP: the needs-discovery backend's REST API, called with the calling plugin's own
 * service token.
 */
export class DefaultNeedsDiscoveryService implements NeedsDiscoveryService {
  static create(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    /** How long to wait for an answer; default 30 s. */
    timeoutMs?: number;
  }): DefaultNeedsDiscoveryService {
    return new DefaultNeedsDiscoveryService(
      {
        pluginId: PLUGIN_ID,
        discovery: options.discovery,
        auth: options.auth,
        notInstalled: message => new NeedsDiscoveryNotInstalledError(message),
      },
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
  }

  private constructor(
    private readonly call: PluginCallOptions,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Calls needs-discovery. A 404 with a Backstage `NotFoundError` body is needs-discovery's own answer (`notFound`);
   * any other 404 comes from the backend's root router: needs-discovery is not installed.
   */
  private async request(
    what: string,
    path: string,
    init: Omit<PluginRequest, 'timeoutMs'> = {},
  ): Promise<{ response: Response; notFound: boolean }> {
    const { response, url } = await callPlugin(this.call, path, {
      ...init,
      timeoutMs: this.timeoutMs,
    });
    if (response.ok) return { response, notFound: false };
    const error = await readErrorBody(response);
    if (response.status === 404 && error?.name === 'NotFoundError') {
      return { response, notFound: true };
    }
    if (response.status === 404) {
      throw this.notInstalled(url);
    }
    throw errorFromResponse(
      PLUGIN_ID,
      what,
      response.status,
      error?.message ?? response.statusText,
    );
  }

  private notInstalled(url: string) {
    return new NeedsDiscoveryNotInstalledError(
      `${PLUGIN_ID} is not installed in this Backstage (${url} answered 404); add ${BACKEND_PACKAGE} to the backend`,
    );
  }

  async listNeeds(): Promise<RegisteredNeed[]> {
    const what = 'list needs';
    const { response, notFound } = await this.request(what, '/needs');
    if (notFound) {
      // The registry route always exists when needs-discovery is installed.
      throw new NeedsDiscoveryNotInstalledError(
        `${PLUGIN_ID} has no needs registry in this Backstage (GET /needs answered 404); add ${BACKEND_PACKAGE} to the backend`,
      );
    }
    const body = await readJson(response, PLUGIN_ID, what);
    if (!isObject(body) || !Array.isArray(body.items)) {
      throw unexpectedAnswer(PLUGIN_ID, what);
    }
    return body.items.filter(isNeed);
  }

  async getNeed(id: string): Promise<RegisteredNeed | undefined> {
    const what = `read need "${id}"`;
    const { response, notFound } = await this.request(
      what,
      `/needs/${encodeURIComponent(id)}`,
    );
    if (notFound) return undefined;
    const body = await readJson(response, PLUGIN_ID, what);
    if (!isNeed(body)) throw unexpectedAnswer(PLUGIN_ID, what);
    return body;
  }

  async updateNeed(id: string, update: NeedUpdate): Promise<RegisteredNeed> {
    const what = `mark need "${id}" ${update.status}`;
    const { response, notFound } = await this.request(
      what,
      `/needs/${encodeURIComponent(id)}`,
      {
        method: 'PATCH',
        body: {
          status: update.status,
          ...(update.capabilityRef !== undefined
            ? { capabilityRef: update.capabilityRef }
            : {}),
        },
      },
    );
    if (notFound) {
      throw new NotFoundError(
        `${PLUGIN_ID} could not ${what}: it has no need with that id`,
      );
    }
    const body = await readJson(response, PLUGIN_ID, what);
    if (!isNeed(body)) throw unexpectedAnswer(PLUGIN_ID, what);
    return body;
  }
}
