import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  identityApiRef,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { AnalyticsImplementationBlueprint } from '@backstage/plugin-app-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import { HabitEventsAnalytics } from './analytics';
import { HabitMetricsClient, habitMetricsApiRef } from './api';
import { capabilityEntityFilter, teamEntityFilter } from './filters';
import { rootRouteRef } from './routes';

const habitMetricsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: habitMetricsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new HabitMetricsClient({ discoveryApi, fetchApi }),
    }),
});

const habitsPage = PageBlueprint.make({
  params: {
    path: '/habits',
    title: 'Habits',
    icon: <TrendingUpIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    // The page draws its own core-components Header, the same in both frontend systems.
    noHeader: true,
    loader: () => import('./components/HabitsPage').then(m => <m.HabitsPage />),
  },
});

const entityTeamHabitsCard = EntityCardBlueprint.make({
  name: 'team-habits',
  params: {
    filter: teamEntityFilter,
    loader: () =>
      import('./components/EntityTeamHabitsCard').then(m => (
        <m.EntityTeamHabitsCard />
      )),
  },
});

const entityTeamCampaignsCard = EntityCardBlueprint.make({
  name: 'team-campaigns',
  params: {
    filter: teamEntityFilter,
    loader: () =>
      import('./components/EntityTeamCampaignsCard').then(m => (
        <m.EntityTeamCampaignsCard />
      )),
  },
});

const entityCapabilityAdoptionCard = EntityCardBlueprint.make({
  name: 'capability-adoption',
  params: {
    filter: capabilityEntityFilter,
    loader: () =>
      import('./components/EntityCapabilityAdoptionCard').then(m => (
        <m.EntityCapabilityAdoptionCard />
      )),
  },
});

/**
 * Forwards capability page views and template runs started in the app to the habit-metrics
 * backend, next to the app's other analytics implementations.
 */
const habitEventsAnalytics = AnalyticsImplementationBlueprint.make({
  name: 'habit-events',
  params: defineParams =>
    defineParams({
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        identityApi: identityApiRef,
      },
      factory: deps => new HabitEventsAnalytics(deps),
    }),
});

/**
 * The habit-metrics plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'habit-metrics',
  title: 'Habits',
  icon: <TrendingUpIcon />,
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
  },
  extensions: [
    habitMetricsApi,
    habitsPage,
    entityTeamHabitsCard,
    entityTeamCampaignsCard,
    entityCapabilityAdoptionCard,
    habitEventsAnalytics,
  ],
});
