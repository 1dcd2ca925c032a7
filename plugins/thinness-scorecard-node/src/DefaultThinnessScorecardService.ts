import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CapabilityDetail,
  Scorecard,
} from '@platform-product/plugin-thinness-scorecard-common';
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
  ThinnessScorecardNotInstalledError,
  ThinnessScorecardService,
} from './types';

const PLUGIN_ID = 'thinness-scorecard';
const BACKEND_PACKAGE = '@platform-product/plugin-thinness-scorecard-backend';
const DEFAULT_TIMEOUT_MS = 30_000;
/** A recompute reads the whole catalog: it may take longer than a read. */
const DEFAULT_REFRESH_TIMEOUT_MS = 120_000;

const isScorecard = (value: unknown): value is Scorecard =>
  isObject(value) && Array.isArray(value.capabilities);

const isCapabilityDetail = (value: unknown): value is CapabilityDetail =>
  isObject(value) && isObject(value.capability);

/** The parsed ref; `InputError` for a malformed one. */
function parseRef(ref: string | CompoundEntityRef): CompoundEntityRef {
  try {
    return parseEntityRef(ref);
  } catch {
    const text = typeof ref === 'string' ? ref : JSON.stringify(ref);
    throw new InputError(
      `${text} is not an entity ref; write it as kind:namespace/name, e.g. system:default/event-streaming`,
    );
  }
}

/** `/capabilities/{kind}/{namespace}/{name}` of a capability. */
function capabilityPath({ kind, namespace, name }: CompoundEntityRef): string {
  return `/capabilities/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

/**
 * The thinness-scorecard service over HTTP: the thinness-scorecard backend's REST API, called with the calling
 * plugin's own service token.
 */
export class DefaultThinnessScorecardService
  implements ThinnessScorecardService
{
  static create(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    /** How long to wait for a read; default 30 s. */
    timeoutMs?: number;
    /** How long to wait for a recompute; default 120 s. */
    refreshTimeoutMs?: number;
  }): DefaultThinnessScorecardService {
    return new DefaultThinnessScorecardService(
      {
        pluginId: PLUGIN_ID,
        discovery: options.discovery,
        auth: options.auth,
        notInstalled: message =>
          new ThinnessScorecardNotInstalledError(message),
      },
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      options.refreshTimeoutMs ?? DEFAULT_REFRESH_TIMEOUT_MS,
    );
  }

  private constructor(
    private readonly call: PluginCallOptions,
    private readonly timeoutMs: number,
    private readonly refreshTimeoutMs: number,
  ) {}

  /**
   * Calls thinness-scorecard. A 404 with a Backstage `NotFoundError` body is thinness-scorecard's own answer
   * (undefined when `notFoundIsAnswer`); any other 404 comes from the backend's root router: thinness-scorecard is
   * not installed.
   */
  private async request(
    what: string,
    path: string,
    init: PluginRequest,
    notFoundIsAnswer: boolean,
  ): Promise<unknown> {
    const { response, url } = await callPlugin(this.call, path, init);
    if (response.ok) return readJson(response, PLUGIN_ID, what);
    const error = await readErrorBody(response);
    if (response.status === 404) {
      if (notFoundIsAnswer && error?.name === 'NotFoundError') return undefined;
      throw new ThinnessScorecardNotInstalledError(
        `${PLUGIN_ID} is not installed in this Backstage (${url} answered 404); add ${BACKEND_PACKAGE} to the backend`,
      );
    }
    throw errorFromResponse(
      PLUGIN_ID,
      what,
      response.status,
      error?.message ?? response.statusText,
    );
  }

  private async scorecard(
    what: string,
    path: string,
    init: PluginRequest,
  ): Promise<Scorecard> {
    const body = await this.request(what, path, init, false);
    if (!isScorecard(body)) throw unexpectedAnswer(PLUGIN_ID, what);
    return body;
  }

  private async capability(
    entityRef: string | CompoundEntityRef,
    refresh: boolean,
  ): Promise<CapabilityDetail | undefined> {
    const ref = parseRef(entityRef);
    const what = `${refresh ? 'refresh' : 'read'} ${stringifyEntityRef(ref)}`;
    const body = await this.request(
      what,
      `${capabilityPath(ref)}${refresh ? '?refresh=true' : ''}`,
      { timeoutMs: refresh ? this.refreshTimeoutMs : this.timeoutMs },
      true,
    );
    if (body === undefined) return undefined;
    if (!isCapabilityDetail(body)) throw unexpectedAnswer(PLUGIN_ID, what);
    return body;
  }

  async getScorecard(): Promise<Scorecard> {
    return this.scorecard('read the scorecard', '/scorecard', {
      timeoutMs: this.timeoutMs,
    });
  }

  async getCapability(
    entityRef: string | CompoundEntityRef,
  ): Promise<CapabilityDetail | undefined> {
    return this.capability(entityRef, false);
  }

  async refreshCapability(
    entityRef: string | CompoundEntityRef,
  ): Promise<CapabilityDetail | undefined> {
    return this.capability(entityRef, true);
  }

  async refreshScorecard(): Promise<Scorecard> {
    return this.scorecard('refresh the scorecard', '/refresh', {
      method: 'POST',
      timeoutMs: this.refreshTimeoutMs,
    });
  }
}
