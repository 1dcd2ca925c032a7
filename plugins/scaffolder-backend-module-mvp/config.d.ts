export interface Config {
  /** Limits of the MVP-scoped scaffolder actions (Platform Product Kit, `mvp:*`). */
  mvp?: {
    /**
     * Most features an MVP may start with. `mvp:scope` fails above it (or defers the rest with `onOverflow: defer`).
     * A positive integer; default 3.
     */
    maxFeatures?: number;
    /** Longest time-box of an MVP, in weeks; `timeboxWeeks` must be 1 to this. A positive integer; default 8. */
    maxTimeboxWeeks?: number;
    /**
     * Whether `mvp:scope` only accepts needs that needs-discovery marks as shared by several teams. Default true;
     * set false to let a platform team start an MVP for a need that only one team reported.
     */
    requireSharedNeed?: boolean;
  };
}
