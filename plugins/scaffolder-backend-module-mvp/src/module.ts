import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createMvpAnnotateAction } from './actions/annotate';
import { createMvpBacklogAction } from './actions/backlog';
import { createMvpLaunchAction } from './actions/launch';
import { createMvpScopeAction } from './actions/scope';
import { HabitMetricsClient } from './clients/HabitMetricsClient';
import { NeedsDiscoveryClient } from './clients/NeedsDiscoveryClient';
import { readMvpSettings } from './config';

/**
 * Adds the `mvp:scope`, `mvp:annotate`, `mvp:backlog` and `mvp:launch` actions to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleMvp = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'mvp',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ scaffolder, config, discovery, auth, logger }) {
        const settings = readMvpSettings(config);
        const needs = new NeedsDiscoveryClient({ discovery, auth });
        const habits = new HabitMetricsClient({ discovery, auth });
        scaffolder.addActions(
          createMvpScopeAction({ needs, settings }),
          createMvpAnnotateAction(),
          createMvpBacklogAction(),
          createMvpLaunchAction({ needs, habits }),
        );
        logger.info(
          `MVP actions ready: at most ${
            settings.maxFeatures
          } features, time-box up to ${settings.maxTimeboxWeeks} weeks, ${
            settings.requireSharedNeed ? 'shared needs only' : 'any need'
          }`,
        );
      },
    });
  },
});
