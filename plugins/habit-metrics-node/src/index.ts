/**
 * Node library of the habit-metrics plugin family: the service other backend plugins use to record activity events
 * and to read capability adoption, with a default implementation that calls the habit-metrics backend.
 *
 * @packageDocumentation
 */
export { habitMetricsServiceRef } from './lib';
export {
  HabitMetricsNotInstalledError,
  type HabitMetricsService,
  type RecordEventResult,
} from './types';
