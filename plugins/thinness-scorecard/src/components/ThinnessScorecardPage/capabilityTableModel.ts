import {
  CapabilityScore,
  NeedState,
  Verdict,
  VERDICTS,
} from '@platform-product/plugin-thinness-scorecard-common';
import { refLabel } from '../shared';

export type SortKey =
  | 'title'
  | 'owner'
  | 'verdict'
  | 'adoption'
  | 'need'
  | 'valueClass'
  | 'surface';

export type SortDirection = 'asc' | 'desc';

/** The owner filter value for capabilities without an owner. */
export const NO_OWNER = '__none__';

export interface CapabilityFilter {
  /** Verdicts to show; empty shows every verdict. */
  verdicts: Verdict[];
  /** Owner entity ref, {@link NO_OWNER}, or empty for every owner. */
  owner: string;
}

const needRank: Record<NeedState, number> = {
  shared: 0,
  'not-shared': 1,
  unverified: 2,
  'not-found': 3,
  none: 4,
};

const valueClassRank = { differentiating: 0, commodity: 1, unknown: 2 };

/** How an owner ref is shown (and sorted): its entity title where the app knows it, else its short ref. */
export type OwnerTitle = (ownerRef: string) => string;

function compareBy(
  key: SortKey,
  a: CapabilityScore,
  b: CapabilityScore,
  ownerTitle: OwnerTitle,
) {
  switch (key) {
    case 'title':
      return a.title.localeCompare(b.title);
    case 'owner':
      // Capabilities without an owner sort last.
      return (a.owner === null ? '\uffff' : ownerTitle(a.owner)).localeCompare(
        b.owner === null ? '\uffff' : ownerTitle(b.owner),
      );
    case 'verdict':
      return VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict);
    case 'adoption':
      return (
        a.consumers.share - b.consumers.share ||
        a.consumers.count - b.consumers.count
      );
    case 'need':
      return (
        needRank[a.need?.state ?? 'none'] - needRank[b.need?.state ?? 'none']
      );
    case 'valueClass':
      return valueClassRank[a.valueClass] - valueClassRank[b.valueClass];
    case 'surface':
    default:
      return a.surface - b.surface;
  }
}

/**
 * Sorted by one column, ties by verdict precedence and then title, so that the order is stable. Owners sort by
 * `ownerTitle` (the name the table shows).
 */
export function sortCapabilities(
  capabilities: readonly CapabilityScore[],
  key: SortKey,
  direction: SortDirection,
  ownerTitle: OwnerTitle = refLabel,
): CapabilityScore[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...capabilities].sort(
    (a, b) =>
      sign * compareBy(key, a, b, ownerTitle) ||
      compareBy('verdict', a, b, ownerTitle) ||
      compareBy('title', a, b, ownerTitle) ||
      a.entityRef.localeCompare(b.entityRef),
  );
}

export function filterCapabilities(
  capabilities: readonly CapabilityScore[],
  filter: CapabilityFilter,
): CapabilityScore[] {
  const owner = filter.owner.toLocaleLowerCase('en-US');
  return capabilities.filter(c => {
    if (filter.verdicts.length > 0 && !filter.verdicts.includes(c.verdict)) {
      return false;
    }
    if (owner === NO_OWNER) {
      return c.owner === null;
    }
    if (owner) {
      return (c.owner ?? '').toLocaleLowerCase('en-US') === owner;
    }
    return true;
  });
}

/** Distinct owners, sorted by `ownerTitle` (the name the owner filter shows). */
export function ownersOf(
  capabilities: readonly CapabilityScore[],
  ownerTitle: OwnerTitle = refLabel,
): string[] {
  const owners = new Map<string, string>();
  for (const c of capabilities) {
    if (c.owner) {
      owners.set(c.owner.toLocaleLowerCase('en-US'), c.owner);
    }
  }
  return [...owners.values()].sort(
    (a, b) => ownerTitle(a).localeCompare(ownerTitle(b)) || a.localeCompare(b),
  );
}

/** The filter a link asked for (`?owner=group:default/platform-team&verdict=dispose`). */
export function filterFromSearch(search: string): CapabilityFilter {
  const query = new URLSearchParams(search);
  return {
    owner: query.get('owner') ?? '',
    verdicts: query
      .getAll('verdict')
      .filter((v): v is Verdict => (VERDICTS as readonly string[]).includes(v)),
  };
}
