export { SurveyResultsPage, SurveyResultsView } from './SurveyResultsPage';
