import {
  addWeeks,
  isoWeekKey,
  isWeekStart,
  weekRange,
  weeksBetween,
  weekStartOf,
} from './weeks';

describe('weekStartOf', () => {
  it.each([
    [
      'Sunday 23:59:59Z stays in the old week',
      '2026-01-04T23:59:59Z',
      '2025-12-29',
    ],
    [
      'Sunday 23:59:59.999Z stays in the old week',
      '2026-01-04T23:59:59.999Z',
      '2025-12-29',
    ],
    [
      'Monday 00:00:00Z starts the new week',
      '2026-01-05T00:00:00Z',
      '2026-01-05',
    ],
    [
      'Monday 00:00:00.000Z starts the new week',
      '2026-01-05T00:00:00.000Z',
      '2026-01-05',
    ],
    [
      'a positive offset moves Monday 01:00 back to Sunday UTC',
      '2026-01-05T01:00:00+02:00',
      '2025-12-29',
    ],
    [
      'a negative offset moves Sunday 20:00 on to Monday UTC',
      '2026-01-04T20:00:00-05:00',
      '2026-01-05',
    ],
    ['an offset without a colon', '2026-01-05T01:00:00+0200', '2025-12-29'],
    ['an hours-only offset', '2026-01-05T01:00:00+02', '2025-12-29'],
    [
      'microseconds as PostgreSQL writes them',
      '2026-01-05T00:00:00.123456Z',
      '2026-01-05',
    ],
    [
      'a zone-less time is UTC, not local time',
      '2026-01-04T23:30:00',
      '2025-12-29',
    ],
    [
      'a space instead of T, as SQLite writes it',
      '2026-01-05 00:00:00',
      '2026-01-05',
    ],
    ['a lowercase t and z', '2026-01-05t00:00:00z', '2026-01-05'],
    ['a date only', '2026-01-07', '2026-01-05'],
    ['a Sunday date', '2026-01-11', '2026-01-05'],
    ['a leap day', '2024-02-29T12:00:00Z', '2024-02-26'],
    [
      '1 January belonging to the previous ISO year',
      '2021-01-01T00:00:00Z',
      '2020-12-28',
    ],
    ['3 January belonging to week 53', '2021-01-03T23:59:59Z', '2020-12-28'],
    [
      '31 December belonging to the next ISO year',
      '2024-12-31T10:00:00Z',
      '2024-12-30',
    ],
    ['the first week start a WeekStart can hold', '0001-01-01', '0001-01-01'],
    [
      'the last week start a WeekStart can hold',
      '9999-12-31T23:59:59Z',
      '9999-12-27',
    ],
  ])('%s', (_, at, expected) => {
    expect(weekStartOf(at)).toBe(expected);
  });

  it.each([
    ['Sunday', new Date('2026-01-04T23:59:59.999Z'), '2025-12-29'],
    ['Monday', new Date('2026-01-05T00:00:00.000Z'), '2026-01-05'],
  ])('reads a Date on %s', (_, at, expected) => {
    expect(weekStartOf(at)).toBe(expected);
  });

  it.each([
    ['words', 'yesterday'],
    ['an empty string', ''],
    ['a day that does not exist', '2026-02-30'],
    ['29 February in a common year', '2026-02-29T00:00:00Z'],
    ['month 13', '2026-13-01'],
    ['hour 24', '2026-01-05T24:00:00Z'],
    ['minute 60', '2026-01-05T10:60:00Z'],
    ['a leap second', '2026-01-05T23:59:60Z'],
    ['an offset beyond 23 hours', '2026-01-05T10:00:00+25:00'],
    ['single-digit month and day', '2026-1-5'],
    ['year 0', '0000-12-31'],
    ['a five-digit year', '+10000-01-01'],
    ['an RFC 2822 date', 'Mon, 05 Jan 2026 00:00:00 GMT'],
    ['an invalid Date', new Date(Number.NaN)],
    ['a Date beyond year 9999', new Date(Date.UTC(10000, 0, 10))],
    ['a number', 1767571200000 as unknown as string],
  ])('throws a RangeError on %s', (_, at) => {
    expect(() => weekStartOf(at)).toThrow(RangeError);
  });
});

