export { HabitsPage } from './HabitsPage';
