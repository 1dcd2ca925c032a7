import {
  aggregateResponses,
  NeedStats,
  QuestionStats,
  ResponseRecord,
  ResultsInput,
  TeamStats,
} from './aggregate';
import { buildResults, resultsToCsv, ResultsOptions } from './results';
import {
  DEFAULT_FREQUENCY_WEIGHTS,
  NeedResult,
  Survey,
  SurveyResults,
} from './types';

const K = 5;

const survey: Survey = {
  id: 'survey-2',
  title: 'Developer needs',
  audience: [],
  anonymityThreshold: K,
  closesAt: null,
  needs: [
    { id: 'need-a', title: 'Fast CI' },
    { id: 'need-b', title: 'Reliable deploys' },
    { id: 'need-c', title: 'Findable docs' },
    { id: 'need-d', title: 'Test environments' },
    { id: 'need-e', title: 'Secrets' },
  ],
  questions: [
    { id: 'pain', type: 'need-rating', title: 'Rate' },
    {
      id: 'role',
      type: 'single-choice',
      title: 'Role',
      options: ['Backend', 'Frontend', 'Data'],
    },
    {
      id: 'tools',
      type: 'multi-choice',
      title: 'Tools',
      options: ['CI', 'CD'],
    },
    { id: 'top', type: 'ranking', title: 'Top', max: 3 },
    { id: 'text', type: 'free-text', title: 'Slows you down' },
    { id: 'nps', type: 'nps', title: 'Recommend' },
  ],
  status: 'closed',
  wave: 2,
  previousSurveyId: 'survey-1',
  createdBy: 'user:default/owner',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  openedAt: '2026-01-02T00:00:00.000Z',
  closedAt: '2026-02-01T00:00:00.000Z',
  demo: false,
};

const options: ResultsOptions = {
  sharedNeedMinTeams: 2,
  now: new Date('2026-02-02T10:00:00.000Z'),
};

function need(
  needId: string,
  respondents: number,
  meanPain: number,
  meanWeight: number,
  teamsReporting: number,
): NeedStats {
  return {
    needId,
    respondents,
    painSum: meanPain * respondents,
    weightSum: meanWeight * respondents,
    teamsReporting,
  };
}

function input(overrides: Partial<ResultsInput> = {}): ResultsInput {
  return {
    survey,
    respondents: 20,
    audienceSize: 40,
    audienceTeams: [],
    needs: [],
    teams: [],
    questions: [],
    previous: null,
    ...overrides,
  };
}

function needResult(results: SurveyResults, needId: string): NeedResult {
  return results.needs.find(result => result.needId === needId)!;
}

