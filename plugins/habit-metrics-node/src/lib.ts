import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { DefaultHabitMetricsService } from './DefaultHabitMetricsService';
import { HabitMetricsService } from './types';

/**
 * The habit-metrics service for other backend plugins. Add it to a plugin's or module's deps, e.g.
 * `deps: { habits: habitMetricsServiceRef }`.
 *
 * The default implementation calls the habit-metrics backend over HTTP (`coreServices.discovery` +
 * `coreServices.auth`) as the calling plugin.
 *
 * @public
 */
export const habitMetricsServiceRef = createServiceRef<HabitMetricsService>({
  id: 'habit-metrics.service',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      factory({ auth, discovery }) {
        return DefaultHabitMetricsService.create({ auth, discovery });
      },
    }),
});
