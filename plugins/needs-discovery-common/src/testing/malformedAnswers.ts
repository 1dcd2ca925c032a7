// Through the package name, so this entry point's API report shows the type as the main entry's.
import type { Survey } from '@platform-product/plugin-needs-discovery-common';

/**
 * The survey the malformed answer corpus is written against. `role` is required; every body below answers it
 * correctly unless the body is about `role`, so each one fails for the reason its name gives.
 *
 * @public
 */
export const corpusSurvey: Survey = {
  id: 'corpus-survey',
  title: 'Corpus survey',
  audience: [],
  anonymityThreshold: 3,
  closesAt: null,
  needs: [
    { id: 'need-ci', title: 'Fast CI' },
    { id: 'need-deploys', title: 'Reliable deploys' },
    { id: 'need-docs', title: 'Findable docs' },
  ],
  questions: [
    { id: 'pain-points', type: 'need-rating', title: 'Rate these problems' },
    {
      id: 'role',
      type: 'single-choice',
      title: 'Your role',
      options: ['Backend', 'Frontend', 'Data'],
      required: true,
    },
    {
      id: 'tools',
      type: 'multi-choice',
      title: 'Tools you use',
      options: ['CI', 'CD', 'Observability', 'Secrets'],
      maxSelections: 2,
    },
    { id: 'priorities', type: 'ranking', title: 'Fix first', max: 2 },
    {
      id: 'slowdowns',
      type: 'free-text',
      title: 'What slows you down?',
      maxLength: 200,
    },
    { id: 'recommend', type: 'nps', title: 'Would you recommend it?' },
  ],
  status: 'open',
  wave: 1,
  previousSurveyId: null,
  createdBy: 'user:default/platform-owner',
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  openedAt: '2026-03-02T09:00:00.000Z',
  closedAt: null,
  demo: false,
};

/** A valid answer to the required question, spread into bodies that test something else. */
const answered = { role: 'Backend' };
const rating = { pain: 3, frequency: 'weekly' };

/** JSON.parse creates `__proto__` as an ordinary own key, as a JSON request body would. */
const fromJson = (json: string): unknown => JSON.parse(json);

/**
 * Answer bodies that `validateAnswers(corpusSurvey, body)` must reject with at least one error and no value; the
 * backend HTTP tests send them as the `answers` of a response. Every body survives a JSON round trip unchanged.
 *
 * @public
 */
