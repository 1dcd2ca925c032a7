import { frequencyWeight, isShared, priorityScore, roundTo } from './scoring';
import { DEFAULT_FREQUENCY_WEIGHTS, FrequencyWeights } from './types';

describe('roundTo', () => {
  it.each([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [-1.005, 2, -1.01],
    [12.096, 2, 12.1],
    [0.1 + 0.2, 2, 0.3],
    [3 / 7, 4, 0.4286],
    [-0.001, 2, 0],
    [16.666666, 0, 17],
    [-12.5, 0, -13],
    [4, 2, 4],
  ])('roundTo(%p, %p) = %p', (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });
});

describe('priorityScore', () => {
  it.each([
    [4, 4.2, 0.72, 12.1],
    [1, 5, 1, 5],
    [0, 5, 1, 0],
    [3, 3.33, 0.6, 5.99],
    [2, 2.5, 0.35, 1.75],
    [7, 4.14, 0.83, 24.05],
  ])(
    '%p teams × mean pain %p × weight %p = %p',
    (teams, meanPain, weight, expected) => {
      expect(priorityScore(teams, meanPain, weight)).toBe(expected);
    },
  );
});

describe('isShared', () => {
  it.each([
    [1, 2, false],
    [2, 2, true],
    [3, 2, true],
    [2, 3, false],
    [3, 3, true],
    [0, 1, false],
  ])('%p teams with a minimum of %p → %p', (teams, minimum, expected) => {
    expect(isShared(teams, minimum)).toBe(expected);
  });
});

describe('frequencyWeight', () => {
  const custom: FrequencyWeights = {
    daily: 2,
    weekly: 1,
    monthly: 0.5,
    rarely: 0,
  };
  it.each([
    ['daily', DEFAULT_FREQUENCY_WEIGHTS, 1],
    ['weekly', DEFAULT_FREQUENCY_WEIGHTS, 0.6],
    ['monthly', DEFAULT_FREQUENCY_WEIGHTS, 0.3],
    ['rarely', DEFAULT_FREQUENCY_WEIGHTS, 0.1],
    ['daily', custom, 2],
    ['rarely', custom, 0],
  ] as const)('%s → %p', (frequency, weights, expected) => {
    expect(frequencyWeight(frequency, weights)).toBe(expected);
  });
});
