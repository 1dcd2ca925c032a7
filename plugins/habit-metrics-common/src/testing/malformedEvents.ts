/**
 * Bodies of `POST /events` that must be refused, each with the exact errors it must produce. Every body breaks one
 * rule of an otherwise valid event, so a test that fails names the rule. The backend's router tests can send the
 * same bodies and expect a 400 with these messages.
 */

/**
 * The time of receipt the corpus is written against (at must not be more than a day after it).
 *
 * @public
 */
export const CORPUS_NOW = new Date('2026-03-10T12:00:00Z');

/**
 * A valid event; each corpus entry changes one thing.
 *
 * @public
 */
export const corpusEvent = {
  source: 'scaffolder',
  kind: 'template-run',
  way: 'new',
  teamRef: 'group:default/team-a',
} as const;

/**
 * A request body that must be refused, with a name for the test and the exact validation errors it must produce.
 *
 * @public
 */
export interface MalformedBody {
  /** What the body gets wrong, used as the test name. */
  name: string;
  /** The request body to send. */
  body: unknown;
  /** The exact validation errors the body must produce. */
  errors: string[];
}

function withChanges(
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const event: Record<string, unknown> = { ...corpusEvent, ...changes };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) {
      delete event[key];
    }
  }
  return event;
}

const TOKEN_RULE =
  'must start with a lowercase letter or digit and hold only a-z 0-9 . _ : -';
const REF_NAMES =
  'with a namespace and name of letters, digits, "-", "_" and "."';
const AT_FORMAT =
  'at must be an ISO date-time with Z or an offset, like "2026-01-05T09:30:00Z"';

/**
 * Single events, as validateHabitEvent (and validateHabitEventBatch without `events`) reports them.
 *
 * @public
 */
