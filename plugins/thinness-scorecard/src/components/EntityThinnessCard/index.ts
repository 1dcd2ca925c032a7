export { EntityThinnessCard } from './EntityThinnessCard';
