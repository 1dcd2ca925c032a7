import {
  adoptionShare,
  adoptionTrend,
  AdoptionTrendDirection,
  AdoptionTrendInput,
  productTeams,
  ProductTeamsOptions,
  TeamGroup,
  trendThreshold,
} from './definitions';

const PLATFORM = 'group:default/platform-team';
const CHECKOUT = 'group:default/checkout';
const BILLING = 'group:default/billing';
const MOBILE = 'group:default/mobile';

const group = (ref: string, type: unknown = 'team'): TeamGroup => ({
  ref,
  type,
});

describe('productTeams', () => {
  const options: ProductTeamsOptions = {
    teamTypes: ['team'],
    capabilityOwners: [PLATFORM],
  };

  it.each<{
    name: string;
    groups: TeamGroup[];
    options: ProductTeamsOptions;
    expected: string[];
  }>([
    {
      name: 'groups of a team type, less the owners of capabilities',
      groups: [group(PLATFORM), group(CHECKOUT), group(BILLING)],
      options,
      expected: [BILLING, CHECKOUT],
    },
    {
      name: 'includeCapabilityOwners: the owners count too',
      groups: [group(PLATFORM), group(CHECKOUT)],
      options: { ...options, includeCapabilityOwners: true },
      expected: [CHECKOUT, PLATFORM],
    },
    {
      name: 'other group types (departments, organisations) are no teams',
      groups: [
        group('group:default/northwind', 'organization'),
        group('group:default/engineering', 'department'),
        group(CHECKOUT),
      ],
      options,
      expected: [CHECKOUT],
    },
    {
      name: 'several team types',
      groups: [group(CHECKOUT, 'team'), group(MOBILE, 'squad')],
      options: { ...options, teamTypes: ['team', 'squad'] },
      expected: [CHECKOUT, MOBILE],
    },
    {
      name: 'a group without spec.type, or with one that is not text, is no team',
      groups: [
        { ref: CHECKOUT, type: undefined },
        group(BILLING, 7),
        group(MOBILE),
      ],
      options,
      expected: [MOBILE],
    },
    {
      name: 'types and refs compare case-insensitively; refs come back lower-cased, once, sorted',
      groups: [
        group('Group:Default/Checkout', 'Team'),
        group(CHECKOUT),
        group('group:default/Platform-Team'),
        group(BILLING, 'TEAM'),
      ],
      options: {
        ...options,
        capabilityOwners: ['group:default/PLATFORM-TEAM'],
      },
      expected: [BILLING, CHECKOUT],
    },
    {
      name: 'an owner that is no team changes nothing',
      groups: [group(CHECKOUT)],
      options: { ...options, capabilityOwners: ['user:default/jane'] },
      expected: [CHECKOUT],
    },
    {
      name: 'no groups',
      groups: [],
      options,
      expected: [],
    },
  ])('$name', ({ groups, options: given, expected }) => {
    expect(productTeams(groups, given)).toEqual(expected);
  });
});

describe('adoptionShare', () => {
  it.each<[number, number | null, number | null]>([
    [5, 7, 0.7143],
    [1, 3, 0.3333],
    [2, 3, 0.6667],
    [1, 5, 0.2], // exactly the default adoption floor
    [7, 7, 1],
    [0, 7, 0],
    [3, 0, null], // no product teams: no share, not a division by zero
    [3, null, null], // unknown
    [9, 8, 1.125], // not capped
  ])('adoptionShare(%p, %p) → %p', (adopters, teams, expected) => {
    expect(adoptionShare(adopters, teams)).toBe(expected);
  });
});

describe('trendThreshold', () => {
  it.each<[number | null, number]>([
    [null, 1],
    [0, 1],
    [1, 1],
    [7, 1],
    [10, 1],
    [11, 2],
    [20, 2],
    [30, 3], // 0.1 × 30 would be 3.0000000000000004 and round up to 4
    [31, 4],
    [100, 10],
  ])('trendThreshold(%p) → %p', (teams, expected) => {
    expect(trendThreshold(teams)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('throws a RangeError on %p', teams => {
    expect(() => trendThreshold(teams)).toThrow(RangeError);
  });
});

describe('adoptionTrend', () => {
  const at = (
    adoptersBefore: number,
    adopters: number,
    activeTeamsBefore: number,
    activeTeams: number,
    threshold = 1,
  ): AdoptionTrendInput => ({
    adopters,
    adoptersBefore,
    activeTeams,
    activeTeamsBefore,
    threshold,
  });

  it.each<{
    name: string;
    input: AdoptionTrendInput;
    expected: AdoptionTrendDirection;
  }>([
    { name: 'nothing changed', input: at(3, 3, 2, 2), expected: 'flat' },
    { name: 'never used', input: at(0, 0, 0, 0), expected: 'flat' },
    {
      name: 'one new adopter, exactly at a threshold of 1',
      input: at(3, 4, 2, 2),
      expected: 'growing',
    },
    {
      name: 'one more active team, exactly at a threshold of 1',
      input: at(3, 3, 2, 3),
      expected: 'growing',
    },
    {
      name: 'one active team fewer, exactly at a threshold of 1',
      input: at(3, 3, 2, 1),
      expected: 'shrinking',
    },
    {
      name: 'new adopters exactly at a threshold of 3',
      input: at(10, 13, 8, 8, 3),
      expected: 'growing',
    },
    {
      name: 'new adopters one short of a threshold of 3',
      input: at(10, 12, 8, 8, 3),
      expected: 'flat',
    },
    {
      name: 'active teams up exactly by a threshold of 3',
      input: at(10, 10, 5, 8, 3),
      expected: 'growing',
    },
    {
      name: 'active teams up one short of a threshold of 3',
      input: at(10, 10, 5, 7, 3),
      expected: 'flat',
    },
    {
      name: 'active teams down exactly by a threshold of 3',
      input: at(10, 10, 8, 5, 3),
      expected: 'shrinking',
    },
    {
      name: 'active teams down one short of a threshold of 3',
      input: at(10, 10, 8, 6, 3),
      expected: 'flat',
    },
    {
      name: 'new adopters, but fewer teams use it now: shrinking wins',
      input: at(3, 6, 5, 4),
      expected: 'shrinking',
    },
    {
      name: 'new adopters while active teams fell less than the threshold: growing',
      input: at(10, 13, 8, 6, 3),
      expected: 'growing',
    },
  ])('$name → $expected', ({ input, expected }) => {
    expect(adoptionTrend(input)).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])(
    'throws a RangeError on threshold %p',
    threshold => {
      expect(() => adoptionTrend(at(0, 0, 0, 0, threshold))).toThrow(
        RangeError,
      );
    },
  );
});
