import {
  DEFAULT_ANONYMITY_THRESHOLD,
  DEFAULT_FREE_TEXT_MAX_LENGTH,
  Question,
  QuestionType,
  Survey,
  SurveyDefinition,
} from '@platform-product/plugin-needs-discovery-common';

/** "Faster CI feedback!" → "faster-ci-feedback": a stable id suggested from a title. */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * The id to keep when a title changes: ids that were derived from the old title
 * (or are empty) follow the title; ids the author typed themselves stay.
 */
export function followTitle(
  currentId: string,
  oldTitle: string,
  newTitle: string,
): string {
  return currentId === '' || currentId === slugify(oldTitle)
    ? slugify(newTitle)
    : currentId;
}

export function emptyDefinition(): SurveyDefinition {
  return {
    title: '',
    description: '',
    audience: [],
    anonymityThreshold: DEFAULT_ANONYMITY_THRESHOLD,
    closesAt: null,
    needs: [],
    questions: [
      {
        id: 'needs',
        type: 'need-rating',
        title: 'How much does each of these hurt, and how often?',
      },
    ],
  };
}

export function definitionOf(survey: Survey): SurveyDefinition {
  return {
    title: survey.title,
    description: survey.description ?? '',
    audience: survey.audience,
    anonymityThreshold: survey.anonymityThreshold,
    closesAt: survey.closesAt ?? null,
    needs: survey.needs,
    questions: survey.questions,
  };
}

/** Switches a question to another type, keeping what both types share. */
export function changeQuestionType(
  question: Question,
  type: QuestionType,
  needCount: number,
): Question {
  const base = {
    id: question.id,
    title: question.title,
    description: question.description,
    required: question.required,
  };
  const options =
    'options' in question && question.options.length > 0
      ? question.options
      : ['', ''];
  switch (type) {
    case 'single-choice':
      return { ...base, type, options };
    case 'multi-choice':
      return { ...base, type, options };
    case 'ranking':
      return { ...base, type, max: Math.max(1, Math.min(3, needCount)) };
    case 'free-text':
      return { ...base, type, maxLength: DEFAULT_FREE_TEXT_MAX_LENGTH };
    case 'need-rating':
    case 'nps':
    default:
      return { ...base, type } as Question;
  }
}

function optionalText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * What the builder sends: trimmed strings, blank options and descriptions left out.
 * Everything else is the server's to validate, so its message lists every problem at once.
 */
export function cleanDefinition(
  definition: SurveyDefinition,
): SurveyDefinition {
  return {
    title: definition.title.trim(),
    description: optionalText(definition.description),
    audience: definition.audience,
    anonymityThreshold: definition.anonymityThreshold,
    closesAt: definition.closesAt || null,
    needs: definition.needs.map(need => ({
      id: need.id.trim(),
      title: need.title.trim(),
      description: optionalText(need.description),
    })),
    questions: definition.questions.map(question => {
      const cleaned = {
        ...question,
        id: question.id.trim(),
        title: question.title.trim(),
        description: optionalText(question.description),
      };
      if ('options' in cleaned) {
        cleaned.options = cleaned.options.map(o => o.trim()).filter(Boolean);
      }
      return cleaned;
    }),
  };
}
