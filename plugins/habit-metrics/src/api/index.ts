export { habitMetricsApiRef } from './HabitMetricsApi';
export type {
  AdoptionQuery,
  CampaignChanges,
  CampaignDetail,
  DateRange,
  HabitEventsResult,
  HabitMetricsApi,
  NewCampaign,
  NewCampaignActivity,
} from './HabitMetricsApi';
export { HabitMetricsClient } from './HabitMetricsClient';
