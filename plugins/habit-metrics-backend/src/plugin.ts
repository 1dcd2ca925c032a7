import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { habitMetricsPermissions } from '@platform-product/plugin-habit-metrics-common';
import { registerHabitMetricsActions } from './actions/registerHabitMetricsActions';
import { DatabaseCampaignStore } from './database/CampaignStore';
import { DatabaseHabitStore } from './database/DatabaseHabitStore';
import { seedDemoData } from './demo/seedDemoData';
import { CatalogComponentScanner } from './ingestion/CatalogComponentScanner';
import { ScaffolderTaskIngestor } from './ingestion/ScaffolderTaskIngestor';
import { CampaignNotifier } from './service/CampaignNotifier';
import { CampaignService } from './service/CampaignService';
import { CapabilityIndex } from './service/CapabilityIndex';
import { MetricsService } from './service/MetricsService';
import { createRouter } from './service/router';
import { TeamResolver } from './service/TeamResolver';
import { readSettings } from './settings';

/**
 * The habit-metrics backend plugin: records team activity (scaffolder template runs, components appearing in the
 * catalog, events sent by the app and other tools) and serves team-level adoption, retention, stickiness and
 * reversion figures.
 *
 * @public
 */
export const habitMetricsPlugin = createBackendPlugin({
  pluginId: 'habit-metrics',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { logger, config, database, httpRouter, scheduler, auth } = deps;
        const settings = readSettings(config);
        deps.permissionsRegistry.addPermissions(habitMetricsPermissions);

        const store = await DatabaseHabitStore.create({ database });
        const capabilities = new CapabilityIndex({
          catalog: deps.catalog,
          auth,
          logger,
        });
        const teams = new TeamResolver({
          catalog: deps.catalog,
          auth,
          logger,
          teamTypes: settings.teamTypes,
          capabilityOwners: () => capabilities.owners(),
          includeCapabilityOwners: settings.includeCapabilityOwners,
        });
        const metrics = new MetricsService({
          store,
          teams,
          capabilities,
          habitWeeks: settings.habitWeeks,
          reversionStreakWeeks: settings.reversionStreakWeeks,
        });

        const campaignStore = await DatabaseCampaignStore.create({ database });
        const campaigns = new CampaignService({
          campaigns: campaignStore,
          store,
          teams,
          metrics,
          habitWeeks: settings.habitWeeks,
          reversionStreakWeeks: settings.reversionStreakWeeks,
        });

        httpRouter.use(
          await createRouter({
            campaigns,
            logger,
            auth,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            store,
            teams,
            capabilities,
            metrics,
          }),
        );
        // The same evidence as actions (MCP tools), with the same service and permission checks as the routes.
        registerHabitMetricsActions({
          actionsRegistry: deps.actionsRegistry,
          permissions: deps.permissions,
          metrics,
        });

        // Global scope: with several replicas on one database, each source is read by one of them at a time.
        const { scaffolder, catalog } = settings.ingestion;
        if (scaffolder.enabled) {
          const ingestor = new ScaffolderTaskIngestor({
            discovery: deps.discovery,
            auth,
            logger,
            store,
            teams,
            capabilities,
          });
          await scheduler.scheduleTask({
            id: 'habit-metrics-scaffolder-tasks',
            scope: 'global',
            frequency: { minutes: scaffolder.frequencyMinutes },
            timeout: { minutes: 15 },
            initialDelay: { minutes: 1 },
            fn: async () => {
              await ingestor.run();
            },
          });
        }
        if (catalog.enabled) {
          const scanner = new CatalogComponentScanner({
            catalog: deps.catalog,
            auth,
            logger,
            store,
            capabilities,
          });
          await scheduler.scheduleTask({
            id: 'habit-metrics-catalog-components',
            scope: 'global',
            frequency: { minutes: catalog.frequencyMinutes },
            timeout: { minutes: 30 },
            // Give the catalog time to ingest after a cold start, so the baseline is the whole catalog.
            initialDelay: { minutes: 2 },
            fn: async () => {
              await scanner.run();
            },
          });
        }

        // Announcements, weekly reminders and nudges to the audience teams of active campaigns. Global scope, and
        // each message is claimed in the database before it is sent: once per team and week even if two replicas
        // run this at the same moment.
        const campaignNotifier = new CampaignNotifier({
          campaigns: campaignStore,
          service: campaigns,
          notifications: deps.notifications,
          catalog: deps.catalog,
          auth,
          logger,
        });
        await scheduler.scheduleTask({
          id: 'habit-metrics-campaign-notifications',
          scope: 'global',
          frequency: { hours: 1 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            await campaignNotifier.run();
          },
        });

        if (settings.demoData) {
          // Retried until the catalog has the example org; a no-op once the demo is seeded.
          await scheduler.scheduleTask({
            id: 'habit-metrics-demo-data',
            scope: 'global',
            frequency: { seconds: 20 },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 5 },
            fn: async () => {
              await seedDemoData({
                store,
                catalog: deps.catalog,
                auth,
                logger,
                teamTypes: settings.teamTypes,
                reversionStreakWeeks: settings.reversionStreakWeeks,
              });
            },
          });
        }
      },
    });
  },
});
