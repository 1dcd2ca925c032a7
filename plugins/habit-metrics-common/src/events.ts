import { parseRefOfKind, textProblem } from '@platform-product/common';
import { describeValue, isPlainObject, parseIsoTimestamp } from './internal';
import { HabitEventInput, Way, WAYS } from './types';

/**
 * Outcome of a validation: `value` is set only when `errors` is empty.
 *
 * @public
 */
export interface ValidationResult<T> {
  /** The validated, normalised value; absent when there are errors. */
  value?: T;
  /** Messages naming each problem with its path; empty when the input is valid. */
  errors: string[];
}

/**
 * Options of habit event validation: the time of receipt and the allowed clock skew.
 *
 * @public
 */
export interface HabitEventValidationOptions {
  /** The time of receipt; defaults to the current time. */
  now?: Date;
  /** How far in the future `at` may lie, for clock skew between senders; defaults to one day. */
  maxFutureMs?: number;
}

/**
 * Limits of the events API, shared with the OpenAPI spec and the backend.
 *
 * @public
 */
export const HABIT_EVENT_LIMITS = {
  maxBatchSize: 500,
  sourceMaxLength: 100,
  kindMaxLength: 100,
  idempotencyKeyMaxLength: 200,
  defaultMaxFutureMs: 24 * 60 * 60 * 1000,
  /** Nothing this plugin measures happened earlier; older times are typos or zeroed clocks. */
  earliestAt: '2000-01-01T00:00:00.000Z',
} as const;

const EVENT_KEYS: readonly (keyof HabitEventInput)[] = [
  'source',
  'kind',
  'way',
  'capabilityRef',
  'templateRef',
  'teamRef',
  'userRef',
  'at',
  'idempotencyKey',
];

/** Keys that reach Object.prototype when copied onto a plain object. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

const TOKEN = /^[a-z0-9][a-z0-9._:-]*$/;

/** Longer than any ISO date-time with nanoseconds and an offset; stops the pattern from scanning huge strings. */
const TIMESTAMP_MAX_LENGTH = 40;

const EARLIEST_AT_MS = Date.parse(HABIT_EVENT_LIMITS.earliestAt);

/**
 * Checks one event as a source sent it and returns a normalised copy: entity refs as lowercase
 * `kind:namespace/name`, `at` as a UTC ISO string, null optional fields left out. Reports every problem, never throws
 * on input of the wrong JSON type.
 *
 * @throws RangeError only for invalid options (a programming error, not bad input).
 *
 * @public
 */
export function validateHabitEvent(
  input: unknown,
  options: HabitEventValidationOptions = {},
): ValidationResult<HabitEventInput> {
  const errors: string[] = [];
  const value = readEvent(input, 'event', '', readLimits(options), errors);
  return errors.length === 0 ? { value, errors } : { errors };
}

/**
 * Checks the body of `POST /events`: either one event or `{ "events": [...] }` with 1 to 500 events. Errors name
 * the event by index, e.g. `events[3].way must be "new" or "old", got "NEW"`; the value is always a list.
 *
 * @throws RangeError only for invalid options (a programming error, not bad input).
 *
 * @public
 */
export function validateHabitEventBatch(
  input: unknown,
  options: HabitEventValidationOptions = {},
): ValidationResult<HabitEventInput[]> {
  const limits = readLimits(options);
  const errors: string[] = [];
  if (!isPlainObject(input)) {
    return {
      errors: [
        `body must be an event or { "events": [...] }, got ${describeValue(
          input,
        )}`,
      ],
    };
  }
  if (!Object.prototype.hasOwnProperty.call(input, 'events')) {
    const event = readEvent(input, 'event', '', limits, errors);
    return errors.length === 0 ? { value: [event!], errors } : { errors };
  }

  for (const key of Object.keys(input)) {
    if (key !== 'events') {
      errors.push(
        `body has unknown key ${describeValue(key)} next to "events"`,
      );
    }
  }
  const { maxBatchSize } = HABIT_EVENT_LIMITS;
  const items = input.events;
  if (!Array.isArray(items)) {
    errors.push(
      `events must be a list of 1 to ${maxBatchSize} events, got ${describeValue(
        items,
      )}`,
    );
    return { errors };
  }
  if (items.length < 1 || items.length > maxBatchSize) {
    // Past the limit the events are not read: the sender has to split the batch anyway.
    errors.push(
      `events must hold 1 to ${maxBatchSize} events, got ${items.length}`,
    );
    return { errors };
  }
  const events: HabitEventInput[] = [];
  items.forEach((item, index) => {
    const event = readEvent(
      item,
      `events[${index}]`,
      `events[${index}].`,
      limits,
      errors,
    );
    if (event) {
      events.push(event);
    }
  });
  return errors.length === 0 ? { value: events, errors } : { errors };
}

