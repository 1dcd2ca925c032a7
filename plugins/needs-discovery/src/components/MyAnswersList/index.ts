export { MyAnswersList } from './MyAnswersList';
