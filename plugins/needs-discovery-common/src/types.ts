/** Lifecycle of a survey: drafts are edited, open surveys take responses, closed ones are read. */
export type SurveyStatus = 'draft' | 'open' | 'closed';

/** How often a need bites, as a respondent reports it. */
export type Frequency = 'daily' | 'weekly' | 'monthly' | 'rarely';

export const FREQUENCIES: readonly Frequency[] = [
  'daily',
  'weekly',
  'monthly',
  'rarely',
];

/** Weight of each frequency in the priority score. */
export type FrequencyWeights = Record<Frequency, number>;

export const DEFAULT_FREQUENCY_WEIGHTS: FrequencyWeights = {
  daily: 1.0,
  weekly: 0.6,
  monthly: 0.3,
  rarely: 0.1,
};

export const DEFAULT_ANONYMITY_THRESHOLD = 5;
export const MIN_ANONYMITY_THRESHOLD = 3;
export const DEFAULT_SHARED_NEED_MIN_TEAMS = 2;
export const DEFAULT_FREE_TEXT_MAX_LENGTH = 2000;
/** Pain at or above this counts as "reporting" the need for the shared test. */
export const REPORTING_PAIN = 3;

/** A candidate need that respondents rate. Ids are kebab-case and stable across waves. */
export interface NeedDefinition {
  id: string;
  title: string;
  description?: string;
}

interface QuestionBase {
  /** Kebab-case id, unique in the survey; answers are keyed by it. */
  id: string;
  title: string;
  description?: string;
  /** When true, a response without an answer to this question is rejected. */
  required?: boolean;
}

/** For each need of the survey: pain 1–5 and frequency, or skip. At most one per survey. */
export interface NeedRatingQuestion extends QuestionBase {
  type: 'need-rating';
}

export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single-choice';
  options: string[];
}

export interface MultiChoiceQuestion extends QuestionBase {
  type: 'multi-choice';
  options: string[];
  /** Most options one respondent may pick; all by default. */
  maxSelections?: number;
}

/** Order up to `max` of the survey's needs, most important first. */
export interface RankingQuestion extends QuestionBase {
  type: 'ranking';
  max: number;
}

export interface FreeTextQuestion extends QuestionBase {
  type: 'free-text';
  /** Default 2000 characters. */
  maxLength?: number;
  /** The answers propose new needs; results list them (when allowed) as proposals. */
  proposesNeed?: boolean;
}

/** Net promoter question, 0–10. */
export interface NpsQuestion extends QuestionBase {
  type: 'nps';
}

export type Question =
  | NeedRatingQuestion
  | SingleChoiceQuestion
  | MultiChoiceQuestion
  | RankingQuestion
  | FreeTextQuestion
  | NpsQuestion;

export type QuestionType = Question['type'];

export const QUESTION_TYPES: readonly QuestionType[] = [
  'need-rating',
  'single-choice',
  'multi-choice',
  'ranking',
  'free-text',
  'nps',
];

/** What a survey author writes (in the builder, over the API, or as YAML in examples/surveys). */
export interface SurveyDefinition {
  title: string;
  description?: string;
  /** Group entity refs (`group:default/checkout`); empty means everyone. */
  audience: string[];
  /** k: breakdowns and free text drawn from fewer respondents are suppressed. Integer ≥ 3; fixed once open. */
  anonymityThreshold: number;
  /** ISO date-time after which the survey takes no more responses; optional. */
  closesAt?: string | null;
  needs: NeedDefinition[];
  questions: Question[];
}

export interface Survey extends SurveyDefinition {
  id: string;
  status: SurveyStatus;
  /** 1 for a first survey; a clone of wave n is wave n + 1. */
  wave: number;
  /** The survey this one was cloned from; results compare with it. */
  previousSurveyId: string | null;
  /** Entity ref of the author. */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  openedAt: string | null;
  closedAt: string | null;
  /** Seeded demo data of the example instance. */
  demo: boolean;
}

/** A survey as listed, with counts a participant or owner needs at a glance. */
export interface SurveySummary extends Survey {
  respondents: number;
  /** Whether the calling user has a response to this survey. */
  answeredByMe: boolean;
}

export interface NeedRating {
  /** 1 (a nuisance) to 5 (blocks me). */
  pain: number;
  frequency: Frequency;
}

