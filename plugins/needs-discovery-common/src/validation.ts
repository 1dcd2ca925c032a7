import { parseRefOfKind, textProblem } from '@platform-product/common';
import { parseDocument } from 'yaml';
import {
  Answers,
  AnswerValue,
  DEFAULT_ANONYMITY_THRESHOLD,
  DEFAULT_FREE_TEXT_MAX_LENGTH,
  FREQUENCIES,
  Frequency,
  MIN_ANONYMITY_THRESHOLD,
  NeedDefinition,
  NeedRating,
  Question,
  QUESTION_TYPES,
  QuestionType,
  Survey,
  SurveyDefinition,
} from './types';

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
 * Size limits of a survey definition, shared with the builder UI for its hints.
 *
 * @public
 */
export const SURVEY_LIMITS = {
  titleMaxLength: 200,
  descriptionMaxLength: 5000,
  maxAnonymityThreshold: 1000,
  maxNeeds: 100,
  idMaxLength: 100,
  needTitleMaxLength: 200,
  needDescriptionMaxLength: 2000,
  minQuestions: 1,
  maxQuestions: 50,
  questionTitleMaxLength: 500,
  questionDescriptionMaxLength: 2000,
  minOptions: 2,
  maxOptions: 50,
  optionMaxLength: 200,
  maxFreeTextLength: 10000,
} as const;

/**
 * Lowest pain rating of a need (1: barely hurts).
 *
 * @public
 */
export const MIN_PAIN = 1;
/**
 * Highest pain rating of a need (5: hurts the most).
 *
 * @public
 */
export const MAX_PAIN = 5;
/**
 * Lowest answer of an NPS question.
 *
 * @public
 */
export const MIN_NPS = 0;
/**
 * Highest answer of an NPS question.
 *
 * @public
 */
export const MAX_NPS = 10;

const KEBAB_CASE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO_DATE_OR_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Keys that would reach Object.prototype when used on a plain object; never valid ids. */
const RESERVED_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

const SURVEY_KEYS = [
  'title',
  'description',
  'audience',
  'anonymityThreshold',
  'closesAt',
  'needs',
  'questions',
];
const NEED_KEYS = ['id', 'title', 'description'];
const QUESTION_BASE_KEYS = ['id', 'type', 'title', 'description', 'required'];
const QUESTION_KEYS: Record<QuestionType, string[]> = {
  'need-rating': QUESTION_BASE_KEYS,
  'single-choice': [...QUESTION_BASE_KEYS, 'options'],
  'multi-choice': [...QUESTION_BASE_KEYS, 'options', 'maxSelections'],
  ranking: [...QUESTION_BASE_KEYS, 'max'],
  'free-text': [...QUESTION_BASE_KEYS, 'maxLength', 'proposesNeed'],
  nps: QUESTION_BASE_KEYS,
};
const RATING_KEYS = ['pain', 'frequency'];

/**
 * Whether `id` can name a need or question: kebab-case, at most 100 characters, not a reserved word.
 *
 * @public
 */
export function isValidId(id: string): boolean {
  return (
    id.length <= SURVEY_LIMITS.idMaxLength &&
    KEBAB_CASE_ID.test(id) &&
    !RESERVED_KEYS.has(id)
  );
}

/**
 * Normalises a group reference to `group:<namespace>/<name>`, lowercased; `group:name` means the default namespace.
 * Returns undefined for anything that is not a group reference. Read by the suite's one ref rule
 * (`parseRefOfKind` of `@platform-product/common`: the catalog's name rules, the kind written and a group); the
 * whole ref is then lowercased, as survey audiences are stored and compared.
 *
 * @public
 */
