import { daysBetween, isLowAdoption, percent, utcDay } from './rules';
import {
  CapabilityScore,
  ScorecardHistoryPoint,
  ScoreWeights,
  Subscore,
  SubscoreId,
  SUBSCORE_IDS,
} from './types';

/**
 * The platform thinness score: 0–100, the weighted mean of six sub-scores, each 0–100 where higher means thinner.
 * Every sub-score is rounded to an integer first, and the score is computed from the rounded values, so anyone
 * can redo the sum from what the scorecard shows.
 *
 * | sub-score          | formula                                                                                   |
 * |--------------------|-------------------------------------------------------------------------------------------|
 * | `needCoverage`     | 100 × capabilities backed by a shared need / capabilities                                 |
 * | `adoption`         | 100 × capabilities at or above the adoption floor / capabilities                          |
 * | `commodityInHouse` | 100 × (1 − commodity capabilities built in-house / capabilities)                          |
 * | `overdueReviews`   | 100 × (1 − overdue MVP reviews / capabilities with an MVP review date)                    |
 * | `surfacePerTeam`   | 100 × min(1, target / (surface entities / adopting teams))                                |
 * | `growthBalance`    | 100 × min(1, adopting-team growth / capability-count growth), against the snapshot ~90 days back |
 *
 * score = Σ weight × sub-score / Σ weight, rounded.
 *
 * Edge cases: with no capabilities there is nothing to score: the score and every sub-score are `null` (a 100 would
 * read as a verdict on a platform that does not exist yet), with inputs that show the zeros and an explanation that
 * says so. Without MVP review dates `overdueReviews` is 100; with no adopting team `surfacePerTeam` is 0 when there is any surface (all overhead);
 * without a snapshot at least 14 days old in the last 90 days `growthBalance` is a neutral 100 ("no history yet").
 * When needs-discovery is not installed, `needCoverage` counts capabilities that declare a need, and says so.
 */

/**
 * Why a platform without capabilities is not scored, with the next step.
 *
 * @public
 */
export const NO_CAPABILITIES_MESSAGE =
  'No platform capabilities yet, so there is nothing to score. Annotate a catalog entity with platform-product.io/capability: "true" (plus platform-product.io/value-class and platform-product.io/need) to add one.';

/**
 * The explanation of every sub-score while there are no capabilities.
 *
 * @public
 */
export const NO_CAPABILITIES_EXPLANATION =
  'Not scored: there are no platform capabilities yet.';

/**
 * Days of history the growth balance looks back.
 *
 * @public
 */
export const GROWTH_WINDOW_DAYS = 90;
/**
 * A baseline younger than this says nothing about growth yet.
 *
 * @public
 */
export const MIN_GROWTH_BASELINE_DAYS = 14;

/**
 * What the score needs of each capability.
 *
 * @public
 */
export type ScoredCapability = Pick<
  CapabilityScore,
  | 'need'
  | 'consumers'
  | 'valueClass'
  | 'mvpReviewDate'
  | 'reviewOverdue'
  | 'surface'
>;

/**
 * Platform-wide facts the score needs.
 *
 * @public
 */
export interface PlatformFacts {
  /** Product teams in the catalog (groups of the configured types, not owning a capability). */
  productTeams: number;
  /** Distinct product teams using at least one capability. */
  adoptingTeams: number;
  /** Whether needs-discovery answered, so shared needs could be checked. */
  needsDiscoveryInstalled: boolean;
}

/**
 * Configuration of `computeScore`: sub-score weights, the adoption floor, the lean-surface target and the clock.
 *
 * @public
 */
export interface ScoreOptions {
  /** Relative weight of each sub-score. */
  weights: ScoreWeights;
  /** The verdict rules' adoption floor (0..1). */
  adoptionFloor: number;
  /** Entities per adopting team considered lean. */
  surfacePerTeamTarget: number;
  /** The current time, for overdue reviews and the growth window. */
  now: Date;
}

/**
 * A past day of the scorecard, as far as the growth balance needs it.
 *
 * @public
 */
export type GrowthHistoryPoint = Pick<
  ScorecardHistoryPoint,
  'period' | 'capabilities' | 'adoptingTeams'
