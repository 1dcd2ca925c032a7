/**
 * The thinness-scorecard backend plugin of Platform Product Kit.
 *
 * @packageDocumentation
 */
export { thinnessScorecardPlugin as default } from './plugin';
