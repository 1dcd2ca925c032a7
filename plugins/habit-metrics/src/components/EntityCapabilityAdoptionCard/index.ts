export { EntityCapabilityAdoptionCard } from './EntityCapabilityAdoptionCard';
