export * from './format';
export { seriesColor } from './palette';
export { ChartFrame } from './ChartFrame';
export {
  HabitsLoadFailure,
  NOT_INSTALLED_TITLE,
  FORBIDDEN_TITLE,
} from './HabitsLoadFailure';
export { RangeSelect, RefSelect } from './Controls';
export {
  ActivitySources,
  NoActivityYet,
  NO_ACTIVITY_TITLE,
} from './ActivitySources';
