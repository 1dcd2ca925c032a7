import { compareCapabilities, countVerdicts, scoreCapability } from './rules';
import { computeScore, GrowthHistoryPoint } from './score';
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
 * Distinct product teams using at least one capability. Teams named by the catalog or habit-metrics are counted
 * once; when habit-metrics only gives a count for a capability, that count is a lower bound, so the result is at
 * least the largest consumer count of any capability.
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

export interface BuildScorecardOptions {
  rules: VerdictRules;
  weights: ScoreWeights;
  surfacePerTeamTarget: number;
  productTeams: number;
  sources: FactSources;
  /** Past snapshots, for the growth balance. */
  history: readonly GrowthHistoryPoint[];
  now: Date;
}

/** Puts the scorecard together from already-judged capabilities (used after a one-capability refresh too). */
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

/** Judges every capability and computes the score: the whole scorecard from the facts. */
export function buildScorecard(
  facts: readonly CapabilityFacts[],
  options: BuildScorecardOptions,
): Scorecard {
  return assembleScorecard(
    facts.map(f => scoreCapability(f, options.rules, options.now)),
    options,
  );
}

/** The history point a scorecard becomes when it is snapshotted for `period`. */
export function toHistoryPoint(
  scorecard: Scorecard,
  period: string,
  demo = false,
): ScorecardHistoryPoint {
  return {
    period,
    score: scorecard.score,
    subscores: scorecard.subscores.map(({ id, value }) => ({ id, value })),
    verdicts: scorecard.verdicts,
    capabilities: scorecard.capabilities.length,
    adoptingTeams: scorecard.adoptingTeams,
    demo,
  };
}
