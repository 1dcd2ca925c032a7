import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { PolicyDecision } from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { decideExamplePolicy } from './examplePolicy';

const DEFAULT_MANAGER_GROUPS = ['group:default/platform-team'];

/**
 * The example instance's permission policy (see `decideExamplePolicy`). A company installing the suite keeps its
 * own policy and grants the suite's permissions there; this module shows one reasonable way to do that.
 */
export const examplePermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'platform-product-example-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        logger: coreServices.logger,
      },
      async init({ policy, config, userInfo, logger }) {
        const managerGroups =
          config.getOptionalStringArray(
            'platformProduct.permission.managerGroups',
          ) ?? DEFAULT_MANAGER_GROUPS;
        policy.setPolicy({
          async handle(
            request: PolicyQuery,
            user?: PolicyQueryUser,
          ): Promise<PolicyDecision> {
            const ownershipEntityRefs = user
              ? (await userInfo.getUserInfo(user.credentials))
                  .ownershipEntityRefs
              : [];
            const decision = decideExamplePolicy({
              permission: request.permission,
              ownershipEntityRefs,
              managerGroups,
            });
            logger.debug(
              `${request.permission.name}: ${decision.result} (${decision.reason})`,
            );
            return { result: decision.result };
          },
        });
      },
    });
  },
});