describe('buildResults: needs', () => {
  it.each([
    [K - 1, true],
    [K, false],
  ])(
    'a need rated by %p respondents is suppressed: %p',
    (raters, suppressed) => {
      const results = buildResults(
        input({ needs: [need('need-a', raters, 4, 0.6, 3)] }),
        options,
      );
      expect(needResult(results, 'need-a')).toEqual({
        needId: 'need-a',
        title: 'Fast CI',
        respondents: raters,
        ...(suppressed
          ? {
              teams: 0,
              meanPain: null,
              frequencyWeight: null,
              priorityScore: null,
              shared: false,
            }
          : {
              teams: 3,
              meanPain: 4,
              frequencyWeight: 0.6,
              priorityScore: 7.2,
              shared: true,
            }),
        suppressed,
        previous: null,
      });
    },
  );

  it('suppresses needs without a statistics row', () => {
    expect(needResult(buildResults(input(), options), 'need-e')).toMatchObject({
      respondents: 0,
      suppressed: true,
      priorityScore: null,
    });
  });

  it.each([
    [2, 1, false],
    [2, 2, true],
    [3, 2, false],
    [3, 3, true],
  ])(
    'with sharedNeedMinTeams %p, a need reported by %p teams is shared: %p',
    (sharedNeedMinTeams, teams, shared) => {
      const results = buildResults(
        input({ needs: [need('need-a', 10, 4, 0.6, teams)] }),
        { ...options, sharedNeedMinTeams },
      );
      expect(needResult(results, 'need-a').shared).toBe(shared);
    },
  );

  it('never calls a suppressed need shared, however many teams report it', () => {
    const results = buildResults(
      input({ needs: [need('need-a', K - 1, 5, 1, 4)] }),
      options,
    );
    expect(needResult(results, 'need-a')).toMatchObject({
      shared: false,
      teams: 0,
    });
    expect(results.priorityCase).toBeNull();
  });

  it('ranks by priority, then teams, mean pain and id, suppressed needs last', () => {
    const results = buildResults(
      input({
        needs: [
          need('need-a', 10, 4, 0.6, 3), // 7.2
          need('need-b', 10, 3, 0.8, 3), // 7.2, lower mean pain than need-a
          need('need-c', 10, 3.6, 0.5, 4), // 7.2, most teams
          need('need-d', K - 1, 5, 1, 9), // suppressed
          need('need-e', 10, 4, 0.6, 3), // exactly like need-a
        ],
      }),
      options,
    );
    expect(results.needs.map(result => result.needId)).toEqual([
      'need-c',
      'need-a',
      'need-e',
      'need-b',
      'need-d',
    ]);
  });

  it('orders suppressed needs by id', () => {
    const results = buildResults(
      input({ needs: [need('need-b', 10, 4, 1, 1)] }),
      options,
    );
    expect(results.needs.map(result => result.needId)).toEqual([
      'need-b',
      'need-a',
      'need-c',
      'need-d',
      'need-e',
    ]);
  });

  it('rounds means to 2 decimals and scores from the rounded means', () => {
    const results = buildResults(
      input({
        needs: [
          {
            needId: 'need-a',
            respondents: 6,
            painSum: 20,
            weightSum: 3.7,
            teamsReporting: 3,
          },
        ],
      }),
      options,
    );
    // 20 / 6 = 3.333…, 3.7 / 6 = 0.61666…; 3 × 3.33 × 0.62 = 6.1938
    expect(needResult(results, 'need-a')).toMatchObject({
      meanPain: 3.33,
      frequencyWeight: 0.62,
      priorityScore: 6.19,
    });
  });
});

describe('buildResults: whole survey below k', () => {
  it.each([
    [K - 1, true],
    [K, false],
  ])(
    'with %p respondents everything is suppressed: %p',
    (respondents, suppressed) => {
      const results = buildResults(
        input({
          respondents,
          audienceTeams: [
            { teamRef: 'group:default/alpha', members: 8 },
            { teamRef: 'group:default/beta', members: 8 },
          ],
          needs: [need('need-a', respondents, 4, 1, 2)],
          teams: [
            {
              teamRef: 'group:default/alpha',
              members: 8,
              respondents,
              needs: [
                { needId: 'need-a', respondents, painSum: 4 * respondents },
              ],
            },
            {
              teamRef: 'group:default/beta',
              members: 8,
              respondents: 0,
              needs: [],
            },
          ],
          questions: [
            {
              questionId: 'nps',
              respondents,
              npsCounts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, respondents],
            },
            {
              questionId: 'text',
              respondents,
              texts: Array(respondents).fill('slow'),
            },
          ],
        }),
        options,
      );
      expect(needResult(results, 'need-a').suppressed).toBe(suppressed);
      expect(
        results.questions.find(q => q.questionId === 'nps')?.suppressed,
      ).toBe(suppressed);
      expect(
        results.questions.find(q => q.questionId === 'text')?.texts,
      ).toEqual(suppressed ? undefined : Array(respondents).fill('slow'));
      expect(results.teams.map(team => team.teamRef)).toEqual(
        suppressed ? [] : ['group:default/alpha'],
      );
      expect(results.suppressedTeams).toBe(suppressed ? 2 : 1);
      expect(results.priorityCase === null).toBe(suppressed);
      expect(results.respondents).toBe(respondents);
    },
  );

  it('suppresses every need, question and team when nobody answered', () => {
    const results = buildResults(
      input({
        respondents: 0,
        audienceTeams: [{ teamRef: 'group:default/alpha', members: 3 }],
      }),
      options,
    );
    expect(results.needs.every(result => result.suppressed)).toBe(true);
    expect(results.questions.every(result => result.suppressed)).toBe(true);
    expect(results.questions.map(result => Object.keys(result).sort())).toEqual(
      survey.questions.map(() => [
        'questionId',
        'respondents',
        'suppressed',
        'title',
        'type',
      ]),
    );
    expect(results.teams).toEqual([]);
    expect(results.suppressedTeams).toBe(1);
  });

  it('never lets a threshold below the minimum weaken anonymity', () => {
    const results = buildResults(
      input({
        survey: { ...survey, anonymityThreshold: 1 },
        respondents: 2,
        needs: [need('need-a', 2, 4, 1, 2)],
      }),
      options,
    );
    expect(results.anonymityThreshold).toBe(3);
    expect(needResult(results, 'need-a').suppressed).toBe(true);
  });
});