describe('isoWeekKey', () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-01-05', '2026-W02'],
    ['2025-12-29', '2026-W01'], // holds 1 January 2026, a Thursday
    ['2024-12-30', '2025-W01'], // 30 and 31 December belong to the next ISO year
    ['2020-12-28', '2020-W53'], // holds 1 to 3 January 2021
    ['2026-12-28', '2026-W53'], // 2026 starts on a Thursday: 53 weeks
    ['2027-01-04', '2027-W01'],
    ['2015-12-28', '2015-W53'],
    ['2009-12-28', '2009-W53'],
    ['2008-12-29', '2009-W01'],
    ['2024-01-01', '2024-W01'], // 1 January on a Monday
    ['2023-01-02', '2023-W01'], // 1 January 2023 (a Sunday) is in 2022-W52
    ['2022-12-26', '2022-W52'],
    ['0001-01-01', '0001-W01'],
  ])('%s is %s', (week, expected) => {
    expect(isoWeekKey(week)).toBe(expected);
  });

  it('agrees with the ordinal-date formula on every day from 1999 to 2041', () => {
    // ISO 8601: week = ⌊(ordinal − weekday + 10) / 7⌋ with Monday = 1, and weeks 0 and 53 spill into the
    // neighbouring years. Independent of the implementation, which works from the week's Thursday.
    const mismatches: string[] = [];
    for (
      let ms = Date.UTC(1999, 0, 1);
      ms <= Date.UTC(2041, 11, 31);
      ms += 86_400_000
    ) {
      const date = new Date(ms);
      const day = date.toISOString().slice(0, 10);
      const expected = ordinalIsoWeek(date);
      const actual = isoWeekKey(weekStartOf(day));
      if (actual !== expected) {
        mismatches.push(`${day}: ${actual} ≠ ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each(['2026-01-06', '2026-W02', 'nonsense'])(
    'throws a RangeError on %j, which is not a week start',
    week => {
      expect(() => isoWeekKey(week)).toThrow(RangeError);
    },
  );
});

describe('addWeeks', () => {
  it.each([
    ['2026-01-05', 1, '2026-01-12'],
    ['2026-01-05', 0, '2026-01-05'],
    ['2026-01-05', -1, '2025-12-29'],
    ['2026-12-28', 1, '2027-01-04'], // out of week 53
    ['2026-01-05', 52, '2027-01-04'],
    ['2024-02-26', 1, '2024-03-04'], // across a leap day
  ])('%s + %i weeks = %s', (week, weeks, expected) => {
    expect(addWeeks(week, weeks)).toBe(expected);
  });

  it.each([
    ['a week that is not a Monday', '2026-01-06', 1],
    ['a fractional number of weeks', '2026-01-05', 1.5],
    ['NaN weeks', '2026-01-05', Number.NaN],
    ['a result before year 1', '0001-01-01', -1],
  ])('throws a RangeError on %s', (_, week, weeks) => {
    expect(() => addWeeks(week, weeks)).toThrow(RangeError);
  });
});

describe('weeksBetween', () => {
  it.each([
    ['2025-12-29', '2026-01-05', 1],
    ['2026-01-05', '2026-01-05', 0],
    ['2026-01-05', '2025-12-29', -1],
    ['2020-12-21', '2021-01-04', 2], // across week 53
    ['2024-01-01', '2025-01-06', 53],
  ])('from %s to %s is %i', (from, to, expected) => {
    expect(weeksBetween(from, to)).toBe(expected);
  });

  it('throws a RangeError when a bound is not a week start', () => {
    expect(() => weeksBetween('2026-01-05', '2026-01-07')).toThrow(
      'to must be a week start',
    );
  });
});

describe('weekRange', () => {
  it.each([
    [
      'across a year boundary',
      '2025-12-22',
      '2026-01-05',
      ['2025-12-22', '2025-12-29', '2026-01-05'],
    ],
    ['a single week', '2026-01-05', '2026-01-05', ['2026-01-05']],
    ['an empty range when to is before from', '2026-01-12', '2026-01-05', []],
    [
      'week 53',
      '2020-12-21',
      '2021-01-04',
      ['2020-12-21', '2020-12-28', '2021-01-04'],
    ],
  ])('%s', (_, from, to, expected) => {
    expect(weekRange(from, to)).toEqual(expected);
  });

  it('throws a RangeError when a bound is not a week start', () => {
    expect(() => weekRange('2026-01-04', '2026-01-12')).toThrow(
      'from must be a week start (a Monday as YYYY-MM-DD), got "2026-01-04"',
    );
  });
});

describe('isWeekStart', () => {
  it.each([
    ['2026-01-05', true],
    ['2024-12-30', true],
    ['0001-01-01', true],
    ['2026-01-06', false], // a Tuesday
    ['2026-01-04', false], // a Sunday
    ['2026-02-30', false],
    ['2026-1-5', false],
    [' 2026-01-05', false],
    ['2026-01-05T00:00:00Z', false],
    ['2026-W02', false],
    ['', false],
    [20260105, false],
    [null, false],
    [undefined, false],
    [new Date('2026-01-05T00:00:00Z'), false],
  ])('%j → %s', (value, expected) => {
    expect(isWeekStart(value)).toBe(expected);
  });
});

function ordinalIsoWeek(date: Date): string {
  const year = date.getUTCFullYear();
  const ordinal = (date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  const weekday = date.getUTCDay() || 7;
  const week = Math.floor((ordinal - weekday + 10) / 7);
  if (week < 1) {
    return `${year - 1}-W${String(isoWeeksIn(year - 1))}`;
  }
  if (week > isoWeeksIn(year)) {
    return `${year + 1}-W01`;
  }
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** A year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
function isoWeeksIn(year: number): number {
  const firstWeekday = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return firstWeekday === 4 || (isLeap && firstWeekday === 3) ? 53 : 52;
}
