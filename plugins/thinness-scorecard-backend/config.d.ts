import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Settings of the thinness-scorecard plugin (Platform Product Kit). */
  thinnessScorecard?: {
    /**
     * Group `spec.type`s counted as teams when habit-metrics is not installed: the product teams are these Groups,
     * less the owners of capabilities (see includeCapabilityOwners). With habit-metrics installed the scorecard shows
     * habit-metrics' product teams (`habitMetrics.teamTypes`, `habitMetrics.includeCapabilityOwners`) instead.
     * Default ['team'].
     */
    teamTypes?: string[];
    /**
     * Count the owners of capabilities as product teams too, when habit-metrics is not installed. Default false.
     */
    includeCapabilityOwners?: boolean;
    /**
     * Extra catalog filter a capability must match besides `platform-product.io/capability: "true"`, e.g.
     * `{ kind: system }` or `{ spec.type: platform-capability }`. Values are strings or lists of strings (any of).
     * A list of such objects matches any of them.
     */
    capabilityFilter?:
      | { [key: string]: string | string[] }
      | { [key: string]: string | string[] }[];
    /** Thresholds of the verdict rules. */
    rules?: {
      /** Share of product teams (0–1) below which adoption is low. Default 0.2. */
      adoptionFloor?: number;
      /** Share of product teams (0–1) from which a differentiating, needed capability is worth investing in. Default 0.5. */
      investAdoption?: number;
      /** Days an experimental capability has before low adoption counts against it. Default 90. */
      graceDays?: number;
    };
    /** Relative weights of the sub-scores of the platform thinness score (any non-negative numbers). */
    weights?: {
      /** Default 25. */
      needCoverage?: number;
      /** Default 25. */
      adoption?: number;
      /** Default 15. */
      commodityInHouse?: number;
      /** Default 10. */
      overdueReviews?: number;
      /** Default 15. */
      surfacePerTeam?: number;
      /** Default 10. */
      growthBalance?: number;
    };
    /** Catalog entities per adopting team considered lean by the surface sub-score. Default 3. */
    surfacePerTeamTarget?: number;
    /**
     * How often the snapshot task runs (Backstage task schedule). Each run recomputes the scorecard, so its figures
     * follow habit-metrics and the catalog within this period, and snapshots it unless today (UTC) already has a
     * snapshot, so there is one snapshot a day whatever the frequency.
     * Default: every hour, 20 s after start, 15 min timeout.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /**
     * Generate ~12 weeks of demo history (marked as demo) before the first real snapshot. For the example instance
     * only; default false.
     */
    demoData?: boolean;
    /** Notify the owner of a capability once when its MVP review date has passed. Default true. */
    notifyOverdueReviews?: boolean;
  };
}