describe('buildResults: teams', () => {
  const teamNeeds = [
    { needId: 'need-a', respondents: K, painSum: 4 * K }, // 4
    { needId: 'need-b', respondents: K, painSum: 22 }, // 4.4
    { needId: 'need-c', respondents: K + 1, painSum: 4 * (K + 1) }, // 4, ties need-a
    { needId: 'need-d', respondents: K - 1, painSum: 5 * (K - 1) }, // 5, too few raters
    { needId: 'need-gone', respondents: 9, painSum: 45 }, // not in the survey
  ];
  const teams: TeamStats[] = [
    {
      teamRef: 'group:default/alpha',
      members: 12,
      respondents: K - 1,
      needs: teamNeeds,
    },
    {
      teamRef: 'group:default/beta',
      members: 10,
      respondents: K,
      needs: teamNeeds,
    },
    { teamRef: 'group:default/gamma', members: 4, respondents: 0, needs: [] },
  ];
  const audienceTeams = [
    ...teams.map(({ teamRef, members }) => ({ teamRef, members })),
    { teamRef: 'group:default/delta', members: null },
  ];

  it('shows a team at k and hides one at k − 1 without naming it', () => {
    const results = buildResults(input({ teams, audienceTeams }), options);
    expect(results.teams).toEqual([
      {
        teamRef: 'group:default/beta',
        members: 10,
        respondents: K,
        responseRate: 0.5,
        topNeeds: [
          {
            needId: 'need-b',
            title: 'Reliable deploys',
            respondents: K,
            meanPain: 4.4,
          },
          { needId: 'need-a', title: 'Fast CI', respondents: K, meanPain: 4 },
          {
            needId: 'need-c',
            title: 'Findable docs',
            respondents: K + 1,
            meanPain: 4,
          },
        ],
      },
    ]);
    expect(results.suppressedTeams).toBe(3);
    const everything = JSON.stringify(results) + resultsToCsv(results);
    for (const hidden of ['alpha', 'gamma', 'delta'].map(
      name => `group:default/${name}`,
    )) {
      expect(everything).not.toContain(hidden);
    }
  });

  it.each([
    [1, ['need-b']],
    [2, ['need-b', 'need-a']],
    [0, []],
  ])(
    'lists at most topNeedsPerTeam = %p needs',
    (topNeedsPerTeam, expected) => {
      const results = buildResults(input({ teams, audienceTeams }), {
        ...options,
        topNeedsPerTeam,
      });
      expect(results.teams[0].topNeeds.map(n => n.needId)).toEqual(expected);
    },
  );

  it.each([
    [10, 0.5],
    [7, 0.7143],
    [null, null],
    [0, null],
  ])(
    'a team of %p members has a response rate of %p',
    (members, responseRate) => {
      const results = buildResults(
        input({
          teams: [
            {
              teamRef: 'group:default/beta',
              members,
              respondents: K,
              needs: [],
            },
          ],
        }),
        options,
      );
      expect(results.teams[0].responseRate).toBe(responseRate);
    },
  );

  it('lists visible teams by ref', () => {
    const results = buildResults(
      input({
        teams: [
          'group:default/zulu',
          'group:default/alpha',
          'group:default/mike',
        ].map(teamRef => ({
          teamRef,
          members: null,
          respondents: K,
          needs: [],
        })),
      }),
      options,
    );
    expect(results.teams.map(team => team.teamRef)).toEqual([
      'group:default/alpha',
      'group:default/mike',
      'group:default/zulu',
    ]);
  });
});

