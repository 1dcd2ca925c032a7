/**
 * Test fixtures for the habit-metrics packages; import in tests only.
 */
export {
  CORPUS_NOW,
  corpusEvent,
  malformedHabitEventBatches,
  malformedHabitEvents,
} from './malformedEvents';
export type { MalformedBody } from './malformedEvents';
