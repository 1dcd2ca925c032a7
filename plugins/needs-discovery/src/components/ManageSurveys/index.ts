export { ManageSurveys } from './ManageSurveys';
