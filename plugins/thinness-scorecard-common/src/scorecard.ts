import { compareCapabilities, countVerdicts, scoreCapability } from './rules';
import {
  computeScore,
  GrowthHistoryPoint,
  NO_CAPABILITIES_MESSAGE,
} from './score';
import {
  CapabilityConsumers,
  CapabilityFacts,
  CapabilityScore,
  FactSources,
  Scorecard,
  ScorecardHistoryPoint,
  ScoreWeights,
  VerdictRules,
} from './types';

/**
 * Distinct product teams that have adopted at least one capability: the union of the capabilities' adopting teams
 * (`consumers.teams`, named by habit-metrics or the catalog), each counted once. Should a capability give a count
 * without names, that count is a lower bound, so the result is at least the largest adopter count of any capability.
 *
 * @public
 */
export function countAdoptingTeams(
  capabilities: readonly {
    consumers: Pick<CapabilityConsumers, 'teams' | 'count'>;
  }[],
): number {
  const named = new Set<string>();
  let largest = 0;
  for (const { consumers } of capabilities) {
    consumers.teams.forEach(team => named.add(team));
    largest = Math.max(largest, consumers.count);
  }
  return Math.max(named.size, largest);
}

/**
 * Inputs of `buildScorecard` and `assembleScorecard` besides the capabilities: rules, weights, platform facts and the clock.
 *
 * @public
 */
export interface BuildScorecardOptions {
  /** Thresholds of the verdict rules. */
  rules: VerdictRules;
  /** Relative weight of each sub-score. */
  weights: ScoreWeights;
  /** Entities per adopting team considered lean by the surface sub-score. */
  surfacePerTeamTarget: number;
  /** Product teams adoption is measured against. */
  productTeams: number;
  /** Which optional plugins answered while the facts were gathered. */
  sources: FactSources;
  /** Past snapshots, for the growth balance. */
  history: readonly GrowthHistoryPoint[];
  /** The time of the computation: stamped as `computedAt` and used for grace periods and overdue reviews. */
  now: Date;
}

/**
 * Puts the scorecard together from already-judged capabilities (used after a one-capability refresh too).
 *
 * @public
 */
export function assembleScorecard(
  capabilities: readonly CapabilityScore[],
  options: BuildScorecardOptions,
): Scorecard {
  const sorted = [...capabilities].sort(compareCapabilities);
  const adoptingTeams = countAdoptingTeams(sorted);
  const { score, subscores } = computeScore(
    sorted,
    {
      productTeams: options.productTeams,
      adoptingTeams,
      needsDiscoveryInstalled: options.sources.needsDiscovery,
    },
    {
      weights: options.weights,
      adoptionFloor: options.rules.adoptionFloor,
      surfacePerTeamTarget: options.surfacePerTeamTarget,
      now: options.now,
    },
    options.history,
  );
  return {
    score,
    notScored:
      score === null
        ? { reason: 'no-capabilities', message: NO_CAPABILITIES_MESSAGE }
        : null,
    subscores,
    capabilities: sorted,
    computedAt: options.now.toISOString(),
    productTeams: options.productTeams,
    adoptingTeams,
    sources: options.sources,
    rules: options.rules,
    verdicts: countVerdicts(sorted),
  };
}

/**
 * Judges every capability and computes the score: the whole scorecard from the facts.
 *
 * @public
 */
export function buildScorecard(
  facts: readonly CapabilityFacts[],
  options: BuildScorecardOptions,
): Scorecard {
  return assembleScorecard(
    facts.map(f => scoreCapability(f, options.rules, options.now)),
    options,
  );
}

/**
 * Whether a scorecard has a score: false while there are no capabilities.
 *
 * @public
 */
export function isScored(
  scorecard: Pick<Scorecard, 'score' | 'capabilities'>,
): scorecard is Pick<Scorecard, 'capabilities'> & { score: number } {
  return scorecard.score !== null && scorecard.capabilities.length > 0;
}

/**
 * The history point a scorecard becomes when it is snapshotted for `period`; `null` for a scorecard that is not
 * scored (no capabilities): such a day is not recorded, so the history never shows a score nobody earned.
 *
 * @public
 */
export function toHistoryPoint(
  scorecard: Scorecard,
  period: string,
  demo = false,
): ScorecardHistoryPoint | null {
  if (!isScored(scorecard)) return null;
  return {
    period,
    score: scorecard.score,
    subscores: scorecard.subscores.flatMap(({ id, value }) =>
      value === null ? [] : [{ id, value }],
    ),
    verdicts: scorecard.verdicts,
    capabilities: scorecard.capabilities.length,
    adoptingTeams: scorecard.adoptingTeams,
    demo,
  };
}
