import { ResponseError } from '@backstage/errors';

/**
 * The message to show a user for a failed call: the backend's own explanation
 * (e.g. every invalid answer of a rejected response) rather than the generic
 * "Request failed with 400" that ResponseError carries as its message.
 */
export function describeError(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}

export function hasStatus(error: unknown, statusCode: number): boolean {
  return error instanceof ResponseError && error.statusCode === statusCode;
}

/**
 * True when the needs-discovery backend is not reachable at all: the backend
 * answers 404 for the plugin's base path when the plugin is not installed, and
 * fetch rejects with a TypeError when nothing answers.
 */
export function isBackendMissing(error: unknown): boolean {
  return hasStatus(error, 404) || error instanceof TypeError;
}
