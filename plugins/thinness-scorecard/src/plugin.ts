import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import type { JSX } from 'react';
import { ThinnessScorecardClient, thinnessScorecardApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The thinness-scorecard plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const thinnessScorecardPlugin = createPlugin({
  id: 'thinness-scorecard',
  apis: [
    createApiFactory({
      api: thinnessScorecardApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ThinnessScorecardClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The Thinness page: the platform thinness score with its sub-scores, every capability's verdict
 * with the reasons, and the score history.
 *
 * @public
 */
export const ThinnessScorecardPage: () => JSX.Element =
  thinnessScorecardPlugin.provide(
    createRoutableExtension({
      name: 'ThinnessScorecardPage',
      component: () =>
        import('./components/ThinnessScorecardPage').then(
          m => m.ThinnessScorecardPage,
        ),
      mountPoint: rootRouteRef,
    }),
  );

/**
 * Card for capability entity pages (annotation `platform-product.io/capability`): the verdict with
 * its reasons, the adoption trend and the verdict history.
 *
 * @public
 */
export const EntityThinnessCard: () => JSX.Element | null =
  thinnessScorecardPlugin.provide(
    createComponentExtension({
      name: 'EntityThinnessCard',
      component: {
        lazy: () =>
          import('./components/EntityThinnessCard').then(
            m => m.EntityThinnessCard,
          ),
      },
    }),
  );

/**
 * Card for Group entity pages: for the team that owns platform capabilities, the platform score,
 * its capabilities' verdicts and the ones needing attention. Renders nothing for other groups.
 *
 * @public
 */
export const EntityPlatformRollupCard: () => JSX.Element | null =
  thinnessScorecardPlugin.provide(
    createComponentExtension({
      name: 'EntityPlatformRollupCard',
      component: {
        lazy: () =>
          import('./components/EntityPlatformRollupCard').then(
            m => m.EntityPlatformRollupCard,
          ),
      },
    }),
  );
