// Types only: the package is also loaded in the browser, where backend code must not be bundled.
import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/**
 * What a call to another backend plugin needs: where it lives, a token for it, and how "absent" is reported.
 *
 * @public
 */
export interface PluginCallOptions {
  /** The plugin called, e.g. `needs-discovery`. */
  pluginId: string;
  /** Finds the called plugin's base URL. */
  discovery: DiscoveryService;
  /** Issues the calling plugin's request token for the called plugin. */
  auth: AuthService;
  /** The error for "the plugin is not part of this Backstage" (unknown to discovery, nothing listening). */
  notInstalled: (message: string) => Error;
}

/**
 * One request: method, JSON body and how long to wait for the answer.
 *
 * @public
 */
export interface PluginRequest {
  /** The HTTP method; `GET` when left out. */
  method?: 'GET' | 'POST' | 'PATCH';
  /** The JSON body, sent as `application/json`; none when left out. */
  body?: unknown;
  /** How long to wait for the answer, in milliseconds, before a `ServiceUnavailableError`. */
  timeoutMs: number;
}

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/**
 * Calls another backend plugin as the calling plugin's own service principal
 * (`auth.getPluginRequestToken({ onBehalfOf: await auth.getOwnServiceCredentials(), targetPluginId })`). The token
 * only ever travels in the Authorization header: it is never logged and never part of an error message.
 *
 * @public
 */
export async function callPlugin(
  options: PluginCallOptions,
  path: string,
  request: PluginRequest,
): Promise<{ response: Response; url: string }> {
  const { pluginId, discovery, auth, notInstalled } = options;
  const method = request.method ?? 'GET';
  let baseUrl: string;
  try {
    baseUrl = await discovery.getBaseUrl(pluginId);
  } catch (error) {
    throw notInstalled(
      `Discovery does not know the ${pluginId} plugin: ${messageOf(error)}`,
    );
  }
  const url = `${baseUrl}${path}`;
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId: pluginId,
  });
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
  };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const response = await fetch(url, {
      method,
      headers,
      body:
        request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    return { response, url };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') {
      throw new ServiceUnavailableError(
        `${pluginId} did not answer ${method} ${url} in time`,
      );
    }
    const cause = (error as { cause?: { code?: string; message?: string } })
      .cause;
    throw notInstalled(
      `Could not reach ${pluginId} at ${url}: ${
        cause?.code ?? cause?.message ?? messageOf(error)
      }`,
    );
  }
}

/**
 * The name and message of a Backstage error body (`{ error: { name, message } }`), or the text, shortened.
 *
 * @public
 */
export async function readErrorBody(
  response: Response,
): Promise<{ name: string; message: string } | undefined> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    const body = JSON.parse(text) as {
      error?: { name?: unknown; message?: unknown };
    };
    if (typeof body.error?.message === 'string') {
      return {
        name: typeof body.error.name === 'string' ? body.error.name : 'Error',
        message: body.error.message,
      };
    }
  } catch {
    // Not JSON: fall through to the text itself, shortened.
  }
  return { name: 'Error', message: text.slice(0, 300) };
}

/**
 * The JSON of a successful answer; an error naming the call when it is not JSON.
 *
 * @public
 */
export async function readJson(
  response: Response,
  pluginId: string,
  what: string,
): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    throw new Error(
      `${pluginId} could not ${what}: its answer is not JSON (HTTP ${response.status})`,
    );
  }
}

/**
 * True for a JSON object (not null, not an array).
 *
 * @public
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The error for an answer of the wrong shape.
 *
 * @public
 */
export function unexpectedAnswer(pluginId: string, what: string): Error {
  return new Error(
    `${pluginId} could not ${what}: it gave an answer of an unexpected shape`,
  );
}

/**
 * An error of the matching Backstage type that carries the other plugin's own message.
 *
 * @public
 */
export function errorFromResponse(
  pluginId: string,
  what: string,
  status: number,
  message: string,
): Error {
  const text = `${pluginId} could not ${what}: ${message} (HTTP ${status})`;
  switch (status) {
    case 400:
      return new InputError(text);
    case 401:
    case 403:
      return new NotAllowedError(text);
    case 404:
      return new NotFoundError(text);
    case 409:
      return new ConflictError(text);
    default:
      return new Error(text);
  }
}
