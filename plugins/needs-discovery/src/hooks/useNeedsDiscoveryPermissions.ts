import { usePermission } from '@backstage/plugin-permission-react';
import {
  needsDiscoveryNeedUpdatePermission,
  needsDiscoveryResponseSubmitPermission,
  needsDiscoveryResultsReadPermission,
  needsDiscoverySurveyCreatePermission,
  needsDiscoverySurveyManagePermission,
} from '@platform-product/plugin-needs-discovery-common';

/**
 * What the signed-in user may do, for showing or hiding actions.
 * The backend enforces the same permissions; this only keeps the UI honest.
 */
export function useNeedsDiscoveryPermissions() {
  const create = usePermission({
    permission: needsDiscoverySurveyCreatePermission,
  });
  const manage = usePermission({
    permission: needsDiscoverySurveyManagePermission,
  });
  const readResults = usePermission({
    permission: needsDiscoveryResultsReadPermission,
  });
  const submit = usePermission({
    permission: needsDiscoveryResponseSubmitPermission,
  });
  const updateNeed = usePermission({
    permission: needsDiscoveryNeedUpdatePermission,
  });
  return {
    loading:
      create.loading ||
      manage.loading ||
      readResults.loading ||
      submit.loading ||
      updateNeed.loading,
    canCreateSurvey: create.allowed,
    canManageSurveys: manage.allowed,
    canReadResults: readResults.allowed,
    canSubmitResponse: submit.allowed,
    canUpdateNeeds: updateNeed.allowed,
  };
}
