/**
 * Habit-change metrics in Backstage: golden-path share, adoption, cohort retention, stickiness,
 * reversions and time to habit, team by team; and an analytics implementation that feeds them.
 *
 * @packageDocumentation
 */
export {
  habitMetricsPlugin,
  HabitsPage,
  EntityTeamHabitsCard,
  EntityTeamCampaignsCard,
  EntityCapabilityAdoptionCard,
} from './plugin';
export { habitMetricsApiRef, HabitMetricsClient } from './api';
export type {
  AdoptionQuery,
  CampaignChanges,
  CampaignDetail,
  DateRange,
  HabitEventsResult,
  HabitMetricsApi,
  NewCampaign,
  NewCampaignActivity,
} from './api';
export { HabitEventsAnalytics } from './analytics';
export type {
  ForwardableAnalyticsEvent,
  HabitEventsAnalyticsOptions,
} from './analytics';
export { isCapabilityEntity } from './filters';
