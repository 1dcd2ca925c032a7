import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read team-level habit metrics.
 *
 * @public
 */
export const habitMetricsReadPermission = createPermission({
  name: 'habit-metrics.read',
  attributes: { action: 'read' },
});

/**
 * Send activity events (from the app's analytics, CI, other plugins).
 *
 * @public
 */
export const habitMetricsEventsWritePermission = createPermission({
  name: 'habit-metrics.events.write',
  attributes: { action: 'create' },
});

/**
 * Every permission of the habit-metrics plugin, for registering with the permission framework.
 *
 * @public
 */
export const habitMetricsPermissions = [
  habitMetricsReadPermission,
  habitMetricsEventsWritePermission,
];
