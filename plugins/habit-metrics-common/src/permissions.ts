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
 * Create campaigns and manage them: change their audience, goal and status, add activities, see who RSVPed to a
 * session and mark attendance. Meant for the platform team.
 *
 * @public
 */
export const habitMetricsCampaignManagePermission = createPermission({
  name: 'habit-metrics.campaigns.manage',
  attributes: { action: 'update' },
});

/**
 * Take part in campaigns: acknowledge, RSVP, tick learning-path steps, always for oneself only. Meant for everyone.
 *
 * @public
 */
export const habitMetricsCampaignParticipatePermission = createPermission({
  name: 'habit-metrics.campaigns.participate',
  attributes: { action: 'update' },
});

/**
 * Every permission of the habit-metrics plugin, for registering with the permission framework.
 *
 * @public
 */
export const habitMetricsPermissions = [
  habitMetricsReadPermission,
  habitMetricsEventsWritePermission,
  habitMetricsCampaignManagePermission,
  habitMetricsCampaignParticipatePermission,
];
