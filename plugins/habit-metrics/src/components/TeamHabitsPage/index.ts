export { TeamHabitsPage, TeamHabitsView } from './TeamHabitsPage';