describe('buildResults: questions', () => {
  const statsFor = (respondents: number): QuestionStats[] => [
    { questionId: 'pain', respondents },
    {
      questionId: 'role',
      respondents,
      choiceCounts: { Backend: respondents - 2, Data: 2 },
    },
    {
      questionId: 'tools',
      respondents,
      choiceCounts: { CI: respondents, CD: 1 },
    },
    {
      questionId: 'top',
      respondents,
      ranking: {
        'need-a': {
          count: respondents,
          positionSum: respondents,
          firstPlace: respondents,
        },
      },
    },
    {
      questionId: 'text',
      respondents,
      texts: Array.from({ length: respondents }, (_, i) => `text ${i}`),
    },
    {
      questionId: 'nps',
      respondents,
      npsCounts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, respondents],
    },
  ];

  it.each([
    ['pain', []],
    ['role', ['choices']],
    ['tools', ['choices']],
    ['top', ['ranking']],
    ['text', ['texts']],
    ['nps', ['nps']],
  ])(
    'question %s is suppressed at k − 1 and shows %j at k',
    (questionId, figures) => {
      const below = buildResults(
        input({ questions: statsFor(K - 1) }),
        options,
      );
      const at = buildResults(input({ questions: statsFor(K) }), options);
      const belowResult = below.questions.find(
        q => q.questionId === questionId,
      )!;
      const atResult = at.questions.find(q => q.questionId === questionId)!;
      expect(belowResult).toEqual({
        questionId,
        type: expect.any(String),
        title: expect.any(String),
        respondents: K - 1,
        suppressed: true,
      });
      expect(atResult).toMatchObject({ respondents: K, suppressed: false });
      const shownFigures = Object.keys(atResult).filter(
        key => !Object.keys(belowResult).includes(key),
      );
      expect(shownFigures).toEqual(figures);
    },
  );

  it('lists choices in option order, with zero counts', () => {
    const results = buildResults(input({ questions: statsFor(K) }), options);
    expect(
      results.questions.find(q => q.questionId === 'role')?.choices,
    ).toEqual([
      { option: 'Backend', count: K - 2 },
      { option: 'Frontend', count: 0 },
      { option: 'Data', count: 2 },
    ]);
  });

  it.each([
    [
      [0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 2],
      { score: 17, promoters: 3, passives: 1, detractors: 2 },
    ],
    [
      [5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      { score: -100, promoters: 0, passives: 0, detractors: 5 },
    ],
    [
      [0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0],
      { score: 0, promoters: 0, passives: 5, detractors: 0 },
    ],
    [
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 2],
      { score: 100, promoters: 5, passives: 0, detractors: 0 },
    ],
  ])('nps counts %j give %j', (npsCounts, nps) => {
    const respondents = npsCounts.reduce((sum, count) => sum + count, 0);
    const results = buildResults(
      input({ questions: [{ questionId: 'nps', respondents, npsCounts }] }),
      options,
    );
    expect(results.questions.find(q => q.questionId === 'nps')?.nps).toEqual(
      nps,
    );
  });

  it('ranks by Borda points, then mean position, then id', () => {
    const results = buildResults(
      input({
        questions: [
          {
            questionId: 'top',
            respondents: 6,
            ranking: {
              'need-b': { count: 3, positionSum: 6, firstPlace: 0 }, // 3 × 4 − 6 = 6 points, mean 2
              'need-c': { count: 2, positionSum: 2, firstPlace: 2 }, // 6 points, mean 1
              'need-a': { count: 2, positionSum: 2, firstPlace: 2 }, // 6 points, mean 1
              'need-d': { count: 5, positionSum: 10, firstPlace: 1 }, // 10 points, mean 2
              'need-gone': { count: 6, positionSum: 6, firstPlace: 6 }, // not in the survey
            },
          },
        ],
      }),
      options,
    );
    expect(
      results.questions.find(q => q.questionId === 'top')?.ranking,
    ).toEqual([
      {
        needId: 'need-d',
        title: 'Test environments',
        count: 5,
        meanPosition: 2,
        firstPlace: 1,
        points: 10,
      },
      {
        needId: 'need-a',
        title: 'Fast CI',
        count: 2,
        meanPosition: 1,
        firstPlace: 2,
        points: 6,
      },
      {
        needId: 'need-c',
        title: 'Findable docs',
        count: 2,
        meanPosition: 1,
        firstPlace: 2,
        points: 6,
      },
      {
        needId: 'need-b',
        title: 'Reliable deploys',
        count: 3,
        meanPosition: 2,
        firstPlace: 0,
        points: 6,
      },
    ]);
  });

  it('sorts texts by code unit, independent of locale and submission order', () => {
    const texts = ['b', 'ä', 'a', 'C', '<script>alert(1)</script>', 'a'];
    const results = buildResults(
      input({
        questions: [{ questionId: 'text', respondents: texts.length, texts }],
      }),
      options,
    );
    expect(results.questions.find(q => q.questionId === 'text')?.texts).toEqual(
      ['<script>alert(1)</script>', 'C', 'a', 'a', 'b', 'ä'],
    );
  });

  it.each([
    [K - 1, undefined],
    [K, ['1', '2', '3', '4', '5']],
  ])(
    'with %p texts from a question that has k respondents, lists texts %p',
    (count, expected) => {
      const results = buildResults(
        input({
          questions: [
            {
              questionId: 'text',
              respondents: K,
              texts: ['5', '4', '3', '2', '1'].slice(0, count),
            },
          ],
        }),
        options,
      );
      const text = results.questions.find(q => q.questionId === 'text')!;
      expect(text.suppressed).toBe(false);
      expect(text.texts).toEqual(
        expected === undefined ? undefined : expected.slice(0, count).sort(),
      );
    },
  );
});