export const malformedHabitEvents: MalformedBody[] = [
  {
    name: 'an array',
    body: [corpusEvent],
    errors: ['event must be an object, got an array'],
  },
  { name: 'null', body: null, errors: ['event must be an object, got null'] },
  {
    name: 'a string',
    body: 'template-run',
    errors: ['event must be an object, got "template-run"'],
  },
  { name: 'a number', body: 7, errors: ['event must be an object, got 7'] },
  {
    name: 'no source',
    body: withChanges({ source: undefined }),
    errors: ['source is required'],
  },
  {
    name: 'a null source',
    body: withChanges({ source: null }),
    errors: ['source must be a string, got null'],
  },
  {
    name: 'a numeric source',
    body: withChanges({ source: 42 }),
    errors: ['source must be a string, got 42'],
  },
  {
    name: 'an empty source',
    body: withChanges({ source: '' }),
    errors: ['source must not be empty'],
  },
  {
    name: 'a source of 101 characters',
    body: withChanges({ source: 'a'.repeat(101) }),
    errors: ['source must be at most 100 characters, got 101'],
  },
  {
    name: 'an uppercase source',
    body: withChanges({ source: 'Scaffolder' }),
    errors: [`source ${TOKEN_RULE}, got "Scaffolder"`],
  },
  {
    name: 'a source starting with a dot',
    body: withChanges({ source: '.ci' }),
    errors: [`source ${TOKEN_RULE}, got ".ci"`],
  },
  {
    name: 'no kind',
    body: withChanges({ kind: undefined }),
    errors: ['kind is required'],
  },
  {
    name: 'a kind with a space',
    body: withChanges({ kind: 'template run' }),
    errors: [`kind ${TOKEN_RULE}, got "template run"`],
  },
  {
    name: 'a kind as a list',
    body: withChanges({ kind: ['template-run'] }),
    errors: ['kind must be a string, got an array'],
  },
  {
    name: 'no way',
    body: withChanges({ way: undefined }),
    errors: ['way must be "new" or "old", got nothing'],
  },
  {
    name: 'an uppercase way',
    body: withChanges({ way: 'NEW' }),
    errors: ['way must be "new" or "old", got "NEW"'],
  },
  {
    name: 'a boolean way',
    body: withChanges({ way: true }),
    errors: ['way must be "new" or "old", got true'],
  },
  {
    name: 'a teamRef without a kind',
    body: withChanges({ teamRef: 'team-a' }),
    errors: [
      'teamRef must be an entity ref like group:default/example; got "team-a"',
    ],
  },
  {
    name: 'a teamRef to a user',
    body: withChanges({ teamRef: 'user:default/jo' }),
    errors: [
      'teamRef must refer to a group, like group:default/example; got a user ("user:default/jo")',
    ],
  },
  {
    name: 'a numeric teamRef',
    body: withChanges({ teamRef: 7 }),
    errors: [
      'teamRef must be an entity ref like "group:default/example", got 7',
    ],
  },
  {
    name: 'a userRef to a group',
    body: withChanges({ userRef: 'group:default/team-b' }),
    errors: [
      'userRef must refer to a user, like user:default/example; got a group ("group:default/team-b")',
    ],
  },
  {
    name: 'a templateRef to a component',
    body: withChanges({ templateRef: 'component:default/service' }),
    errors: [
      'templateRef must refer to a template, like template:default/example; got a component ("component:default/service")',
    ],
  },
  {
    name: 'a capabilityRef with an empty namespace',
    body: withChanges({ capabilityRef: 'system:/ci' }),
    errors: [
      'capabilityRef must be an entity ref like component:default/example; got "system:/ci"',
    ],
  },
  {
    name: 'a capabilityRef with a quote and SQL in its name',
    body: withChanges({ capabilityRef: "system:default/x'; DROP TABLE x; --" }),
    errors: [
      `capabilityRef must be an entity ref like component:default/example, ${REF_NAMES}; got "system:default/x'; DROP TABLE x; --"`,
    ],
  },
  {
    name: 'a teamRef with a path in its namespace',
    body: withChanges({ teamRef: 'group:../x' }),
    errors: [
      `teamRef must be an entity ref like group:default/example, ${REF_NAMES}; got "group:../x"`,
    ],
  },
  {
    name: 'a capabilityRef whose name is longer than 63 characters',
    body: withChanges({ capabilityRef: `system:default/${'c'.repeat(64)}` }),
    errors: [
      `capabilityRef must be an entity ref like component:default/example, ${REF_NAMES}; got "system:default/${'c'.repeat(
        64,
      )}"`,
    ],
  },
  {
    name: 'neither teamRef nor userRef',
    body: withChanges({ teamRef: undefined }),
    errors: ['event needs a teamRef or a userRef (or both)'],
  },
  {
    name: 'teamRef and userRef both null',
    body: withChanges({ teamRef: null, userRef: null }),
    errors: ['event needs a teamRef or a userRef (or both)'],
  },
  {
    name: 'an at in words',
    body: withChanges({ at: 'yesterday' }),
    errors: [`${AT_FORMAT}, got "yesterday"`],
  },
  {
    name: 'an at without a time',
    body: withChanges({ at: '2026-03-10' }),
    errors: [`${AT_FORMAT}, got "2026-03-10"`],
  },
  {
    name: 'an at without a time zone',
    body: withChanges({ at: '2026-03-10T10:00:00' }),
    errors: [`${AT_FORMAT}, got "2026-03-10T10:00:00"`],
  },
  {
    name: 'an at on a day that does not exist',
    body: withChanges({ at: '2026-02-30T10:00:00Z' }),
    errors: [`${AT_FORMAT}, got "2026-02-30T10:00:00Z"`],
  },
  {
    name: 'an at at hour 24',
    body: withChanges({ at: '2026-03-09T24:00:00Z' }),
    errors: [`${AT_FORMAT}, got "2026-03-09T24:00:00Z"`],
  },
  {
    name: 'an at in epoch milliseconds',
    body: withChanges({ at: 1773144000000 }),
    errors: [`${AT_FORMAT}, got 1773144000000`],
  },
  {
    name: 'an at more than a day in the future',
    body: withChanges({ at: '2026-03-11T12:00:00.001Z' }),
    errors: [
      'at must not be more than 1 day in the future, got "2026-03-11T12:00:00.001Z"',
    ],
  },
  {
    name: 'an at before 2000',
    body: withChanges({ at: '1999-12-31T23:59:59Z' }),
    errors: ['at must not be before 2000-01-01, got "1999-12-31T23:59:59Z"'],
  },
  {
    name: 'an empty idempotencyKey',
    body: withChanges({ idempotencyKey: '' }),
    errors: ['idempotencyKey must not be empty'],
  },
  {
    name: 'an idempotencyKey of 201 characters',
    body: withChanges({ idempotencyKey: 'k'.repeat(201) }),
    errors: ['idempotencyKey must be at most 200 characters long; it has 201'],
  },
  {
    name: 'an idempotencyKey with a NUL',
    body: withChanges({ idempotencyKey: 'run\u00001' }),
    errors: [
      'idempotencyKey must not contain a NUL character (at character 4)',
    ],
  },
  {
    name: 'an idempotencyKey with a lone surrogate',
    body: withChanges({ idempotencyKey: 'run-\ud800' }),
    errors: [
      'idempotencyKey must be well-formed Unicode text: it contains a lone UTF-16 surrogate',
    ],
  },
  {
    name: 'a numeric idempotencyKey',
    body: withChanges({ idempotencyKey: 5 }),
    errors: ['idempotencyKey must be a string, got 5'],
  },
  {
    name: 'an unknown key',
    body: withChanges({ team: 'team-a' }),
    errors: ['event has unknown key "team"'],
  },
  {
    name: 'a known key in the wrong case',
    body: withChanges({ Way: 'new' }),
    errors: ['event has unknown key "Way" (did you mean "way"?)'],
  },
  {
    name: 'a person-level field',
    body: withChanges({ email: 'jo@example.com' }),
    errors: ['event has unknown key "email"'],
  },
  {
    name: 'a __proto__ key',
    body: JSON.parse(
      `{"__proto__": {"polluted": true}, ${JSON.stringify(corpusEvent).slice(
        1,
      )}`,
    ),
    errors: ['event has forbidden key "__proto__"'],
  },
  {
    name: 'a constructor key',
    body: withChanges({ constructor: { prototype: { polluted: true } } }),
    errors: ['event has forbidden key "constructor"'],
  },
  {
    name: 'several problems at once, all reported',
    body: { source: 'CI', way: 'maybe', at: 'soon' },
    errors: [
      `source ${TOKEN_RULE}, got "CI"`,
      'kind is required',
      'way must be "new" or "old", got "maybe"',
      `${AT_FORMAT}, got "soon"`,
      'event needs a teamRef or a userRef (or both)',
    ],
  },
];

