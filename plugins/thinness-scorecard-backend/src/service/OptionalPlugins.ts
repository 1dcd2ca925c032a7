import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { AdoptionWeek } from '@platform-product/plugin-thinness-scorecard-common';

/** What a call to an optional plugin gave. */
export type OptionalResult<T> =
  | { status: 'ok'; body: T }
  /** The plugin answered 404 for this resource (or, for a probe, is not installed). */
  | { status: 'not-found' }
  /** Not installed, not reachable, or it failed. */
  | { status: 'unavailable'; reason: string };

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * GETs JSON from another backend plugin with a plugin-to-plugin token. Companies may install one plugin family
 * only, so every failure is an answer ("unavailable"), never an exception.
 */
export class OptionalPluginClient {
  constructor(
    private readonly options: {
      pluginId: string;
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
      timeoutMs?: number;
    },
  ) {}

  get pluginId() {
    return this.options.pluginId;
  }

  async get<T>(path: string): Promise<OptionalResult<T>> {
    const { pluginId, discovery, auth } = this.options;
    try {
      const baseUrl = await discovery.getBaseUrl(pluginId);
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: pluginId,
      });
      const response = await fetch(`${baseUrl}${path}`, {
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
        },
        signal: AbortSignal.timeout(
          this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        ),
      });
      if (response.status === 404) {
        await response.body?.cancel();
        return { status: 'not-found' };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return {
          status: 'unavailable',
          reason: `${pluginId} answered ${response.status} to GET ${path}`,
        };
      }
      return { status: 'ok', body: (await response.json()) as T };
    } catch (error) {
      return {
        status: 'unavailable',
        reason: `${pluginId} is not reachable (${
          error instanceof Error ? error.message : String(error)
        })`,
      };
    }
  }
}

function whyMissing(result: OptionalResult<unknown>, route: string): string {
  if (result.status === 'unavailable') return result.reason;
  if (result.status === 'not-found') return 'it is not installed';
  return `unexpected answer from GET ${route}`;
}

/** The part of a needs-discovery need the scorecard reads. */
export interface RegisteredNeedView {
  id: string;
  title?: string;
  status?: string;
  shared: boolean;
  teams: number;
}

/** The needs registry of needs-discovery, or null when it is not installed or did not answer. */
export async function fetchNeeds(
  client: OptionalPluginClient,
  logger: LoggerService,
): Promise<Map<string, RegisteredNeedView> | null> {
  const result = await client.get<{ items?: RegisteredNeedView[] }>('/needs');
  if (result.status !== 'ok' || !Array.isArray(result.body.items)) {
    logger.info(
      `Scorecard without needs-discovery: ${whyMissing(result, '/needs')}`,
    );
    return null;
  }
  return new Map(
    result.body.items
      .filter(item => item && typeof item.id === 'string')
      .map(item => [item.id, item]),
  );
}

/** habit-metrics' view of one capability (only the fields the scorecard reads). */
export interface HabitCapabilityView {
  capabilityRef?: string;
  adoption?: { weeks?: AdoptionWeek[] };
  /** Teams active with the capability in the last 28 days, when habit-metrics can name them. */
  activeTeamsLast28Days?: string[];
  /** Weekly stickiness; `activeTeamsLast4Weeks` counts the distinct teams active in the four weeks to that week. */
  stickiness?: { week: string; activeTeamsLast4Weeks?: number }[];
}

export function capabilityPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/capabilities/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

/** Weekly adoption of every capability, keyed by lower-cased ref; null when habit-metrics is not there. */
export async function fetchAdoption(
  client: OptionalPluginClient,
  logger: LoggerService,
): Promise<Map<string, AdoptionWeek[]> | null> {
  const result = await client.get<{
    capabilities?: { capabilityRef: string; weeks?: AdoptionWeek[] }[];
  }>('/adoption');
  if (result.status !== 'ok' || !Array.isArray(result.body.capabilities)) {
    logger.info(
      `Scorecard without habit-metrics: ${whyMissing(result, '/adoption')}`,
    );
    return null;
  }
  const map = new Map<string, AdoptionWeek[]>();
  for (const entry of result.body.capabilities) {
    if (!entry || typeof entry.capabilityRef !== 'string') continue;
    map.set(
      entry.capabilityRef.toLocaleLowerCase('en-US'),
      Array.isArray(entry.weeks) ? entry.weeks : [],
    );
  }
  return map;
}

/** One capability's habit-metrics details; null when habit-metrics does not know it or is not there. */
export async function fetchHabitCapability(
  client: OptionalPluginClient,
  entityRef: string,
): Promise<HabitCapabilityView | null> {
  const result = await client.get<HabitCapabilityView>(
    capabilityPath(entityRef),
  );
  return result.status === 'ok' ? result.body : null;
}