describe('buildResults: priority case', () => {
  it('is null when no need is shared', () => {
    const results = buildResults(
      input({
        needs: [need('need-a', 10, 5, 1, 1), need('need-b', 10, 4, 1, 1)],
      }),
      options,
    );
    expect(results.needs.some(result => result.shared)).toBe(false);
    expect(results.priorityCase).toBeNull();
  });

  it('explains the lead over the next shared need', () => {
    const results = buildResults(
      input({
        needs: [
          need('need-a', 10, 4.2, 0.72, 4), // 12.096 → 12.10
          need('need-b', 10, 3.5, 0.79, 3), // 8.295 → 8.30
          need('need-c', 10, 5, 1, 1), // 5, not shared
        ],
      }),
      options,
    );
    expect(results.priorityCase).toEqual({
      needId: 'need-a',
      title: 'Fast CI',
      reason:
        'Respondents from 4 teams report it as painful (mean pain 4.2 of 5, frequency weight 0.72), giving the ' +
        'highest priority score, 12.10, 3.80 ahead of "Reliable deploys" at 8.30.',
    });
  });

  it('says when the need is the only shared one, and names the nearest frequency when weights are given', () => {
    const results = buildResults(
      input({
        needs: [need('need-c', 10, 4, 0.72, 3), need('need-a', 10, 5, 1, 1)],
      }),
      { ...options, frequencyWeights: DEFAULT_FREQUENCY_WEIGHTS },
    );
    expect(results.priorityCase).toEqual({
      needId: 'need-c',
      title: 'Findable docs',
      reason:
        'Respondents from 3 teams report it as painful (mean pain 4 of 5, frequency weight 0.72, closest to weekly), ' +
        'giving the highest priority score, 8.64; it is the only need reported by at least 2 teams.',
    });
  });

  it.each([
    [
      need('need-a', 10, 3, 0.5, 4), // 6, more teams
      need('need-b', 10, 4, 0.5, 3), // 6
      'need-a',
      'level with "Reliable deploys"; it ranks first because more teams report it.',
    ],
    [
      need('need-b', 10, 4, 0.5, 3), // 6, higher mean pain
      need('need-a', 10, 2.5, 0.8, 3), // 6, as many teams
      'need-b',
      'level with "Fast CI"; it ranks first because its mean pain is higher.',
    ],
    [
      need('need-a', 10, 3, 1, 2),
      need('need-b', 10, 3, 1, 2),
      'need-a',
      'level with "Reliable deploys"; it comes first by id.',
    ],
  ])('explains a tie (%#)', (first, second, needId, ending) => {
    const results = buildResults(input({ needs: [second, first] }), options);
    expect(results.priorityCase?.needId).toBe(needId);
    expect(results.priorityCase?.reason).toMatch(
      /^Respondents from \d teams report it as painful/,
    );
    expect(results.priorityCase?.reason.endsWith(ending)).toBe(true);
  });
});

