// Test helpers only, imported by *.test.ts files.
// eslint-disable-next-line @backstage/no-undeclared-imports
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
// eslint-disable-next-line @backstage/no-undeclared-imports
import { authServiceFactory } from '@backstage/backend-defaults/auth';
// eslint-disable-next-line @backstage/no-undeclared-imports
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  BackstageCredentials,
  BackstageServicePrincipal,
  createServiceFactory,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { thinnessScorecardPlugin } from '../plugin';

export const MANAGER = 'user:default/manager';
export const READER = 'user:default/reader';
export const NOBODY = 'user:default/nobody';

export const as = (userRef: string) => ({
  Authorization: mockCredentials.user.header(userRef),
});
export const asService = {
  Authorization: mockCredentials.service.header(),
};

/**
 * manager may do everything, reader may read, nobody may do nothing. Services are decided as Backstage's
 * permissions service decides them: allowed, unless their token's access restrictions leave the permission out.
 */
function decide(credentials: BackstageCredentials, permissionName: string) {
  const service = credentials.principal as Partial<BackstageServicePrincipal>;
  if (service.type === 'service') {
    const names = service.accessRestrictions?.permissionNames;
    return !names || names.includes(permissionName)
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  }
  const ref = (credentials.principal as { userEntityRef?: string })
    .userEntityRef;
  if (ref === MANAGER) return AuthorizeResult.ALLOW;
  if (ref === READER && permissionName === 'thinness-scorecard.read') {
    return AuthorizeResult.ALLOW;
  }
  return AuthorizeResult.DENY;
}

type ConfigData = NonNullable<
  NonNullable<Parameters<typeof mockServices.rootConfig.factory>[0]>['data']
>;

export interface TestBackendOptions {
  knex: Knex;
  entities: Entity[];
  /** Base URL of each other plugin (needs-discovery, habit-metrics). */
  baseUrl: (pluginId: string) => string;
  /** `thinnessScorecard` config. */
  config?: ConfigData[string];
  notifications?: { send: jest.Mock };
  /**
   * `backend.auth.externalAccess` entries. When given, the backend runs Backstage's own auth, httpAuth and
   * permissions services instead of the mocks, so external access tokens and their access restrictions are
   * verified for real (mock user tokens are then refused).
   */
  externalAccess?: NonNullable<ConfigData[string]>[];
}

/**
 * Starts the plugin on a test backend. Scheduled tasks are not run by the backend: they are captured, so tests
 * run them when (and as often as) they want.
 */
export async function startScorecardBackend(options: TestBackendOptions) {
  const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
  const notifications = options.notifications ?? {
    send: jest.fn(async () => {}),
  };
  const backend = await startTestBackend({
    features: [
      thinnessScorecardPlugin,
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({
        data: {
          thinnessScorecard: options.config ?? {},
          ...(options.externalAccess
            ? { backend: { auth: { externalAccess: options.externalAccess } } }
            : {}),
        },
      }),
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.discovery.mock({
        getBaseUrl: async (pluginId: string) => options.baseUrl(pluginId),
        getExternalBaseUrl: async (pluginId: string) =>
          options.baseUrl(pluginId),
      }).factory,
      ...(options.externalAccess
        ? [
            authServiceFactory,
            httpAuthServiceFactory,
            // Backstage's permissions service (permission.enabled is off, so only access restrictions decide).
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
      mockServices.scheduler.mock({
        scheduleTask: async task => {
          tasks.set(task.id, task);
        },
      }).factory,
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => notifications,
      }),
    ],
  });
  const runTask = async (id: string) => {
    const task = tasks.get(id);
    if (!task) throw new Error(`No task ${id} was scheduled`);
    await task.fn(new AbortController().signal);
  };
  return {
    server: backend.server,
    stop: () => backend.stop(),
    tasks,
    runTask,
    notifications,
  };
}
