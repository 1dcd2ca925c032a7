import fs from 'fs';
import path from 'path';
import { corpusSurvey, malformedAnswerBodies } from './testing';
import {
  isValidId,
  normalizeGroupRef,
  parseSurveyYaml,
  validateAnswers,
  validateSurveyDefinition,
} from './validation';

/** A valid definition with one question of every type; tests change one thing at a time. */
function definition(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Developer needs',
    audience: [],
    anonymityThreshold: 5,
    needs: [
      { id: 'need-ci', title: 'Fast CI' },
      { id: 'need-deploys', title: 'Reliable deploys' },
      { id: 'need-docs', title: 'Findable docs' },
    ],
    questions: [
      { id: 'pain', type: 'need-rating', title: 'Rate these' },
      { id: 'top', type: 'ranking', title: 'Fix first', max: 2 },
      {
        id: 'role',
        type: 'single-choice',
        title: 'Role',
        options: ['Backend', 'Frontend'],
      },
      {
        id: 'team-size',
        type: 'multi-choice',
        title: 'Tools',
        options: ['CI', 'CD', 'Logs'],
        maxSelections: 2,
      },
      { id: 'slow', type: 'free-text', title: 'What slows you down?' },
      { id: 'nps', type: 'nps', title: 'Recommend?' },
    ],
    ...overrides,
  };
}

/** definition() with question `index` changed. */
function withQuestion(index: number, changes: Record<string, unknown>) {
  const base = definition();
  const questions: Record<string, unknown>[] = base.questions.map(q => ({
    ...q,
  }));
  questions[index] = { ...questions[index], ...changes };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) {
      delete questions[index][key];
    }
  }
  return { ...base, questions };
}

/** definition() with need `index` changed. */
function withNeed(index: number, changes: Record<string, unknown>) {
  const base = definition();
  const needs: Record<string, unknown>[] = base.needs.map(n => ({ ...n }));
  needs[index] = { ...needs[index], ...changes };
  return { ...base, needs };
}

