import {
  CompoundEntityRef,
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/*
 * The suite's one rule for text and entity references, used by every family for every stored string and every path,
 * query or body parameter, so that the same input gets the same answer on SQLite and PostgreSQL: PostgreSQL rejects
 * NUL in text and binds column lengths, SQLite does neither, so both are checked here, before any database call.
 */

/**
 * The longest entity ref the suite stores: the `varchar(255)` columns that hold refs.
 *
 * @public
 */
export const MAX_ENTITY_REF_LENGTH = 255;

/**
 * How a string field is checked by {@link textProblem}.
 *
 * @public
 */
export interface TextRule {
  /** The most characters (Unicode code points) the field holds; the column's length where it is stored. */
  maxLength: number;
  /** Free text that may span lines: newline, carriage return and tab are allowed. Default false. */
  multiline?: boolean;
  /** Whether the empty or blank string is acceptable. Default false. */
  allowBlank?: boolean;
}

// C0 controls and DEL; newline, carriage return and tab are handled apart (allowed in multiline text).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
// eslint-disable-next-line no-control-regex
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The number of characters (Unicode code points) of a string: what a person counts, and what `maxLength` limits.
 *
 * @public
 */
export function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * What is wrong with a string under a rule, as the end of a sentence that starts with the field's name ("must not
 * contain a NUL character"), or undefined when it is acceptable text: well-formed Unicode (no lone UTF-16
 * surrogate), no NUL or other control character (newlines and tabs only in multiline text), not blank unless
 * allowed, at most `maxLength` characters.
 *
 * @public
 */
export function textProblem(value: string, rule: TextRule): string | undefined {
  if (LONE_SURROGATE.test(value)) {
    return 'must be well-formed Unicode text: it contains a lone UTF-16 surrogate';
  }
  const control = CONTROL.exec(value);
  if (control) {
    const code = control[0].codePointAt(0)!;
    const name =
      code === 0
        ? 'a NUL character'
        : `the control character U+${code
            .toString(16)
            .toUpperCase()
            .padStart(4, '0')}`;
    return `must not contain ${name} (at character ${
      characterCount(value.slice(0, control.index)) + 1
    })`;
  }
  if (!rule.multiline && LINE_BREAK_OR_TAB.test(value)) {
    return 'must be a single line without tabs';
  }
  if (!rule.allowBlank && value.trim() === '') {
    return value === '' ? 'must not be empty' : 'must not be blank';
  }
  const length = characterCount(value);
  if (length > rule.maxLength) {
    return `must be at most ${rule.maxLength} characters long; it has ${length}`;
  }
  return undefined;
}

/**
 * `value` when it is a string that passes {@link textProblem}; otherwise throws an `InputError` (a 400 at the HTTP
 * boundary) that names the field: "title must not contain a NUL character (at character 4)".
 *
 * @public
 */
export function requireText(
  value: unknown,
  field: string,
  rule: TextRule,
): string {
  if (typeof value !== 'string') {
    throw new InputError(`${field} must be a string`);
  }
  const problem = textProblem(value, rule);
  if (problem) {
    throw new InputError(`${field} ${problem}`);
  }
  return value;
}

/**
 * How an entity ref field is read by {@link parseRefOfKind}.
 *
 * @public
 */
export interface EntityRefRule {
  /** The kinds the field means, e.g. `['group']` for a team, `['template']` for a golden path. */
  kinds: readonly string[];
  /** The kind of a ref written without one (`team=billing`); none when the kind must be written. */
  defaultKind?: string;
  /** Default `default`. */
  defaultNamespace?: string;
}

/**
 * A parsed entity ref in its canonical string form (`kind:namespace/name`, kind and namespace lower-cased), or the
 * reason it is not a ref of one of the rule's kinds.
 *
 * @public
 */
export type EntityRefResult =
  | { ref: string; entity: CompoundEntityRef; problem?: undefined }
  | { ref?: undefined; entity?: undefined; problem: string };

/**
 * Reads an entity ref with `@backstage/catalog-model`'s parser and the catalog's own name rules (kind, namespace and
 * name as the catalog accepts them, so `group:../x` or `system:default/x'; DROP TABLE` are not refs), and checks that
 * its kind is one the field means.
 *
 * @public
 */
