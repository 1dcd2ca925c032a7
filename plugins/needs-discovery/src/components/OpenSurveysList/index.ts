export { OpenSurveysList } from './OpenSurveysList';
