export { habitMetricsApiRef } from './HabitMetricsApi';
export type {
  AdoptionQuery,
  DateRange,
  HabitEventsResult,
  HabitMetricsApi,
} from './HabitMetricsApi';
export { HabitMetricsClient } from './HabitMetricsClient';
