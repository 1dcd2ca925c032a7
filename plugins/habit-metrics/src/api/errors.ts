import { ResponseError } from '@backstage/errors';

/**
 * The message to show a user for a failed call: the backend's own explanation rather than the
 * generic "Request failed with 400" that ResponseError carries as its message.
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
 * True when the habit-metrics backend is not reachable at all: the backend answers 404 for the
 * plugin's base path when the plugin is not installed, and fetch rejects with a TypeError when
 * nothing answers.
 */
export function isBackendMissing(error: unknown): boolean {
  return hasStatus(error, 404) || error instanceof TypeError;
}

/**
 * A 404 the habit-metrics backend itself sent for something it does not know (a team that is not
 * in the catalog, an entity that is no capability), as opposed to the empty 404 of a backend
 * without the plugin.
 */
export function isNotFoundInBackend(error: unknown): boolean {
  return (
    hasStatus(error, 404) &&
    (error as ResponseError).body?.error?.name === 'NotFoundError'
  );
}

/** How a view should present a failed load. */
export type LoadFailure = 'not-installed' | 'forbidden' | 'error';

export function classifyError(error: unknown): LoadFailure {
  if (hasStatus(error, 403)) {
    return 'forbidden';
  }
  if (isBackendMissing(error)) {
    return 'not-installed';
  }
  return 'error';
}
