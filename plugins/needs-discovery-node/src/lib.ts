import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { DefaultNeedsDiscoveryService } from './DefaultNeedsDiscoveryService';
import { NeedsDiscoveryService } from './types';

/**
 * The needs-discovery service for other backend plugins. Add it to a plugin's or module's deps, e.g.
 * `deps: { needs: needsDiscoveryServiceRef }`.
 *
 * The default implementation calls the needs-discovery backend over HTTP (`coreServices.discovery` +
 * `coreServices.auth`) as the calling plugin.
 *
 * @public
 */
export const needsDiscoveryServiceRef = createServiceRef<NeedsDiscoveryService>(
  {
    id: 'needs-discovery.service',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          auth: coreServices.auth,
          discovery: coreServices.discovery,
        },
        factory({ auth, discovery }) {
          return DefaultNeedsDiscoveryService.create({ auth, discovery });
        },
      }),
  },
);
