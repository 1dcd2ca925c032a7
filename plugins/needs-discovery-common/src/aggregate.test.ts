import { aggregateResponses, ResponseRecord } from './aggregate';
import { DEFAULT_FREQUENCY_WEIGHTS, NeedRatingAnswer, Survey } from './types';

const alpha = 'group:default/alpha';
const beta = 'group:default/beta';
const gamma = 'group:default/gamma';

const survey: Survey = {
  id: 'survey-1',
  title: 'Needs',
  audience: [alpha, beta, gamma],
  anonymityThreshold: 3,
  closesAt: null,
  needs: [
    { id: 'need-a', title: 'A' },
    { id: 'need-b', title: 'B' },
    { id: 'need-c', title: 'C' },
  ],
  questions: [
    { id: 'pain', type: 'need-rating', title: 'Rate' },
    {
      id: 'role',
      type: 'single-choice',
      title: 'Role',
      options: ['x', 'y', 'z'],
    },
    {
      id: 'tools',
      type: 'multi-choice',
      title: 'Tools',
      options: ['t1', 't2', 't3'],
    },
    { id: 'top', type: 'ranking', title: 'Top', max: 2 },
    { id: 'text', type: 'free-text', title: 'Text' },
    { id: 'nps', type: 'nps', title: 'NPS' },
  ],
  status: 'closed',
  wave: 2,
  previousSurveyId: 'survey-0',
  createdBy: 'user:default/owner',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  openedAt: '2026-01-02T00:00:00.000Z',
  closedAt: '2026-02-01T00:00:00.000Z',
  demo: false,
};

/**
 * Four respondents. R2 is in two teams (and spells one ref in capitals), R4 in none; R2 and R4 skip needs.
 *
 * need-a: R1 5/daily, R2 3/weekly, R3 4/monthly → 3 raters, pain 12, weight 1 + 0.6 + 0.3, teams {alpha, beta}
 * need-b: R1 2/weekly, R3 4/daily, R4 1/rarely  → 3 raters, pain 7, weight 0.6 + 1 + 0.1, teams {beta} (R3 only)
 * need-c: nobody
 */
const responses: ResponseRecord[] = [
  {
    teams: [alpha],
    answers: {
      pain: {
        'need-a': { pain: 5, frequency: 'daily' },
        'need-b': { pain: 2, frequency: 'weekly' },
      },
      role: 'x',
      tools: ['t1', 't2'],
      top: ['need-a', 'need-b'],
      text: 'Slow CI',
      nps: 10,
    },
  },
  {
    teams: ['Group:Default/Alpha', beta],
    answers: {
      pain: { 'need-a': { pain: 3, frequency: 'weekly' } },
      role: 'y',
      top: ['need-b'],
      nps: 6,
    },
  },
  {
    teams: [beta],
    answers: {
      pain: {
        'need-a': { pain: 4, frequency: 'monthly' },
        'need-b': { pain: 4, frequency: 'daily' },
      },
      role: 'x',
      tools: ['t2'],
      top: ['need-b', 'need-a'],
      text: 'No docs',
      nps: 8,
    },
  },
  {
    teams: [],
    answers: {
      pain: { 'need-b': { pain: 1, frequency: 'rarely' } },
      nps: 9,
    },
  },
];

const audienceTeams = [
  { teamRef: alpha, members: 10 },
  { teamRef: beta, members: null },
  { teamRef: gamma, members: 4 },
];

