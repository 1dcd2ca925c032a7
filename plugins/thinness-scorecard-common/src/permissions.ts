import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read the scorecard, its history and a capability's verdict.
 *
 * @public
 */
export const thinnessScorecardReadPermission = createPermission({
  name: 'thinness-scorecard.read',
  attributes: { action: 'read' },
});

/**
 * Recompute the scorecard (or one capability) now. Meant for platform managers.
 *
 * @public
 */
export const thinnessScorecardRefreshPermission = createPermission({
  name: 'thinness-scorecard.refresh',
  attributes: { action: 'update' },
});

/**
 * Every permission of the thinness-scorecard plugin, for registering with the permission framework.
 *
 * @public
 */
export const thinnessScorecardPermissions = [
  thinnessScorecardReadPermission,
  thinnessScorecardRefreshPermission,
];