export function normalizeGroupRef(ref: string): string | undefined {
  return parseRefOfKind(ref, { kinds: ['group'] }).ref?.toLocaleLowerCase(
    'en-US',
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Survey definitions
// ---------------------------------------------------------------------------------------------------------------

/**
 * Checks a survey definition as an author wrote it and returns a normalised copy: strings trimmed, group refs in
 * full lowercase form, defaults applied and nothing but known keys. Every problem is reported, not just the first.
 *
 * @public
 */
export function validateSurveyDefinition(
  input: unknown,
  options: { defaultAnonymityThreshold?: number } = {},
): ValidationResult<SurveyDefinition> {
  if (!isPlainObject(input)) {
    return {
      errors: [`a survey must be an object, got ${describeValue(input)}`],
    };
  }
  const errors: string[] = [];
  reportUnknownKeys(input, SURVEY_KEYS, '', errors, { what: 'top-level key' });

  const title = readText(input.title, 'title', {
    required: true,
    maxLength: SURVEY_LIMITS.titleMaxLength,
    errors,
  });
  const description = readText(input.description, 'description', {
    maxLength: SURVEY_LIMITS.descriptionMaxLength,
    errors,
  });
  const audience = readAudience(input.audience, errors);
  const anonymityThreshold = readAnonymityThreshold(
    input.anonymityThreshold,
    options.defaultAnonymityThreshold,
    errors,
  );
  const closesAt = readClosesAt(input.closesAt, errors);
  const needs = readNeeds(input.needs, errors);
  const questions = readQuestions(input.questions, needs, errors);

  if (errors.length > 0) {
    return { errors };
  }
  const value: SurveyDefinition = {
    title: title!,
    ...(description !== undefined && { description }),
    audience,
    anonymityThreshold,
    closesAt,
    needs: needs.valid,
    questions,
  };
  return { value, errors: [] };
}

/**
 * Parses a survey written as YAML (as in examples/surveys) and validates it.
 *
 * @public
 */
export function parseSurveyYaml(
  text: string,
  options: { defaultAnonymityThreshold?: number } = {},
): ValidationResult<SurveyDefinition> {
  if (typeof text !== 'string') {
    return {
      errors: [`YAML text must be a string, got ${describeValue(text)}`],
    };
  }
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    return {
      errors: document.errors.map(error =>
        error.code === 'MULTIPLE_DOCS'
          ? 'YAML syntax error: the text holds more than one document (a "---" line); a survey is one document'
          : `YAML syntax error: ${error.message}`,
      ),
    };
  }
  let data: unknown;
  try {
    data = document.toJS();
  } catch (error) {
    // toJS throws on alias bombs (excessive alias count) rather than reporting them in document.errors.
    return { errors: [`YAML could not be read: ${(error as Error).message}`] };
  }
  return validateSurveyDefinition(data, options);
}

function readAudience(value: unknown, errors: string[]): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    errors.push(
      `audience must be a list of group refs (empty means everyone), got ${describeValue(
        value,
      )}`,
    );
    return [];
  }
  const audience: string[] = [];
  const firstIndexByRef = new Map<string, number>();
  value.forEach((entry, index) => {
    const ref =
      typeof entry === 'string' ? normalizeGroupRef(entry) : undefined;
    if (ref === undefined) {
      errors.push(
        `audience[${index}] must be a group ref like "group:default/checkout" or "group:checkout", got ${describeValue(
          entry,
        )}`,
      );
      return;
    }
    const firstIndex = firstIndexByRef.get(ref);
    if (firstIndex !== undefined) {
      errors.push(
        `audience[${index}]: "${ref}" is listed more than once (also audience[${firstIndex}])`,
      );
      return;
    }
    firstIndexByRef.set(ref, index);
    audience.push(ref);
  });
  return audience;
}

