/**
 * Node library of the needs-discovery plugin family: the service other backend plugins use to read the needs
 * registry and to change a need's status, with a default implementation that calls the needs-discovery backend.
 *
 * @packageDocumentation
 */
export { needsDiscoveryServiceRef } from './lib';
export {
  NeedsDiscoveryNotInstalledError,
  type NeedsDiscoveryService,
  type NeedUpdate,
} from './types';
