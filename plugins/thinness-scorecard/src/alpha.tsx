import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import SpeedIcon from '@material-ui/icons/Speed';
import { ThinnessScorecardClient, thinnessScorecardApiRef } from './api';
import { CAPABILITY_ANNOTATION } from './constants';
import { rootRouteRef } from './routes';

const thinnessScorecardApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: thinnessScorecardApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ThinnessScorecardClient({ discoveryApi, fetchApi }),
    }),
});

const thinnessPage = PageBlueprint.make({
  params: {
    path: '/thinness',
    title: 'Thinness',
    icon: <SpeedIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    // The page draws its own core-components Header, the same in both frontend systems.
    noHeader: true,
    loader: () =>
      import('./components/ThinnessScorecardPage').then(m => (
        <m.ThinnessScorecardPage />
      )),
  },
});

/**
 * On entities annotated `platform-product.io/capability: "true"`, whatever their kind (the same test
 * the backend applies; the predicate compares case-insensitively).
 */
const entityThinnessCard = EntityCardBlueprint.make({
  name: 'capability',
  params: {
    filter: { [`metadata.annotations.${CAPABILITY_ANNOTATION}`]: 'true' },
    loader: () =>
      import('./components/EntityThinnessCard').then(m => (
        <m.EntityThinnessCard />
      )),
  },
});

/** On Group pages; the card renders nothing for a group that owns no capability. */
const entityPlatformRollupCard = EntityCardBlueprint.make({
  name: 'platform-rollup',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('./components/EntityPlatformRollupCard').then(m => (
        <m.EntityPlatformRollupCard />
      )),
  },
});

/**
 * The thinness-scorecard plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'thinness-scorecard',
  title: 'Thinness',
  icon: <SpeedIcon />,
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
  },
  extensions: [
    thinnessScorecardApi,
    thinnessPage,
    entityThinnessCard,
    entityPlatformRollupCard,
  ],
});