describe('buildResults: previous wave', () => {
  const previous = {
    surveyId: 'survey-1',
    needs: [
      { needId: 'need-a', priorityScore: 10 },
      { needId: 'need-b', priorityScore: null },
      { needId: 'need-d', priorityScore: 3 },
      { needId: 'need-e', priorityScore: 10.15 },
    ],
  };
  const needs = [
    need('need-a', 10, 4.2, 0.72, 4), // 12.10
    need('need-b', 10, 4, 0.6, 3), // 7.20
    need('need-c', 10, 4, 0.6, 3), // 7.20
    need('need-d', K - 1, 4, 0.6, 3), // suppressed
    need('need-e', 10, 4, 0.6, 3), // 7.20
  ];

  it.each([
    ['need-a', { surveyId: 'survey-1', priorityScore: 10, delta: 2.1 }],
    ['need-b', { surveyId: 'survey-1', priorityScore: null, delta: null }],
    ['need-c', null],
    ['need-d', { surveyId: 'survey-1', priorityScore: 3, delta: null }],
    ['need-e', { surveyId: 'survey-1', priorityScore: 10.15, delta: -2.95 }],
  ])('%s compares as %j', (needId, expected) => {
    const results = buildResults(input({ needs, previous }), options);
    expect(needResult(results, needId).previous).toEqual(expected);
    expect(results.previousSurveyId).toBe('survey-1');
  });

  it('has no comparison without a previous wave', () => {
    const results = buildResults(
      input({ needs, survey: { ...survey, previousSurveyId: null } }),
      options,
    );
    expect(results.needs.every(result => result.previous === null)).toBe(true);
    expect(results.previousSurveyId).toBeNull();
  });
});

describe('buildResults: survey figures', () => {
  it.each([
    [20, 40, 0.5],
    [3, 7, 0.4286],
    [5, 0, null],
    [5, null, null],
  ])(
    '%p respondents of an audience of %p: response rate %p',
    (respondents, audienceSize, responseRate) => {
      const results = buildResults(
        input({ respondents, audienceSize }),
        options,
      );
      expect(results.responseRate).toBe(responseRate);
      expect(results.audienceSize).toBe(audienceSize);
    },
  );

  it('stamps the survey and the computation time', () => {
    const results = buildResults(input(), options);
    expect(results).toMatchObject({
      surveyId: 'survey-2',
      status: 'closed',
      anonymityThreshold: K,
      respondents: 20,
      computedAt: '2026-02-02T10:00:00.000Z',
    });
    expect(
      Date.parse(buildResults(input(), { sharedNeedMinTeams: 2 }).computedAt),
    ).not.toBeNaN();
  });

  it('carries the settings it was computed with', () => {
    const weights = { daily: 0.9, weekly: 0.5, monthly: 0.2, rarely: 0 };
    expect(
      buildResults(input(), {
        ...options,
        sharedNeedMinTeams: 3,
        frequencyWeights: weights,
        topNeedsPerTeam: 5,
      }).settings,
    ).toEqual({
      sharedNeedMinTeams: 3,
      frequencyWeights: weights,
      anonymityThreshold: K,
      reportingPain: 3,
      topNeedsPerTeam: 5,
    });
    // Defaults, and a threshold below the minimum reported as the k actually applied.
    const lowK = buildResults(
      input({ survey: { ...survey, anonymityThreshold: 1 } }),
      options,
    );
    expect(lowK.settings).toEqual({
      sharedNeedMinTeams: 2,
      frequencyWeights: DEFAULT_FREQUENCY_WEIGHTS,
      anonymityThreshold: 3,
      reportingPain: 3,
      topNeedsPerTeam: 3,
    });
    expect(lowK.anonymityThreshold).toBe(lowK.settings.anonymityThreshold);
  });
});

