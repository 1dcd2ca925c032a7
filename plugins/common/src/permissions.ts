// Types only: the package is also loaded in the browser, where backend code must not be bundled.
import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';

/**
 * The permission checks of a family's routes and actions, from {@link createPermissionGate}.
 *
 * @public
 */
export interface PermissionGate {
  /** Whether the permission framework allows the caller the permission. */
  isAllowed(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean>;
  /**
   * Refuses the caller with a `NotAllowedError` ("You may not `action`: it needs the `permission` permission.")
   * unless the permission framework allows it.
   */
  authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission,
    action: string,
  ): Promise<void>;
}

/**
 * The one way every family's routes and actions ask the permission framework, for every caller, services included:
 * Backstage's permissions service allows plain service calls and applies the access restrictions of external access
 * tokens (`backend.auth.externalAccess`).
 *
 * @public
 */
export function createPermissionGate(
  permissions: Pick<PermissionsService, 'authorize'>,
): PermissionGate {
  async function isAllowed(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean> {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }
  return {
    isAllowed,
    async authorize(credentials, permission, action) {
      if (!(await isAllowed(credentials, permission))) {
        throw new NotAllowedError(
          `You may not ${action}: it needs the ${permission.name} permission.`,
        );
      }
    },
  };
}

/**
 * A service's answer as an action's output (`@backstage/backend-plugin-api/alpha` actions registry). An action's
 * output schema names the fields a model needs most and passes the others through unchanged (`.passthrough()`), so
 * the answer is the HTTP API's; zod types such objects with an index signature that the services' interfaces do not
 * declare, hence this cast (the registry parses the output with the schema in any case).
 *
 * @public
 */
export function asActionOutput<T>(value: unknown): T {
  return value as T;
}