interface Limits {
  nowMs: number;
  maxFutureMs: number;
}

function readLimits(options: HabitEventValidationOptions): Limits {
  const {
    now = new Date(),
    maxFutureMs = HABIT_EVENT_LIMITS.defaultMaxFutureMs,
  } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new RangeError('options.now must be a valid Date');
  }
  if (!Number.isFinite(maxFutureMs) || maxFutureMs < 0) {
    throw new RangeError(
      `options.maxFutureMs must be a number ≥ 0, got ${describeValue(
        maxFutureMs,
      )}`,
    );
  }
  return { nowMs: now.getTime(), maxFutureMs };
}

/**
 * Reads one event; `subject` names it in object-level messages (`event`, `events[3]`), `prefix` is put before field
 * names (`events[3].`). Returns the event only when it added no error.
 */
function readEvent(
  input: unknown,
  subject: string,
  prefix: string,
  limits: Limits,
  errors: string[],
): HabitEventInput | undefined {
  if (!isPlainObject(input)) {
    errors.push(`${subject} must be an object, got ${describeValue(input)}`);
    return undefined;
  }
  const errorsBefore = errors.length;
  for (const key of Object.keys(input)) {
    if (FORBIDDEN_KEYS.has(key)) {
      errors.push(`${subject} has forbidden key ${describeValue(key)}`);
    } else if (!(EVENT_KEYS as readonly string[]).includes(key)) {
      errors.push(
        `${subject} has unknown key ${describeValue(key)}${suggestKey(key)}`,
      );
    }
  }
  // Only known keys are read, each as an own property, so nothing comes from a prototype.
  const field = (key: keyof HabitEventInput) => ({
    name: `${prefix}${key}`,
    value: Object.prototype.hasOwnProperty.call(input, key)
      ? input[key]
      : undefined,
  });

  const source = readToken(
    field('source'),
    HABIT_EVENT_LIMITS.sourceMaxLength,
    errors,
  );
  const kind = readToken(
    field('kind'),
    HABIT_EVENT_LIMITS.kindMaxLength,
    errors,
  );
  const way = readWay(field('way'), errors);
  const capabilityRef = readEntityRef(field('capabilityRef'), null, errors);
  const templateRef = readEntityRef(field('templateRef'), 'template', errors);
  const teamRef = readEntityRef(field('teamRef'), 'group', errors);
  const userRef = readEntityRef(field('userRef'), 'user', errors);
  const at = readAt(field('at'), limits, errors);
  const idempotencyKey = readIdempotencyKey(field('idempotencyKey'), errors);

  if (isAbsent(field('teamRef').value) && isAbsent(field('userRef').value)) {
    errors.push(`${subject} needs a teamRef or a userRef (or both)`);
  }
  if (errors.length > errorsBefore) {
    return undefined;
  }
  return {
    source: source!,
    kind: kind!,
    way: way!,
    ...(capabilityRef !== undefined && { capabilityRef }),
    ...(templateRef !== undefined && { templateRef }),
    ...(teamRef !== undefined && { teamRef }),
    ...(userRef !== undefined && { userRef }),
    ...(at !== undefined && { at }),
    ...(idempotencyKey !== undefined && { idempotencyKey }),
  };
}

interface Field {
  name: string;
  value: unknown;
}

/** Senders often write null for "not given"; optional fields treat it so. */
function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

