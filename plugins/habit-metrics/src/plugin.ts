import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import type { JSX } from 'react';
import { HabitMetricsClient, habitMetricsApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The habit-metrics plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const habitMetricsPlugin = createPlugin({
  id: 'habit-metrics',
  apis: [
    createApiFactory({
      api: habitMetricsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new HabitMetricsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The habits page: golden-path share, adoption, cohort retention, stickiness, reversions and time
 * to habit, with a drill-down per team.
 *
 * @public
 */
export const HabitsPage: () => JSX.Element = habitMetricsPlugin.provide(
  createRoutableExtension({
    name: 'HabitsPage',
    component: () => import('./components/HabitsPage').then(m => m.HabitsPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Card for Group entity pages: the team's golden-path share trend and the capabilities it uses.
 *
 * @public
 */
export const EntityTeamHabitsCard: () => JSX.Element | null =
  habitMetricsPlugin.provide(
    createComponentExtension({
      name: 'EntityTeamHabitsCard',
      component: {
        lazy: () =>
          import('./components/EntityTeamHabitsCard').then(
            m => m.EntityTeamHabitsCard,
          ),
      },
    }),
  );

/**
 * Card for platform capability entity pages (entities with the `platform-product.io/capability`
 * annotation): adoption, cohort retention and time to habit.
 *
 * @public
 */
export const EntityCapabilityAdoptionCard: () => JSX.Element | null =
  habitMetricsPlugin.provide(
    createComponentExtension({
      name: 'EntityCapabilityAdoptionCard',
      component: {
        lazy: () =>
          import('./components/EntityCapabilityAdoptionCard').then(
            m => m.EntityCapabilityAdoptionCard,
          ),
      },
    }),
  );

/**
 * Card for Group entity pages: the active campaigns the team is in, where the signed-in user acknowledges
 * announcements, RSVPs to sessions and ticks learning-path steps.
 *
 * @public
 */
export const EntityTeamCampaignsCard: () => JSX.Element | null =
  habitMetricsPlugin.provide(
    createComponentExtension({
      name: 'EntityTeamCampaignsCard',
      component: {
        lazy: () =>
          import('./components/EntityTeamCampaignsCard').then(
            m => m.EntityTeamCampaignsCard,
          ),
      },
    }),
  );