function readAnonymityThreshold(
  value: unknown,
  configuredDefault: number | undefined,
  errors: string[],
): number {
  if (value === undefined) {
    // A configured default below the minimum would weaken anonymity, so the minimum wins.
    return Math.max(
      configuredDefault ?? DEFAULT_ANONYMITY_THRESHOLD,
      MIN_ANONYMITY_THRESHOLD,
    );
  }
  if (
    !isIntegerIn(
      value,
      MIN_ANONYMITY_THRESHOLD,
      SURVEY_LIMITS.maxAnonymityThreshold,
    )
  ) {
    errors.push(
      `anonymityThreshold must be an integer ${MIN_ANONYMITY_THRESHOLD}–${
        SURVEY_LIMITS.maxAnonymityThreshold
      } (results drawn from fewer respondents are hidden), got ${describeValue(
        value,
      )}`,
    );
  }
  return value as number;
}

function readClosesAt(value: unknown, errors: string[]): string | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'string' || !isIsoDateOrDateTime(value.trim())) {
    errors.push(
      `closesAt must be an ISO date or date-time such as "2026-05-31" or "2026-05-31T17:00:00Z", or null, got ${describeValue(
        value,
      )}`,
    );
    return null;
  }
  return value.trim();
}

function isIsoDateOrDateTime(text: string): boolean {
  const match = ISO_DATE_OR_DATE_TIME.exec(text);
  if (!match) {
    return false;
  }
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  const daysInMonth = new Date(
    Date.UTC(Number(year), Number(month), 0),
  ).getUTCDate();
  return (
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(day) >= 1 &&
    Number(day) <= daysInMonth &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    !Number.isNaN(Date.parse(text))
  );
}

interface ReadNeeds {
  valid: NeedDefinition[];
  /** Entries the author listed, valid or not; question rules compare against it so one bad need does not cascade. */
  count: number;
  /** False when `needs` itself was unusable; need-dependent question rules are then skipped. */
  usable: boolean;
}

function readNeeds(value: unknown, errors: string[]): ReadNeeds {
  if (value === undefined || value === null) {
    return { valid: [], count: 0, usable: true };
  }
  if (!Array.isArray(value)) {
    errors.push(`needs must be a list of needs, got ${describeValue(value)}`);
    return { valid: [], count: 0, usable: false };
  }
  if (value.length > SURVEY_LIMITS.maxNeeds) {
    errors.push(
      `needs must have at most ${SURVEY_LIMITS.maxNeeds} entries, got ${value.length}`,
    );
  }
  const valid: NeedDefinition[] = [];
  const firstIndexById = new Map<string, number>();
  value.forEach((entry, index) => {
    const need = readNeed(entry, index, firstIndexById, errors);
    if (need) {
      valid.push(need);
    }
  });
  return { valid, count: value.length, usable: true };
}

function readNeed(
  entry: unknown,
  index: number,
  firstIndexById: Map<string, number>,
  errors: string[],
): NeedDefinition | undefined {
  if (!isPlainObject(entry)) {
    errors.push(
      `needs[${index}] must be an object with id and title, got ${describeValue(
        entry,
      )}`,
    );
    return undefined;
  }
  const prefix = `needs[${index}]${describeIdSuffix(entry.id)}`;
  const before = errors.length;
  reportUnknownKeys(entry, NEED_KEYS, prefix, errors);
  const id = readId(entry.id, prefix, 'needs', index, firstIndexById, errors);
  const title = readText(entry.title, 'title', {
    prefix,
    required: true,
    maxLength: SURVEY_LIMITS.needTitleMaxLength,
    errors,
  });
  const description = readText(entry.description, 'description', {
    prefix,
    maxLength: SURVEY_LIMITS.needDescriptionMaxLength,
    errors,
  });
  if (errors.length > before) {
    return undefined;
  }
  return {
    id: id!,
    title: title!,
    ...(description !== undefined && { description }),
  };
}

