import { mockServices } from '@backstage/backend-test-utils';
import { readSettings } from './settings';

const read = (habitMetrics?: object) =>
  readSettings(
    mockServices.rootConfig({ data: habitMetrics ? { habitMetrics } : {} }),
  );

describe('readSettings', () => {
  it('has defaults for everything', () => {
    expect(read()).toEqual({
      teamTypes: ['team'],
      includeCapabilityOwners: false,
      reversionStreakWeeks: 3,
      habitWeeks: 4,
      ingestion: {
        scaffolder: { enabled: true, frequencyMinutes: 5 },
        catalog: { enabled: true, frequencyMinutes: 30 },
      },
      demoData: false,
    });
  });

  it('reads every key', () => {
    expect(
      read({
        teamTypes: ['team', 'squad'],
        includeCapabilityOwners: true,
        reversionStreakWeeks: 2,
        habitWeeks: 6,
        ingestion: {
          scaffolder: { enabled: false, frequencyMinutes: 10 },
          catalog: { frequencyMinutes: 120 },
        },
        demoData: true,
      }),
    ).toEqual({
      teamTypes: ['team', 'squad'],
      includeCapabilityOwners: true,
      reversionStreakWeeks: 2,
      habitWeeks: 6,
      ingestion: {
        scaffolder: { enabled: false, frequencyMinutes: 10 },
        catalog: { enabled: true, frequencyMinutes: 120 },
      },
      demoData: true,
    });
  });

  it.each([
    [{ teamTypes: [] }, /teamTypes/],
    [
      { reversionStreakWeeks: 0 },
      /reversionStreakWeeks must be an integer from 1 to 52/,
    ],
    [{ habitWeeks: 2.5 }, /habitWeeks/],
    [
      { ingestion: { catalog: { frequencyMinutes: 0 } } },
      /ingestion\.catalog\.frequencyMinutes/,
    ],
  ])('refuses %j', (config, message) => {
    expect(() => read(config)).toThrow(message);
  });
});
