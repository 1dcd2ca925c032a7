import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { needsDiscoveryPermissions } from '@platform-product/plugin-needs-discovery-common';
import { registerNeedsDiscoveryActions } from './actions/registerNeedsDiscoveryActions';
import { DatabaseNeedsStore } from './database/DatabaseNeedsStore';
import { seedDemoData } from './demo/seedDemoData';
import { AudienceResolver } from './service/AudienceResolver';
import { syncCatalogCapabilities } from './service/catalogCapabilities';
import { NeedsRegistry } from './service/NeedsRegistry';
import { sendDueReminders } from './service/reminders';
import { RespondentHasher } from './service/RespondentHasher';
import { ResultsService } from './service/ResultsService';
import { createRouter } from './service/router';
import { SurveyNotifier } from './service/SurveyNotifier';
import { readSettings } from './settings';

/**
 * The needs-discovery backend plugin: surveys, responses stored under keyed hashes, aggregated results with
 * anonymity protection, reminders, and the needs registry the other Platform Product Kit plugins read.
 *
 * @public
 */
export const needsDiscoveryPlugin = createBackendPlugin({
  pluginId: 'needs-discovery',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { logger, config, database, httpRouter, scheduler } = deps;
        const settings = readSettings(config);
        deps.permissionsRegistry.addPermissions(needsDiscoveryPermissions);

        const store = await DatabaseNeedsStore.create({ database });
        const hasher = await RespondentHasher.create({ config, store, logger });
        const audience = new AudienceResolver({
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          teamTypes: settings.teamTypes,
        });
        const results = new ResultsService({
          store,
          audience,
          weights: settings.frequencyWeights,
          sharedNeedMinTeams: settings.sharedNeedMinTeams,
        });
        const registry = new NeedsRegistry({ store, results });
        const notifier = new SurveyNotifier({
          notifications: deps.notifications,
          logger,
        });

        // What the routes and the actions read and check surveys with.
        const surveys = {
          auth: deps.auth,
          userInfo: deps.userInfo,
          permissions: deps.permissions,
          store,
          hasher,
          results,
          defaultAnonymityThreshold: settings.defaultAnonymityThreshold,
        };
        httpRouter.use(
          await createRouter({
            ...surveys,
            logger,
            httpAuth: deps.httpAuth,
            registry,
            notifier,
          }),
        );
        // The same evidence as actions (MCP tools), with the same services and permission checks as the routes.
        registerNeedsDiscoveryActions({
          ...surveys,
          actionsRegistry: deps.actionsRegistry,
          registry,
        });

        // The catalog's capabilities naming a need, from which the registry derives each need's status. Soon after
        // start-up (once the catalog answers), then every minute; global scope: one scan across replicas.
        await scheduler.scheduleTask({
          id: 'needs-discovery-catalog-capabilities',
          scope: 'global',
          frequency: { minutes: 1 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 10 },
          fn: async () => {
            await syncCatalogCapabilities({
              catalog: deps.catalog,
              auth: deps.auth,
              store,
              logger,
            });
          },
        });

        // Global scope: with several replicas on one database, each reminder goes out once.
        await scheduler.scheduleTask({
          id: 'needs-discovery-reminders',
          scope: 'global',
          frequency: { hours: 1 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            await sendDueReminders({
              store,
              audience,
              hasher,
              notifier,
              logger,
              reminderAfterDays: settings.reminderAfterDays,
            });
          },
        });

        if (settings.demoData) {
          // Retried until the catalog has ingested the example org; a no-op once the demo exists.
          await scheduler.scheduleTask({
            id: 'needs-discovery-demo-data',
            scope: 'global',
            frequency: { seconds: 20 },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 3 },
            fn: async () => {
              await seedDemoData({
                store,
                catalog: deps.catalog,
                auth: deps.auth,
                hasher,
                results,
                logger,
                surveyFile: settings.demoSurveyFile,
              });
            },
          });
        }
      },
    });
  },
});
