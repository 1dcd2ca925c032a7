import { LoggerService } from '@backstage/backend-plugin-api';
import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  characterCount,
  EntityRefRule,
  requireRefOfKind,
  requireText,
  TextRule,
  textProblem,
} from '@platform-product/common';
import {
  isValidId,
  SURVEY_LIMITS,
} from '@platform-product/plugin-needs-discovery-common';
import { isIsoDate } from './annotations';

/*
 * What the MVP actions accept, beyond the shape their zod schemas state: the suite's one text and entity-ref rule
 * (`@platform-product/common`), need ids as needs-discovery writes them, review dates in the future, bounded lists
 * and bounded messages. Every check here is a small pure function; the handlers call them before any file or
 * service call, so a direct call of a handler (or an action run without the scaffolder's JSON-schema check) gets the
 * same answer as a template run.
 */

/** The limits of the actions' inputs, also stated in their schemas. */
export const INPUT_LIMITS = {
  /** Longest need id: needs-discovery's own limit. */
  needIdMaxLength: SURVEY_LIMITS.idMaxLength,
  /** Longest need title: needs-discovery's own limit. */
  needTitleMaxLength: SURVEY_LIMITS.needTitleMaxLength,
  /** Longest capability title. */
  titleMaxLength: 200,
  /** Longest feature. */
  featureMaxLength: 200,
  /** Most features in one list (in scope and deferred together for mvp:scope; each list for mvp:backlog). */
  maxListItems: 50,
  /** Most golden-path templates of one capability. */
  maxTemplates: 20,
  /** Longest success metric. */
  successMetricMaxLength: 500,
  /** Longest reason for a second MVP. */
  reasonMaxLength: 1000,
  /** Longest workspace path. */
  pathMaxLength: 1024,
  /** Most teams a need can be reported by. */
  maxTeams: 100_000,
} as const;

/** kebab-case, as needs-discovery writes need ids; with `INPUT_LIMITS.needIdMaxLength` it is `isValidId`. */
export const NEED_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** The shape of a review date; `isIsoDate` then checks it is a real calendar date. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The capability an MVP creates: a System or a Component, with its kind written out. */
export const CAPABILITY_REF: EntityRefRule = { kinds: ['system', 'component'] };
/** A team: a Group; `platform-team` means `group:default/platform-team`. */
export const TEAM_REF: EntityRefRule = {
  kinds: ['group'],
  defaultKind: 'group',
};
/** A golden path: a Template; `preview-environment` means `template:default/preview-environment`. */
export const TEMPLATE_REF: EntityRefRule = {
  kinds: ['template'],
  defaultKind: 'template',
};
/** The kinds `mvp:annotate` marks as a capability. */
export const CAPABILITY_KINDS = ['Component', 'System'] as const;

const MAX_QUOTED = 80;
const MAX_LISTED = 5;
const MAX_POSITIONS = 10;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A value for a message: JSON-quoted (control characters escaped), cut to 80 characters so a message stays small. */
export function quoteValue(value: string, max = MAX_QUOTED): string {
  const cut =
    characterCount(value) > max
      ? `${[...value].slice(0, max).join('')}…`
      : value;
  // A lone surrogate cannot be shown; JSON.stringify escapes it as \udxxx.
  return JSON.stringify(cut).replace(/\\ud[89a-f][0-9a-f]{2}/gi, '\uFFFD');
}

/** `"a", "b", "c", "d", "e" and 95 more`: at most five values, each cut to 80 characters. */
export function quoteList(items: readonly string[], max = MAX_LISTED): string {
  const shown = items.slice(0, max).map(item => quoteValue(item));
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** `1, 2, 3` or `1, 2, …, 10 and 99990 more`: list positions (1-based), at most ten. */
export function positionList(
  positions: readonly number[],
  max = MAX_POSITIONS,
): string {
  const shown = positions.slice(0, max).join(', ');
  const rest = positions.length - Math.min(max, positions.length);
  return rest > 0 ? `${shown} and ${rest} more` : shown;
}

/** A need id as needs-discovery writes it (kebab-case, at most 100 characters), or why it is not one. */
export function needIdProblem(value: string): string | undefined {
  const text = textProblem(value, {
    maxLength: INPUT_LIMITS.needIdMaxLength,
  });
  if (text) return text;
  if (!isValidId(value)) {
    return `must be a need id from needs-discovery: lower-case letters and digits in words joined by "-", like need-test-environments; got ${quoteValue(
      value,
    )}`;
  }
  return undefined;
}

/** `value` when it is a need id; otherwise an `InputError` that names the field. */
export function requireNeedId(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new InputError(`${field} must be a need id (a string)`);
  }
  const problem = needIdProblem(value);
  if (problem) throw new InputError(`${field} ${problem}`);
  return value;
}