function readQuestions(
  value: unknown,
  needs: ReadNeeds,
  errors: string[],
): Question[] {
  if (value === undefined || value === null) {
    errors.push(
      `questions is required: a list of ${SURVEY_LIMITS.minQuestions}–${SURVEY_LIMITS.maxQuestions} questions`,
    );
    return [];
  }
  if (!Array.isArray(value)) {
    errors.push(
      `questions must be a list of questions, got ${describeValue(value)}`,
    );
    return [];
  }
  if (value.length < SURVEY_LIMITS.minQuestions) {
    errors.push(
      `questions must have at least ${SURVEY_LIMITS.minQuestions} entry`,
    );
  }
  if (value.length > SURVEY_LIMITS.maxQuestions) {
    errors.push(
      `questions must have at most ${SURVEY_LIMITS.maxQuestions} entries, got ${value.length}`,
    );
  }
  const questions: Question[] = [];
  const firstIndexById = new Map<string, number>();
  let needRatingIndex: number | undefined;
  value.forEach((entry, index) => {
    if (isPlainObject(entry) && entry.type === 'need-rating') {
      if (needRatingIndex !== undefined) {
        errors.push(
          `questions[${index}]${describeIdSuffix(
            entry.id,
          )}: only one need-rating question is allowed (questions[${needRatingIndex}] is one already)`,
        );
      } else {
        needRatingIndex = index;
      }
    }
    const question = readQuestion(entry, index, firstIndexById, needs, errors);
    if (question) {
      questions.push(question);
    }
  });
  return questions;
}

function readQuestion(
  entry: unknown,
  index: number,
  firstIndexById: Map<string, number>,
  needs: ReadNeeds,
  errors: string[],
): Question | undefined {
  if (!isPlainObject(entry)) {
    errors.push(
      `questions[${index}] must be an object with id, type and title, got ${describeValue(
        entry,
      )}`,
    );
    return undefined;
  }
  const prefix = `questions[${index}]${describeIdSuffix(entry.id)}`;
  const before = errors.length;

  const type = entry.type;
  const knownType = isQuestionType(type);
  if (!knownType) {
    errors.push(
      `${prefix}: type must be one of ${QUESTION_TYPES.join(
        ', ',
      )}, got ${describeValue(type)}`,
    );
  } else {
    reportUnknownKeys(entry, QUESTION_KEYS[type], prefix, errors, {
      context: ` for ${type === 'nps' ? 'an' : 'a'} ${type} question`,
    });
  }
  const id = readId(
    entry.id,
    prefix,
    'questions',
    index,
    firstIndexById,
    errors,
  );
  const title = readText(entry.title, 'title', {
    prefix,
    required: true,
    maxLength: SURVEY_LIMITS.questionTitleMaxLength,
    errors,
  });
  const description = readText(entry.description, 'description', {
    prefix,
    maxLength: SURVEY_LIMITS.questionDescriptionMaxLength,
    errors,
  });
  const required = readBoolean(entry.required, 'required', prefix, errors);
  if (!knownType) {
    return undefined;
  }
  const base = {
    id: id!,
    title: title!,
    ...(description !== undefined && { description }),
    required: required ?? false,
  };
  const question = readQuestionOfType(type, entry, base, prefix, needs, errors);
  return errors.length > before ? undefined : question;
}

type QuestionBaseFields = Pick<
  Question,
  'id' | 'title' | 'description' | 'required'
>;

