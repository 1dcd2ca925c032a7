import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { DefaultThinnessScorecardService } from './DefaultThinnessScorecardService';
import { ThinnessScorecardService } from './types';

/**
 * The thinness-scorecard service for other backend plugins. Add it to a plugin's or module's deps, e.g.
 * `deps: { scorecard: thinnessScorecardServiceRef }`.
 *
 * The default implementation calls the thinness-scorecard backend over HTTP (`coreServices.discovery` +
 * `coreServices.auth`) as the calling plugin.
 *
 * @public
 */
export const thinnessScorecardServiceRef =
  createServiceRef<ThinnessScorecardService>({
    id: 'thinness-scorecard.service',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          auth: coreServices.auth,
          discovery: coreServices.discovery,
        },
        factory({ auth, discovery }) {
          return DefaultThinnessScorecardService.create({ auth, discovery });
        },
      }),
  });
