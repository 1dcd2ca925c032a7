export { EntityTeamHabitsCard } from './EntityTeamHabitsCard';