function readQuestionOfType(
  type: QuestionType,
  entry: Record<string, unknown>,
  base: QuestionBaseFields,
  prefix: string,
  needs: ReadNeeds,
  errors: string[],
): Question {
  const requireNeeds = () => {
    if (needs.usable && needs.count === 0) {
      errors.push(
        `${prefix}: ${type} questions require at least one need in needs`,
      );
    }
  };
  switch (type) {
    case 'need-rating':
      requireNeeds();
      return { ...base, type };
    case 'ranking': {
      requireNeeds();
      const upper = needs.count > 0 ? needs.count : SURVEY_LIMITS.maxNeeds;
      if (entry.max === undefined) {
        errors.push(
          `${prefix}: max is required: how many needs a respondent ranks, an integer 1–${upper}`,
        );
      } else if (!isIntegerIn(entry.max, 1, upper)) {
        errors.push(
          `${prefix}: max must be an integer 1–${upper} (at most the number of needs), got ${describeValue(
            entry.max,
          )}`,
        );
      }
      return { ...base, type, max: entry.max as number };
    }
    case 'single-choice':
      return {
        ...base,
        type,
        options: readOptions(entry.options, prefix, errors) ?? [],
      };
    case 'multi-choice': {
      const options = readOptions(entry.options, prefix, errors);
      const upper = options?.length ?? SURVEY_LIMITS.maxOptions;
      if (
        entry.maxSelections !== undefined &&
        !isIntegerIn(entry.maxSelections, 1, upper)
      ) {
        errors.push(
          `${prefix}: maxSelections must be an integer 1–${upper} (at most the number of options), got ${describeValue(
            entry.maxSelections,
          )}`,
        );
      }
      return {
        ...base,
        type,
        options: options ?? [],
        ...(entry.maxSelections !== undefined && {
          maxSelections: entry.maxSelections as number,
        }),
      };
    }
    case 'free-text': {
      if (
        entry.maxLength !== undefined &&
        !isIntegerIn(entry.maxLength, 1, SURVEY_LIMITS.maxFreeTextLength)
      ) {
        errors.push(
          `${prefix}: maxLength must be an integer 1–${
            SURVEY_LIMITS.maxFreeTextLength
          }, got ${describeValue(entry.maxLength)}`,
        );
      }
      const proposesNeed = readBoolean(
        entry.proposesNeed,
        'proposesNeed',
        prefix,
        errors,
      );
      return {
        ...base,
        type,
        maxLength: (entry.maxLength as number) ?? DEFAULT_FREE_TEXT_MAX_LENGTH,
        proposesNeed: proposesNeed ?? false,
      };
    }
    case 'nps':
    default:
      return { ...base, type: 'nps' };
  }
}

function readOptions(
  value: unknown,
  prefix: string,
  errors: string[],
): string[] | undefined {
  if (value === undefined) {
    errors.push(
      `${prefix}: options is required: a list of ${SURVEY_LIMITS.minOptions}–${SURVEY_LIMITS.maxOptions} answer options`,
    );
    return undefined;
  }
  if (!Array.isArray(value)) {
    errors.push(
      `${prefix}: options must be a list of strings, got ${describeValue(
        value,
      )}`,
    );
    return undefined;
  }
  const before = errors.length;
  if (value.length < SURVEY_LIMITS.minOptions) {
    errors.push(
      `${prefix}: options must have at least ${SURVEY_LIMITS.minOptions} entries`,
    );
  }
  if (value.length > SURVEY_LIMITS.maxOptions) {
    errors.push(
      `${prefix}: options must have at most ${SURVEY_LIMITS.maxOptions} entries, got ${value.length}`,
    );
  }
  const options: string[] = [];
  const firstIndexByOption = new Map<string, number>();
  value.forEach((entry, index) => {
    const option = readText(entry, `options[${index}]`, {
      prefix,
      required: true,
      maxLength: SURVEY_LIMITS.optionMaxLength,
      errors,
    });
    if (option === undefined) {
      return;
    }
    const firstIndex = firstIndexByOption.get(option);
    if (firstIndex !== undefined) {
      errors.push(
        `${prefix}: options[${index}] ${describeValue(
          option,
        )} is listed more than once (also options[${firstIndex}])`,
      );
      return;
    }
    firstIndexByOption.set(option, index);
    options.push(option);
  });
  return errors.length > before ? undefined : options;
}