describe('validateSurveyDefinition', () => {
  it.each<[string, unknown]>([
    ['one of every question type', definition()],
    [
      'a survey without needs and no need questions',
      {
        title: 'Pulse',
        questions: [{ id: 'nps', type: 'nps', title: 'Recommend?' }],
      },
    ],
    ['explicitly empty needs', withQuestion(0, { type: 'nps' })],
    ['the minimum threshold', definition({ anonymityThreshold: 3 })],
    ['the maximum threshold', definition({ anonymityThreshold: 1000 })],
    ['closesAt as a date', definition({ closesAt: '2026-05-31' })],
    [
      'closesAt as a UTC date-time',
      definition({ closesAt: '2026-05-31T17:00:00.000Z' }),
    ],
    [
      'closesAt with an offset',
      definition({ closesAt: '2026-05-31T17:00:00+02:00' }),
    ],
    ['closesAt on a leap day', definition({ closesAt: '2028-02-29' })],
    ['closesAt null', definition({ closesAt: null })],
    ['a description', definition({ description: 'Why we ask' })],
    [
      'audience with full and shorthand refs',
      definition({ audience: ['group:default/checkout', 'group:search'] }),
    ],
    [
      // The catalog's name rules: dots and underscores in names, a DNS label as the namespace.
      'audience with dots and underscores in names',
      definition({ audience: ['group:ns-a/team_b.x'] }),
    ],
    [
      '100 needs',
      definition({
        needs: Array.from({ length: 100 }, (_, i) => ({
          id: `need-${i}`,
          title: `Need ${i}`,
        })),
      }),
    ],
    [
      '50 questions',
      definition({
        questions: Array.from({ length: 50 }, (_, i) => ({
          id: `q${i}`,
          type: 'nps',
          title: `Question ${i}`,
        })),
      }),
    ],
    ['ranking all needs', withQuestion(1, { max: 3 })],
    [
      'multi-choice with maxSelections = options',
      withQuestion(3, { maxSelections: 3 }),
    ],
    [
      'multi-choice without maxSelections',
      withQuestion(3, { maxSelections: undefined }),
    ],
    [
      '50 options',
      withQuestion(2, {
        options: Array.from({ length: 50 }, (_, i) => `Option ${i}`),
      }),
    ],
    ['free text of 10000', withQuestion(4, { maxLength: 10000 })],
    ['a need proposal question', withQuestion(4, { proposesNeed: true })],
    ['a required question', withQuestion(2, { required: true })],
    ['a question description', withQuestion(2, { description: 'Pick one' })],
    [
      'a need description',
      withNeed(0, { description: 'Builds take 40 minutes' }),
    ],
    ['an id of exactly 100 characters', withNeed(0, { id: 'a'.repeat(100) })],
    [
      'a title of exactly 200 characters',
      definition({ title: 'x'.repeat(200) }),
    ],
  ])('accepts %s', (_name, input) => {
    const result = validateSurveyDefinition(input);
    expect(result.errors).toEqual([]);
    expect(result.value).toBeDefined();
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'a survey must be an object, got null'],
    ['an array', [definition()], 'a survey must be an object, got an array'],
    ['a YAML string', 'title: x', 'a survey must be an object, got "title: x"'],
    [
      'a misspelt top-level key',
      definition({ titel: 'x' }),
      'unknown top-level key "titel" (did you mean "title"?)',
    ],
    [
      'a survey id passed as definition',
      definition({ id: 'abc' }),
      'unknown top-level key "id"',
    ],
    ['no title', definition({ title: undefined }), 'title is required'],
    ['a blank title', definition({ title: '   ' }), 'title must not be empty'],
    [
      'a numeric title',
      definition({ title: 5 }),
      'title must be a string, got 5',
    ],
    [
      'a title of 201 characters',
      definition({ title: 'x'.repeat(201) }),
      'title must be at most 200 characters long; it has 201',
    ],
    [
      'a NUL in the title (PostgreSQL cannot store it)',
      definition({ title: 'Q4\u0000 survey' }),
      'title must not contain a NUL character (at character 3)',
    ],
    [
      'a lone surrogate in the title',
      definition({ title: 'Q4 \ud83d survey' }),
      'title must be well-formed Unicode text: it contains a lone UTF-16 surrogate',
    ],
    [
      'a line break in the title',
      definition({ title: 'Q4\nsurvey' }),
      'title must be a single line without tabs',
    ],
    [
      'a description of 5001 characters',
      definition({ description: 'x'.repeat(5001) }),
      'description must be at most 5000 characters long; it has 5001',
    ],
    [
      'audience as a string',
      definition({ audience: 'group:default/checkout' }),
      'audience must be a list of group refs (empty means everyone), got "group:default/checkout"',
    ],
    [
      'a user in the audience',
      definition({ audience: ['user:default/jo'] }),
      'audience[0] must be a group ref like "group:default/checkout" or "group:checkout", got "user:default/jo"',
    ],
    [
      'a group name with spaces',
      definition({ audience: ['group:default/team a'] }),
      'audience[0] must be a group ref like "group:default/checkout" or "group:checkout", got "group:default/team a"',
    ],
    [
      'a number in the audience',
      definition({ audience: [7] }),
      'audience[0] must be a group ref like "group:default/checkout" or "group:checkout", got 7',
    ],
    [
      'the same group twice, spelled differently',
      definition({ audience: ['group:checkout', 'Group:Default/Checkout'] }),
      'audience[1]: "group:default/checkout" is listed more than once (also audience[0])',
    ],
    ...[2, 1001, 4.5, '5', null, -3].map(
      (threshold): [string, unknown, string] => [
        `anonymityThreshold ${JSON.stringify(threshold)}`,
        definition({ anonymityThreshold: threshold }),
        `anonymityThreshold must be an integer 3–1000 (results drawn from fewer respondents are hidden), got ${
          typeof threshold === 'string' ? `"${threshold}"` : String(threshold)
        }`,
      ],
    ),
    ...[
      'tomorrow',
      '2026-02-30',
      '2026-13-01',
      '2026-05-31T25:00:00Z',
      20260531,
    ].map((closesAt): [string, unknown, string] => [
      `closesAt ${JSON.stringify(closesAt)}`,
      definition({ closesAt }),
      `closesAt must be an ISO date or date-time such as "2026-05-31" or "2026-05-31T17:00:00Z", or null, got ${JSON.stringify(
        closesAt,
      )}`,
    ]),
    [
      'needs as an object',
      definition({ needs: {} }),
      'needs must be a list of needs, got an object',
    ],
    [
      '101 needs',
      definition({
        needs: Array.from({ length: 101 }, (_, i) => ({
          id: `need-${i}`,
          title: `Need ${i}`,
        })),
      }),
      'needs must have at most 100 entries, got 101',
    ],
    [
      'a need that is a string',
      definition({
        needs: ['need-ci'],
        questions: [{ id: 'nps', type: 'nps', title: 'x' }],
      }),
      'needs[0] must be an object with id and title, got "need-ci"',
    ],
    [
      'a need id with spaces and capitals',
      withNeed(0, { id: 'Need CI' }),
      'needs[0] ("Need CI"): id must be kebab-case (lowercase letters and digits joined by single hyphens, e.g. "team-size"), got "Need CI"',
    ],
    [
      'a need id with a double hyphen',
      withNeed(0, { id: 'need--ci' }),
      'needs[0] ("need--ci"): id must be kebab-case (lowercase letters and digits joined by single hyphens, e.g. "team-size"), got "need--ci"',
    ],
    [
      'a need id of 101 characters',
      withNeed(0, { id: 'a'.repeat(101) }),
      'id must be at most 100 characters, got 101',
    ],
    [
      'a reserved need id',
      withNeed(0, { id: 'constructor' }),
      'needs[0] ("constructor"): id "constructor" is reserved; choose another id',
    ],
    [
      'a duplicate need id',
      withNeed(2, { id: 'need-ci' }),
      'needs[2] ("need-ci"): id "need-ci" is used more than once (also needs[0])',
    ],
    [
      'a need without id',
      withNeed(1, { id: undefined }),
      'needs[1]: id is required',
    ],
    [
      'a need without title',
      withNeed(1, { title: undefined }),
      'needs[1] ("need-deploys"): title is required',
    ],
    [
      'a need title of 201 characters',
      withNeed(1, { title: 'x'.repeat(201) }),
      'needs[1] ("need-deploys"): title must be at most 200 characters long; it has 201',
    ],
    [
      'a misspelt need key',
      withNeed(1, { name: 'Deploys' }),
      'needs[1] ("need-deploys"): unknown key "name"',
    ],
    [
      'no questions',
      definition({ questions: undefined }),
      'questions is required: a list of 1–50 questions',
    ],
    [
      'empty questions',
      definition({ questions: [] }),
      'questions must have at least 1 entry',
    ],
    [
      '51 questions',
      definition({
        questions: Array.from({ length: 51 }, (_, i) => ({
          id: `q${i}`,
          type: 'nps',
          title: `Question ${i}`,
        })),
      }),
      'questions must have at most 50 entries, got 51',
    ],
    [
      'a question that is a string',
      definition({ questions: ['How are you?'] }),
      'questions[0] must be an object with id, type and title, got "How are you?"',
    ],
    [
      'an unknown question type',
      withQuestion(5, { type: 'rating' }),
      'questions[5] ("nps"): type must be one of need-rating, single-choice, multi-choice, ranking, free-text, nps, got "rating"',
    ],
    [
      'a misspelt question key',
      withQuestion(2, { option: ['A', 'B'] }),
      'questions[2] ("role"): unknown key "option" for a single-choice question (did you mean "options"?)',
    ],
    [
      'a key of another question type',
      withQuestion(5, { max: 3 }),
      'questions[5] ("nps"): unknown key "max" for an nps question',
    ],
    [
      'a question id that is not kebab-case',
      withQuestion(2, { id: 'Team Size' }),
      'questions[2] ("Team Size"): id must be kebab-case (lowercase letters and digits joined by single hyphens, e.g. "team-size"), got "Team Size"',
    ],
    [
      'a duplicate question id',
      withQuestion(5, { id: 'role' }),
      'questions[5] ("role"): id "role" is used more than once (also questions[2])',
    ],
    [
      'a question without title',
      withQuestion(5, { title: undefined }),
      'questions[5] ("nps"): title is required',
    ],
    [
      'a question title of 501 characters',
      withQuestion(5, { title: 'x'.repeat(501) }),
      'questions[5] ("nps"): title must be at most 500 characters long; it has 501',
    ],
    [
      'required as a string',
      withQuestion(5, { required: 'true' }),
      'questions[5] ("nps"): required must be true or false, got "true"',
    ],
    [
      'two need-rating questions',
      withQuestion(5, { type: 'need-rating' }),
      'questions[5] ("nps"): only one need-rating question is allowed (questions[0] is one already)',
    ],
    [
      'a need-rating question without needs',
      definition({
        needs: [],
        questions: [{ id: 'pain', type: 'need-rating', title: 'x' }],
      }),
      'questions[0] ("pain"): need-rating questions require at least one need in needs',
    ],
    [
      'a ranking question without needs',
      definition({
        needs: [],
        questions: [{ id: 'top', type: 'ranking', title: 'x', max: 1 }],
      }),
      'questions[0] ("top"): ranking questions require at least one need in needs',
    ],
    [
      'ranking max 0',
      withQuestion(1, { max: 0 }),
      'questions[1] ("top"): max must be an integer 1–3 (at most the number of needs), got 0',
    ],
    [
      'ranking max above the number of needs',
      withQuestion(1, { max: 4 }),
      'questions[1] ("top"): max must be an integer 1–3 (at most the number of needs), got 4',
    ],
    [
      'ranking without max',
      withQuestion(1, { max: undefined }),
      'questions[1] ("top"): max is required: how many needs a respondent ranks, an integer 1–3',
    ],
    [
      'one option',
      withQuestion(2, { id: 'team-size', options: ['Small'] }),
      'questions[2] ("team-size"): options must have at least 2 entries',
    ],
    [
      '51 options',
      withQuestion(2, {
        options: Array.from({ length: 51 }, (_, i) => `Option ${i}`),
      }),
      'questions[2] ("role"): options must have at most 50 entries, got 51',
    ],
    [
      'duplicate options after trimming',
      withQuestion(2, { options: ['Backend', 'Backend '] }),
      'questions[2] ("role"): options[1] "Backend" is listed more than once (also options[0])',
    ],
    [
      'an empty option',
      withQuestion(2, { options: ['Backend', ' '] }),
      'questions[2] ("role"): options[1] must not be empty',
    ],
    [
      'a numeric option',
      withQuestion(2, { options: ['Backend', 10] }),
      'questions[2] ("role"): options[1] must be a string, got 10',
    ],
    [
      'an option of 201 characters',
      withQuestion(2, { options: ['Backend', 'x'.repeat(201)] }),
      'questions[2] ("role"): options[1] must be at most 200 characters long; it has 201',
    ],
    [
      'options missing',
      withQuestion(2, { options: undefined }),
      'questions[2] ("role"): options is required: a list of 2–50 answer options',
    ],
    [
      'options as a string',
      withQuestion(2, { options: 'Backend, Frontend' }),
      'questions[2] ("role"): options must be a list of strings, got "Backend, Frontend"',
    ],
    [
      'maxSelections 0',
      withQuestion(3, { maxSelections: 0 }),
      'questions[3] ("team-size"): maxSelections must be an integer 1–3 (at most the number of options), got 0',
    ],
    [
      'maxSelections above the number of options',
      withQuestion(3, { maxSelections: 4 }),
      'questions[3] ("team-size"): maxSelections must be an integer 1–3 (at most the number of options), got 4',
    ],
    [
      'maxSelections as a string',
      withQuestion(3, { maxSelections: '2' }),
      'questions[3] ("team-size"): maxSelections must be an integer 1–3 (at most the number of options), got "2"',
    ],
    [
      'maxLength 0',
      withQuestion(4, { maxLength: 0 }),
      'questions[4] ("slow"): maxLength must be an integer 1–10000, got 0',
    ],
    [
      'maxLength 10001',
      withQuestion(4, { maxLength: 10001 }),
      'questions[4] ("slow"): maxLength must be an integer 1–10000, got 10001',
    ],
    [
      'proposesNeed as a string',
      withQuestion(4, { proposesNeed: 'yes' }),
      'questions[4] ("slow"): proposesNeed must be true or false, got "yes"',
    ],
  ])('rejects %s', (_name, input, expected) => {
    const result = validateSurveyDefinition(input);
    expect(result.value).toBeUndefined();
    expect(result.errors).toContainEqual(expect.stringContaining(expected));
  });

  it('reports every problem, not just the first', () => {
    const result = validateSurveyDefinition({
      ...withQuestion(2, { options: ['Only one'] }),
      title: '',
      anonymityThreshold: 1,
      colour: 'blue',
    });
    expect(result.errors).toEqual([
      'unknown top-level key "colour"',
      'title must not be empty',
      'anonymityThreshold must be an integer 3–1000 (results drawn from fewer respondents are hidden), got 1',
      'questions[2] ("role"): options must have at least 2 entries',
    ]);
  });

  it('returns a normalised copy with defaults applied', () => {
    const result = validateSurveyDefinition({
      title: '  Developer needs  ',
      description: '   ',
      audience: ['group:Checkout', 'GROUP:ops/SRE'],
      needs: [
        { id: ' need-ci ', title: ' Fast CI ', description: ' Slow builds ' },
      ],
      questions: [
        { id: 'pain', type: 'need-rating', title: ' Rate ', required: true },
        {
          id: 'multi',
          type: 'multi-choice',
          title: 'Tools',
          options: [' CI', 'CD '],
        },
        {
          id: 'slow',
          type: 'free-text',
          title: 'Slow?',
          description: ' Tell us ',
        },
      ],
    });
    expect(result).toEqual({
      errors: [],
      value: {
        title: 'Developer needs',
        audience: ['group:default/checkout', 'group:ops/sre'],
        anonymityThreshold: 5,
        closesAt: null,
        needs: [
          { id: 'need-ci', title: 'Fast CI', description: 'Slow builds' },
        ],
        questions: [
          { id: 'pain', type: 'need-rating', title: 'Rate', required: true },
          {
            id: 'multi',
            type: 'multi-choice',
            title: 'Tools',
            options: ['CI', 'CD'],
            required: false,
          },
          {
            id: 'slow',
            type: 'free-text',
            title: 'Slow?',
            description: 'Tell us',
            required: false,
            maxLength: 2000,
            proposesNeed: false,
          },
        ],
      },
    });
    expect(Object.keys(result.value!)).not.toContain('description');
  });

  it.each([
    [undefined, 5],
    [7, 7],
    [1, 3],
  ])(
    'defaults the threshold to the configured %p as %p, never below the minimum',
    (configured, expected) => {
      const { anonymityThreshold: _, ...withoutThreshold } = definition();
      const result = validateSurveyDefinition(withoutThreshold, {
        defaultAnonymityThreshold: configured,
      });
      expect(result.value?.anonymityThreshold).toBe(expected);
    },
  );

  it('keeps an explicit threshold over the configured default', () => {
    const result = validateSurveyDefinition(
      definition({ anonymityThreshold: 8 }),
      {
        defaultAnonymityThreshold: 10,
      },
    );
    expect(result.value?.anonymityThreshold).toBe(8);
  });
});

