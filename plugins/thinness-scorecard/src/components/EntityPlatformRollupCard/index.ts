export { EntityPlatformRollupCard } from './EntityPlatformRollupCard';
