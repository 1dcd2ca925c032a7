import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The Thinness page. A legacy route ref so the same ref serves the legacy
 * `createPlugin` and, through `convertLegacyRouteRef`, the new frontend system.
 */
export const rootRouteRef = createRouteRef({ id: 'thinness-scorecard' });
