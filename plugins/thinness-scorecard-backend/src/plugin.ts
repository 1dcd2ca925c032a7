import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { habitMetricsServiceRef } from '@platform-product/plugin-habit-metrics-node';
import { needsDiscoveryServiceRef } from '@platform-product/plugin-needs-discovery-node';
import { thinnessScorecardPermissions } from '@platform-product/plugin-thinness-scorecard-common';
import { registerThinnessScorecardActions } from './actions/registerThinnessScorecardActions';
import { DatabaseScorecardStore } from './database/DatabaseScorecardStore';
import { seedDemoHistory } from './demo/seedDemoHistory';
import { CapabilityFactsCollector } from './service/CapabilityFactsCollector';
import { ReviewNotifier } from './service/ReviewNotifier';
import { createRouter } from './service/router';
import { ScorecardService } from './service/ScorecardService';
import { readSettings } from './settings';

export const SNAPSHOT_TASK_ID = 'thinness-scorecard-snapshot';
export const DEMO_TASK_ID = 'thinness-scorecard-demo-data';

/**
 * The thinness-scorecard backend plugin: per-capability verdicts and the platform thinness score, computed from
 * the catalog (plus needs-discovery and habit-metrics when installed), with a daily snapshot history.
 *
 * @public
 */
export const thinnessScorecardPlugin = createBackendPlugin({
  pluginId: 'thinness-scorecard',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        notifications: notificationService,
        needsDiscovery: needsDiscoveryServiceRef,
        habitMetrics: habitMetricsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { logger, config, database, scheduler, auth } = deps;
        const { needsDiscovery, habitMetrics } = deps;
        const settings = readSettings(config);
        deps.permissionsRegistry.addPermissions(thinnessScorecardPermissions);

        const store = await DatabaseScorecardStore.create({ database });
        const collector = new CapabilityFactsCollector({
          catalog: deps.catalog,
          auth,
          logger,
          teamTypes: settings.teamTypes,
          includeCapabilityOwners: settings.includeCapabilityOwners,
          capabilityFilter: settings.capabilityFilter,
          needsDiscovery,
          habitMetrics,
        });
        const service = new ScorecardService({
          store,
          collector,
          notifier: new ReviewNotifier({
            store,
            notifications: deps.notifications,
            logger,
          }),
          habitMetrics,
          settings,
          logger,
        });

        deps.httpRouter.use(
          await createRouter({
            logger,
            auth,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            service,
          }),
        );
        // The same evidence as actions (MCP tools), with the same service and permission checks as the routes.
        registerThinnessScorecardActions({
          actionsRegistry: deps.actionsRegistry,
          permissions: deps.permissions,
          service,
        });

        // Global scope: with several replicas on one database the task runs on one of them at a time, and the
        // unique period makes it one snapshot a day in any case. Each run is a no-op once today is snapshotted.
        await scheduler.scheduleTask({
          id: SNAPSHOT_TASK_ID,
          scope: 'global',
          ...settings.schedule,
          fn: async () => {
            // With demo data, the first snapshot waits for the demo history (the demo task takes it).
            if (settings.demoData && !(await store.hasDemoSnapshots())) return;
            await service.runDaily();
          },
        });

        if (settings.demoData) {
          // The demo history is derived from today's scorecard, so it waits until the scorecard has settled: the
          // catalog has ingested the example capabilities and two runs in a row agree (needs-discovery and
          // habit-metrics may still be seeding their own demos). Then a no-op.
          let previous: string | undefined;
          let attempts = 0;
          await scheduler.scheduleTask({
            id: DEMO_TASK_ID,
            scope: 'global',
            // Every 10 s, giving up waiting for agreement after 12 runs (~2 min), so a fresh instance shows its
            // history within a couple of minutes even when the other demos seed slowly.
            frequency: { seconds: 10 },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 10 },
            fn: async () => {
              if (await store.hasDemoSnapshots()) return;
              const scorecard = await service.recompute();
              if (scorecard.capabilities.length === 0) return;
              const fingerprint = JSON.stringify([
                scorecard.score,
                scorecard.capabilities.map(c => [
                  c.entityRef,
                  c.verdict,
                  c.consumers.count,
                  c.need?.state,
                  c.adoptionTrend,
                ]),
              ]);
              // habit-metrics installed but nobody has adopted anything yet: its demo is probably still seeding.
              const habitsSettled =
                !scorecard.sources.habitMetrics ||
                scorecard.capabilities.some(
                  c =>
                    c.consumers.source === 'habit-metrics' &&
                    c.consumers.count > 0,
                );
              attempts += 1;
              if (
                (fingerprint !== previous || !habitsSettled) &&
                attempts < 12
              ) {
                previous = fingerprint;
                return;
              }
              const written = await seedDemoHistory({
                store,
                scorecard,
                rules: settings.rules,
                weights: settings.weights,
                logger,
              });
              if (written > 0) {
                // Recompute with the backdated first-seen dates and the growth baseline, then snapshot today.
                await service.recompute();
                await service.runDaily();
              }
            },
          });
        }
      },
    });
  },
});
