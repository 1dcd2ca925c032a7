/**
 * Node library of the thinness-scorecard plugin family: the service other backend plugins use to read the
 * scorecard and a capability's verdict and to refresh them, with a default implementation that calls the
 * thinness-scorecard backend.
 *
 * @packageDocumentation
 */
export { thinnessScorecardServiceRef } from './lib';
export {
  ThinnessScorecardNotInstalledError,
  type ThinnessScorecardService,
} from './types';
