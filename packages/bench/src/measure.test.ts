import { formatMs, percentile, ratio, summarize, table } from './measure';

describe('percentile (nearest rank)', () => {
  const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
  it.each([
    [[], 50, NaN],
    [[7], 95, 7],
    [[1, 2, 3, 4], 50, 2],
    [twenty, 50, 10],
    [twenty, 95, 19], // the second-slowest of 20 runs
    [twenty, 100, 20],
    [twenty, 0, 1],
  ])('of %p at p%p is %p', (sorted, p, expected) => {
    expect(percentile(sorted, p)).toBe(expected);
  });
});

describe('summarize', () => {
  it('sorts the samples itself and rounds to hundredths', () => {
    expect(summarize([3.333, 1, 2])).toEqual({
      runs: 3,
      p50: 2,
      p95: 3.33,
      min: 1,
      max: 3.33,
      mean: 2.11,
    });
  });
});

describe('ratio and formatMs', () => {
  it.each([
    [150, 100, 1.5],
    [1, 3, 0.33],
  ])('%p / %p = %p', (value, floor, expected) => {
    expect(ratio(value, floor)).toBe(expected);
  });
  it.each([
    [9.87, '9.9 ms'],
    [123.4, '123 ms'],
  ])('%p ms reads %p', (value, expected) => {
    expect(formatMs(value)).toBe(expected);
  });
});

describe('table', () => {
  it('left-aligns the first column and right-aligns the others', () => {
    expect(
      table([
        ['endpoint', 'p95'],
        ['golden-path', '9 ms'],
      ]),
    ).toBe('endpoint      p95\ngolden-path  9 ms');
  });
});