/** need-rating answer: ratings keyed by need id; needs left out are skipped. */
export type NeedRatingAnswer = Record<string, NeedRating>;

/**
 * An answer, by question type: need-rating → NeedRatingAnswer; single-choice → option string;
 * multi-choice → option strings; ranking → need ids, most important first; free-text → string; nps → 0–10.
 */
export type AnswerValue = NeedRatingAnswer | string | string[] | number;

export type Answers = Record<string, AnswerValue>;

/** The calling user's own response; only ever returned to that user. */
export interface MyResponse {
  surveyId: string;
  answers: Answers;
  /** The respondent's teams (Group refs) when they last submitted. */
  teams: string[];
  submittedAt: string;
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Results: aggregates only. Nothing here can be traced to one respondent (see buildResults).
// ---------------------------------------------------------------------------------------------------------------

export interface NeedResult {
  needId: string;
  title: string;
  /** Respondents who rated this need. */
  respondents: number;
  /** Distinct teams with at least one respondent rating pain ≥ 3. */
  teams: number;
  /** null when suppressed. */
  meanPain: number | null;
  /** Mean frequency weight of the ratings; null when suppressed. */
  frequencyWeight: number | null;
  /** teams × meanPain × frequencyWeight; null when suppressed. */
  priorityScore: number | null;
  shared: boolean;
  /** Rated by fewer than k respondents: figures withheld. */
  suppressed: boolean;
  /** The same need in the previous wave, when there is one. */
  previous: {
    surveyId: string;
    priorityScore: number | null;
    delta: number | null;
  } | null;
}

export interface PriorityCase {
  needId: string;
  title: string;
  /** Why this need, in words. */
  reason: string;
}

export interface TeamNeedResult {
  needId: string;
  title: string;
  respondents: number;
  meanPain: number;
}

/** One audience team's figures; only present for teams with ≥ k respondents. */
export interface TeamResult {
  teamRef: string;
  /** Members in the catalog; null when unknown. */
  members: number | null;
  respondents: number;
  responseRate: number | null;
  /** The team's most painful needs, highest mean pain first. */
  topNeeds: TeamNeedResult[];
}

export interface QuestionResult {
  questionId: string;
  type: QuestionType;
  title: string;
  /** Respondents who answered this question. */
  respondents: number;
  /** Answered by fewer than k respondents: figures withheld. */
  suppressed: boolean;
  /** single-choice and multi-choice: count per option, in the question's order. */
  choices?: { option: string; count: number }[];
  /** nps: promoters (9–10), passives (7–8), detractors (0–6) and the score (% promoters − % detractors). */
  nps?: {
    score: number;
    promoters: number;
    passives: number;
    detractors: number;
  };
  /** ranking: per need, times ranked, mean position (1 = first) and Borda points, best first. */
  ranking?: {
    needId: string;
    title: string;
    count: number;
    meanPosition: number;
    firstPlace: number;
    points: number;
  }[];
  /** free-text: the texts, without names or teams, in a stable but not submission order. */
  texts?: string[];
}

export interface SurveyResults {
  surveyId: string;
  status: SurveyStatus;
  anonymityThreshold: number;
  respondents: number;
  /** Audience members in the catalog; null when unknown. */
  audienceSize: number | null;
  /** respondents / audienceSize; null when unknown. */
  responseRate: number | null;
  /** Ranked by priority score, suppressed needs last. */
  needs: NeedResult[];
  priorityCase: PriorityCase | null;
  teams: TeamResult[];
  /** Audience teams left out because fewer than k of their members answered. */
  suppressedTeams: number;
  questions: QuestionResult[];
  previousSurveyId: string | null;
  computedAt: string;
}

/** Status of a need in the registry shared with the other plugins. */
export type NeedStatus = 'open' | 'in-mvp' | 'served' | 'declined';

export const NEED_STATUSES: readonly NeedStatus[] = [
  'open',
  'in-mvp',
  'served',
  'declined',
];

/** A need across all surveys, with its latest results. */
export interface RegisteredNeed {
  id: string;
  title: string;
  description?: string;
  status: NeedStatus;
  /** Entity ref of the capability that serves it. */
  capabilityRef: string | null;
  /** Latest survey (open or closed) with results for it. */
  latestSurveyId: string | null;
  latestScore: number | null;
  shared: boolean;
  /** Distinct teams reporting it in the latest survey. */
  teams: number;
  updatedAt: string;
}
