/**
 * Types of the thinness-scorecard HTTP contract (`/api/thinness-scorecard`) and of its pure rules.
 *
 * Dates are ISO strings: `YYYY-MM-DD` for calendar days (review dates, snapshot periods) and full ISO timestamps
 * for instants (`computedAt`, `firstSeenAt`).
 */

/**
 * What to do with a capability. See `decideVerdict` for the rules and their precedence.
 *
 * @public
 */
export type Verdict = 'keep' | 'invest' | 'outsource' | 'dispose' | 'review';

/**
 * Every verdict, in precedence order (the first rule that matches wins).
 *
 * @public
 */
export const VERDICTS: readonly Verdict[] = [
  'dispose',
  'outsource',
  'review',
  'invest',
  'keep',
];

/**
 * The `platform-product.io/value-class` annotation; `unknown` when missing or not one of the two values.
 *
 * @public
 */
export type ValueClass = 'differentiating' | 'commodity' | 'unknown';

/**
 * Direction of a capability's adoption over the last 12 weeks: habit-metrics' `figures.trend` (see the README's
 * "Definitions"); `null` when habit-metrics is not installed.
 *
 * @public
 */
export type AdoptionTrend = 'growing' | 'flat' | 'shrinking';

/**
 * Where a capability's adopters come from: `habit-metrics` (its cumulative adopters, when it is installed) or
 * `catalog` (product teams owning an entity that depends on the capability, consumes its APIs or was made from its
 * templates, when habit-metrics is not installed or has no figures for it).
 *
 * @public
 */
export type AdoptionSource = 'habit-metrics' | 'catalog';

/**
 * How far the capability's `platform-product.io/need` annotation is backed by needs-discovery:
 * - `shared`: the need exists in the needs registry and is shared (reported by enough teams),
 * - `not-shared`: the need exists but is not shared,
 * - `not-found`: the annotation names a need the registry does not know,
 * - `unverified`: the capability names a need, but needs-discovery is not installed or did not answer,
 * - `none`: the capability has no need annotation.
 *
 * @public
 */
export type NeedState =
  | 'shared'
  | 'not-shared'
  | 'not-found'
  | 'unverified'
  | 'none';

/**
 * The need behind a capability (`null` in a CapabilityScore when it has no need annotation).
 *
 * @public
 */
export interface CapabilityNeed {
  /** The need id from the annotation. */
  id: string;
  /** True only when needs-discovery confirms the need is shared. */
  shared: boolean;
  /** Distinct teams reporting the need in the latest survey; `null` when unknown. */
  teams: number | null;
  /** How far needs-discovery backs the need (see NeedState). */
  state: Exclude<NeedState, 'none'>;
  /** Title from the needs registry, when found. */
  title?: string;
  /** Registry status (open, in-mvp, served, declined), when found. */
  status?: string;
}

/**
 * The product teams that have adopted a capability: "used by N of M product teams".
 *
 * @public
 */
export interface CapabilityConsumers {
  /** Entity refs of the adopting product teams (sorted). */
  teams: string[];
  /** N: the adopters (`teams.length`); habit-metrics' `figures.adopters` when `source` is `habit-metrics`. */
  count: number;
  /** M: the product teams (habit-metrics' `figures.productTeams` when `source` is `habit-metrics`). */
  productTeams: number;
  /** count / productTeams rounded to 4 decimals; 0 when there are no product teams. */
  share: number;
  /**
   * Product teams active with the capability in the 4 weeks ending with the current one (habit-metrics'
   * `figures.activeTeams`); `null` when the adopters come from the catalog.
   */
  activeTeams: number | null;
  /** Where the adopters come from. */
  source: AdoptionSource;
}

/**
 * Which optional plugins answered while the facts were gathered.
 *
 * @public
 */
export interface FactSources {
  /** Whether needs-discovery answered, so needs could be checked against its registry. */
  needsDiscovery: boolean;
  /** Whether habit-metrics answered, so adopters, active teams and the adoption trend are its figures. */
  habitMetrics: boolean;
}

/**
 * Everything the rules need to know about one capability. Gathered by the backend, judged by `decideVerdict`.
 *
 * @public
 */
