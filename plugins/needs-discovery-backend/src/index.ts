/**
 * The needs-discovery backend plugin of Platform Product Kit.
 *
 * @packageDocumentation
 */
export { needsDiscoveryPlugin as default } from './plugin';
