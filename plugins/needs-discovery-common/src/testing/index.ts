/**
 * Test fixtures for the needs-discovery packages; import from `src/testing` in tests only.
 */
export { corpusSurvey, malformedAnswerBodies } from './malformedAnswers';
