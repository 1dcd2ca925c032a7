import { usePermission } from '@backstage/plugin-permission-react';
import {
  habitMetricsCampaignManagePermission,
  habitMetricsCampaignParticipatePermission,
} from '@platform-product/plugin-habit-metrics-common';

/**
 * What the signed-in user may do with campaigns, for showing or hiding actions. The backend enforces the same
 * permissions; this only keeps the UI honest.
 */
export function useCampaignPermissions() {
  const manage = usePermission({
    permission: habitMetricsCampaignManagePermission,
  });
  const participate = usePermission({
    permission: habitMetricsCampaignParticipatePermission,
  });
  return {
    loading: manage.loading || participate.loading,
    canManage: manage.allowed,
    canParticipate: participate.allowed,
  };
}
