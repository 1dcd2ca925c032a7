export { SurveyFormPage, SurveyForm } from './SurveyFormPage';
