export {
  HabitEventsAnalytics,
  CAPABILITY_ANNOTATION,
} from './HabitEventsAnalytics';
export type {
  ForwardableAnalyticsEvent,
  HabitEventsAnalyticsOptions,
} from './HabitEventsAnalytics';