function readId(
  value: unknown,
  prefix: string,
  listName: string,
  index: number,
  firstIndexById: Map<string, number>,
  errors: string[],
): string | undefined {
  if (value === undefined || value === null) {
    errors.push(`${prefix}: id is required`);
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.push(`${prefix}: id must be a string, got ${describeValue(value)}`);
    return undefined;
  }
  const id = value.trim();
  if (!KEBAB_CASE_ID.test(id)) {
    errors.push(
      `${prefix}: id must be kebab-case (lowercase letters and digits joined by single hyphens, e.g. "team-size"), got ${describeValue(
        value,
      )}`,
    );
    return undefined;
  }
  if (id.length > SURVEY_LIMITS.idMaxLength) {
    errors.push(
      `${prefix}: id must be at most ${SURVEY_LIMITS.idMaxLength} characters, got ${id.length}`,
    );
    return undefined;
  }
  if (RESERVED_KEYS.has(id)) {
    errors.push(`${prefix}: id "${id}" is reserved; choose another id`);
    return undefined;
  }
  const firstIndex = firstIndexById.get(id);
  if (firstIndex !== undefined) {
    errors.push(
      `${prefix}: id "${id}" is used more than once (also ${listName}[${firstIndex}])`,
    );
    return undefined;
  }
  firstIndexById.set(id, index);
  return id;
}

function readText(
  value: unknown,
  field: string,
  options: {
    prefix?: string;
    required?: boolean;
    maxLength: number;
    errors: string[];
  },
): string | undefined {
  const { prefix = '', required = false, maxLength, errors } = options;
  if (value === undefined || (value === null && !required)) {
    if (required) {
      errors.push(at(prefix, `${field} is required`));
    }
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.push(
      at(prefix, `${field} must be a string, got ${describeValue(value)}`),
    );
    return undefined;
  }
  const text = value.trim();
  if (text === '') {
    if (required) {
      errors.push(at(prefix, `${field} must not be empty`));
    }
    return undefined;
  }
  // The suite's one text rule: well-formed Unicode, no NUL or control characters, a length its column holds.
  // Descriptions may span lines; titles and options are one line.
  const problem = textProblem(text, {
    maxLength,
    multiline: field === 'description',
  });
  if (problem) {
    errors.push(at(prefix, `${field} ${problem}`));
    return undefined;
  }
  return text;
}

function readBoolean(
  value: unknown,
  field: string,
  prefix: string,
  errors: string[],
): boolean | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'boolean') {
    errors.push(
      `${prefix}: ${field} must be true or false, got ${describeValue(value)}`,
    );
    return undefined;
  }
  return value;
}

function reportUnknownKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  prefix: string,
  errors: string[],
  wording: { what?: string; context?: string } = {},
) {
  const { what = 'key', context = '' } = wording;
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      errors.push(
        at(
          prefix,
          `unknown ${what} ${describeValue(key)}${context}${suggestKey(
            key,
            allowed,
          )}`,
        ),
      );
    }
  }
}

