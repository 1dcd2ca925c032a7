/**
 * Types of the thinness-scorecard HTTP contract (`/api/thinness-scorecard`) and of its pure rules.
 *
 * Dates are ISO strings: `YYYY-MM-DD` for calendar days (review dates, snapshot periods) and full ISO timestamps
 * for instants (`computedAt`, `firstSeenAt`).
 */

/** What to do with a capability. See `decideVerdict` for the rules and their precedence. */
export type Verdict = 'keep' | 'invest' | 'outsource' | 'dispose' | 'review';

/** Every verdict, in precedence order (the first rule that matches wins). */
export const VERDICTS: readonly Verdict[] = [
  'dispose',
  'outsource',
  'review',
  'invest',
  'keep',
];

/** The `platform-product.io/value-class` annotation; `unknown` when missing or not one of the two values. */
export type ValueClass = 'differentiating' | 'commodity' | 'unknown';

/** Direction of a capability's adoption, from habit-metrics; `null` when habit-metrics is not installed. */
export type AdoptionTrend = 'growing' | 'flat' | 'shrinking';

/**
 * How far the capability's `platform-product.io/need` annotation is backed by needs-discovery:
 * - `shared`: the need exists in the needs registry and is shared (reported by enough teams),
 * - `not-shared`: the need exists but is not shared,
 * - `not-found`: the annotation names a need the registry does not know,
 * - `unverified`: the capability names a need, but needs-discovery is not installed or did not answer,
 * - `none`: the capability has no need annotation.
 */
export type NeedState =
  | 'shared'
  | 'not-shared'
  | 'not-found'
  | 'unverified'
  | 'none';

/** The need behind a capability (`null` in a CapabilityScore when it has no need annotation). */
export interface CapabilityNeed {
  /** The need id from the annotation. */
  id: string;
  /** True only when needs-discovery confirms the need is shared. */
  shared: boolean;
  /** Distinct teams reporting the need in the latest survey; `null` when unknown. */
  teams: number | null;
  state: Exclude<NeedState, 'none'>;
  /** Title from the needs registry, when found. */
  title?: string;
  /** Registry status (open, in-mvp, served, declined), when found. */
  status?: string;
}

/** The teams that use a capability. */
export interface CapabilityConsumers {
  /** Entity refs of consuming product teams (sorted). */
  teams: string[];
  /** `teams.length`, for convenience. */
  count: number;
  /** Number of product teams the share is computed against. */
  productTeams: number;
  /** count / productTeams, 0..1 (0 when there are no product teams). */
  share: number;
  /**
   * How many consumers habit-metrics contributed: the number of teams it reports active over the last 28 days
   * (counted even when it cannot name them). `null` when habit-metrics is not installed.
   */
  activeLast28Days: number | null;
}

/** Which optional plugins answered while the facts were gathered. */
export interface FactSources {
  needsDiscovery: boolean;
  habitMetrics: boolean;
}

/** Everything the rules need to know about one capability. Gathered by the backend, judged by `decideVerdict`. */
export interface CapabilityFacts {
  /** e.g. `system:default/event-streaming`. */
  entityRef: string;
  title: string;
  /** Owner entity ref, e.g. `group:default/platform-team`; `null` when missing. */
  owner: string | null;
  /** `spec.lifecycle`, e.g. `experimental`, `production`; `null` when missing. */
  lifecycle: string | null;
  valueClass: ValueClass;
  /** The need behind it; `null` when it has no need annotation. */
  need: CapabilityNeed | null;
  consumers: CapabilityConsumers;
  /** Entities that make up the capability: the entity itself, its parts and the APIs they provide. */
  surface: number;
  /** `platform-product.io/mvp-review-date` (YYYY-MM-DD) or `null`. */
  mvpReviewDate: string | null;
  /** When the scorecard first saw this capability (ISO timestamp). */
  firstSeenAt: string;
  adoptionTrend: AdoptionTrend | null;
  sources: FactSources;
}

/** One capability in the scorecard: its facts, verdict and the reasons in plain words. */
export interface CapabilityScore {
  entityRef: string;
  title: string;
  owner: string | null;
  consumers: CapabilityConsumers;
  need: CapabilityNeed | null;
  valueClass: ValueClass;
  surface: number;
  verdict: Verdict;
  /** Plain sentences with the numbers that led to the verdict, most important first. */
  reasons: string[];
  lifecycle: string | null;
  mvpReviewDate: string | null;
  /** True when `mvpReviewDate` is before today. */
  reviewOverdue: boolean;
  adoptionTrend: AdoptionTrend | null;
  firstSeenAt: string;
  sources: FactSources;
}

