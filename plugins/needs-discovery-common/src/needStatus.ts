import { NeedStatus, NeedStatusSource } from './types';

/**
 * A platform capability in the catalog that names a need: an entity annotated
 * `platform-product.io/capability: "true"` whose `platform-product.io/need` is the need's id.
 *
 * @public
 */
export interface NeedCapability {
  /** Entity ref of the capability, e.g. `system:default/preview-environments`. */
  entityRef: string;
  /** The entity's `metadata.title`; undefined when it has none. */
  title?: string;
  /** The need id in its `platform-product.io/need` annotation. */
  needId: string;
  /** The entity's `spec.lifecycle`, e.g. `experimental` or `production`; undefined when it has none. */
  lifecycle?: string;
  /** Its `platform-product.io/mvp-review-date` as written (`YYYY-MM-DD`); undefined when it has none. */
  mvpReviewDate?: string;
}

/**
 * A need's status as the registry shows it, with the capability that serves it.
 *
 * @public
 */
export interface NeedStatusDecision {
  /** The need's status. */
  status: NeedStatus;
  /** Entity ref of the capability that serves the need or has it in its MVP; null when none is known. */
  capabilityRef: string | null;
  /** The title of that capability in the catalog, when the catalog gives one. */
  capabilityTitle?: string;
  /** Where the status comes from. */
  source: NeedStatusSource;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  );
}

/**
 * Whether a capability is still in its MVP on the UTC date of `now`: its `spec.lifecycle` is `experimental` (what
 * `mvp:annotate` writes; an MVP whose review is overdue stays in its MVP until someone moves it on), or its
 * `platform-product.io/mvp-review-date` is today or later (the keep-or-kill review has not been held yet). A
 * capability with any other lifecycle (or none) and no review date ahead serves its need. A review date that is not
 * a real `YYYY-MM-DD` date is ignored.
 *
 * @public
 */
export function isCapabilityInMvp(
  capability: Pick<NeedCapability, 'lifecycle' | 'mvpReviewDate'>,
  now: Date,
): boolean {
  if (
    capability.lifecycle?.trim().toLocaleLowerCase('en-US') === 'experimental'
  ) {
    return true;
  }
  const reviewDate = capability.mvpReviewDate?.trim();
  return Boolean(
    reviewDate &&
      isIsoDate(reviewDate) &&
      reviewDate >= now.toISOString().slice(0, 10),
  );
}

const sameRef = (a: string, b: string | null) =>
  b !== null && a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/** The recorded capability when it is one of these, else the first by entity ref. */
function pick(
  candidates: NeedCapability[],
  recordedRef: string | null,
): NeedCapability {
  return (
    candidates.find(c => sameRef(c.entityRef, recordedRef)) ??
    [...candidates].sort((a, b) => a.entityRef.localeCompare(b.entityRef))[0]
  );
}

function fromCatalog(
  status: NeedStatus,
  capability: NeedCapability,
): NeedStatusDecision {
  return {
    status,
    capabilityRef: capability.entityRef,
    ...(capability.title ? { capabilityTitle: capability.title } : {}),
    source: 'catalog',
  };
}

/**
 * A need's status in the registry, from the catalog and what the registry recorded (DESIGN.md, "Shared
 * definitions"), first rule that applies:
 *
 * 1. `declined` when a platform owner declined it: an explicit choice that only they undo.
 * 2. `served` when a capability that names the need (see {@link NeedCapability}) is out of its MVP
 *    ({@link isCapabilityInMvp} is false), with that capability.
 * 3. `in-mvp` when a capability that names the need is in its MVP, with that capability.
 * 4. Otherwise the recorded status: `in-mvp` (or `served`) as `mvp:launch` or a platform owner set it with
 *    `PATCH /needs/{id}` (so a launch shows at once, before the catalog has the new entity), else `open`.
 *
 * When several capabilities fit a rule, the one the registry recorded wins, else the first by entity ref.
 * Capabilities naming other needs are ignored.
 *
 * @public
 */
export function deriveNeedStatus(input: {
  /** The need's id. */
  needId: string;
  /** The status and capability stored in the registry. */
  recorded: { status: NeedStatus; capabilityRef: string | null };
  /** Capabilities in the catalog (those naming other needs are ignored). */
  capabilities: NeedCapability[];
  /** The moment the status is for; its UTC date is compared with review dates. */
  now: Date;
}): NeedStatusDecision {
  const { needId, recorded, now } = input;
  const naming = input.capabilities.filter(c => c.needId === needId);
  const recordedStatus: NeedStatusDecision = {
    status: recorded.status,
    capabilityRef: recorded.capabilityRef,
    source: 'recorded',
  };
  if (recorded.status === 'declined') {
    const named = naming.find(c =>
      sameRef(c.entityRef, recorded.capabilityRef),
    );
    return named?.title
      ? { ...recordedStatus, capabilityTitle: named.title }
      : recordedStatus;
  }
  const serving = naming.filter(c => !isCapabilityInMvp(c, now));
  if (serving.length) {
    return fromCatalog('served', pick(serving, recorded.capabilityRef));
  }
  if (naming.length) {
    return fromCatalog('in-mvp', pick(naming, recorded.capabilityRef));
  }
  return recordedStatus;
}
