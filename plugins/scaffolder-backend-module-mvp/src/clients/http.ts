import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/**
 * What the clients need from the backend: where a plugin lives and a token to call it with.
 *
 * @public
 */
export interface PluginCallServices {
  discovery: DiscoveryService;
  auth: AuthService;
}

/** Thrown when the other plugin cannot be reached at all (unknown to discovery, connection refused, DNS, reset). */
export class PluginUnreachableError extends ServiceUnavailableError {}

/**
 * Calls another backend plugin as this module's own service principal. The token only ever travels in the
 * Authorization header: it is never logged and never part of an error message.
 */
export async function callPlugin(
  services: PluginCallServices,
  pluginId: string,
  path: string,
  init: { method?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<{ response: Response; url: string }> {
  const { discovery, auth } = services;
  let baseUrl: string;
  try {
    baseUrl = await discovery.getBaseUrl(pluginId);
  } catch (error) {
    throw new PluginUnreachableError(
      `Discovery does not know the ${pluginId} plugin: ${
        (error as Error).message
      }`,
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
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
    });
    return { response, url };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } })
      .cause;
    if ((error as Error).name === 'TimeoutError') {
      throw new ServiceUnavailableError(
        `${pluginId} did not answer ${init.method ?? 'GET'} ${url} in time`,
      );
    }
    throw new PluginUnreachableError(
      `Could not reach ${pluginId} at ${url}: ${
        cause?.code ?? cause?.message ?? (error as Error).message
      }`,
    );
  }
}

/** The message of a Backstage error body (`{ error: { name, message } }`), if the response carries one. */
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

/** An error of the matching Backstage type that carries the other plugin's own message. */
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