function readToken(
  { name, value }: Field,
  maxLength: number,
  errors: string[],
): string | undefined {
  if (value === undefined) {
    errors.push(`${name} is required`);
  } else if (typeof value !== 'string') {
    errors.push(`${name} must be a string, got ${describeValue(value)}`);
  } else if (value.length === 0) {
    errors.push(`${name} must not be empty`);
  } else if (value.length > maxLength) {
    errors.push(
      `${name} must be at most ${maxLength} characters, got ${value.length}`,
    );
  } else if (!TOKEN.test(value)) {
    errors.push(
      `${name} must start with a lowercase letter or digit and hold only a-z 0-9 . _ : -, got ${describeValue(
        value,
      )}`,
    );
  } else {
    return value;
  }
  return undefined;
}

function readWay({ name, value }: Field, errors: string[]): Way | undefined {
  if ((WAYS as readonly unknown[]).includes(value)) {
    return value as Way;
  }
  errors.push(
    `${name} must be ${WAYS.map(way => `"${way}"`).join(
      ' or ',
    )}, got ${describeValue(value)}`,
  );
  return undefined;
}

/**
 * An optional entity ref in canonical form (`kind:namespace/name`), read by the suite's one ref rule
 * (`@platform-product/common`); `requiredKind` null accepts any kind, but the kind must be written.
 */
function readEntityRef(
  { name, value }: Field,
  requiredKind: string | null,
  errors: string[],
): string | undefined {
  if (isAbsent(value)) {
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.push(
      `${name} must be an entity ref like "${
        requiredKind ?? 'component'
      }:default/example", got ${describeValue(value)}`,
    );
    return undefined;
  }
  const result = parseRefOfKind(value, {
    kinds: requiredKind ? [requiredKind] : [],
  });
  if (result.problem !== undefined) {
    errors.push(`${name} ${result.problem}`);
    return undefined;
  }
  return result.ref;
}

function readAt(
  { name, value }: Field,
  { nowMs, maxFutureMs }: Limits,
  errors: string[],
): string | undefined {
  if (isAbsent(value)) {
    return undefined;
  }
  const parsed =
    typeof value === 'string' && value.length <= TIMESTAMP_MAX_LENGTH
      ? parseIsoTimestamp(value)
      : undefined;
  // A zone-less time would be read in whoever's zone; the week it lands in must not depend on that.
  if (!parsed || !parsed.hasTime || !parsed.hasZone) {
    errors.push(
      `${name} must be an ISO date-time with Z or an offset, like "2026-01-05T09:30:00Z", got ${describeValue(
        value,
      )}`,
    );
    return undefined;
  }
  if (parsed.epochMs < EARLIEST_AT_MS) {
    errors.push(
      `${name} must not be before ${HABIT_EVENT_LIMITS.earliestAt.slice(
        0,
        10,
      )}, got ${describeValue(value)}`,
    );
    return undefined;
  }
  if (parsed.epochMs > nowMs + maxFutureMs) {
    errors.push(
      `${name} must not be more than ${describeDuration(
        maxFutureMs,
      )} in the future, got ${describeValue(value)}`,
    );
    return undefined;
  }
  return new Date(parsed.epochMs).toISOString();
}

function readIdempotencyKey(
  { name, value }: Field,
  errors: string[],
): string | undefined {
  if (isAbsent(value)) {
    return undefined;
  }
  const { idempotencyKeyMaxLength } = HABIT_EVENT_LIMITS;
  if (typeof value !== 'string') {
    errors.push(`${name} must be a string, got ${describeValue(value)}`);
    return undefined;
  }
  // Well-formed single-line text: a lone surrogate would be stored as one key and compared as another.
  const problem = textProblem(value, { maxLength: idempotencyKeyMaxLength });
  if (problem) {
    errors.push(`${name} ${problem}`);
    return undefined;
  }
  return value;
}

/** Catches the usual slip, a key in the wrong case (`teamref`, `TeamRef`). */
function suggestKey(key: string): string {
  const match = EVENT_KEYS.find(
    known => known.toLowerCase() === key.toLowerCase(),
  );
  return match ? ` (did you mean "${match}"?)` : '';
}

function describeDuration(ms: number): string {
  const units: [number, string][] = [
    [24 * 60 * 60 * 1000, 'day'],
    [60 * 60 * 1000, 'hour'],
    [60 * 1000, 'minute'],
    [1000, 'second'],
  ];
  for (const [size, unit] of units) {
    if (ms >= size && ms % size === 0) {
      const amount = ms / size;
      return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
    }
  }
  return `${ms} ms`;
}
