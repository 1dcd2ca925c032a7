import { ServiceUnavailableError } from '@backstage/errors';
import {
  NeedStatus,
  RegisteredNeed,
} from '@platform-product/plugin-needs-discovery-common';

/**
 * A change to a need in the needs registry (`PATCH /needs/{id}`): its new status and, optionally, the capability
 * that serves it.
 *
 * @public
 */
export interface NeedUpdate {
  /** The need's new status. */
  status: NeedStatus;
  /** Entity ref of the capability serving the need, e.g. `system:default/event-streaming`; null clears it. */
  capabilityRef?: string | null;
}

/**
 * Thrown by {@link NeedsDiscoveryService} when needs-discovery is not part of this Backstage: discovery does not
 * know it, nothing answers at its address, or the backend has no route for it (an empty 404). A consumer that can
 * do without needs-discovery catches it (`instanceof`) and carries on, saying needs-discovery is not installed. It
 * is a `ServiceUnavailableError`, so a route that lets it through answers 503.
 *
 * @public
 */
export class NeedsDiscoveryNotInstalledError extends ServiceUnavailableError {}

/**
 * The needs registry of needs-discovery, for other backend plugins. Calls are made with the calling plugin's own
 * service token. Errors keep the meaning of needs-discovery's answer: `InputError` (400), `NotAllowedError`
 * (401, 403), `NotFoundError` (404), `ConflictError` (409), each with needs-discovery's message and never a token;
 * {@link NeedsDiscoveryNotInstalledError} when needs-discovery is not installed; `ServiceUnavailableError` when it
 * does not answer in time.
 *
 * @public
 */
export interface NeedsDiscoveryService {
  /**
   * Every need in the registry, with its status, latest priority score, shared flag, reporting teams and serving
   * capability (`GET /needs`).
   */
  listNeeds(): Promise<RegisteredNeed[]>;
  /** One need (`GET /needs/{id}`); undefined when needs-discovery has no need with that id. */
  getNeed(id: string): Promise<RegisteredNeed | undefined>;
  /**
   * Sets a need's status and serving capability (`PATCH /needs/{id}`) and returns the updated need. Throws
   * `NotFoundError` when there is no need with that id.
   */
  updateNeed(id: string, update: NeedUpdate): Promise<RegisteredNeed>;
}
