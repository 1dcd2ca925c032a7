export { SurveyBuilderPage, SurveyBuilder } from './SurveyBuilderPage';