>;

/**
 * Display title of each sub-score, as shown on the scorecard.
 *
 * @public
 */
export const SUBSCORE_TITLES: Record<SubscoreId, string> = {
  needCoverage: 'Need coverage',
  adoption: 'Adoption',
  commodityInHouse: 'Commodity built in-house',
  overdueReviews: 'MVP reviews on time',
  surfacePerTeam: 'Surface per adopting team',
  growthBalance: 'Growth balance',
};

const clamp100 = (value: number) =>
  Math.round(Math.min(100, Math.max(0, value)));
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The snapshot growth is measured against: the oldest one within the last 90 days, provided it is at least 14 days
 * old and had capabilities. Null when there is none.
 *
 * @public
 */
export function growthBaseline<T extends GrowthHistoryPoint>(
  history: readonly T[],
  now: Date,
): T | null {
  const today = utcDay(now);
  const windowStart = utcDay(
    new Date(now.getTime() - GROWTH_WINDOW_DAYS * 24 * 60 * 60 * 1000),
  );
  const candidates = history
    .filter(
      point =>
        point.period >= windowStart &&
        point.period < today &&
        point.capabilities > 0 &&
        daysBetween(new Date(`${point.period}T00:00:00Z`), now) >=
          MIN_GROWTH_BASELINE_DAYS,
    )
    .sort((a, b) => a.period.localeCompare(b.period));
  return candidates[0] ?? null;
}

function ratioSubscore(
  id: SubscoreId,
  weight: number,
  formula: string,
): Omit<Subscore, 'value' | 'inputs' | 'explanation'> {
  return { id, title: SUBSCORE_TITLES[id], weight, formula };
}

function needCoverageExplanation(
  total: number,
  covered: number,
  installed: boolean,
): string {
  if (total === 0) return 'No capabilities yet.';
  if (installed) {
    return `${covered} of ${total} capabilities serve a need that needs-discovery confirms is shared.`;
  }
  return `${covered} of ${total} capabilities declare a need; needs-discovery is not installed, so whether the needs are shared is not checked.`;
}

function surfaceExplanation(
  surface: number,
  adopting: number,
  perTeam: number | null,
  target: number,
): string {
  if (perTeam === null) {
    return surface === 0
      ? 'No surface and no adopting team.'
      : `${surface} entities and no adopting team: all of the surface is overhead.`;
  }
  return `${surface} entities serve ${adopting} adopting teams: ${round2(
    perTeam,
  )} per team against a lean target of ${target}.`;
}

/**
 * The score and its explained sub-scores; `score` and every sub-score's `value` are `null` when there are no
 * capabilities (nothing to score).
 *
 * @public
 */
