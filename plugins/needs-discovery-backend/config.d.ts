export interface Config {
  /** Settings of the needs-discovery plugin (Platform Product Kit). */
  needsDiscovery?: {
    /**
     * Key for the HMAC under which respondents are stored, at least 16 characters. Without it a key is generated
     * and kept in the plugin's database; set it in production so the database alone cannot re-identify anyone.
     * Changing it detaches existing responses from their authors (they can no longer edit them).
     * @visibility secret
     */
    respondentKey?: string;
    /** A need is shared when respondents from at least this many distinct teams rate its pain 3 or more. Default 2. */
    sharedNeedMinTeams?: number;
    /** k used when a new survey does not set one; at least 3. Default 5. */
    defaultAnonymityThreshold?: number;
    /** Weights of the frequencies in the priority score. Defaults: daily 1.0, weekly 0.6, monthly 0.3, rarely 0.1. */
    frequencyWeights?: {
      daily?: number;
      weekly?: number;
      monthly?: number;
      rarely?: number;
    };
    /** Days after a survey opens when audience members who have not answered get one reminder. Default 7. */
    reminderAfterDays?: number;
    /** Group `spec.type`s counted as teams when a survey's audience is everyone. Default ['team']. */
    teamTypes?: string[];
    /**
     * Seed a deterministic demo (one closed and one open survey answered by the catalog's users), marked as demo.
     * For the example instance only; default false.
     */
    demoData?: boolean;
    /** The survey YAML the demo is seeded from (example instance: examples/surveys/...). */
    demoSurveyFile?: string;
  };
}
