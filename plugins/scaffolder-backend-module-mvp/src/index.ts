/**
 * Scaffolder actions of Platform Product Kit that keep a new platform capability minimal and accountable:
 * `mvp:scope`, `mvp:annotate`, `mvp:backlog` and `mvp:launch`.
 *
 * @packageDocumentation
 */
export { scaffolderModuleMvp as default } from './module';
export { createMvpScopeAction } from './actions/scope';
export { createMvpAnnotateAction } from './actions/annotate';
export { createMvpBacklogAction } from './actions/backlog';
export { createMvpLaunchAction } from './actions/launch';
export {
  NeedsDiscoveryClient,
  type NeedsDiscoveryApi,
  type NeedStatus,
  type RegisteredNeed,
} from './clients/NeedsDiscoveryClient';
export {
  HabitMetricsClient,
  type HabitMetricsApi,
  type MvpLaunchEvent,
  type RecordEventResult,
} from './clients/HabitMetricsClient';
export type { PluginCallServices } from './clients/http';
export { readMvpSettings, type MvpSettings } from './config';
