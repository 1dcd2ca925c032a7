import { CompoundEntityRef } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  CapabilityDetail,
  Scorecard,
} from '@platform-product/plugin-thinness-scorecard-common';

/**
 * Thrown by {@link ThinnessScorecardService} when thinness-scorecard is not part of this Backstage: discovery does
 * not know it, nothing answers at its address, or the backend has no route for it (an empty 404). A consumer that
 * can do without the scorecard catches it (`instanceof`) and carries on, saying thinness-scorecard is not
 * installed. It is a `ServiceUnavailableError`, so a route that lets it through answers 503.
 *
 * @public
 */
export class ThinnessScorecardNotInstalledError extends ServiceUnavailableError {}

/**
 * The thinness scorecard for other backend plugins. Calls are made with the calling plugin's own service token.
 * Errors keep the meaning of thinness-scorecard's answer: `InputError` (400), `NotAllowedError` (401, 403),
 * `NotFoundError` (404), `ConflictError` (409), each with thinness-scorecard's message and never a token;
 * {@link ThinnessScorecardNotInstalledError} when thinness-scorecard is not installed; `ServiceUnavailableError`
 * when it does not answer in time.
 *
 * @public
 */
export interface ThinnessScorecardService {
  /**
   * The latest scorecard (`GET /scorecard`): the platform thinness score and sub-scores, and every capability with
   * its verdict, reasons and facts.
   */
  getScorecard(): Promise<Scorecard>;
  /**
   * One capability's row (`GET /capabilities/{kind}/{namespace}/{name}`): its verdict, reasons and facts, its
   * verdict history and its habit-metrics adoption. Undefined when the entity is not a capability; `InputError` for
   * a malformed entity ref.
   */
  getCapability(
    entityRef: string | CompoundEntityRef,
  ): Promise<CapabilityDetail | undefined>;
  /**
   * Recomputes one capability from the catalog now and returns its row
   * (`GET /capabilities/{kind}/{namespace}/{name}?refresh=true`). Undefined when the entity is not a capability.
   */
  refreshCapability(
    entityRef: string | CompoundEntityRef,
  ): Promise<CapabilityDetail | undefined>;
  /** Recomputes the whole scorecard now and returns it (`POST /refresh`). */
  refreshScorecard(): Promise<Scorecard>;
}
