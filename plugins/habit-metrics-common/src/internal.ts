// Helpers shared by the modules of this package; not exported from the package entry point.

export const MS_PER_DAY = 86_400_000;

/** 1970-01-01, day 0 of the epoch, was a Thursday: the Monday starting its ISO week is day -3. */
const EPOCH_WEEKDAY_OFFSET = 3;

/** WeekStart keeps a four-digit year; 0001-01-01 happens to be a Monday, so week starts span years 1 to 9999. */
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/** Days since 1970-01-01 of a calendar date, or undefined when the date does not exist (2026-02-30). */
export function epochDayOf(
  year: number,
  month: number,
  day: number,
): number | undefined {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) {
    return undefined;
  }
  // setUTCFullYear rather than Date.UTC, which reads years 0..99 as 1900..1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.getTime() / MS_PER_DAY;
}

/** Index of the ISO week holding an epoch day; week 0 starts on Monday 1969-12-29. */
export function weekIndexOfDay(epochDay: number): number {
  return Math.floor((epochDay + EPOCH_WEEKDAY_OFFSET) / 7);
}

export function mondayOfWeekIndex(weekIndex: number): number {
  return weekIndex * 7 - EPOCH_WEEKDAY_OFFSET;
}

export function formatEpochDay(epochDay: number): string {
  const date = new Date(epochDay * MS_PER_DAY);
  const year = date.getUTCFullYear();
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    throw new RangeError(
      `week is outside the years ${MIN_YEAR} to ${MAX_YEAR} that a WeekStart can hold`,
    );
  }
  return date.toISOString().slice(0, 10);
}

/** The WeekStart of a week index; RangeError outside years 1..9999. */
export function formatWeekIndex(weekIndex: number): string {
  return formatEpochDay(mondayOfWeekIndex(weekIndex));
}

/** Week index of a valid WeekStart (a Monday as YYYY-MM-DD), or undefined for anything else. */
export function parseWeekStart(value: unknown): number | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const match = DATE_ONLY.exec(value);
  if (!match) {
    return undefined;
  }
  const epochDay = epochDayOf(
    Number(match[1]),
    Number(match[2]),
    Number(match[3]),
  );
  if (epochDay === undefined) {
    return undefined;
  }
  const weekIndex = weekIndexOfDay(epochDay);
  return mondayOfWeekIndex(weekIndex) === epochDay ? weekIndex : undefined;
}

/** Week index of a WeekStart; RangeError naming `what` when it is not one, because metrics would silently misalign. */
export function requireWeekIndex(value: unknown, what: string): number {
  const weekIndex = parseWeekStart(value);
  if (weekIndex === undefined) {
    throw new RangeError(
      `${what} must be a week start (a Monday as YYYY-MM-DD), got ${describeValue(
        value,
      )}`,
    );
  }
  return weekIndex;
}

export interface ParsedTimestamp {
  /** Milliseconds since the epoch. */
  epochMs: number;
  hasTime: boolean;
  /** Whether the text gave Z or an offset; without one the time is read as UTC. */
  hasZone: boolean;
}

/**
 * Reads an ISO-8601 date (`2026-01-05`) or date-time (`2026-01-05T09:30:00.123Z`, `+02:00`, `+0200`, a space for
 * the T as SQLite writes it). Strict on purpose: `Date.parse` accepts 2026-02-30 and reads zone-less date-times in
 * the server's local time zone, either of which would move activity into the wrong week.
 */
export function parseIsoTimestamp(text: string): ParsedTimestamp | undefined {
  const match = ISO_TIMESTAMP.exec(text);
  if (!match) {
    return undefined;
  }
  const [
    ,
    year,
    month,
    day,
    hour = '00',
    minute = '00',
    second = '00',
    fraction = '',
    zulu,
    offsetSign,
    offsetHours = '00',
    offsetMinutes = '00',
  ] = match;
  const epochDay = epochDayOf(Number(year), Number(month), Number(day));
  if (
    epochDay === undefined ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59 ||
    Number(offsetHours) > 23 ||
    Number(offsetMinutes) > 59
  ) {
    return undefined;
  }
  const offsetMs =
    (offsetSign === '-' ? -1 : 1) *
    (Number(offsetHours) * 60 + Number(offsetMinutes)) *
    60_000;
  const epochMs =
    epochDay * MS_PER_DAY +
    ((Number(hour) * 60 + Number(minute)) * 60 + Number(second)) * 1000 +
    Number(fraction.padEnd(3, '0').slice(0, 3)) -
    offsetMs;
  return {
    epochMs,
    hasTime: match[4] !== undefined,
    hasZone: zulu !== undefined || offsetSign !== undefined,
  };
}

/** Orders text by UTF-16 code units: the same everywhere, unlike localeCompare, so outputs are reproducible. */
export function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** Like compareText, with null before any text (as PostgreSQL's NULLS FIRST). */
export function compareNullableText(a: string | null, b: string | null) {
  if (a === null || b === null) {
    return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  }
  return compareText(a, b);
}

export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** A short description of a value for error messages; long strings are cut so a payload is never echoed whole. */
export function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'string') {
    return JSON.stringify(
      value.length > 40 ? `${Array.from(value).slice(0, 40).join('')}…` : value,
    );
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (value instanceof Date) {
    return 'a Date';
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