export interface CapabilityFacts {
  /** e.g. `system:default/event-streaming`. */
  entityRef: string;
  /** Display title: the entity's `metadata.title`, else its name. */
  title: string;
  /** Owner entity ref, e.g. `group:default/platform-team`; `null` when missing. */
  owner: string | null;
  /** `spec.lifecycle`, e.g. `experimental`, `production`; `null` when missing. */
  lifecycle: string | null;
  /** Whether the capability differentiates the business or is a commodity, from its annotation. */
  valueClass: ValueClass;
  /** The need behind it; `null` when it has no need annotation. */
  need: CapabilityNeed | null;
  /** The product teams that use it and their share of all product teams. */
  consumers: CapabilityConsumers;
  /** Entities that make up the capability: the entity itself, its parts and the APIs they provide. */
  surface: number;
  /** `platform-product.io/mvp-review-date` (YYYY-MM-DD) or `null`. */
  mvpReviewDate: string | null;
  /** When the scorecard first saw this capability (ISO timestamp). */
  firstSeenAt: string;
  /** Direction of its adoption over the last 12 weeks (habit-metrics); `null` when habit-metrics is not installed. */
  adoptionTrend: AdoptionTrend | null;
  /** Which optional plugins answered while these facts were gathered. */
  sources: FactSources;
}

/**
 * One capability in the scorecard: its facts, verdict and the reasons in plain words.
 *
 * @public
 */
export interface CapabilityScore {
  /** Entity ref of the capability, e.g. `system:default/event-streaming`. */
  entityRef: string;
  /** Display title: the entity's `metadata.title`, else its name. */
  title: string;
  /** Owner entity ref; `null` when missing. */
  owner: string | null;
  /** The product teams that use it and their share of all product teams. */
  consumers: CapabilityConsumers;
  /** The need behind it; `null` when it has no need annotation. */
  need: CapabilityNeed | null;
  /** Whether the capability differentiates the business or is a commodity, from its annotation. */
  valueClass: ValueClass;
  /** Entities that make up the capability: the entity itself, its parts and the APIs they provide. */
  surface: number;
  /** What to do with the capability, decided by `decideVerdict`. */
  verdict: Verdict;
  /** Plain sentences with the numbers that led to the verdict, most important first. */
  reasons: string[];
  /** `spec.lifecycle`, e.g. `experimental`, `production`; `null` when missing. */
  lifecycle: string | null;
  /** `platform-product.io/mvp-review-date` (YYYY-MM-DD) or `null`. */
  mvpReviewDate: string | null;
  /** True when `mvpReviewDate` is before today. */
  reviewOverdue: boolean;
  /** Direction of its adoption over the last 12 weeks (habit-metrics); `null` when habit-metrics is not installed. */
  adoptionTrend: AdoptionTrend | null;
  /** When the scorecard first saw this capability (ISO timestamp). */
  firstSeenAt: string;
  /** Which optional plugins answered while its facts were gathered. */
  sources: FactSources;
}

/**
 * Identifiers of the sub-scores of the platform thinness score.
 *
 * @public
 */
export type SubscoreId =
  | 'needCoverage'
  | 'adoption'
  | 'commodityInHouse'
  | 'overdueReviews'
  | 'surfacePerTeam'
  | 'growthBalance';

/**
 * Every sub-score id, in the order the scorecard lists the sub-scores.
 *
 * @public
 */
export const SUBSCORE_IDS: readonly SubscoreId[] = [
  'needCoverage',
  'adoption',
  'commodityInHouse',
  'overdueReviews',
  'surfacePerTeam',
  'growthBalance',
];

/**
 * One number a sub-score was computed from.
 *
 * @public
 */
export interface SubscoreInput {
  /** Stable key, e.g. `capabilities`, `sharedNeed`. */
  id: string;
  /** Human label, e.g. "Capabilities backed by a shared need". */
  label: string;
  /** Number, or a short text such as "no history yet". */
  value: number | string | null;
}

/**
 * A weighted, explained part of the platform thinness score.
 *
 * @public
 */
export interface Subscore {
  /** Which sub-score this is. */
  id: SubscoreId;
  /** Display title, e.g. "Need coverage". */
  title: string;
  /**
   * 0..100, rounded to an integer; higher is thinner (better). `null` when there is nothing to score (no
   * capabilities yet): the explanation then says so.
   */
  value: number | null;
  /** Relative weight from config (the score divides by the sum of weights). */
  weight: number;
  /** The numbers the value was computed from, for the explanation on the scorecard. */
  inputs: SubscoreInput[];
  /** The formula in words, e.g. "100 × shared-need capabilities / capabilities". */
  formula: string;
  /** One sentence explaining the value with its numbers. */
  explanation: string;
}

/**
 * Thresholds of the verdict rules.
 *
 * @public
 */
export interface VerdictRules {
  /** Adoption share below which a capability counts as low adoption (0..1). Default 0.2. */
  adoptionFloor: number;
  /** Adoption share from which a differentiating, needed capability is worth investing in (0..1). Default 0.5. */
  investAdoption: number;
  /** Days a new experimental capability gets before low adoption counts against it. Default 90. */
  graceDays: number;
}

/**
 * Verdict thresholds used when config sets none: adoption floor 20%, invest from 50% adoption, 90 grace days.
 *
 * @public
 */