export function parseRefOfKind(
  value: string,
  rule: EntityRefRule,
): EntityRefResult {
  const kinds = rule.kinds.map(kind => kind.toLocaleLowerCase('en-US'));
  const example = `${kinds[0] ?? 'component'}:default/example`;
  const textIssue = textProblem(value, { maxLength: MAX_ENTITY_REF_LENGTH });
  if (textIssue) {
    return { problem: `${textIssue}; expected an entity ref like ${example}` };
  }
  let parsed: CompoundEntityRef;
  try {
    parsed = parseEntityRef(value.trim(), {
      defaultKind: rule.defaultKind,
      defaultNamespace: rule.defaultNamespace ?? 'default',
    });
  } catch {
    return {
      problem: `must be an entity ref like ${example}; got ${quote(value)}`,
    };
  }
  if (
    !KubernetesValidatorFunctions.isValidObjectName(parsed.name) ||
    // Namespaces compare case-insensitively in the catalog: `Default` is `default`.
    !KubernetesValidatorFunctions.isValidNamespace(
      parsed.namespace.toLocaleLowerCase('en-US'),
    ) ||
    !/^[a-zA-Z][a-zA-Z0-9]*$/.test(parsed.kind)
  ) {
    return {
      problem: `must be an entity ref like ${example}, with a namespace and name of letters, digits, "-", "_" and "."; got ${quote(
        value,
      )}`,
    };
  }
  const kind = parsed.kind.toLocaleLowerCase('en-US');
  if (kinds.length > 0 && !kinds.includes(kind)) {
    return {
      problem: `must refer to a ${kinds.join(
        ' or a ',
      )}, like ${example}; got a ${kind} (${quote(value)})`,
    };
  }
  const entity = {
    kind,
    namespace: parsed.namespace.toLocaleLowerCase('en-US'),
    name: parsed.name,
  };
  return { ref: stringifyEntityRef(entity), entity };
}

/**
 * The canonical ref of `value` under `rule`, or an `InputError` that names the field.
 *
 * @public
 */
export function requireRefOfKind(
  value: unknown,
  field: string,
  rule: EntityRefRule,
): string {
  if (typeof value !== 'string') {
    throw new InputError(`${field} must be an entity ref (a string)`);
  }
  const result = parseRefOfKind(value, rule);
  if (result.problem !== undefined) {
    throw new InputError(`${field} ${result.problem}`);
  }
  return result.ref;
}

/**
 * A whole number written in decimal digits only (no sign, exponent, hex or blanks: `?days=0x10` is not 16), within
 * [min, max]; otherwise an `InputError` that names the parameter.
 *
 * @public
 */
export function requireDecimalInteger(
  value: unknown,
  field: string,
  range: { min: number; max: number },
): number {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^(0|[1-9][0-9]{0,15})$/.test(text)) {
    throw new InputError(
      `${field} must be a whole number written in digits, from ${
        range.min
      } to ${range.max}; got ${quote(String(value))}`,
    );
  }
  const number = Number(text);
  if (
    !Number.isSafeInteger(number) ||
    number < range.min ||
    number > range.max
  ) {
    throw new InputError(
      `${field} must be from ${range.min} to ${range.max}; got ${text}`,
    );
  }
  return number;
}

/**
 * An integer query parameter as the caller wrote it ({@link requireDecimalInteger}), or undefined when the request has
 * none. The routes' OpenAPI validator bounds the value but coerces query values with Number() (`?days=0x10` would be
 * 16, `1e2` 100), so the value is read again from the request's URL.
 *
 * @public
 */
export function requireDecimalQueryParameter(
  req: { originalUrl: string },
  name: string,
  range: { min: number; max: number },
): number | undefined {
  const query = req.originalUrl.split('?')[1];
  const raw = query === undefined ? null : new URLSearchParams(query).get(name);
  return raw === null ? undefined : requireDecimalInteger(raw, name, range);
}

/** A value for a message: quoted, control characters escaped, cut to 80 characters so an error stays small. */
function quote(value: string): string {
  const escaped = JSON.stringify(
    characterCount(value) > 80 ? `${[...value].slice(0, 80).join('')}…` : value,
  );
  return escaped.replace(/\\ud[89a-f][0-9a-f]{2}/gi, '\uFFFD');
}
