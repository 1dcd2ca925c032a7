export interface Config {
  /** Settings of the habit-metrics plugin (Platform Product Kit). */
  habitMetrics?: {
    /**
     * Group `spec.type`s counted as teams. The product teams — the denominator M of every "N of M product teams" and
     * the only teams whose activity adoption, retention, stickiness and time to habit count — are these Groups, less
     * the owners of capabilities (see includeCapabilityOwners). Default ['team'].
     */
    teamTypes?: string[];
    /**
     * Count the Groups that own platform capabilities (`spec.owner` of the entities annotated
     * `platform-product.io/capability`) as product teams too. Default false: the platform team builds the
     * capabilities, so its own use is not adoption. The scorecard shows these product teams when habit-metrics is
     * installed.
     */
    includeCapabilityOwners?: boolean;
    /**
     * A team reverts when it does something the old way right after at least this many consecutive new-way weeks.
     * Default 3.
     */
    reversionStreakWeeks?: number;
    /** Consecutive active weeks after which a team is said to have made a capability a habit. Default 4. */
    habitWeeks?: number;
    /** Where activity is read from. Each source is optional, incremental and restart-safe. */
    ingestion?: {
      /** Template runs from the scaffolder's task list (`/api/scaffolder/v2/tasks`). */
      scaffolder?: {
        /** Read the scaffolder's task history. Default true; skipped quietly when the scaffolder is not installed. */
        enabled?: boolean;
        /** Minutes between two reads of new tasks. Default 5. */
        frequencyMinutes?: number;
      };
      /** Components appearing in the catalog, made on a golden path (`backstage.io/source-template`) or by hand. */
      catalog?: {
        /** Scan the catalog's Components. Default true. The first complete scan is a baseline, not new components. */
        enabled?: boolean;
        /** Minutes between two scans. Default 30. */
        frequencyMinutes?: number;
      };
    };
    /**
     * Seed about 26 weeks of plausible, deterministic history for the catalog's teams and capabilities, ending with
     * the current week, so every chart of the example instance means something at once. Demo rows have source `demo`
     * and keys `demo:…`; they are written once (retried every 20 s until the catalog has teams and capabilities).
     * Default false; never turn it on in production.
     */
    demoData?: boolean;
  };
}