export const DEFAULT_VERDICT_RULES: VerdictRules = {
  adoptionFloor: 0.2,
  investAdoption: 0.5,
  graceDays: 90,
};

/**
 * Relative weights of the sub-scores.
 *
 * @public
 */
export type ScoreWeights = Record<SubscoreId, number>;

/**
 * Sub-score weights used when config sets none; need coverage and adoption weigh most.
 *
 * @public
 */
export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = {
  needCoverage: 25,
  adoption: 25,
  commodityInHouse: 15,
  overdueReviews: 10,
  surfacePerTeam: 15,
  growthBalance: 10,
};

/**
 * Entities per adopting team considered lean by the surface sub-score.
 *
 * @public
 */
export const DEFAULT_SURFACE_PER_TEAM_TARGET = 3;

/**
 * Why a scorecard has no score: `no-capabilities` while no catalog entity is annotated as a capability.
 *
 * @public
 */
export type NotScoredReason = 'no-capabilities';

/**
 * Set on a scorecard that is not scored: the reason as a code and as a sentence with the next step.
 *
 * @public
 */
export interface NotScored {
  /** Why there is no score, as a code. */
  reason: NotScoredReason;
  /** Why there is no score and what to do next, as a sentence for the page. */
  message: string;
}

/**
 * `GET /scorecard` and `POST /refresh`.
 *
 * @public
 */
export interface Scorecard {
  /**
   * Platform thinness score 0..100 (integer); `null` when the platform is not scored (see `notScored`): with no
   * capabilities there is nothing to be thin or fat about, and a number would read as a verdict.
   */
  score: number | null;
  /** Why `score` is null; `null` when the platform is scored. */
  notScored: NotScored | null;
  /** The weighted parts of the score, with their inputs and explanations. */
  subscores: Subscore[];
  /** Capabilities sorted by verdict precedence, then title. */
  capabilities: CapabilityScore[];
  /** ISO timestamp of the computation. */
  computedAt: string;
  /** Product teams adoption is measured against. */
  productTeams: number;
  /** Distinct product teams using at least one capability. */
  adoptingTeams: number;
  /** Which optional plugins answered while the facts were gathered. */
  sources: FactSources;
  /** The verdict thresholds the capabilities were judged with. */
  rules: VerdictRules;
  /** Number of capabilities per verdict. */
  verdicts: Record<Verdict, number>;
}

/**
 * One day of history (`GET /scorecard/history`). Only scored days are recorded: a day without capabilities has no
 * snapshot.
 *
 * @public
 */
export interface ScorecardHistoryPoint {
  /** Calendar day, YYYY-MM-DD (UTC). */
  period: string;
  /** Platform thinness score that day, 0..100. */
  score: number;
  /** Value of each sub-score that had one that day. */
  subscores: { id: SubscoreId; value: number }[];
  /** Number of capabilities per verdict that day. */
  verdicts: Record<Verdict, number>;
  /** Number of capabilities that day. */
  capabilities: number;
  /** Distinct product teams using at least one capability that day. */
  adoptingTeams: number;
  /** True for generated demo history. */
  demo: boolean;
}

/**
 * `GET /scorecard/history?days=N` (oldest first).
 *
 * @public
 */
export interface ScorecardHistory {
  /** How many days back the history reaches (the `days` query parameter). */
  days: number;
  /** Scored days in the range, oldest first. */
  items: ScorecardHistoryPoint[];
}

/**
 * A capability's verdict on one snapshot day.
 *
 * @public
 */
export interface CapabilityVerdictPoint {
  /** Calendar day of the snapshot, YYYY-MM-DD (UTC). */
  period: string;
  /** The capability's verdict that day. */
  verdict: Verdict;
  /** True for generated demo history. */
  demo: boolean;
}

/**
 * One week of habit-metrics adoption, as habit-metrics reports it.
 *
 * @public
 */
export interface AdoptionWeek {
  /** Week label as habit-metrics gives it (ISO week or start date). */
  week: string;
  /** Teams that used the capability that week. */
  activeTeams: number;
  /** Teams that have used it at least once up to and including that week. */
  cumulativeAdopters: number;
  /** Adopters as a share of the product teams, 0..1 (0 when habit-metrics does not know the number). */
  share: number;
}

/**
 * `GET /capabilities/:kind/:namespace/:name`.
 *
 * @public
 */
export interface CapabilityDetail {
  /** The capability's scorecard entry: facts, verdict and reasons. */
  capability: CapabilityScore;
  /** Verdicts from the daily snapshots, oldest first (last 90 days). */
  verdictHistory: CapabilityVerdictPoint[];
  /** Weekly adoption from habit-metrics; `null` when it is not installed. */
  adoption: { weeks: AdoptionWeek[] } | null;
  /** When `capability` was computed (the last full recompute, or now after `?refresh=true`). */
  computedAt: string;
}
