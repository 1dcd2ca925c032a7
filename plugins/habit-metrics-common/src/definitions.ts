import { describeValue } from './internal';

// The shared definitions of Platform Product Kit (the README's "Definitions" section quotes them). Every family
// reads these figures from here or from habit-metrics' answers: the scorecard shows habit-metrics' adopters, active
// teams and trend, and counts product teams with productTeams() when habit-metrics is not installed.

/**
 * A Group entity as the product-team definition reads it: its ref and its `spec.type`.
 *
 * @public
 */
export interface TeamGroup {
  /** Entity ref of the Group, e.g. `group:default/checkout` (compared case-insensitively). */
  ref: string;
  /** The Group's `spec.type`; a value that is not a string never matches a team type. */
  type: unknown;
}

/**
 * Options of `productTeams`: which Group types are teams, who owns capabilities, and whether owners count.
 *
 * @public
 */
export interface ProductTeamsOptions {
  /** Group `spec.type`s counted as teams (config `teamTypes`, default `[team]`), compared case-insensitively. */
  teamTypes: readonly string[];
  /** Owners of the platform capabilities (`spec.owner` of the entities annotated as capabilities), as full refs. */
  capabilityOwners: readonly string[];
  /** Count the teams that own capabilities as product teams too (config `includeCapabilityOwners`). Default false. */
  includeCapabilityOwners?: boolean;
}

const lower = (text: string) => text.toLocaleLowerCase('en-US');

/**
 * The product teams: the denominator M of every "N of M product teams", on every page and in every API.
 *
 * ```
 *   teams        = { g : g a Group with lower(spec.type) ∈ lower(teamTypes) }
 *   productTeams = teams − capabilityOwners      (teams, when includeCapabilityOwners is true)
 * ```
 *
 * Refs are compared case-insensitively (as the catalog does) and returned lower-cased, without duplicates, sorted.
 *
 * @public
 */
export function productTeams(
  groups: readonly TeamGroup[],
  options: ProductTeamsOptions,
): string[] {
  const types = new Set(options.teamTypes.map(lower));
  const owners = new Set(
    options.includeCapabilityOwners ? [] : options.capabilityOwners.map(lower),
  );
  const teams = new Set<string>();
  for (const group of groups) {
    if (typeof group.type !== 'string' || !types.has(lower(group.type))) {
      continue;
    }
    const ref = lower(group.ref);
    if (!owners.has(ref)) teams.add(ref);
  }
  return [...teams].sort();
}

/**
 * Weeks of the "active teams" window: a team is active with a capability when it was active in any of the 4 weeks
 * ending with the current one.
 *
 * @public
 */
export const ACTIVE_WINDOW_WEEKS = 4;

/**
 * Weeks the adoption trend looks back: the figures of the current week against those of 12 weeks before.
 *
 * @public
 */
export const TREND_WEEKS = 12;

/**
 * Adopters as a share of the product teams: `adopters / teams` (teams = the number of product teams) rounded to 4
 * decimal places; null when the number of product teams is unknown (null) or 0. Not capped at 1.
 *
 * @public
 */
export function adoptionShare(
  adopters: number,
  teams: number | null,
): number | null {
  if (teams === null || teams <= 0) return null;
  return Math.round((adopters / teams) * 10_000) / 10_000;
}

/**
 * Teams a change over the trend window must reach to count: `max(1, ⌈teams / 10⌉)` with teams the number of product
 * teams (10% of them rounded up, at least one team); 1 when the number of product teams is unknown.
 *
 * @public
 */
export function trendThreshold(teams: number | null): number {
  if (teams === null) return 1;
  if (!Number.isSafeInteger(teams) || teams < 0) {
    throw new RangeError(
      `the number of product teams must be an integer ≥ 0 or null, got ${describeValue(
        teams,
      )}`,
    );
  }
  // Integer arithmetic: ⌈M / 10⌉, never 0.1 × M (0.1 × 30 is 3.0000000000000004 in floating point).
  return Math.max(1, Math.ceil(teams / 10));
}

/**
 * Direction of a capability's adoption over the trend window.
 *
 * @public
 */
export type AdoptionTrendDirection = 'growing' | 'flat' | 'shrinking';

/**
 * What `adoptionTrend` compares: the figures of the current week, those of `TREND_WEEKS` earlier and the threshold.
 *
 * @public
 */
export interface AdoptionTrendInput {
  /** Cumulative adopters in the current week. */
  adopters: number;
  /** Cumulative adopters 12 weeks earlier. */
  adoptersBefore: number;
  /** Teams active in the 4 weeks ending with the current week. */
  activeTeams: number;
  /** Teams active in the 4 weeks ending 12 weeks earlier. */
  activeTeamsBefore: number;
  /** Teams a change must reach to count (`trendThreshold`). */
  threshold: number;
}

/**
 * The adoption trend, from the same weekly series the Habits page draws:
 *
 * ```
 *   Δadopters = adopters − adoptersBefore          (cumulative: never below 0)
 *   Δactive   = activeTeams − activeTeamsBefore
 *   shrinking ⇔ Δactive ≤ −threshold
 *   growing   ⇔ not shrinking and (Δadopters ≥ threshold or Δactive ≥ threshold)
 *   flat      otherwise
 * ```
 *
 * A change exactly at the threshold counts. Fewer teams using it now than 12 weeks ago outweighs new adopters.
 *
 * @public
 */
export function adoptionTrend(
  input: AdoptionTrendInput,
): AdoptionTrendDirection {
  const { threshold } = input;
  if (!Number.isSafeInteger(threshold) || threshold < 1) {
    throw new RangeError(
      `threshold must be an integer ≥ 1, got ${describeValue(threshold)}`,
    );
  }
  const activeChange = input.activeTeams - input.activeTeamsBefore;
  if (activeChange <= -threshold) return 'shrinking';
  if (input.adopters - input.adoptersBefore >= threshold) return 'growing';
  if (activeChange >= threshold) return 'growing';
  return 'flat';
}