describe('aggregateResponses + buildResults', () => {
  it('computes results from raw responses end to end', () => {
    const small: Survey = {
      ...survey,
      anonymityThreshold: 3,
      previousSurveyId: null,
    };
    const rate = (pain: number, frequency: 'daily' | 'weekly') => ({
      pain,
      frequency,
    });
    const responses: ResponseRecord[] = [
      {
        teams: ['group:default/alpha'],
        answers: {
          pain: { 'need-a': rate(5, 'daily'), 'need-b': rate(2, 'weekly') },
          text: 'x',
        },
      },
      {
        teams: ['group:default/alpha', 'group:default/beta'],
        answers: { pain: { 'need-a': rate(4, 'weekly') }, text: 'y' },
      },
      {
        teams: ['group:default/beta'],
        answers: {
          pain: { 'need-a': rate(3, 'daily'), 'need-b': rate(5, 'daily') },
        },
      },
      {
        teams: ['group:default/alpha'],
        answers: { pain: { 'need-b': rate(1, 'weekly') }, nps: 9 },
      },
    ];
    const results = buildResults(
      aggregateResponses(small, responses, {
        weights: DEFAULT_FREQUENCY_WEIGHTS,
        audienceTeams: [
          { teamRef: 'group:default/alpha', members: 6 },
          { teamRef: 'group:default/beta', members: 2 },
        ],
        audienceSize: 8,
      }),
      options,
    );
    // need-a: pains 5, 4, 3 → 4; weights 1, 0.6, 1 → 0.87; teams alpha, beta → 2 × 4 × 0.87 = 6.96
    // need-b: pains 2, 5, 1 → 2.67; weights 0.6, 1, 0.6 → 0.73; only beta reports pain ≥ 3
    expect(results.needs.slice(0, 2)).toMatchObject([
      {
        needId: 'need-a',
        respondents: 3,
        teams: 2,
        meanPain: 4,
        frequencyWeight: 0.87,
        priorityScore: 6.96,
        shared: true,
      },
      {
        needId: 'need-b',
        respondents: 3,
        teams: 1,
        meanPain: 2.67,
        frequencyWeight: 0.73,
        priorityScore: 1.95,
        shared: false,
      },
    ]);
    expect(results.priorityCase?.needId).toBe('need-a');
    expect(results.teams).toEqual([
      {
        teamRef: 'group:default/alpha',
        members: 6,
        respondents: 3,
        responseRate: 0.5,
        topNeeds: [],
      },
    ]);
    expect(results.suppressedTeams).toBe(1);
    expect(results.responseRate).toBe(0.5);
    expect(results.questions.find(q => q.questionId === 'text')).toMatchObject({
      respondents: 2,
      suppressed: true,
    });
    expect(JSON.stringify(results)).not.toMatch(/"x"|"y"/);
  });
});

