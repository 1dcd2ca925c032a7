/**
 * The habit-metrics backend plugin of Platform Product Kit.
 *
 * @packageDocumentation
 */
export { habitMetricsPlugin as default } from './plugin';
