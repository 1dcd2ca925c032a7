import { usePermission } from '@backstage/plugin-permission-react';
import { thinnessScorecardRefreshPermission } from '@platform-product/plugin-thinness-scorecard-common';

/**
 * What the signed-in user may do, for showing or hiding actions.
 * The backend enforces the same permissions; this only keeps the UI honest.
 */
export function useThinnessPermissions() {
  const refresh = usePermission({
    permission: thinnessScorecardRefreshPermission,
  });
  return {
    loading: refresh.loading,
    canRefresh: refresh.allowed,
  };
}
