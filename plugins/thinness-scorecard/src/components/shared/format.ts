import { parseEntityRef } from '@backstage/catalog-model';

/** `group:default/platform-team` → `platform-team`; other namespaces stay visible. */
export function refLabel(entityRef: string): string {
  try {
    const ref = parseEntityRef(entityRef);
    return ref.namespace === 'default'
      ? ref.name
      : `${ref.namespace}/${ref.name}`;
  } catch {
    return entityRef;
  }
}

export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) {
    return '–';
  }
  return `${Math.round(ratio * 100)}%`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) {
    return '–';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return date.toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** A calendar day (`YYYY-MM-DD`, UTC) as a short local date, e.g. "3 Mar 2025". */
export function formatDay(day: string | null | undefined): string {
  if (!day) {
    return '–';
  }
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    return day;
  }
  return date.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