/** `requireText`, trimmed, for single-line text that must not be blank. */
export function requireLine(
  value: unknown,
  field: string,
  maxLength: number,
): string {
  return requireText(value, field, { maxLength }).trim();
}

/** Optional text: undefined stays undefined, anything given must pass `requireText`. */
export function optionalText(
  value: unknown,
  field: string,
  rule: TextRule,
): string | undefined {
  return value === undefined ? undefined : requireText(value, field, rule);
}

/** Optional entity ref: undefined stays undefined, anything given must be a ref of the rule's kinds. */
export function optionalRef(
  value: unknown,
  field: string,
  rule: EntityRefRule,
): string | undefined {
  return value === undefined ? undefined : requireRefOfKind(value, field, rule);
}

/**
 * What is wrong with a list of short texts, as whole sentences that start with the field's name, bounded in size
 * whatever the list: too many items is said with the count (nothing else is looked at then), and bad items are
 * named by position, at most ten of them. Empty when every item is acceptable.
 */
export function textListProblems(
  items: unknown,
  field: string,
  rule: { maxItems: number; maxLength: number; minItems?: number },
): string[] {
  if (!Array.isArray(items)) return [`${field} must be a list of texts.`];
  if (items.length > rule.maxItems) {
    return [
      `${field} has ${items.length} items; at most ${rule.maxItems} are allowed.`,
    ];
  }
  if (items.length < (rule.minItems ?? 0)) {
    return [
      `${field} has ${plural(items.length, 'item')}; at least ${
        rule.minItems
      } ${rule.minItems === 1 ? 'is' : 'are'} needed.`,
    ];
  }
  const byProblem = new Map<string, number[]>();
  items.forEach((item, index) => {
    const problem =
      typeof item === 'string'
        ? textProblem(item, { maxLength: rule.maxLength })
        : 'must be a text';
    if (!problem) return;
    // One sentence per kind of problem; "at character 4" and "it has 201" differ per item, so they are cut off.
    const kind = problem.replace(/ \(at character \d+\)$|; it has \d+$/, '');
    byProblem.set(kind, [...(byProblem.get(kind) ?? []), index + 1]);
  });
  return [...byProblem].map(([problem, positions]) =>
    positions.length === 1
      ? `${field} item ${positions[0]} ${problem}.`
      : `${field} items ${positionList(positions)} ${problem}.`,
  );
}

/** `textListProblems` as one `InputError`, or nothing. */
export function requireTextList(
  items: unknown,
  field: string,
  rule: { maxItems: number; maxLength: number; minItems?: number },
): string[] {
  const problems = textListProblems(items, field, rule);
  if (problems.length) throw new InputError(problems.join(' '));
  return (items as string[]).map(item => item.trim());
}

/** Today's date in UTC, YYYY-MM-DD: the day review dates are compared with (as `mvp:scope` computes them). */
export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** `date` (YYYY-MM-DD) + `days`, as YYYY-MM-DD. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Why a keep-or-kill review date is not acceptable, or undefined: it must be a real date written YYYY-MM-DD,
 * strictly after today (UTC; today itself is refused, tomorrow is the first acceptable date: a review due today is
 * a review already due, not a time-box), and at most `maxTimeboxWeeks` weeks after today (the longest time-box
 * `mvp:scope` allows; exactly that day is acceptable).
 */
export function reviewDateProblem(
  value: string,
  now: Date,
  maxTimeboxWeeks: number,
): string | undefined {
  const today = todayUtc(now);
  if (!DATE_PATTERN.test(value) || !isIsoDate(value)) {
    return `must be a date written YYYY-MM-DD, e.g. ${addDays(
      today,
      7,
    )}; got ${quoteValue(value)}`;
  }
  if (value <= today) {
    return `must be after today (${today}, UTC): the review is the end of a time-box that has yet to run; got ${value}, ${
      value === today ? 'today' : 'in the past'
    }. Take the reviewDate output of mvp:scope from the same task`;
  }
  const latest = addDays(today, 7 * maxTimeboxWeeks);
  if (value > latest) {
    return `must be at most ${plural(
      maxTimeboxWeeks,
      'week',
    )} from today (mvp.maxTimeboxWeeks), that is ${latest} at the latest; got ${value}`;
  }
  return undefined;
}

