import { ResponseError } from '@backstage/errors';

/**
 * The message to show a user for a failed call: the backend's own explanation
 * rather than the generic "Request failed with 403" that ResponseError carries as its message.
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
 * True when the thinness-scorecard backend is not reachable at all: the Backstage backend
 * answers 404 for the plugin's base path when the plugin is not installed, and fetch rejects
 * with a TypeError when nothing answers.
 */
export function isBackendMissing(error: unknown): boolean {
  return hasStatus(error, 404) || error instanceof TypeError;
}

/**
 * A 404 that the plugin itself sent (a `NotFoundError` body), e.g. "this entity is not a capability
 * on the scorecard". A backend without the plugin answers 404 with an empty body instead.
 */
export function isNotFoundFromPlugin(error: unknown): boolean {
  return (
    hasStatus(error, 404) &&
    (error as ResponseError).body?.error?.name === 'NotFoundError'
  );
}
