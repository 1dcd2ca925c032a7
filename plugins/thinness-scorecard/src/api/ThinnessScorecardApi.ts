import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  CapabilityDetail,
  Scorecard,
  ScorecardHistory,
} from '@platform-product/plugin-thinness-scorecard-common';

/**
 * Client for the thinness-scorecard backend. Every method rejects with a `ResponseError`
 * from `@backstage/errors` when the backend answers with an error status.
 *
 * @public
 */
export interface ThinnessScorecardApi {
  /** The latest platform thinness score, its sub-scores and every capability's verdict. */
  getScorecard(): Promise<Scorecard>;
  /** Daily snapshots of the score, oldest first. The backend defaults to 90 days. */
  getHistory(options?: { days?: number }): Promise<ScorecardHistory>;
  /**
   * One capability's score with its verdict history and adoption trend. With `refresh`, the backend
   * recomputes it first (needs the `thinness-scorecard.refresh` permission).
   */
  getCapability(
    entityRef: string | CompoundEntityRef,
    options?: { refresh?: boolean },
  ): Promise<CapabilityDetail>;
  /** Recomputes the scorecard now (needs the `thinness-scorecard.refresh` permission). */
  refresh(): Promise<Scorecard>;
}

/**
 * API reference for {@link ThinnessScorecardApi}.
 *
 * @public
 */
export const thinnessScorecardApiRef = createApiRef<ThinnessScorecardApi>({
  id: 'plugin.thinness-scorecard.api',
});