describe('resultsToCsv', () => {
  const results: SurveyResults = {
    surveyId: 'survey-2',
    status: 'closed',
    anonymityThreshold: K,
    settings: {
      sharedNeedMinTeams: 3,
      frequencyWeights: DEFAULT_FREQUENCY_WEIGHTS,
      anonymityThreshold: K,
      reportingPain: 3,
      topNeedsPerTeam: 3,
    },
    respondents: 20,
    audienceSize: 40,
    responseRate: 0.5,
    needs: [
      {
        needId: 'need-a',
        title: 'Fast CI',
        respondents: 10,
        teams: 4,
        meanPain: 4.2,
        frequencyWeight: 0.72,
        priorityScore: 12.1,
        shared: true,
        suppressed: false,
        previous: { surveyId: 'survey-1', priorityScore: 14.6, delta: -2.5 },
      },
      {
        needId: 'need-d',
        title: 'Test environments',
        respondents: 4,
        teams: 0,
        meanPain: null,
        frequencyWeight: null,
        priorityScore: null,
        shared: false,
        suppressed: true,
        previous: null,
      },
    ],
    priorityCase: { needId: 'need-a', title: 'Fast CI', reason: 'Because.' },
    teams: [
      {
        teamRef: 'group:default/beta',
        members: 10,
        respondents: 5,
        responseRate: 0.5,
        topNeeds: [],
      },
      {
        teamRef: 'group:default/gamma',
        members: null,
        respondents: 6,
        responseRate: null,
        topNeeds: [],
      },
    ],
    suppressedTeams: 3,
    questions: [
      {
        questionId: 'text',
        type: 'free-text',
        title: 'Slows you down',
        respondents: 5,
        suppressed: false,
        texts: ['SECRET FREE TEXT'],
      },
    ],
    previousSurveyId: 'survey-1',
    computedAt: '2026-02-02T10:00:00.000Z',
  };

  it('writes needs, then teams and the number of suppressed teams, then the settings', () => {
    expect(resultsToCsv(results)).toBe(
      [
        'need_id,title,respondents,teams,mean_pain,frequency_weight,priority_score,shared,suppressed,previous_priority_score,delta',
        'need-a,Fast CI,10,4,4.2,0.72,12.1,true,false,14.6,-2.5',
        'need-d,Test environments,4,0,,,,false,true,,',
        '',
        'team,members,respondents,response_rate',
        'group:default/beta,10,5,0.5',
        'group:default/gamma,,6,',
        'suppressed teams,3',
        '',
        'setting,value',
        'shared_need_min_teams,3',
        'anonymity_threshold,5',
        'reporting_pain,3',
        'top_needs_per_team,3',
        'frequency_weight_daily,1',
        'frequency_weight_weekly,0.6',
        'frequency_weight_monthly,0.3',
        'frequency_weight_rarely,0.1',
        '',
      ].join('\r\n'),
    );
  });

  it('contains aggregates only, never free text', () => {
    expect(resultsToCsv(results)).not.toContain('SECRET');
  });

  it.each([
    ['Plain title', 'Plain title'],
    ['Deploys, fast', '"Deploys, fast"'],
    ['The "golden" path', '"The ""golden"" path"'],
    ['Two\nlines', '"Two\nlines"'],
    [
      '=HYPERLINK("http://evil.example")',
      `"'=HYPERLINK(""http://evil.example"")"`,
    ],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tindented', "'\tindented"],
    ['\rreturn', `"'\rreturn"`],
    ['=1,2', `"'=1,2"`],
    ['Not = at the start', 'Not = at the start'],
  ])('writes the title %j as %s', (title, cell) => {
    const csv = resultsToCsv({
      ...results,
      needs: [{ ...results.needs[0], title }],
    });
    expect(csv.split('\r\n')[1]).toBe(
      `need-a,${cell},10,4,4.2,0.72,12.1,true,false,14.6,-2.5`,
    );
  });

  it('defuses a team ref that looks like a formula', () => {
    const csv = resultsToCsv({
      ...results,
      teams: [{ ...results.teams[0], teamRef: '=cmd|calc' }],
    });
    expect(csv).toContain("\r\n'=cmd|calc,10,5,0.5\r\n");
  });
});