/** `value` when it is an acceptable review date; otherwise an `InputError` naming the field. */
export function requireReviewDate(
  value: unknown,
  field: string,
  now: Date,
  maxTimeboxWeeks: number,
): string {
  if (typeof value !== 'string') {
    throw new InputError(`${field} must be a date written YYYY-MM-DD`);
  }
  const problem = reviewDateProblem(value, now, maxTimeboxWeeks);
  if (problem) throw new InputError(`${field} ${problem}`);
  return value;
}

/** An entity name as the catalog accepts it (letters, digits, `-`, `_`, `.`; at most 63 characters), or why not. */
export function entityNameProblem(value: string): string | undefined {
  const text = textProblem(value, { maxLength: 63 });
  if (text) return text;
  if (!KubernetesValidatorFunctions.isValidObjectName(value.trim())) {
    return `must be an entity name of letters, digits, "-", "_" and ".", starting and ending with a letter or digit; got ${quoteValue(
      value,
    )}`;
  }
  return undefined;
}

/** The workspace path rule: single-line text (so no NUL or other control character), at most 1024 characters. */
export function pathProblem(value: string): string | undefined {
  return textProblem(value, { maxLength: INPUT_LIMITS.pathMaxLength });
}

/**
 * Replaces every secret value of the task (`ctx.secrets`, including the `backstageToken`) in a text with `***`.
 * Values are trimmed and those of one character or less are left alone (they would blank out ordinary words), as the
 * scaffolder's own task-log redaction does; longer values are replaced first, so a secret that contains another
 * is hidden whole.
 */
export function createRedactor(
  secrets: Record<string, unknown> | undefined,
): (text: string) => string {
  const values = [
    ...new Set(
      Object.values(secrets ?? {})
        .filter((v): v is string => typeof v === 'string')
        .map(v => v.trim())
        .filter(v => v.length > 1)
        // Also as it appears inside a JSON-quoted value of a message (quoteValue), e.g. with a quote or backslash.
        .flatMap(v => [v, JSON.stringify(v).slice(1, -1)]),
    ),
  ].sort((a, b) => b.length - a.length);
  if (values.length === 0) return text => text;
  const pattern = new RegExp(
    values.map(v => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'g',
  );
  return text => text.replace(pattern, '***');
}

/** The log the actions write through: the task's logger with every secret value redacted from every line. */
export type ActionLog = Pick<LoggerService, 'info' | 'warn' | 'error'>;

/** Wraps the task logger so that no secret value of the task reaches the log through these actions. */
export function redactingLogger(
  logger: LoggerService,
  secrets: Record<string, unknown> | undefined,
): ActionLog {
  const redact = createRedactor(secrets);
  return {
    info: message => logger.info(redact(message)),
    warn: message => logger.warn(redact(message)),
    error: message => logger.error(redact(message)),
  };
}

/**
 * Runs an action's work and redacts the task's secret values from the message (and stack) of whatever it throws:
 * the scaffolder shows and logs a failed step's message, and our messages quote the values they refuse.
 */
export async function withSecretsRedacted<T>(
  secrets: Record<string, unknown> | undefined,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error) {
      const redact = createRedactor(secrets);
      error.message = redact(error.message);
      if (error.stack) error.stack = redact(error.stack);
    }
    throw error;
  }
}

/** Positions (1-based) of the items that repeat an earlier one, compared trimmed and case-insensitively. */
export function repeatedPositions(items: readonly string[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  items.forEach((item, index) => {
    const key = item.trim().toLocaleLowerCase('en-US');
    if (seen.has(key)) repeated.push(index + 1);
    seen.add(key);
  });
  return repeated;
}

/** A whole number within [min, max], or an `InputError` that names the field. */
export function requireWholeNumber(
  value: unknown,
  field: string,
  range: { min: number; max: number },
): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < range.min ||
    value > range.max
  ) {
    throw new InputError(
      `${field} must be a whole number from ${range.min} to ${
        range.max
      }; got ${quoteValue(String(value))}`,
    );
  }
  return value;
}
