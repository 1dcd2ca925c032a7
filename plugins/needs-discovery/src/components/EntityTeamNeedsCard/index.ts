export { EntityTeamNeedsCard } from './EntityTeamNeedsCard';
