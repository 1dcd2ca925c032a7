import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Create survey drafts.
 *
 * @public
 */
export const needsDiscoverySurveyCreatePermission = createPermission({
  name: 'needs-discovery.survey.create',
  attributes: { action: 'create' },
});

/**
 * Edit drafts, open, close and clone surveys, and see drafts.
 *
 * @public
 */
export const needsDiscoverySurveyManagePermission = createPermission({
  name: 'needs-discovery.survey.manage',
  attributes: { action: 'update' },
});

/**
 * Read survey results (aggregates only; nobody can read another person's answers).
 *
 * @public
 */
export const needsDiscoveryResultsReadPermission = createPermission({
  name: 'needs-discovery.results.read',
  attributes: { action: 'read' },
});

/**
 * Answer, change and withdraw one's own response.
 *
 * @public
 */
export const needsDiscoveryResponseSubmitPermission = createPermission({
  name: 'needs-discovery.response.submit',
  attributes: { action: 'create' },
});

/**
 * Set a need's status and serving capability in the needs registry.
 *
 * @public
 */
export const needsDiscoveryNeedUpdatePermission = createPermission({
  name: 'needs-discovery.need.update',
  attributes: { action: 'update' },
});

/**
 * Every permission of the needs-discovery plugin, for registering with the permission framework.
 *
 * @public
 */
export const needsDiscoveryPermissions = [
  needsDiscoverySurveyCreatePermission,
  needsDiscoverySurveyManagePermission,
  needsDiscoveryResultsReadPermission,
  needsDiscoveryResponseSubmitPermission,
  needsDiscoveryNeedUpdatePermission,
];
