// Test helpers only, imported by *.test.ts files.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
// eslint-disable-next-line @backstage/no-undeclared-imports
import { authServiceFactory } from '@backstage/backend-defaults/auth';
// eslint-disable-next-line @backstage/no-undeclared-imports
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  BackstageCredentials,
  BackstageServicePrincipal,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { habitMetricsPlugin } from '../plugin';
import { orgEntities, userRef } from './fixtures';

/** How the permission framework decides a caller's permission in a test. */
export type Decide = (
  credentials: BackstageCredentials,
  permissionName: string,
) => AuthorizeResult.ALLOW | AuthorizeResult.DENY;

/**
 * nobody may do nothing; reader may read but not send; everyone else may do both. Services are decided as
 * Backstage's permissions service decides them: allowed, unless their token's access restrictions leave the
 * permission out.
 */
export const decideByUser: Decide = (credentials, permissionName) => {
  const service = credentials.principal as Partial<BackstageServicePrincipal>;
  if (service.type === 'service') {
    const names = service.accessRestrictions?.permissionNames;
    return !names || names.includes(permissionName)
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  }
  const principal = credentials.principal as { userEntityRef?: string };
  if (principal.userEntityRef === userRef('nobody')) {
    return AuthorizeResult.DENY;
  }
  if (principal.userEntityRef === userRef('reader')) {
    return permissionName === 'habit-metrics.read'
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  }
  return AuthorizeResult.ALLOW;
};

export interface HabitBackendOptions {
  /** The catalog's entities; the example org of `./fixtures` by default. */
  entities?: Entity[];
  /** `habitMetrics` config; ingestion from the scaffolder and the catalog is always off. */
  settings?: object;
  /** `backend.auth.externalAccess`: when given, Backstage's own auth, httpAuth and permissions services run. */
  externalAccess?: object[];
  /** The permission decisions (without externalAccess); {@link decideByUser} by default. */
  decide?: Decide;
}

/** Starts the plugin on a test backend with the knex of one engine; `rows()` counts the recorded events. */
export async function startHabitBackend(
  knex: Knex,
  options: HabitBackendOptions = {},
) {
  const {
    entities = orgEntities,
    settings = {},
    externalAccess,
    decide = decideByUser,
  } = options;
  const { server } = await startTestBackend({
    features: [
      habitMetricsPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          habitMetrics: {
            ...settings,
            ingestion: {
              scaffolder: { enabled: false },
              catalog: { enabled: false },
            },
          },
          ...(externalAccess ? { backend: { auth: { externalAccess } } } : {}),
        },
      }),
      catalogServiceMock.factory({ entities }),
      ...(externalAccess
        ? [
            authServiceFactory,
            httpAuthServiceFactory,
            // Backstage's permissions service: with permission.enabled off, only access restrictions decide.
            mockServices.permissions.factory(),
          ]
        : [
            mockServices.permissions.mock({
              authorize: async (requests, authorizeOptions) =>
                requests.map(r => ({
                  result: decide(
                    authorizeOptions!.credentials,
                    (r as { permission: { name: string } }).permission.name,
                  ),
                })) as any,
            }).factory,
          ]),
    ],
  });
  const rows = async () =>
    Number((await knex('hm_events').count({ c: '*' }).first())?.c);
  return { server, knex, rows };
}