describe('aggregateResponses', () => {
  const input = aggregateResponses(survey, responses, {
    weights: DEFAULT_FREQUENCY_WEIGHTS,
    audienceTeams,
    audienceSize: 14,
    previous: {
      surveyId: 'survey-0',
      needs: [{ needId: 'need-a', priorityScore: 3 }],
    },
  });

  it('passes the survey, counts and previous wave through', () => {
    expect(input.survey).toBe(survey);
    expect(input.respondents).toBe(4);
    expect(input.audienceSize).toBe(14);
    expect(input.audienceTeams).toEqual(audienceTeams);
    expect(input.previous).toEqual({
      surveyId: 'survey-0',
      needs: [{ needId: 'need-a', priorityScore: 3 }],
    });
  });

  it.each([
    ['need-a', 3, 12, 1.9, 2],
    ['need-b', 3, 7, 1.7, 1],
    ['need-c', 0, 0, 0, 0],
  ])(
    '%s: %p raters, pain sum %p, weight sum %p, %p teams reporting',
    (needId, respondents, painSum, weightSum, teamsReporting) => {
      const stats = input.needs.find(need => need.needId === needId)!;
      expect(stats).toMatchObject({ respondents, painSum, teamsReporting });
      expect(stats.weightSum).toBeCloseTo(weightSum, 10);
    },
  );

  it('lists every need in survey order', () => {
    expect(input.needs.map(need => need.needId)).toEqual([
      'need-a',
      'need-b',
      'need-c',
    ]);
  });

  it('counts a respondent of two teams in both, and lists audience teams without respondents', () => {
    expect(input.teams).toEqual([
      {
        teamRef: alpha,
        members: 10,
        respondents: 2,
        needs: [
          { needId: 'need-a', respondents: 2, painSum: 8 },
          { needId: 'need-b', respondents: 1, painSum: 2 },
          { needId: 'need-c', respondents: 0, painSum: 0 },
        ],
      },
      {
        teamRef: beta,
        members: null,
        respondents: 2,
        needs: [
          { needId: 'need-a', respondents: 2, painSum: 7 },
          { needId: 'need-b', respondents: 1, painSum: 4 },
          { needId: 'need-c', respondents: 0, painSum: 0 },
        ],
      },
      {
        teamRef: gamma,
        members: 4,
        respondents: 0,
        needs: [
          { needId: 'need-a', respondents: 0, painSum: 0 },
          { needId: 'need-b', respondents: 0, painSum: 0 },
          { needId: 'need-c', respondents: 0, painSum: 0 },
        ],
      },
    ]);
  });

  it.each([
    ['pain', { respondents: 4 }],
    ['role', { respondents: 3, choiceCounts: { x: 2, y: 1, z: 0 } }],
    ['tools', { respondents: 2, choiceCounts: { t1: 1, t2: 2, t3: 0 } }],
    [
      'top',
      {
        respondents: 3,
        ranking: {
          'need-a': { count: 2, positionSum: 3, firstPlace: 1 },
          'need-b': { count: 3, positionSum: 4, firstPlace: 2 },
        },
      },
    ],
    ['text', { respondents: 2, texts: ['Slow CI', 'No docs'] }],
    ['nps', { respondents: 4, npsCounts: [0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1] }],
  ])('question %s', (questionId, expected) => {
    expect(input.questions.find(q => q.questionId === questionId)).toEqual({
      questionId,
      ...expected,
    });
  });

  it('handles a survey without responses or a need-rating question', () => {
    const empty = aggregateResponses(
      { ...survey, questions: [{ id: 'nps', type: 'nps', title: 'NPS' }] },
      [],
      {
        weights: DEFAULT_FREQUENCY_WEIGHTS,
        audienceTeams: [],
        audienceSize: null,
      },
    );
    expect(empty).toMatchObject({
      respondents: 0,
      teams: [],
      previous: null,
      needs: [
        { needId: 'need-a', respondents: 0 },
        { needId: 'need-b', respondents: 0 },
        { needId: 'need-c', respondents: 0 },
      ],
      questions: [
        { questionId: 'nps', respondents: 0, npsCounts: Array(11).fill(0) },
      ],
    });
  });

  it('ignores answers that no longer fit the survey', () => {
    const stale = aggregateResponses(
      survey,
      [
        {
          teams: [alpha],
          answers: {
            // Stored before the survey changed: a removed need and a rating that no longer parses.
            pain: {
              'need-gone': { pain: 5, frequency: 'daily' },
              'need-a': { pain: 9 },
            } as unknown as NeedRatingAnswer,
            role: 'removed option',
            top: ['need-gone'],
            nps: 11,
          },
        },
      ],
      { weights: DEFAULT_FREQUENCY_WEIGHTS, audienceTeams, audienceSize: null },
    );
    expect(stale.needs.every(need => need.respondents === 0)).toBe(true);
    const byId = Object.fromEntries(
      stale.questions.map(q => [q.questionId, q]),
    );
    expect(byId.pain.respondents).toBe(0);
    expect(byId.role).toEqual({
      questionId: 'role',
      respondents: 0,
      choiceCounts: { x: 0, y: 0, z: 0 },
    });
    expect(byId.top).toEqual({
      questionId: 'top',
      respondents: 0,
      ranking: {},
    });
    expect(byId.nps.respondents).toBe(0);
  });

  it('keeps an option named like a prototype key as an ordinary count', () => {
    const result = aggregateResponses(
      {
        ...survey,
        questions: [
          {
            id: 'odd',
            type: 'single-choice',
            title: 'Odd',
            options: ['__proto__', 'constructor'],
          },
        ],
      },
      [
        { teams: [], answers: { odd: '__proto__' } },
        { teams: [], answers: { odd: 'constructor' } },
      ],
      {
        weights: DEFAULT_FREQUENCY_WEIGHTS,
        audienceTeams: [],
        audienceSize: null,
      },
    );
    const counts = result.questions[0].choiceCounts!;
    expect(Object.keys(counts)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(counts, '__proto__')?.value).toBe(1);
    expect(Object.getPrototypeOf(counts)).toBe(Object.prototype);
  });
});
