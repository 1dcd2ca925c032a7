import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_SCORE_WEIGHTS,
  DEFAULT_VERDICT_RULES,
} from '@platform-product/plugin-thinness-scorecard-common';
import { DEFAULT_SCHEDULE, readSettings } from './settings';

const read = (thinnessScorecard: unknown) =>
  readSettings(
    mockServices.rootConfig({
      data: thinnessScorecard === undefined ? {} : { thinnessScorecard },
    }),
  );

describe('readSettings', () => {
  it('has defaults', () => {
    expect(read(undefined)).toEqual({
      teamTypes: ['team'],
      includeCapabilityOwners: false,
      capabilityFilter: undefined,
      rules: DEFAULT_VERDICT_RULES,
      weights: DEFAULT_SCORE_WEIGHTS,
      surfacePerTeamTarget: 3,
      schedule: DEFAULT_SCHEDULE,
      demoData: false,
      notifyOverdueReviews: true,
    });
  });

  it('reads every key', () => {
    const settings = read({
      teamTypes: ['team', 'squad'],
      includeCapabilityOwners: true,
      capabilityFilter: { kind: 'system', 'spec.type': ['a', 'b'] },
      rules: { adoptionFloor: 0.1, investAdoption: 0.6, graceDays: 30 },
      weights: { needCoverage: 2, growthBalance: 0 },
      surfacePerTeamTarget: 5,
      schedule: { frequency: { cron: '0 3 * * *' }, timeout: { minutes: 5 } },
      demoData: true,
      notifyOverdueReviews: false,
    });
    expect(settings).toMatchObject({
      teamTypes: ['team', 'squad'],
      includeCapabilityOwners: true,
      capabilityFilter: [{ kind: 'system', 'spec.type': ['a', 'b'] }],
      rules: { adoptionFloor: 0.1, investAdoption: 0.6, graceDays: 30 },
      weights: { ...DEFAULT_SCORE_WEIGHTS, needCoverage: 2, growthBalance: 0 },
      surfacePerTeamTarget: 5,
      schedule: { frequency: { cron: '0 3 * * *' }, timeout: { minutes: 5 } },
      demoData: true,
      notifyOverdueReviews: false,
    });
    expect(
      read({ capabilityFilter: [{ kind: 'system' }, { kind: 'component' }] })
        .capabilityFilter,
    ).toHaveLength(2);
  });

  it.each([
    [
      { rules: { adoptionFloor: 1.5 } },
      /adoptionFloor must be a share between 0 and 1/,
    ],
    [{ rules: { investAdoption: 0.1 } }, /must not be below/],
    [{ rules: { graceDays: -1 } }, /graceDays/],
    [{ rules: { graceDays: 2.5 } }, /graceDays/],
    [{ weights: { adoption: -1 } }, /weights.adoption must be a number ≥ 0/],
    [
      {
        weights: {
          needCoverage: 0,
          adoption: 0,
          commodityInHouse: 0,
          overdueReviews: 0,
          surfacePerTeam: 0,
          growthBalance: 0,
        },
      },
      /at least one weight/,
    ],
    [{ surfacePerTeamTarget: 0 }, /surfacePerTeamTarget/],
    [{ teamTypes: [] }, /teamTypes/],
    [{ capabilityFilter: 'system' }, /capabilityFilter must be an object/],
    [{ capabilityFilter: { kind: 3 } }, /value of kind/],
  ])('rejects %j', (config, message) => {
    expect(() => read(config)).toThrow(message);
  });
});
