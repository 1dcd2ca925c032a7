import { createPermission } from '@backstage/plugin-permission-common';

/** Read team-level habit metrics. */
export const habitMetricsReadPermission = createPermission({
  name: 'habit-metrics.read',
  attributes: { action: 'read' },
});

/** Send activity events (from the app's analytics, CI, other plugins). */
export const habitMetricsEventsWritePermission = createPermission({
  name: 'habit-metrics.events.write',
  attributes: { action: 'create' },
});

export const habitMetricsPermissions = [
  habitMetricsReadPermission,
  habitMetricsEventsWritePermission,
];