describe('normalizeGroupRef', () => {
  it.each([
    ['group:checkout', 'group:default/checkout'],
    ['Group:Default/Checkout', 'group:default/checkout'],
    [' group:ops/sre ', 'group:ops/sre'],
    ['user:default/jo', undefined],
    ['checkout', undefined],
    ['group:a/b/c', undefined],
    ['group:', undefined],
    ['group:default/x\u0000', undefined],
    ['group:../x', undefined],
    ["group:default/x'; DROP TABLE nd_surveys", undefined],
    [`group:default/${'x'.repeat(300)}`, undefined],
  ])('%p → %p', (ref, expected) => {
    expect(normalizeGroupRef(ref)).toBe(expected);
  });
});

describe('isValidId', () => {
  it.each([
    ['need-ci', true],
    ['q1', true],
    ['a'.repeat(100), true],
    ['a'.repeat(101), false],
    ['Need-CI', false],
    ['need--ci', false],
    ['-need', false],
    ['need_ci', false],
    ['', false],
    ['constructor', false],
    ['prototype', false],
    ['__proto__', false],
  ])('%p → %p', (id, expected) => {
    expect(isValidId(id)).toBe(expected);
  });
});

describe('validateAnswers', () => {
  const fullAnswers = {
    'pain-points': {
      'need-docs': { pain: 2, frequency: 'rarely' },
      'need-ci': { pain: 5, frequency: 'daily' },
    },
    role: 'Frontend',
    tools: ['CI', 'Secrets'],
    priorities: ['need-deploys', 'need-ci'],
    slowdowns: 'Waiting for builds',
    recommend: 0,
  };

  it.each<[string, unknown, unknown]>([
    ['only the required answer', { role: 'Backend' }, { role: 'Backend' }],
    [
      'every question, ratings put in survey order',
      fullAnswers,
      {
        'pain-points': {
          'need-ci': { pain: 5, frequency: 'daily' },
          'need-docs': { pain: 2, frequency: 'rarely' },
        },
        role: 'Frontend',
        tools: ['CI', 'Secrets'],
        priorities: ['need-deploys', 'need-ci'],
        slowdowns: 'Waiting for builds',
        recommend: 0,
      },
    ],
    [
      'markup in free text, kept verbatim',
      { role: 'Backend', slowdowns: '<script>alert(1)</script>' },
      { role: 'Backend', slowdowns: '<script>alert(1)</script>' },
    ],
    [
      'free text with tabs, newlines and surrounding spaces, kept verbatim',
      { role: 'Backend', slowdowns: '  line 1\r\n\tline 2  ' },
      { role: 'Backend', slowdowns: '  line 1\r\n\tline 2  ' },
    ],
    [
      'free text at maxLength once trimmed',
      { role: 'Backend', slowdowns: ` ${'x'.repeat(200)}\n` },
      { role: 'Backend', slowdowns: ` ${'x'.repeat(200)}\n` },
    ],
    [
      'free text of 200 emoji (counted as characters)',
      { role: 'Backend', slowdowns: '🚀'.repeat(200) },
      { role: 'Backend', slowdowns: '🚀'.repeat(200) },
    ],
    [
      'empty free text, dropped as unanswered',
      { role: 'Backend', slowdowns: '' },
      { role: 'Backend' },
    ],
    [
      'blank free text, dropped as unanswered',
      { role: 'Backend', slowdowns: ' \n\t ' },
      { role: 'Backend' },
    ],
    [
      'an empty need-rating, dropped as unanswered',
      { role: 'Backend', 'pain-points': {} },
      { role: 'Backend' },
    ],
    [
      'nps 10',
      { role: 'Data', recommend: 10 },
      { role: 'Data', recommend: 10 },
    ],
    [
      'a ranking of one need',
      { role: 'Data', priorities: ['need-docs'] },
      { role: 'Data', priorities: ['need-docs'] },
    ],
  ])('accepts %s', (_name, answers, expected) => {
    expect(validateAnswers(corpusSurvey, answers)).toEqual({
      value: expected,
      errors: [],
    });
  });

  it.each(malformedAnswerBodies)(
    'rejects a malformed body: $name',
    ({ body }) => {
      const result = validateAnswers(corpusSurvey, body);
      expect(result.errors.length).toBeGreaterThanOrEqual(1);
      expect(result.value).toBeUndefined();
      // What the backend receives over HTTP is the JSON form; it must fail the same way.
      const overTheWire = JSON.parse(JSON.stringify(body) ?? 'null');
      expect(validateAnswers(corpusSurvey, overTheWire).errors).toEqual(
        result.errors,
      );
    },
  );

  it('has a corpus of at least 50 distinct malformed bodies', () => {
    const names = malformedAnswerBodies.map(entry => entry.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(50);
  });

  it.each<[string, unknown, string[]]>([
    [
      'an array body',
      [],
      ['answers must be an object keyed by question id, got an array'],
    ],
    [
      'an unknown question id',
      { role: 'Backend', 'team-size': 'small' },
      ['answers["team-size"]: unknown question id'],
    ],
    [
      'a __proto__ key',
      JSON.parse('{"role":"Backend","__proto__":{}}'),
      ['answers["__proto__"]: unknown question id'],
    ],
    [
      'a missing required answer',
      {},
      ['answers["role"] is required (question "Your role")'],
    ],
    [
      'an out-of-range pain',
      {
        role: 'Backend',
        'pain-points': { 'need-ci': { pain: 7, frequency: 'daily' } },
      },
      ['answers["pain-points"]["need-ci"].pain must be an integer 1–5, got 7'],
    ],
    [
      'an unknown frequency and an unknown key',
      {
        role: 'Backend',
        'pain-points': { 'need-ci': { pain: 2, frequency: 'often', note: 1 } },
      },
      [
        'answers["pain-points"]["need-ci"]: unknown key "note"',
        'answers["pain-points"]["need-ci"].frequency must be one of daily, weekly, monthly, rarely, got "often"',
      ],
    ],
    [
      'an unknown need id',
      {
        role: 'Backend',
        'pain-points': { 'need-x': { pain: 2, frequency: 'daily' } },
      },
      ['answers["pain-points"]["need-x"]: unknown need id'],
    ],
    [
      'an option that is not offered',
      { role: 'CEO' },
      [
        'answers["role"] must be one of "Backend", "Frontend", "Data", got "CEO"',
      ],
    ],
    [
      'too many selections and a duplicate',
      { role: 'Data', tools: ['CI', 'CI', 'CD'] },
      [
        'answers["tools"] must list 1–2 options, got 3',
        'answers["tools"] lists "CI" more than once',
      ],
    ],
    [
      'a ranking of an unknown need',
      { role: 'Data', priorities: ['need-x'] },
      [
        'answers["priorities"][0] must be a need id of this survey, got "need-x"',
      ],
    ],
    [
      'oversized text',
      { role: 'Data', slowdowns: 'x'.repeat(201) },
      ['answers["slowdowns"] must be at most 200 characters long; it has 201'],
    ],
    [
      'a NUL character',
      { role: 'Data', slowdowns: 'a\u0000b' },
      [
        'answers["slowdowns"] must not contain a NUL character (at character 2)',
      ],
    ],
    [
      'a number as a string',
      { role: 'Data', recommend: '7' },
      ['answers["recommend"] must be an integer 0–10, got "7"'],
    ],
    [
      'a wrong type on the required question (no extra "required" error)',
      { role: 3 },
      ['answers["role"] must be one of the options as a string, got 3'],
    ],
  ])('explains %s', (_name, answers, expected) => {
    expect(validateAnswers(corpusSurvey, answers)).toEqual({
      errors: expected,
    });
  });

  it('treats blank free text as unanswered for a required question', () => {
    const survey = {
      needs: [],
      questions: [
        {
          id: 'why',
          type: 'free-text' as const,
          title: 'Why?',
          required: true,
        },
      ],
    };
    expect(validateAnswers(survey, { why: '  ' }).errors).toEqual([
      'answers["why"] is required (question "Why?")',
    ]);
    expect(validateAnswers(survey, { why: 'x'.repeat(2000) }).errors).toEqual(
      [],
    );
    expect(validateAnswers(survey, { why: 'x'.repeat(2001) }).errors).toEqual([
      'answers["why"] must be at most 2000 characters long; it has 2001',
    ]);
  });

  it('allows all options when maxSelections is not set', () => {
    const survey = {
      needs: [],
      questions: [
        {
          id: 'tools',
          type: 'multi-choice' as const,
          title: 'Tools',
          options: ['a', 'b', 'c'],
        },
      ],
    };
    expect(validateAnswers(survey, { tools: ['a', 'b', 'c'] }).errors).toEqual(
      [],
    );
  });
});

describe('parseSurveyYaml', () => {
  it('parses a realistic survey', () => {
    const result = parseSurveyYaml(`
title: Developer needs — autumn
description: >-
  Help us decide what to build next.
audience:
  - group:checkout
  - group:default/search
anonymityThreshold: 4
closesAt: 2026-10-31
needs:
  - id: need-fast-service-setup
    title: Start a new service quickly
  - id: need-observability
    title: See what my service does
questions:
  - id: pain
    type: need-rating
    title: How much does each problem hurt?
    required: true
  - id: top
    type: ranking
    title: Fix first
    max: 2
  - id: role
    type: single-choice
    title: Your role
    options: [Backend, Frontend, "Data, analytics"]
  - id: ideas
    type: free-text
    title: What is missing?
    proposesNeed: true
`);
    expect(result.errors).toEqual([]);
    expect(result.value).toMatchObject({
      title: 'Developer needs — autumn',
      description: 'Help us decide what to build next.',
      audience: ['group:default/checkout', 'group:default/search'],
      anonymityThreshold: 4,
      closesAt: '2026-10-31',
      needs: [{ id: 'need-fast-service-setup' }, { id: 'need-observability' }],
    });
    expect(result.value?.questions.map(q => q.type)).toEqual([
      'need-rating',
      'ranking',
      'single-choice',
      'free-text',
    ]);
  });

  it.each([
    ['an unclosed flow sequence', 'title: x\nneeds: [a, b\n'],
    ['bad indentation', 'title: x\n  questions: y\n bad: z\n'],
    ['a duplicate key', 'title: x\ntitle: y\n'],
    ['two documents', 'title: x\n---\ntitle: y\n'],
  ])('reports a YAML syntax error: %s', (_name, text) => {
    const result = parseSurveyYaml(text);
    expect(result.value).toBeUndefined();
    expect(result.errors.length).toBeGreaterThanOrEqual(1);
    expect(result.errors[0]).toMatch(/^YAML syntax error: /);
  });

  it('reports an unknown key instead of dropping it', () => {
    const result = parseSurveyYaml(
      'title: x\nquestions:\n  - id: q\n    type: nps\n    title: Q\n    requried: true\n',
    );
    expect(result.errors).toEqual([
      'questions[0] ("q"): unknown key "requried" for an nps question (did you mean "required"?)',
    ]);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 8; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(
        `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`,
      );
    }
    const result = parseSurveyYaml(`${levels.join('\n')}\n`);
    expect(result.value).toBeUndefined();
    expect(result.errors).toEqual([
      expect.stringMatching(/^YAML could not be read: /),
    ]);
  });

  it('reports an empty document as a missing survey', () => {
    expect(parseSurveyYaml('').errors).toEqual([
      'a survey must be an object, got null',
    ]);
  });

  it('parses the example survey of the repository', () => {
    const file = path.resolve(
      __dirname,
      '../../../examples/surveys/developer-needs-2026-spring.yaml',
    );
    const result = parseSurveyYaml(fs.readFileSync(file, 'utf8'));
    expect(result.errors).toEqual([]);
    const survey = result.value!;
    expect(survey.audience).toEqual([]);
    expect(survey.anonymityThreshold).toBe(5);
    expect(survey.needs.map(need => need.id)).toEqual(
      expect.arrayContaining([
        'need-fast-service-setup',
        'need-reliable-deploys',
        'need-observability',
        'need-secrets-handling',
        'need-event-streaming',
        'need-test-environments',
        'need-data-access',
      ]),
    );
    const types = survey.questions.map(q => q.type);
    expect([...types].sort()).toEqual(
      [
        'free-text',
        'free-text',
        'multi-choice',
        'need-rating',
        'nps',
        'ranking',
        'single-choice',
      ].sort(),
    );
    expect(survey.questions).toContainEqual(
      expect.objectContaining({ type: 'need-rating', required: true }),
    );
    expect(survey.questions).toContainEqual(
      expect.objectContaining({ type: 'ranking', max: 3 }),
    );
    expect(survey.questions).toContainEqual(
      expect.objectContaining({ type: 'free-text', proposesNeed: true }),
    );
  });
});
