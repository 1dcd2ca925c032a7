export interface Config {
  /** Settings of the Platform Product Kit example instance. */
  platformProduct?: {
    /** Example only: where `platform-product:publish:local` writes scaffolded results. */
    examplePublish?: {
      /** Folder for published results, relative to the backend's working directory. Default `../../.data/published`. */
      directory?: string;
    };
    permission?: {
      /**
       * Group entity refs whose members manage the platform product: they may create and run surveys, read
       * results, refresh the scorecard and change needs. Everyone else may read and respond.
       * Defaults to `group:default/platform-team`.
       */
      managerGroups?: string[];
    };
  };
}