function isQuestionType(value: unknown): value is QuestionType {
  return (
    typeof value === 'string' &&
    (QUESTION_TYPES as readonly string[]).includes(value)
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------------------------

/**
 * Checks one respondent's answers against the survey and returns them normalised: unanswered questions (empty
 * text, no ratings) dropped, need ratings in survey order. Free text is kept verbatim; the UI escapes it.
 *
 * @public
 */
export function validateAnswers(
  survey: Pick<Survey, 'needs' | 'questions'>,
  answers: unknown,
): ValidationResult<Answers> {
  if (!isPlainObject(answers)) {
    return {
      errors: [
        `answers must be an object keyed by question id, got ${describeValue(
          answers,
        )}`,
      ],
    };
  }
  const errors: string[] = [];
  const questionIds = new Set(survey.questions.map(question => question.id));
  for (const key of Object.keys(answers)) {
    if (RESERVED_KEYS.has(key) || !questionIds.has(key)) {
      errors.push(`${answerPath(key)}: unknown question id`);
    }
  }
  const needIds = survey.needs.map(need => need.id);
  const normalized: [string, AnswerValue][] = [];
  for (const question of survey.questions) {
    if (RESERVED_KEYS.has(question.id)) {
      continue;
    }
    const path = answerPath(question.id);
    const before = errors.length;
    const raw = Object.hasOwn(answers, question.id)
      ? answers[question.id]
      : undefined;
    const value =
      raw === undefined
        ? undefined
        : readAnswer(question, raw, path, needIds, errors);
    if (value !== undefined) {
      normalized.push([question.id, value]);
    } else if (question.required && errors.length === before) {
      errors.push(`${path} is required (question "${question.title}")`);
    }
  }
  if (errors.length > 0) {
    return { errors };
  }
  // fromEntries defines own properties, so no key can reach a prototype.
  return { value: Object.fromEntries(normalized), errors: [] };
}

/** Returns the normalised answer, or undefined when it is invalid (errors pushed) or counts as unanswered. */
function readAnswer(
  question: Question,
  raw: unknown,
  path: string,
  needIds: string[],
  errors: string[],
): AnswerValue | undefined {
  switch (question.type) {
    case 'need-rating':
      return readNeedRatingAnswer(raw, path, needIds, errors);
    case 'single-choice':
      if (typeof raw !== 'string') {
        errors.push(
          `${path} must be one of the options as a string, got ${describeValue(
            raw,
          )}`,
        );
        return undefined;
      }
      if (!question.options.includes(raw)) {
        errors.push(
          `${path} must be one of ${describeList(
            question.options,
          )}, got ${describeValue(raw)}`,
        );
        return undefined;
      }
      return raw;
    case 'multi-choice':
      return readSelection(raw, path, {
        allowed: question.options,
        max: question.maxSelections ?? question.options.length,
        what: 'option',
        errors,
      });
    case 'ranking':
      return readSelection(raw, path, {
        allowed: needIds,
        max: question.max,
        what: 'need id',
        errors,
      });
    case 'free-text':
      return readFreeTextAnswer(
        raw,
        path,
        question.maxLength ?? DEFAULT_FREE_TEXT_MAX_LENGTH,
        errors,
      );
    case 'nps':
      if (!isIntegerIn(raw, MIN_NPS, MAX_NPS)) {
        errors.push(
          `${path} must be an integer ${MIN_NPS}–${MAX_NPS}, got ${describeValue(
            raw,
          )}`,
        );
        return undefined;
      }
      return raw as number;
    default:
      errors.push(`${path}: the survey has a question of unknown type`);
      return undefined;
  }
}

function readNeedRatingAnswer(
  raw: unknown,
  path: string,
  needIds: string[],
  errors: string[],
): Record<string, NeedRating> | undefined {
  if (!isPlainObject(raw)) {
    errors.push(
      `${path} must be an object keyed by need id, got ${describeValue(raw)}`,
    );
    return undefined;
  }
  const ratings = new Map<string, NeedRating>();
  for (const needId of Object.keys(raw)) {
    const needPath = `${path}[${JSON.stringify(truncate(needId, 60))}]`;
    if (RESERVED_KEYS.has(needId) || !needIds.includes(needId)) {
      errors.push(`${needPath}: unknown need id`);
      continue;
    }
    const rating = readRating(raw[needId], needPath, errors);
    if (rating) {
      ratings.set(needId, rating);
    }
  }
  if (ratings.size === 0) {
    return undefined;
  }
  return Object.fromEntries(
    needIds
      .filter(needId => ratings.has(needId))
      .map(needId => [needId, ratings.get(needId)!]),
  );
}

function readRating(
  value: unknown,
  path: string,
  errors: string[],
): NeedRating | undefined {
  if (!isPlainObject(value)) {
    errors.push(
      `${path} must be an object like {"pain": 4, "frequency": "weekly"}, got ${describeValue(
        value,
      )}`,
    );
    return undefined;
  }
  const before = errors.length;
  reportUnknownKeys(value, RATING_KEYS, path, errors);
  if (!isIntegerIn(value.pain, MIN_PAIN, MAX_PAIN)) {
    errors.push(
      `${path}.pain must be an integer ${MIN_PAIN}–${MAX_PAIN}, got ${describeValue(
        value.pain,
      )}`,
    );
  }
  if (!isFrequency(value.frequency)) {
    errors.push(
      `${path}.frequency must be one of ${FREQUENCIES.join(
        ', ',
      )}, got ${describeValue(value.frequency)}`,
    );
  }
  if (errors.length > before) {
    return undefined;
  }
  return {
    pain: value.pain as number,
    frequency: value.frequency as Frequency,
  };
}

function readSelection(
  raw: unknown,
  path: string,
  options: { allowed: string[]; max: number; what: string; errors: string[] },
): string[] | undefined {
  const { allowed, max, what, errors } = options;
  if (!Array.isArray(raw)) {
    errors.push(
      `${path} must be a list of ${what}s, got ${describeValue(raw)}`,
    );
    return undefined;
  }
  const before = errors.length;
  if (raw.length === 0 || raw.length > max) {
    errors.push(
      `${path} must list 1–${max} ${what}${max === 1 ? '' : 's'}, got ${
        raw.length
      }`,
    );
  }
  const seen = new Set<string>();
  raw.forEach((entry, index) => {
    if (typeof entry !== 'string' || !allowed.includes(entry)) {
      errors.push(
        `${path}[${index}] must be ${
          what === 'option'
            ? `one of ${describeList(allowed)}`
            : 'a need id of this survey'
        }, got ${describeValue(entry)}`,
      );
      return;
    }
    if (seen.has(entry)) {
      errors.push(`${path} lists ${describeValue(entry)} more than once`);
      return;
    }
    seen.add(entry);
  });
  return errors.length > before ? undefined : [...raw];
}

function readFreeTextAnswer(
  raw: unknown,
  path: string,
  maxLength: number,
  errors: string[],
): string | undefined {
  if (typeof raw !== 'string') {
    errors.push(`${path} must be a string, got ${describeValue(raw)}`);
    return undefined;
  }
  const trimmed = raw.trim();
  if (trimmed === '') {
    return undefined;
  }
  // The length counts what is kept (surrounding blanks are not), the characters rule holds for all of it.
  const problem =
    textProblem(trimmed, { maxLength, multiline: true }) ??
    textProblem(raw, { maxLength: Infinity, multiline: true });
  if (problem) {
    errors.push(`${path} ${problem}`);
    return undefined;
  }
  return raw;
}

function isFrequency(value: unknown): value is Frequency {
  return (
    typeof value === 'string' &&
    (FREQUENCIES as readonly string[]).includes(value)
  );
}

function answerPath(questionId: string): string {
  return `answers[${JSON.stringify(truncate(questionId, 60))}]`;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

/** JSON-like objects only; arrays, dates, class instances and null are not. Accepts objects of other realms. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return (
    Number.isInteger(value) && Number(value) >= min && Number(value) <= max
  );
}

function at(prefix: string, message: string): string {
  return prefix ? `${prefix}: ${message}` : message;
}

function describeIdSuffix(id: unknown): string {
  return typeof id === 'string' && id.trim() !== ''
    ? ` (${JSON.stringify(truncate(id.trim(), 60))})`
    : '';
}

/** A short rendering of a received value for messages, never echoing long input in full. */
function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'string') {
    return JSON.stringify(truncate(value, 40));
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  return `a ${typeof value}`;
}

function describeList(values: readonly string[]): string {
  const shown = values.slice(0, 10).map(value => JSON.stringify(value));
  const more = values.length > shown.length ? ', …' : '';
  return `${shown.join(', ')}${more}`;
}

function truncate(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}

/** Names the allowed key a typo most likely meant (edit distance ≤ 2), so the author can fix it at once. */
function suggestKey(key: string, allowed: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) {
    return Math.abs(a.length - b.length);
  }
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
