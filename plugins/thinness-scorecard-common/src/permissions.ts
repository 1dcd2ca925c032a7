import { createPermission } from '@backstage/plugin-permission-common';

/** Read the scorecard, its history and a capability's verdict. */
export const thinnessScorecardReadPermission = createPermission({
  name: 'thinness-scorecard.read',
  attributes: { action: 'read' },
});

/** Recompute the scorecard (or one capability) now. Meant for platform managers. */
export const thinnessScorecardRefreshPermission = createPermission({
  name: 'thinness-scorecard.refresh',
  attributes: { action: 'update' },
});

export const thinnessScorecardPermissions = [
  thinnessScorecardReadPermission,
  thinnessScorecardRefreshPermission,
];
