import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { habitMetricsServiceRef } from '@platform-product/plugin-habit-metrics-node';
import { needsDiscoveryServiceRef } from '@platform-product/plugin-needs-discovery-node';
import { thinnessScorecardServiceRef } from '@platform-product/plugin-thinness-scorecard-node';
import { createMvpAnnotateAction } from './actions/annotate';
import { createMvpBacklogAction } from './actions/backlog';
import { createMvpLaunchAction } from './actions/launch';
import { createMvpScopeAction } from './actions/scope';
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
        logger: coreServices.logger,
        needs: needsDiscoveryServiceRef,
        habits: habitMetricsServiceRef,
        scorecard: thinnessScorecardServiceRef,
      },
      async init({ scaffolder, config, logger, needs, habits, scorecard }) {
        const settings = readMvpSettings(config);
        scaffolder.addActions(
          createMvpScopeAction({ needs, settings }),
          createMvpAnnotateAction({ settings }),
          createMvpBacklogAction({ settings }),
          createMvpLaunchAction({ needs, habits, scorecard }),
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
