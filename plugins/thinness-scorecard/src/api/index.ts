export { thinnessScorecardApiRef } from './ThinnessScorecardApi';
export type { ThinnessScorecardApi } from './ThinnessScorecardApi';
export { ThinnessScorecardClient } from './ThinnessScorecardClient';
