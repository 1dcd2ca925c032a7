export { NeedsDiscoveryPage } from './NeedsDiscoveryPage';
