import { parseEntityRef } from '@backstage/catalog-model';
import {
  addWeeks,
  isoWeekKey,
  WeekStart,
  weekStartOf,
} from '@platform-product/plugin-habit-metrics-common';

/** `2026-11-23` → `2026-W48`; anything that is not a week start is shown as it is. */
export function weekKey(week: WeekStart): string {
  try {
    return isoWeekKey(week);
  } catch {
    return week;
  }
}

/** `2026-11-23` → `W48`, for axis ticks; tooltips use {@link weekKey} with the year. */
export function weekLabel(week: WeekStart): string {
  const key = weekKey(week);
  const index = key.indexOf('-W');
  return index >= 0 ? key.slice(index + 1) : key;
}

/** `system:default/event-streaming` → `event-streaming`; other namespaces stay visible. */
export function refLabel(ref: string | null | undefined): string {
  if (!ref) {
    return 'all';
  }
  try {
    const parsed = parseEntityRef(ref);
    return parsed.namespace === 'default'
      ? parsed.name
      : `${parsed.namespace}/${parsed.name}`;
  } catch {
    return ref;
  }
}

export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) {
    return '–';
  }
  return `${Math.round(ratio * 100)}%`;
}

export function formatNumber(
  value: number | null | undefined,
  fractionDigits = 1,
): string {
  if (value === null || value === undefined) {
    return '–';
  }
  return Number.isInteger(value)
    ? String(value)
    : value.toFixed(fractionDigits);
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Ranges offered by the date range selector, in weeks. */
export const RANGE_WEEKS = [12, 26, 52] as const;
export const DEFAULT_RANGE_WEEKS = 26;

/** The last `weeks` weeks up to today, as the backend's from/to dates. */
export function rangeOfWeeks(
  weeks: number,
  now: Date = new Date(),
): { from: string; to: string } {
  const thisWeek = weekStartOf(now);
  return {
    from: addWeeks(thisWeek, -(weeks - 1)),
    to: now.toISOString().slice(0, 10),
  };
}