export function computeScore(
  capabilities: readonly ScoredCapability[],
  platform: PlatformFacts,
  options: ScoreOptions,
  history: readonly GrowthHistoryPoint[],
): { score: number | null; subscores: Subscore[] } {
  const { weights, adoptionFloor, surfacePerTeamTarget, now } = options;
  const total = capabilities.length;
  const count = (predicate: (c: ScoredCapability) => boolean) =>
    capabilities.filter(predicate).length;
  const subscores: Subscore[] = [];

  // Need coverage
  {
    const covered = platform.needsDiscoveryInstalled
      ? count(c => c.need?.state === 'shared')
      : count(c => c.need !== null);
    const value = total === 0 ? 100 : clamp100((100 * covered) / total);
    subscores.push({
      ...ratioSubscore(
        'needCoverage',
        weights.needCoverage,
        '100 × capabilities backed by a shared need / capabilities',
      ),
      value,
      inputs: [
        { id: 'capabilities', label: 'Capabilities', value: total },
        platform.needsDiscoveryInstalled
          ? {
              id: 'sharedNeed',
              label: 'Capabilities backed by a shared need',
              value: covered,
            }
          : {
              id: 'declaredNeed',
              label:
                'Capabilities declaring a need (needs-discovery not installed)',
              value: covered,
            },
        {
          id: 'needsDiscovery',
          label: 'needs-discovery',
          value: platform.needsDiscoveryInstalled
            ? 'installed'
            : 'not installed',
        },
      ],
      explanation: needCoverageExplanation(
        total,
        covered,
        platform.needsDiscoveryInstalled,
      ),
    });
  }

  // Adoption
  {
    const above = count(
      c => !isLowAdoption(c.consumers.share, { adoptionFloor }),
    );
    const value = total === 0 ? 100 : clamp100((100 * above) / total);
    subscores.push({
      ...ratioSubscore(
        'adoption',
        weights.adoption,
        '100 × capabilities at or above the adoption floor / capabilities',
      ),
      value,
      inputs: [
        { id: 'capabilities', label: 'Capabilities', value: total },
        {
          id: 'aboveFloor',
          label: 'Capabilities at or above the adoption floor',
          value: above,
        },
        {
          id: 'adoptionFloor',
          label: 'Adoption floor (% of product teams)',
          value: Math.round(adoptionFloor * 100),
        },
        {
          id: 'productTeams',
          label: 'Product teams',
          value: platform.productTeams,
        },
      ],
      explanation:
        total === 0
          ? 'No capabilities yet.'
          : `${above} of ${total} capabilities are used by at least ${percent(
              adoptionFloor,
            )} of the ${platform.productTeams} product teams.`,
    });
  }

  // Commodity built in-house
  {
    const commodity = count(c => c.valueClass === 'commodity');
    const value = total === 0 ? 100 : clamp100(100 * (1 - commodity / total));
    subscores.push({
      ...ratioSubscore(
        'commodityInHouse',
        weights.commodityInHouse,
        '100 × (1 − commodity capabilities built in-house / capabilities)',
      ),
      value,
      inputs: [
        { id: 'capabilities', label: 'Capabilities', value: total },
        {
          id: 'commodity',
          label: 'Commodity capabilities built in-house',
          value: commodity,
        },
      ],
      explanation:
        total === 0
          ? 'No capabilities yet.'
          : `${commodity} of ${total} capabilities are commodities the platform team builds and runs itself.`,
    });
  }

  // Overdue MVP reviews
  {
    const withDate = count(c => c.mvpReviewDate !== null);
    const overdue = count(c => c.reviewOverdue);
    const value =
      withDate === 0 ? 100 : clamp100(100 * (1 - overdue / withDate));
    subscores.push({
      ...ratioSubscore(
        'overdueReviews',
        weights.overdueReviews,
        '100 × (1 − overdue MVP reviews / capabilities with an MVP review date)',
      ),
      value,
      inputs: [
        {
          id: 'withReviewDate',
          label: 'Capabilities with an MVP review date',
          value: withDate,
        },
        { id: 'overdue', label: 'Overdue MVP reviews', value: overdue },
      ],
      explanation:
        withDate === 0
          ? 'No capability has an MVP review date.'
          : `${overdue} of ${withDate} MVP reviews are overdue.`,
    });
  }

  // Surface per adopting team
  {
    const surface = capabilities.reduce((sum, c) => sum + c.surface, 0);
    const adopting = platform.adoptingTeams;
    const perTeam = adopting > 0 ? surface / adopting : null;
    let value: number;
    if (perTeam === null) value = surface === 0 ? 100 : 0;
    else if (perTeam === 0) value = 100;
    else value = clamp100(100 * Math.min(1, surfacePerTeamTarget / perTeam));
    subscores.push({
      ...ratioSubscore(
        'surfacePerTeam',
        weights.surfacePerTeam,
        '100 × min(1, target / (surface entities / adopting teams))',
      ),
      value,
      inputs: [
        { id: 'surface', label: 'Surface entities', value: surface },
        { id: 'adoptingTeams', label: 'Adopting teams', value: adopting },
        {
          id: 'surfacePerTeam',
          label: 'Entities per adopting team',
          value: perTeam === null ? null : round2(perTeam),
        },
        {
          id: 'target',
          label: 'Lean target (entities per adopting team)',
          value: surfacePerTeamTarget,
        },
      ],
      explanation: surfaceExplanation(
        surface,
        adopting,
        perTeam,
        surfacePerTeamTarget,
      ),
    });
  }

  // Growth balance
  {
    const baseline = growthBaseline(history, now);
    const capsNow = total;
    const teamsNow = platform.adoptingTeams;
    if (!baseline) {
      subscores.push({
        ...ratioSubscore(
          'growthBalance',
          weights.growthBalance,
          '100 × min(1, adopting-team growth / capability-count growth) over 90 days',
        ),
        value: 100,
        inputs: [
          {
            id: 'baseline',
            label: 'Baseline snapshot',
            value: 'no history yet',
          },
          { id: 'capabilities', label: 'Capabilities now', value: capsNow },
          { id: 'adoptingTeams', label: 'Adopting teams now', value: teamsNow },
        ],
        explanation: `No snapshot at least ${MIN_GROWTH_BASELINE_DAYS} days old in the last ${GROWTH_WINDOW_DAYS} days yet: neutral.`,
      });
    } else {
      const capGrowth = capsNow / baseline.capabilities;
      let teamGrowth: number;
      if (baseline.adoptingTeams > 0) {
        teamGrowth = teamsNow / baseline.adoptingTeams;
      } else {
        teamGrowth = teamsNow > 0 ? Number.POSITIVE_INFINITY : 1;
      }
      const value =
        capGrowth <= teamGrowth
          ? 100
          : clamp100((100 * teamGrowth) / capGrowth);
      const days = daysBetween(new Date(`${baseline.period}T00:00:00Z`), now);
      subscores.push({
        ...ratioSubscore(
          'growthBalance',
          weights.growthBalance,
          '100 × min(1, adopting-team growth / capability-count growth) over 90 days',
        ),
        value,
        inputs: [
          {
            id: 'baseline',
            label: 'Baseline snapshot',
            value: baseline.period,
          },
          { id: 'days', label: 'Days since the baseline', value: days },
          {
            id: 'capabilitiesThen',
            label: 'Capabilities then',
            value: baseline.capabilities,
          },
          { id: 'capabilities', label: 'Capabilities now', value: capsNow },
          {
            id: 'adoptingTeamsThen',
            label: 'Adopting teams then',
            value: baseline.adoptingTeams,
          },
          { id: 'adoptingTeams', label: 'Adopting teams now', value: teamsNow },
          {
            id: 'capabilityGrowth',
            label: 'Capability growth (×)',
            value: round2(capGrowth),
          },
          {
            id: 'teamGrowth',
            label: 'Adopting-team growth (×)',
            value: Number.isFinite(teamGrowth) ? round2(teamGrowth) : 'new',
          },
        ],
        explanation:
          value === 100
            ? `Since ${baseline.period} capabilities went from ${baseline.capabilities} to ${capsNow} and adopting teams from ${baseline.adoptingTeams} to ${teamsNow}: the platform grew no faster than its adoption.`
            : `Since ${baseline.period} capabilities went from ${
                baseline.capabilities
              } to ${capsNow} (×${round2(
                capGrowth,
              )}) but adopting teams only from ${
                baseline.adoptingTeams
              } to ${teamsNow} (×${round2(teamGrowth)}).`,
      });
    }
  }

  const ordered = SUBSCORE_IDS.map(id => subscores.find(s => s.id === id)!);
  if (total === 0) {
    // Nothing to be thin or fat about: no number, so that nothing reads as a verdict.
    return {
      score: null,
      subscores: ordered.map(s => ({
        ...s,
        value: null,
        explanation: NO_CAPABILITIES_EXPLANATION,
      })),
    };
  }
  // With capabilities every sub-score above has a value.
  const valueOf = (s: Subscore) => s.value ?? 0;
  const weightSum = ordered.reduce((sum, s) => sum + Math.max(0, s.weight), 0);
  const score =
    weightSum > 0
      ? clamp100(
          ordered.reduce(
            (sum, s) => sum + Math.max(0, s.weight) * valueOf(s),
            0,
          ) / weightSum,
        )
      : clamp100(
          ordered.reduce((sum, s) => sum + valueOf(s), 0) / ordered.length,
        );
  return { score, subscores: ordered };
}
