/**
 * The platform thinness scorecard in Backstage: per-capability verdicts (invest, keep, review,
 * outsource, dispose) with their reasons, and the platform thinness score with its history.
 *
 * @packageDocumentation
 */
export {
  thinnessScorecardPlugin,
  ThinnessScorecardPage,
  EntityThinnessCard,
  EntityPlatformRollupCard,
} from './plugin';
export { thinnessScorecardApiRef, ThinnessScorecardClient } from './api';
export type { ThinnessScorecardApi } from './api';
export { isThinnessCapability } from './conditions';