/** Identifiers of the sub-scores of the platform thinness score. */
export type SubscoreId =
  | 'needCoverage'
  | 'adoption'
  | 'commodityInHouse'
  | 'overdueReviews'
  | 'surfacePerTeam'
  | 'growthBalance';

export const SUBSCORE_IDS: readonly SubscoreId[] = [
  'needCoverage',
  'adoption',
  'commodityInHouse',
  'overdueReviews',
  'surfacePerTeam',
  'growthBalance',
];

/** One number a sub-score was computed from. */
export interface SubscoreInput {
  /** Stable key, e.g. `capabilities`, `sharedNeed`. */
  id: string;
  /** Human label, e.g. "Capabilities backed by a shared need". */
  label: string;
  /** Number, or a short text such as "no history yet". */
  value: number | string | null;
}

/** A weighted, explained part of the platform thinness score. */
export interface Subscore {
  id: SubscoreId;
  title: string;
  /** 0..100, rounded to an integer; higher is thinner (better). */
  value: number;
  /** Relative weight from config (the score divides by the sum of weights). */
  weight: number;
  inputs: SubscoreInput[];
  /** The formula in words, e.g. "100 × shared-need capabilities / capabilities". */
  formula: string;
  /** One sentence explaining the value with its numbers. */
  explanation: string;
}

/** Thresholds of the verdict rules. */
export interface VerdictRules {
  /** Adoption share below which a capability counts as low adoption (0..1). Default 0.2. */
  adoptionFloor: number;
  /** Adoption share from which a differentiating, needed capability is worth investing in (0..1). Default 0.5. */
  investAdoption: number;
  /** Days a new experimental capability gets before low adoption counts against it. Default 90. */
  graceDays: number;
}

export const DEFAULT_VERDICT_RULES: VerdictRules = {
  adoptionFloor: 0.2,
  investAdoption: 0.5,
  graceDays: 90,
};

/** Relative weights of the sub-scores. */
export type ScoreWeights = Record<SubscoreId, number>;

export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = {
  needCoverage: 25,
  adoption: 25,
  commodityInHouse: 15,
  overdueReviews: 10,
  surfacePerTeam: 15,
  growthBalance: 10,
};

/** Entities per adopting team considered lean by the surface sub-score. */
export const DEFAULT_SURFACE_PER_TEAM_TARGET = 3;

/** `GET /scorecard` and `POST /refresh`. */
export interface Scorecard {
  /** Platform thinness score 0..100 (integer). */
  score: number;
  subscores: Subscore[];
  /** Capabilities sorted by verdict precedence, then title. */
  capabilities: CapabilityScore[];
  /** ISO timestamp of the computation. */
  computedAt: string;
  /** Product teams adoption is measured against. */
  productTeams: number;
  /** Distinct product teams using at least one capability. */
  adoptingTeams: number;
  sources: FactSources;
  rules: VerdictRules;
  /** Number of capabilities per verdict. */
  verdicts: Record<Verdict, number>;
}

/** One day of history (`GET /scorecard/history`). */
export interface ScorecardHistoryPoint {
  /** Calendar day, YYYY-MM-DD (UTC). */
  period: string;
  score: number;
  subscores: { id: SubscoreId; value: number }[];
  verdicts: Record<Verdict, number>;
  /** Number of capabilities that day. */
  capabilities: number;
  /** Distinct product teams using at least one capability that day. */
  adoptingTeams: number;
  /** True for generated demo history. */
  demo: boolean;
}

/** `GET /scorecard/history?days=N` (oldest first). */
export interface ScorecardHistory {
  days: number;
  items: ScorecardHistoryPoint[];
}

/** A capability's verdict on one snapshot day. */
export interface CapabilityVerdictPoint {
  period: string;
  verdict: Verdict;
  demo: boolean;
}

/** One week of habit-metrics adoption, as habit-metrics reports it. */
export interface AdoptionWeek {
  /** Week label as habit-metrics gives it (ISO week or start date). */
  week: string;
  activeTeams: number;
  cumulativeAdopters: number;
  share: number;
}

/** `GET /capabilities/:kind/:namespace/:name`. */
export interface CapabilityDetail {
  capability: CapabilityScore;
  /** Verdicts from the daily snapshots, oldest first (last 90 days). */
  verdictHistory: CapabilityVerdictPoint[];
  /** Weekly adoption from habit-metrics; `null` when it is not installed. */
  adoption: { weeks: AdoptionWeek[] } | null;
  /** When `capability` was computed (the last full recompute, or now after `?refresh=true`). */
  computedAt: string;
}
