export { ThinnessScorecardPage } from './ThinnessScorecardPage';
