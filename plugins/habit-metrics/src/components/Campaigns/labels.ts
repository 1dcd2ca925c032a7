import {
  CampaignActivityKind,
  CampaignGoal,
  CampaignStatus,
  CampaignTeamState,
} from '@platform-product/plugin-habit-metrics-common';

export const STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const STATE_LABELS: Record<CampaignTeamState, string> = {
  'not-reached': 'Not reached',
  engaged: 'Engaged',
  adopting: 'Adopting',
  'habit-formed': 'Habit formed',
  reverted: 'Reverted',
};

export const KIND_LABELS: Record<CampaignActivityKind, string> = {
  announcement: 'Announcement',
  'training-session': 'Training session',
  'office-hours': 'Office hours',
  'learning-path': 'Learning path',
  'pairing-offer': 'Pairing or embed offer',
};

/** "Active in 3 of the last 4 weeks", "Golden-path share of at least 60%". */
export function describeGoal(goal: CampaignGoal): string {
  return goal.kind === 'active-weeks'
    ? `Active in ${goal.activeWeeks} of the last ${goal.windowWeeks} weeks`
    : `Golden-path share of at least ${Math.round(goal.share * 100)}%`;
}

/** An ISO timestamp as a date and time in UTC, the same for every reader. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toLocaleString('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  })} UTC`;
}
