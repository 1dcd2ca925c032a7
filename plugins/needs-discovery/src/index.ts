/**
 * Needs-discovery surveys in Backstage: answer surveys, build them, and read
 * results with the recommended priority case.
 *
 * @packageDocumentation
 */
export {
  needsDiscoveryPlugin,
  NeedsDiscoveryPage,
  EntityTeamNeedsCard,
  NeedPickerFieldExtension,
} from './plugin';
export { NeedPicker } from './components/NeedPicker';
export type { NeedPickerUiOptions } from './components/NeedPicker';
export { needsDiscoveryApiRef, NeedsDiscoveryClient } from './api';
export type { NeedsDiscoveryApi, NeedUpdate } from './api';
