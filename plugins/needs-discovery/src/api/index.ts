export { needsDiscoveryApiRef } from './NeedsDiscoveryApi';
export type { NeedsDiscoveryApi, NeedUpdate } from './NeedsDiscoveryApi';
export { NeedsDiscoveryClient } from './NeedsDiscoveryClient';