/**
 * Bodies that only validateHabitEventBatch sees: the `{ events: [...] }` envelope and per-index errors.
 *
 * @public
 */
export const malformedHabitEventBatches: MalformedBody[] = [
  {
    name: 'a bare list',
    body: [corpusEvent],
    errors: ['body must be an event or { "events": [...] }, got an array'],
  },
  {
    name: 'null',
    body: null,
    errors: ['body must be an event or { "events": [...] }, got null'],
  },
  {
    name: 'events as an object',
    body: { events: { 0: corpusEvent } },
    errors: ['events must be a list of 1 to 500 events, got an object'],
  },
  {
    name: 'no events',
    body: { events: [] },
    errors: ['events must hold 1 to 500 events, got 0'],
  },
  {
    name: '501 events',
    body: { events: new Array(501).fill(corpusEvent) },
    errors: ['events must hold 1 to 500 events, got 501'],
  },
  {
    name: 'a key next to events',
    body: { events: [corpusEvent], source: 'ci' },
    errors: ['body has unknown key "source" next to "events"'],
  },
  {
    name: 'a bad way in the fourth event',
    body: {
      events: [
        corpusEvent,
        corpusEvent,
        corpusEvent,
        withChanges({ way: 'NEW' }),
      ],
    },
    errors: ['events[3].way must be "new" or "old", got "NEW"'],
  },
  {
    name: 'problems in several events',
    body: {
      events: [
        null,
        corpusEvent,
        withChanges({ kind: undefined, extra: 1 }),
        withChanges({ teamRef: undefined }),
      ],
    },
    errors: [
      'events[0] must be an object, got null',
      'events[2] has unknown key "extra"',
      'events[2].kind is required',
      'events[3] needs a teamRef or a userRef (or both)',
    ],
  },
  {
    name: 'a __proto__ key in an event',
    body: {
      events: [
        JSON.parse(`{"__proto__": {}, ${JSON.stringify(corpusEvent).slice(1)}`),
      ],
    },
    errors: ['events[0] has forbidden key "__proto__"'],
  },
];
