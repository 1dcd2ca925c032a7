import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import HowToVoteIcon from '@material-ui/icons/HowToVote';
import { NeedsDiscoveryClient, needsDiscoveryApiRef } from './api';
import { rootRouteRef } from './routes';

const needsDiscoveryApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: needsDiscoveryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new NeedsDiscoveryClient({ discoveryApi, fetchApi }),
    }),
});

const needsPage = PageBlueprint.make({
  params: {
    path: '/needs',
    title: 'Needs',
    icon: <HowToVoteIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    // The page draws its own core-components Header and tabs, the same in both frontend systems.
    noHeader: true,
    loader: () =>
      import('./components/NeedsDiscoveryPage').then(m => (
        <m.NeedsDiscoveryPage />
      )),
  },
});

const entityTeamNeedsCard = EntityCardBlueprint.make({
  name: 'team-needs',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('./components/EntityTeamNeedsCard').then(m => (
        <m.EntityTeamNeedsCard />
      )),
  },
});

/** `ui:field: NeedPicker` in templates: pick a surveyed need (used by the MVP templates). */
const needPickerField = FormFieldBlueprint.make({
  name: 'need-picker',
  params: {
    field: () => import('./formFields').then(m => m.needPickerFormField),
  },
});

/**
 * The needs-discovery plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'needs-discovery',
  title: 'Needs',
  icon: <HowToVoteIcon />,
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
  },
  extensions: [
    needsDiscoveryApi,
    needsPage,
    entityTeamNeedsCard,
    needPickerField,
  ],
});
