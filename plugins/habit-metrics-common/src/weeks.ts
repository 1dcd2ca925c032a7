import {
  describeValue,
  epochDayOf,
  formatWeekIndex,
  MS_PER_DAY,
  mondayOfWeekIndex,
  parseIsoTimestamp,
  parseWeekStart,
  requireWeekIndex,
  weekIndexOfDay,
} from './internal';
import { WeekStart } from './types';

/**
 * The Monday (UTC) starting the ISO week that holds `at`.
 *
 * Strings must be ISO-8601 dates or date-times; a date-time without Z or an offset is read as UTC, never in the
 * server's local zone, so every replica puts an event in the same week.
 *
 * @throws RangeError when `at` is not a valid date or falls outside years 1..9999.
 *
 * @public
 */
export function weekStartOf(at: Date | string): WeekStart {
  return formatWeekIndex(
    weekIndexOfDay(Math.floor(epochMsOf(at) / MS_PER_DAY)),
  );
}

/**
 * The ISO-8601 week key of a week start, e.g. `2026-W48`. The ISO year is the year of the week's Thursday, so
 * 2024-12-30 gives `2025-W01` and 2020-12-28 (which holds 2021-01-03) gives `2020-W53`.
 *
 * @throws RangeError when `week` is not a week start.
 *
 * @public
 */
export function isoWeekKey(week: WeekStart): string {
  const monday = mondayOfWeekIndex(requireWeekIndex(week, 'week'));
  const thursday = monday + 3;
  const isoYear = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const weekNumber =
    Math.floor((thursday - epochDayOf(isoYear, 1, 1)!) / 7) + 1;
  return `${String(isoYear).padStart(4, '0')}-W${String(weekNumber).padStart(
    2,
    '0',
  )}`;
}

/**
 * The week start `weeks` weeks after `week` (before it when negative).
 *
 * @throws RangeError when `week` is not a week start or `weeks` is not an integer.
 *
 * @public
 */
export function addWeeks(week: WeekStart, weeks: number): WeekStart {
  if (!Number.isInteger(weeks)) {
    throw new RangeError(
      `weeks must be an integer, got ${describeValue(weeks)}`,
    );
  }
  return formatWeekIndex(requireWeekIndex(week, 'week') + weeks);
}

/**
 * `to` − `from` in whole weeks: 1 for consecutive weeks, negative when `to` is earlier.
 *
 * @throws RangeError when either is not a week start.
 *
 * @public
 */
export function weeksBetween(from: WeekStart, to: WeekStart): number {
  return requireWeekIndex(to, 'to') - requireWeekIndex(from, 'from');
}

/**
 * Every week start from `from` to `to`, both included; empty when `to` is before `from`.
 *
 * @throws RangeError when either is not a week start.
 *
 * @public
 */
export function weekRange(from: WeekStart, to: WeekStart): WeekStart[] {
  const first = requireWeekIndex(from, 'from');
  const last = requireWeekIndex(to, 'to');
  const weeks: WeekStart[] = [];
  for (let weekIndex = first; weekIndex <= last; weekIndex++) {
    weeks.push(formatWeekIndex(weekIndex));
  }
  return weeks;
}

/**
 * Whether `value` is a week start: a real calendar date written YYYY-MM-DD that is a Monday.
 *
 * @public
 */
export function isWeekStart(value: unknown): value is WeekStart {
  return parseWeekStart(value) !== undefined;
}

function epochMsOf(at: Date | string): number {
  if (at instanceof Date) {
    const epochMs = at.getTime();
    if (Number.isNaN(epochMs)) {
      throw new RangeError('invalid date: the Date object holds no time');
    }
    return epochMs;
  }
  if (typeof at === 'string') {
    const parsed = parseIsoTimestamp(at);
    if (!parsed) {
      throw new RangeError(
        `invalid date ${describeValue(
          at,
        )}: expected an ISO-8601 date or date-time`,
      );
    }
    return parsed.epochMs;
  }
  throw new RangeError(
    `invalid date: expected a Date or an ISO-8601 string, got ${describeValue(
      at,
    )}`,
  );
}
