import { createPermission } from '@backstage/plugin-permission-common';

/** Create survey drafts. */
export const needsDiscoverySurveyCreatePermission = createPermission({
  name: 'needs-discovery.survey.create',
  attributes: { action: 'create' },
});

/** Edit drafts, open, close and clone surveys, and see drafts. */
export const needsDiscoverySurveyManagePermission = createPermission({
  name: 'needs-discovery.survey.manage',
  attributes: { action: 'update' },
});

/** Read survey results (aggregates only; nobody can read another person's answers). */
export const needsDiscoveryResultsReadPermission = createPermission({
  name: 'needs-discovery.results.read',
  attributes: { action: 'read' },
});

/** Answer, change and withdraw one's own response. */
export const needsDiscoveryResponseSubmitPermission = createPermission({
  name: 'needs-discovery.response.submit',
  attributes: { action: 'create' },
});

/** Set a need's status and serving capability in the needs registry. */
export const needsDiscoveryNeedUpdatePermission = createPermission({
  name: 'needs-discovery.need.update',
  attributes: { action: 'update' },
});

export const needsDiscoveryPermissions = [
  needsDiscoverySurveyCreatePermission,
  needsDiscoverySurveyManagePermission,
  needsDiscoveryResultsReadPermission,
  needsDiscoveryResponseSubmitPermission,
  needsDiscoveryNeedUpdatePermission,
];
