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
export { readMvpSettings, type MvpSettings } from './config';
