import { Frequency, FrequencyWeights } from './types';

/**
 * Rounds half away from zero to `decimals` places.
 *
 * Going through 15 significant digits first absorbs binary noise (1.005 * 100 is 100.49999…), so results match
 * the decimal figures people check by hand and SQL `ROUND` on numerics.
 *
 * @public
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) {
    return value;
  }
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  // `+ 0` turns a negative zero into zero.
  return (Math.sign(value) * Math.round(scaled)) / factor + 0;
}

/**
 * Weight of one reported frequency in the priority score.
 *
 * @public
 */
export function frequencyWeight(
  frequency: Frequency,
  weights: FrequencyWeights,
): number {
  return weights[frequency];
}

/**
 * How much a need matters across the organisation: teams × mean pain × mean frequency weight, to 2 decimals.
 *
 * @public
 */
export function priorityScore(
  teamsReporting: number,
  meanPain: number,
  meanFrequencyWeight: number,
): number {
  return roundTo(teamsReporting * meanPain * meanFrequencyWeight, 2);
}

/**
 * A need is shared when enough distinct teams report it; shared needs are the platform's candidates.
 *
 * @public
 */
export function isShared(
  teamsReporting: number,
  sharedNeedMinTeams: number,
): boolean {
  return teamsReporting >= sharedNeedMinTeams;
}
