import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import type { JSX } from 'react';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { NeedsDiscoveryClient, needsDiscoveryApiRef } from './api';
import { NeedPicker } from './components/NeedPicker';
import { rootRouteRef } from './routes';

/**
 * The needs-discovery plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const needsDiscoveryPlugin = createPlugin({
  id: 'needs-discovery',
  apis: [
    createApiFactory({
      api: needsDiscoveryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new NeedsDiscoveryClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The needs page: answer surveys, see your answers, manage surveys and read results.
 *
 * @public
 */
export const NeedsDiscoveryPage: () => JSX.Element =
  needsDiscoveryPlugin.provide(
    createRoutableExtension({
      name: 'NeedsDiscoveryPage',
      component: () =>
        import('./components/NeedsDiscoveryPage').then(
          m => m.NeedsDiscoveryPage,
        ),
      mountPoint: rootRouteRef,
    }),
  );

/**
 * Card for Group entity pages: the team's response rate and top needs in the latest survey.
 *
 * @public
 */
export const EntityTeamNeedsCard: () => JSX.Element | null =
  needsDiscoveryPlugin.provide(
    createComponentExtension({
      name: 'EntityTeamNeedsCard',
      component: {
        lazy: () =>
          import('./components/EntityTeamNeedsCard').then(
            m => m.EntityTeamNeedsCard,
          ),
      },
    }),
  );

/**
 * `ui:field: NeedPicker` for legacy apps: add it inside `<ScaffolderFieldExtensions>` of the scaffolder route.
 *
 * @public
 */
export const NeedPickerFieldExtension = needsDiscoveryPlugin.provide(
  createScaffolderFieldExtension({
    name: 'NeedPicker',
    component: NeedPicker,
  }),
);
