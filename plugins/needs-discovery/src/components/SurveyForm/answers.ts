import {
  AnswerValue,
  Answers,
  Frequency,
  NeedRatingAnswer,
  Survey,
} from '@platform-product/plugin-needs-discovery-common';

/** A need-rating row while the user fills it in: either half may still be missing. */
export interface NeedRatingDraft {
  pain?: number;
  frequency?: Frequency;
}

export type NeedRatingDraftAnswer = Record<string, NeedRatingDraft>;

/** The form's answers: like `Answers`, but need ratings may be half-filled. */
export type DraftAnswers = Record<
  string,
  NeedRatingDraftAnswer | Exclude<AnswerValue, NeedRatingAnswer> | undefined
>;

/** A problem the form can point at before asking the server. */
export interface DraftProblem {
  questionId: string;
  needId?: string;
  message: string;
}

/** Pre-fills the form from the user's stored response (only questions still in the survey). */
export function draftFromAnswers(
  survey: Survey,
  answers: Answers | undefined,
): DraftAnswers {
  const draft: DraftAnswers = {};
  if (!answers) {
    return draft;
  }
  for (const question of survey.questions) {
    const value = answers[question.id];
    if (value !== undefined) {
      draft[question.id] = value as DraftAnswers[string];
    }
  }
  return draft;
}

/**
 * Turns the form state into the `answers` body of `PUT /responses/me`.
 * Blank answers are left out (a skipped question or need), and half-filled need
 * ratings are reported as problems because the API cannot represent them.
 * Everything else (required questions, option values, limits) the server validates.
 */
export function answersFromDraft(
  survey: Survey,
  draft: DraftAnswers,
): { answers: Answers; problems: DraftProblem[] } {
  const answers: Answers = {};
  const problems: DraftProblem[] = [];
  for (const question of survey.questions) {
    const value = draft[question.id];
    switch (question.type) {
      case 'need-rating': {
        const ratings: NeedRatingAnswer = {};
        const rows = (value ?? {}) as NeedRatingDraftAnswer;
        for (const need of survey.needs) {
          const row = rows[need.id];
          if (!row || (row.pain === undefined && !row.frequency)) {
            continue;
          }
          if (row.pain === undefined || !row.frequency) {
            problems.push({
              questionId: question.id,
              needId: need.id,
              message: `“${need.title}”: pick both a pain level and how often, or clear the row to skip it.`,
            });
            continue;
          }
          ratings[need.id] = { pain: row.pain, frequency: row.frequency };
        }
        if (Object.keys(ratings).length > 0) {
          answers[question.id] = ratings;
        }
        break;
      }
      case 'single-choice':
      case 'free-text':
        if (typeof value === 'string' && value.trim() !== '') {
          answers[question.id] = value;
        }
        break;
      case 'multi-choice':
      case 'ranking':
        if (Array.isArray(value) && value.length > 0) {
          answers[question.id] = value;
        }
        break;
      case 'nps':
        if (typeof value === 'number') {
          answers[question.id] = value;
        }
        break;
      default:
        break;
    }
  }
  return { answers, problems };
}