export const malformedAnswerBodies: { name: string; body: unknown }[] = [
  // The body as a whole
  { name: 'null', body: null },
  { name: 'a string', body: 'role=Backend' },
  { name: 'a number', body: 42 },
  { name: 'a boolean', body: true },
  { name: 'an array of answers', body: [{ role: 'Backend' }] },
  { name: 'an empty object (required question missing)', body: {} },
  { name: 'answers wrapped twice', body: { answers: { role: 'Backend' } } },

  // Question ids
  {
    name: 'unknown question id',
    body: { ...answered, 'team-size': 'small' },
  },
  { name: 'question id in another case', body: { ROLE: 'Backend' } },
  {
    name: 'question id with surrounding spaces',
    body: { ...answered, ' recommend ': 9 },
  },
  { name: 'numeric question key', body: { ...answered, '0': 'Backend' } },
  {
    name: '__proto__ key',
    body: fromJson('{"role":"Backend","__proto__":{"role":"Frontend"}}'),
  },
  { name: 'constructor key', body: { ...answered, constructor: {} } },
  { name: 'prototype key', body: { ...answered, prototype: { x: 1 } } },

  // single-choice
  { name: 'required single-choice is null', body: { role: null } },
  { name: 'single-choice as a number', body: { role: 1 } },
  { name: 'single-choice not an option', body: { role: 'CEO' } },
  { name: 'single-choice in another case', body: { role: 'backend' } },
  { name: 'single-choice with extra spaces', body: { role: ' Backend' } },
  { name: 'single-choice as an array', body: { role: ['Backend'] } },
  { name: 'single-choice as an object', body: { role: { value: 'Backend' } } },
  { name: 'single-choice empty string', body: { role: '' } },

  // multi-choice
  { name: 'multi-choice as a string', body: { ...answered, tools: 'CI' } },
  { name: 'multi-choice empty', body: { ...answered, tools: [] } },
  {
    name: 'multi-choice over maxSelections',
    body: { ...answered, tools: ['CI', 'CD', 'Observability'] },
  },
  {
    name: 'multi-choice duplicate option',
    body: { ...answered, tools: ['CI', 'CI'] },
  },
  {
    name: 'multi-choice unknown option',
    body: { ...answered, tools: ['Kubernetes'] },
  },
  { name: 'multi-choice number entry', body: { ...answered, tools: [1] } },
  { name: 'multi-choice null entry', body: { ...answered, tools: [null] } },
  {
    name: 'multi-choice as an object of flags',
    body: { ...answered, tools: { CI: true } },
  },

  // ranking
  {
    name: 'ranking as a string',
    body: { ...answered, priorities: 'need-ci' },
  },
  {
    name: 'ranking duplicate need id',
    body: { ...answered, priorities: ['need-ci', 'need-ci'] },
  },
  {
    name: 'ranking unknown need id',
    body: { ...answered, priorities: ['need-unknown'] },
  },
  {
    name: 'ranking longer than max',
    body: {
      ...answered,
      priorities: ['need-ci', 'need-deploys', 'need-docs'],
    },
  },
  { name: 'ranking empty', body: { ...answered, priorities: [] } },
  {
    name: 'ranking as an object of positions',
    body: { ...answered, priorities: { '1': 'need-ci' } },
  },
  {
    name: 'ranking of numbers',
    body: { ...answered, priorities: [1, 2] },
  },
  {
    name: 'ranking by need title',
    body: { ...answered, priorities: ['Fast CI'] },
  },

  // need-rating
  {
    name: 'need-rating as an array',
    body: {
      ...answered,
      'pain-points': [{ needId: 'need-ci', ...rating }],
    },
  },
  {
    name: 'need-rating as a string',
    body: { ...answered, 'pain-points': 'need-ci' },
  },
  {
    name: 'need-rating as a number',
    body: { ...answered, 'pain-points': 5 },
  },
  {
    name: 'need-rating unknown need id',
    body: { ...answered, 'pain-points': { 'need-unknown': rating } },
  },
  {
    name: 'need-rating __proto__ need id',
    body: fromJson(
      '{"role":"Backend","pain-points":{"__proto__":{"pain":3,"frequency":"weekly"}}}',
    ),
  },
  {
    name: 'need-rating constructor need id',
    body: { ...answered, 'pain-points': { constructor: rating } },
  },
  {
    name: 'pain 0',
    body: {
      ...answered,
      'pain-points': { 'need-ci': { pain: 0, frequency: 'daily' } },
    },
  },
  {
    name: 'pain 6',
    body: {
      ...answered,
      'pain-points': { 'need-ci': { pain: 6, frequency: 'daily' } },
    },
  },
  {
    name: 'pain not an integer',
    body: {
      ...answered,
      'pain-points': { 'need-ci': { pain: 3.5, frequency: 'daily' } },
    },
  },
  {
    name: 'pain as a string',
    body: {
      ...answered,
      'pain-points': { 'need-ci': { pain: '4', frequency: 'daily' } },
    },
  },
  {
    name: 'pain null',
    body: {
      ...answered,
      'pain-points': { 'need-ci': { pain: null, frequency: 'daily' } },
    },
  },
  {
    name: 'pain missing',
    body: { ...answered, 'pain-points': { 'need-ci': { frequency: 'daily' } } },
  },
  {
    name: 'frequency unknown',
    body: {
      ...answered,
      'pain-points': { 'need-ci': { pain: 4, frequency: 'often' } },
    },
  },
  {
    name: 'frequency in another case',
    body: {
      ...answered,
      'pain-points': { 'need-ci': { pain: 4, frequency: 'Daily' } },
    },
  },
  {
    name: 'frequency missing',
    body: { ...answered, 'pain-points': { 'need-ci': { pain: 4 } } },
  },
  {
    name: 'rating with an extra key',
    body: {
      ...answered,
      'pain-points': { 'need-ci': { ...rating, comment: 'slow' } },
    },
  },
  {
    name: 'rating as a number',
    body: { ...answered, 'pain-points': { 'need-ci': 4 } },
  },
  {
    name: 'rating as an array',
    body: { ...answered, 'pain-points': { 'need-ci': [4, 'daily'] } },
  },
  {
    name: 'rating null',
    body: { ...answered, 'pain-points': { 'need-ci': null } },
  },
  {
    name: 'one valid and one invalid rating',
    body: {
      ...answered,
      'pain-points': {
        'need-ci': rating,
        'need-docs': { pain: 9, frequency: 'daily' },
      },
    },
  },

  // free-text
  { name: 'free text as a number', body: { ...answered, slowdowns: 5 } },
  {
    name: 'free text over maxLength',
    body: { ...answered, slowdowns: 'x'.repeat(201) },
  },
  {
    name: 'free text with NUL',
    body: { ...answered, slowdowns: 'slow\u0000builds' },
  },
  {
    name: 'free text with an escape sequence',
    body: { ...answered, slowdowns: '\u001b[31mred alert' },
  },
  {
    name: 'free text with a vertical tab inside',
    body: { ...answered, slowdowns: 'slow\u000bbuilds' },
  },
  {
    name: 'free text with a backspace',
    body: { ...answered, slowdowns: 'slow\bbuilds' },
  },
  { name: 'free text as an array', body: { ...answered, slowdowns: ['a'] } },
  {
    name: 'free text as an object',
    body: { ...answered, slowdowns: { text: 'slow builds' } },
  },
  { name: 'free text null', body: { ...answered, slowdowns: null } },

  // nps
  { name: 'nps 11', body: { ...answered, recommend: 11 } },
  { name: 'nps -1', body: { ...answered, recommend: -1 } },
  { name: 'nps not an integer', body: { ...answered, recommend: 7.5 } },
  { name: 'nps as a string', body: { ...answered, recommend: '7' } },
  { name: 'nps null', body: { ...answered, recommend: null } },
  { name: 'nps as a boolean', body: { ...answered, recommend: true } },
  { name: 'nps as an array', body: { ...answered, recommend: [9] } },
];
