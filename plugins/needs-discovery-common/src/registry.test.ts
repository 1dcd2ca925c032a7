import {
  latestNeedFigures,
  needFiguresIn,
  surveysAskingAbout,
} from './registry';
import {
  DEFAULT_FREQUENCY_WEIGHTS,
  NeedResult,
  Survey,
  SurveyResults,
  SurveyStatus,
} from './types';

const survey = (
  id: string,
  status: SurveyStatus,
  openedAt: string | null,
  needIds: string[] = ['need-a'],
  createdAt = '2026-01-01T00:00:00.000Z',
): Survey => ({
  id,
  title: id,
  audience: [],
  anonymityThreshold: 3,
  closesAt: null,
  needs: needIds.map(n => ({ id: n, title: n })),
  questions: [],
  status,
  wave: 1,
  previousSurveyId: null,
  createdBy: 'user:default/pat',
  createdAt,
  updatedAt: createdAt,
  openedAt,
  closedAt: null,
  demo: false,
});

const needResult = (
  needId: string,
  overrides: Partial<NeedResult> = {},
): NeedResult => ({
  needId,
  title: needId,
  respondents: 5,
  teams: 3,
  meanPain: 4,
  frequencyWeight: 1,
  priorityScore: 12,
  shared: true,
  suppressed: false,
  previous: null,
  ...overrides,
});

const results = (surveyId: string, needs: NeedResult[]): SurveyResults => ({
  surveyId,
  status: 'open',
  anonymityThreshold: 3,
  settings: {
    sharedNeedMinTeams: 2,
    frequencyWeights: DEFAULT_FREQUENCY_WEIGHTS,
    anonymityThreshold: 3,
    reportingPain: 3,
    topNeedsPerTeam: 3,
  },
  respondents: 5,
  audienceSize: 10,
  responseRate: 0.5,
  needs,
  priorityCase: null,
  teams: [],
  suppressedTeams: 0,
  questions: [],
  previousSurveyId: null,
  computedAt: '2026-12-07T00:00:00.000Z',
});

const withheld = {
  suppressed: true,
  priorityScore: null,
  shared: false,
  teams: 0,
};

describe('surveysAskingAbout', () => {
  it('lists the open and closed surveys asking about the need, latest opened first', () => {
    const surveys = [
      survey('old', 'closed', '2026-01-10T00:00:00.000Z'),
      survey('draft', 'draft', null),
      survey('other-need', 'open', '2026-12-01T00:00:00.000Z', ['need-b']),
      survey('new', 'open', '2026-11-01T00:00:00.000Z'),
      survey('same-time-b', 'closed', '2026-06-01T00:00:00.000Z'),
      survey('same-time-a', 'closed', '2026-06-01T00:00:00.000Z'),
      survey(
        'same-time-later-created',
        'closed',
        '2026-06-01T00:00:00.000Z',
        ['need-a'],
        '2026-02-01T00:00:00.000Z',
      ),
    ];
    expect(surveysAskingAbout('need-a', surveys).map(s => s.id)).toEqual([
      'new',
      'same-time-later-created',
      'same-time-b',
      'same-time-a',
      'old',
    ]);
  });
});

describe('needFiguresIn', () => {
  it.each([
    [
      'figures shown',
      needResult('need-a', { priorityScore: 26.61, teams: 7 }),
      { latestSurveyId: 's1', latestScore: 26.61, shared: true, teams: 7 },
    ],
    [
      'figures withheld below k',
      needResult('need-a', withheld),
      { latestSurveyId: 's1', latestScore: null, shared: false, teams: 0 },
    ],
    [
      'a need one team reports',
      needResult('need-a', { shared: false, teams: 1, priorityScore: 4 }),
      { latestSurveyId: 's1', latestScore: 4, shared: false, teams: 1 },
    ],
  ])('%s', (_case, need, expected) => {
    expect(needFiguresIn('need-a', results('s1', [need]))).toEqual(expected);
  });

  it('is undefined when the results do not have the need', () => {
    expect(needFiguresIn('need-z', results('s1', [needResult('need-a')]))).toBe(
      undefined,
    );
  });
});

describe('latestNeedFigures', () => {
  const wave1 = survey('wave-1', 'closed', '2026-03-01T00:00:00.000Z');
  const wave2 = survey('wave-2', 'open', '2026-11-01T00:00:00.000Z');

  it.each<[string, Record<string, NeedResult[]>, string[], object | undefined]>(
    [
      [
        'the latest survey, when its figures are shown',
        {
          'wave-1': [needResult('need-a', { priorityScore: 10 })],
          'wave-2': [needResult('need-a', { priorityScore: 26.61 })],
        },
        ['wave-2'],
        { latestSurveyId: 'wave-2', latestScore: 26.61 },
      ],
      [
        'the previous wave while the latest withholds the need',
        {
          'wave-1': [needResult('need-a', { priorityScore: 10 })],
          'wave-2': [needResult('need-a', withheld)],
        },
        ['wave-2', 'wave-1'],
        { latestSurveyId: 'wave-1', latestScore: 10 },
      ],
      [
        'the latest survey when every survey withholds the need',
        {
          'wave-1': [needResult('need-a', withheld)],
          'wave-2': [needResult('need-a', withheld)],
        },
        ['wave-2', 'wave-1'],
        { latestSurveyId: 'wave-2', latestScore: null, teams: 0 },
      ],
      [
        'a score of 0 is a score',
        {
          'wave-1': [needResult('need-a', { priorityScore: 10 })],
          'wave-2': [needResult('need-a', { priorityScore: 0, teams: 0 })],
        },
        ['wave-2'],
        { latestSurveyId: 'wave-2', latestScore: 0 },
      ],
    ],
  )('takes %s', async (_case, byId, read, expected) => {
    const resultsOf = jest.fn(async (s: Survey) => results(s.id, byId[s.id]));
    await expect(
      latestNeedFigures('need-a', [wave1, wave2], resultsOf),
    ).resolves.toMatchObject(expected!);
    expect(resultsOf.mock.calls.map(([s]) => s.id)).toEqual(read);
  });

  it('is undefined when no survey asks about the need', async () => {
    const resultsOf = jest.fn();
    await expect(
      latestNeedFigures('need-z', [wave1, wave2], resultsOf),
    ).resolves.toBeUndefined();
    expect(resultsOf).not.toHaveBeenCalled();
  });
});
