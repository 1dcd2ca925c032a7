import { validateHabitEvent, validateHabitEventBatch } from './events';
import {
  CORPUS_NOW,
  corpusEvent,
  malformedHabitEventBatches,
  malformedHabitEvents,
} from './testing';

const now = CORPUS_NOW;

describe('validateHabitEvent', () => {
  it.each([
    ['the minimal event', corpusEvent, corpusEvent],
    [
      'a userRef instead of a teamRef',
      {
        source: 'analytics',
        kind: 'capability-view',
        way: 'new',
        userRef: 'user:default/jo',
      },
      {
        source: 'analytics',
        kind: 'capability-view',
        way: 'new',
        userRef: 'user:default/jo',
      },
    ],
    [
      'every field, normalised',
      {
        source: 'ci',
        kind: 'deploy:pipeline.v2',
        way: 'old',
        capabilityRef: 'System:Platform/CI-Pipelines',
        templateRef: 'Template:new-service',
        teamRef: 'Group:Team_A',
        userRef: 'user:jo.smith',
        at: '2026-03-10T13:30:00+01:00',
        idempotencyKey: 'task-1234/step-2',
      },
      {
        source: 'ci',
        kind: 'deploy:pipeline.v2',
        way: 'old',
        capabilityRef: 'system:platform/ci-pipelines',
        templateRef: 'template:default/new-service',
        teamRef: 'group:default/team_a',
        userRef: 'user:default/jo.smith',
        at: '2026-03-10T12:30:00.000Z',
        idempotencyKey: 'task-1234/step-2',
      },
    ],
    [
      'null optional fields, left out',
      {
        ...corpusEvent,
        capabilityRef: null,
        templateRef: null,
        userRef: null,
        at: null,
        idempotencyKey: null,
      },
      corpusEvent,
    ],
    [
      'an at exactly one day ahead',
      { ...corpusEvent, at: '2026-03-11T12:00:00Z' },
      { ...corpusEvent, at: '2026-03-11T12:00:00.000Z' },
    ],
    [
      'an at exactly at the start of 2000',
      { ...corpusEvent, at: '2000-01-01T00:00:00Z' },
      { ...corpusEvent, at: '2000-01-01T00:00:00.000Z' },
    ],
    [
      'an idempotencyKey of 200 characters beyond the BMP (counted as characters, not UTF-16 units)',
      { ...corpusEvent, idempotencyKey: '🔁'.repeat(200) },
      { ...corpusEvent, idempotencyKey: '🔁'.repeat(200) },
    ],
    [
      'a source and kind of 100 characters',
      { ...corpusEvent, source: 's'.repeat(100), kind: '0'.repeat(100) },
      { ...corpusEvent, source: 's'.repeat(100), kind: '0'.repeat(100) },
    ],
    [
      'an object without a prototype (as some parsers make)',
      Object.assign(Object.create(null), corpusEvent),
      corpusEvent,
    ],
  ])('accepts %s', (_, input, expected) => {
    expect(validateHabitEvent(input, { now })).toEqual({
      value: expected,
      errors: [],
    });
  });

  it.each(malformedHabitEvents.map(entry => [entry.name, entry] as const))(
    'refuses %s',
    (_, { body, errors }) => {
      expect(validateHabitEvent(body, { now })).toEqual({ errors });
    },
  );

  it('has a corpus of at least 30 malformed events, each with a distinct reason', () => {
    expect(malformedHabitEvents.length).toBeGreaterThanOrEqual(30);
    const names = malformedHabitEvents.map(entry => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('does not let a __proto__ key reach the value or Object.prototype', () => {
    const body = JSON.parse(
      '{"__proto__": {"polluted": true}, "source": "ci", "kind": "k", "way": "new", "teamRef": "group:a"}',
    );
    expect(validateHabitEvent(body, { now }).errors).toEqual([
      'event has forbidden key "__proto__"',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [
      '2 hours',
      2 * 60 * 60 * 1000,
      '2026-03-10T14:00:00.001Z',
      'at must not be more than 2 hours in the future',
    ],
    [
      '0 ms',
      0,
      '2026-03-10T12:00:00.001Z',
      'at must not be more than 0 ms in the future',
    ],
    [
      '1500 ms',
      1500,
      '2026-03-10T12:00:01.501Z',
      'at must not be more than 1500 ms in the future',
    ],
  ])('honours maxFutureMs of %s', (_, maxFutureMs, at, error) => {
    expect(
      validateHabitEvent({ ...corpusEvent, at }, { now, maxFutureMs }).errors,
    ).toEqual([`${error}, got "${at}"`]);
  });

  it('measures the future from the current time when no now is given', () => {
    const soon = new Date(Date.now() + 60_000).toISOString();
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    expect(validateHabitEvent({ ...corpusEvent, at: soon }).errors).toEqual([]);
    expect(
      validateHabitEvent({ ...corpusEvent, at: nextWeek }).errors,
    ).toHaveLength(1);
  });

  it.each([
    ['a negative maxFutureMs', { maxFutureMs: -1 }],
    ['a NaN maxFutureMs', { maxFutureMs: Number.NaN }],
    ['an invalid now', { now: new Date(Number.NaN) }],
  ])('throws a RangeError on %s, a programming error', (_, options) => {
    expect(() => validateHabitEvent(corpusEvent, options)).toThrow(RangeError);
  });
});

describe('validateHabitEventBatch', () => {
  it.each([
    ['one event without an envelope', corpusEvent, [corpusEvent]],
    ['an envelope of one event', { events: [corpusEvent] }, [corpusEvent]],
    [
      'an envelope of 500 events',
      { events: new Array(500).fill(corpusEvent) },
      new Array(500).fill(corpusEvent),
    ],
    [
      'events normalised one by one',
      { events: [{ ...corpusEvent, teamRef: 'Group:Team-B' }, corpusEvent] },
      [{ ...corpusEvent, teamRef: 'group:default/team-b' }, corpusEvent],
    ],
  ])('accepts %s', (_, input, expected) => {
    expect(validateHabitEventBatch(input, { now })).toEqual({
      value: expected,
      errors: [],
    });
  });

  it.each(
    malformedHabitEventBatches.map(entry => [entry.name, entry] as const),
  )('refuses %s', (_, { body, errors }) => {
    expect(validateHabitEventBatch(body, { now })).toEqual({ errors });
  });

  it.each(
    malformedHabitEvents
      .filter(
        entry =>
          entry.body !== null &&
          typeof entry.body === 'object' &&
          !Array.isArray(entry.body),
      )
      .map(entry => [entry.name, entry] as const),
  )(
    'refuses the single event with %s, with the same errors',
    (_, { body, errors }) => {
      expect(validateHabitEventBatch(body, { now })).toEqual({ errors });
    },
  );

  it('prefixes every single-event error with the index once wrapped', () => {
    const events = malformedHabitEvents
      .filter(entry => entry.name !== 'an array')
      .map(entry => entry.body);
    const { errors } = validateHabitEventBatch({ events }, { now });
    expect(errors.length).toBeGreaterThanOrEqual(events.length);
    for (const error of errors) {
      expect(error).toMatch(/^events\[\d+\]/);
    }
  });
});

describe('validation never throws on input', () => {
  const odd: [string, unknown][] = [
    ['undefined', undefined],
    ['a function', () => corpusEvent],
    ['a symbol', Symbol('event')],
    ['a bigint', BigInt(1)],
    ['a Date', new Date()],
    ['a Map', new Map([['source', 'ci']])],
    ['nested lists', [[[]]]],
    [
      'events holding odd values',
      { events: [undefined, 1, 'x', [], () => 1, Symbol('s')] },
    ],
    [
      'every field of the wrong type',
      {
        source: {},
        kind: [],
        way: 1,
        capabilityRef: true,
        templateRef: {},
        teamRef: [],
        userRef: 1,
        at: {},
        idempotencyKey: [],
      },
    ],
    [
      'a huge string',
      { ...corpusEvent, at: '2026-03-10T10:00:00Z'.repeat(100_000) },
    ],
  ];
  it.each(odd)('validateHabitEvent(%s)', (_, input) => {
    const result = validateHabitEvent(input, { now });
    expect(result.value).toBeUndefined();
    expect(result.errors.length).toBeGreaterThan(0);
  });
  it.each(odd)('validateHabitEventBatch(%s)', (_, input) => {
    const result = validateHabitEventBatch(input, { now });
    expect(result.value).toBeUndefined();
    expect(result.errors.length).toBeGreaterThan(0);
  });
});
