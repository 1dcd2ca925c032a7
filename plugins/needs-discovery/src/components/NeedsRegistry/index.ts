export { NeedsRegistry } from './NeedsRegistry';
