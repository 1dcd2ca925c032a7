/**
 * Lifecycle of a survey: drafts are edited, open surveys take responses, closed ones are read.
 *
 * @public
 */
export type SurveyStatus = 'draft' | 'open' | 'closed';

/**
 * How often a need bites, as a respondent reports it.
 *
 * @public
 */
export type Frequency = 'daily' | 'weekly' | 'monthly' | 'rarely';

/**
 * Every frequency a respondent can pick, most frequent first.
 *
 * @public
 */
export const FREQUENCIES: readonly Frequency[] = [
  'daily',
  'weekly',
  'monthly',
  'rarely',
];

/**
 * Weight of each frequency in the priority score.
 *
 * @public
 */
export type FrequencyWeights = Record<Frequency, number>;

/**
 * Frequency weights used when config sets none: daily 1, weekly 0.6, monthly 0.3, rarely 0.1.
 *
 * @public
 */
export const DEFAULT_FREQUENCY_WEIGHTS: FrequencyWeights = {
  daily: 1.0,
  weekly: 0.6,
  monthly: 0.3,
  rarely: 0.1,
};

/**
 * Anonymity threshold k of new surveys when config sets none.
 *
 * @public
 */
export const DEFAULT_ANONYMITY_THRESHOLD = 5;
/**
 * Lowest anonymity threshold k a survey may have; results never go below it.
 *
 * @public
 */
export const MIN_ANONYMITY_THRESHOLD = 3;
/**
 * Distinct reporting teams from which a need counts as shared, when config sets none.
 *
 * @public
 */
export const DEFAULT_SHARED_NEED_MIN_TEAMS = 2;
/**
 * Longest free-text answer, in characters, when the question sets no `maxLength`.
 *
 * @public
 */
export const DEFAULT_FREE_TEXT_MAX_LENGTH = 2000;
/**
 * Pain at or above this counts as "reporting" the need for the shared test.
 *
 * @public
 */
export const REPORTING_PAIN = 3;

/**
 * A candidate need that respondents rate. Ids are kebab-case and stable across waves.
 *
 * @public
 */
export interface NeedDefinition {
  /** Kebab-case id, stable across waves so results can be compared. */
  id: string;
  /** Short name of the problem, as respondents see it. */
  title: string;
  /** More detail on the problem, shown under the title. */
  description?: string;
}

/**
 * Fields every survey question has, whatever its type.
 *
 * @public
 */
export interface QuestionBase {
  /** Kebab-case id, unique in the survey; answers are keyed by it. */
  id: string;
  /** The question as respondents see it. */
  title: string;
  /** Help text shown under the question. */
  description?: string;
  /** When true, a response without an answer to this question is rejected. */
  required?: boolean;
}

/**
 * For each need of the survey: pain 1–5 and frequency, or skip. At most one per survey.
 *
 * @public
 */
export interface NeedRatingQuestion extends QuestionBase {
  /** Tells this question type apart in the `Question` union. */
  type: 'need-rating';
}

/**
 * Pick exactly one of the options.
 *
 * @public
 */
export interface SingleChoiceQuestion extends QuestionBase {
  /** Tells this question type apart in the `Question` union. */
  type: 'single-choice';
  /** The options to choose from, in display order. */
  options: string[];
}

/**
 * Pick any number of the options, up to `maxSelections`.
 *
 * @public
 */
export interface MultiChoiceQuestion extends QuestionBase {
  /** Tells this question type apart in the `Question` union. */
  type: 'multi-choice';
  /** The options to choose from, in display order. */
  options: string[];
  /** Most options one respondent may pick; all by default. */
  maxSelections?: number;
}

/**
 * Order up to `max` of the survey's needs, most important first.
 *
 * @public
 */
export interface RankingQuestion extends QuestionBase {
  /** Tells this question type apart in the `Question` union. */
  type: 'ranking';
  /** Most needs one respondent may rank. */
  max: number;
}

/**
 * An answer in the respondent's own words; may propose new needs.
 *
 * @public
 */
export interface FreeTextQuestion extends QuestionBase {
  /** Tells this question type apart in the `Question` union. */
  type: 'free-text';
  /** Default 2000 characters. */
  maxLength?: number;
  /** The answers propose new needs; results list them (when allowed) as proposals. */
  proposesNeed?: boolean;
}

/**
 * Net promoter question, 0–10.
 *
 * @public
 */
export interface NpsQuestion extends QuestionBase {
  /** Tells this question type apart in the `Question` union. */
  type: 'nps';
}

/**
 * A survey question, told apart by its `type`.
 *
 * @public
 */
export type Question =
  | NeedRatingQuestion
  | SingleChoiceQuestion
  | MultiChoiceQuestion
  | RankingQuestion
  | FreeTextQuestion
  | NpsQuestion;

/**
 * The kinds of survey question.
 *
 * @public
 */
export type QuestionType = Question['type'];

/**
 * Every question type, in the order the survey builder offers them.
 *
 * @public
 */
export const QUESTION_TYPES: readonly QuestionType[] = [
  'need-rating',
  'single-choice',
  'multi-choice',
  'ranking',
  'free-text',
  'nps',
];

/**
 * What a survey author writes (in the builder, over the API, or as YAML in examples/surveys).
 *
 * @public
 */
export interface SurveyDefinition {
  /** The survey's name, as participants see it. */
  title: string;
  /** Why the survey is run, shown to participants before the questions. */
  description?: string;
  /** Group entity refs (`group:default/checkout`); empty means everyone. */
  audience: string[];
  /** k: breakdowns and free text drawn from fewer respondents are suppressed. Integer ≥ 3; fixed once open. */
  anonymityThreshold: number;
  /** ISO date-time after which the survey takes no more responses; optional. */
  closesAt?: string | null;
  /** The candidate needs respondents rate and rank. */
  needs: NeedDefinition[];
  /** The questions, in the order respondents answer them. */
  questions: Question[];
}

/**
 * A stored survey: its definition plus id, status, wave and timestamps.
 *
 * @public
 */
export interface Survey extends SurveyDefinition {
  /** Survey id, used in the API paths. */
  id: string;
  /** Where the survey is in its lifecycle: draft, open or closed. */
  status: SurveyStatus;
  /** 1 for a first survey; a clone of wave n is wave n + 1. */
  wave: number;
  /** The survey this one was cloned from; results compare with it. */
  previousSurveyId: string | null;
  /** Entity ref of the author. */
  createdBy: string;
  /** When the survey was created (ISO timestamp). */
  createdAt: string;
  /** When the survey was last changed (ISO timestamp). */
  updatedAt: string;
  /** When the survey was opened for responses; null while it is a draft. */
  openedAt: string | null;
  /** When the survey was closed; null while it is a draft or open. */
  closedAt: string | null;
  /** Seeded demo data of the example instance. */
  demo: boolean;
}

/**
 * A survey as listed, with counts a participant or owner needs at a glance.
 *
 * @public
 */
export interface SurveySummary extends Survey {
  /** Number of responses so far. */
  respondents: number;
  /** Whether the calling user has a response to this survey. */
  answeredByMe: boolean;
}

/**
 * One respondent's rating of one need: how much it hurts and how often.
 *
 * @public
 */
export interface NeedRating {
  /** 1 (a nuisance) to 5 (blocks me). */
  pain: number;
  /** How often the need bites the respondent. */
  frequency: Frequency;
}

/**
 * need-rating answer: ratings keyed by need id; needs left out are skipped.
 *
 * @public
 */
export type NeedRatingAnswer = Record<string, NeedRating>;

/**
 * An answer, by question type: need-rating → NeedRatingAnswer; single-choice → option string;
 * multi-choice → option strings; ranking → need ids, most important first; free-text → string; nps → 0–10.
 *
 * @public
 */
export type AnswerValue = NeedRatingAnswer | string | string[] | number;

/**
 * A response's answers, keyed by question id; unanswered questions are left out.
 *
 * @public
 */
export type Answers = Record<string, AnswerValue>;

/**
 * The calling user's own response; only ever returned to that user.
 *
 * @public
 */
export interface MyResponse {
  /** The survey answered. */
  surveyId: string;
  /** The user's answers, keyed by question id. */
  answers: Answers;
  /** The respondent's teams (Group refs) when they last submitted. */
  teams: string[];
  /** When the response was first submitted (ISO timestamp). */
  submittedAt: string;
  /** When the response was last changed (ISO timestamp). */
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Results: aggregates only. Nothing here can be traced to one respondent (see buildResults).
// ---------------------------------------------------------------------------------------------------------------

/**
 * Aggregated ratings of one need in a survey's results, with its priority score.
 *
 * @public
 */
export interface NeedResult {
  /** The need these figures are for. */
  needId: string;
  /** The need's title in this survey. */
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
  /** Whether enough teams report the need for it to count as shared. */
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

/**
 * The shared need the results recommend to serve first, with the reason in words.
 *
 * @public
 */
export interface PriorityCase {
  /** The recommended need. */
  needId: string;
  /** The recommended need's title. */
  title: string;
  /** Why this need, in words. */
  reason: string;
}

/**
 * One of a team's most painful needs in the results.
 *
 * @public
 */
export interface TeamNeedResult {
  /** The need these figures are for. */
  needId: string;
  /** The need's title in this survey. */
  title: string;
  /** Respondents of the team who rated the need. */
  respondents: number;
  /** Mean pain the team's respondents gave the need (1–5). */
  meanPain: number;
}

/**
 * One audience team's figures; only present for teams with ≥ k respondents.
 *
 * @public
 */
export interface TeamResult {
  /** The team (Group ref). */
  teamRef: string;
  /** Members in the catalog; null when unknown. */
  members: number | null;
  /** Respondents who belong to the team. */
  respondents: number;
  /** respondents / members; null when the member count is unknown. */
  responseRate: number | null;
  /** The team's most painful needs, highest mean pain first. */
  topNeeds: TeamNeedResult[];
}

/**
 * Aggregated answers to one question (choices, NPS, ranking or free texts by question type).
 *
 * @public
 */
export interface QuestionResult {
  /** The question these figures are for. */
  questionId: string;
  /** The question's type, which decides the optional field that is set. */
  type: QuestionType;
  /** The question as respondents saw it. */
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

/**
 * The settings a survey's results were computed with: everything the scores, the shared flags, the priority case
 * and the suppression depend on besides the answers, so a reader can reproduce every figure.
 *
 * @public
 */
export interface ResultsSettings {
  /** Distinct reporting teams from which a need counts as shared (config `needsDiscovery.sharedNeedMinTeams`). */
  sharedNeedMinTeams: number;
  /** Weight of each frequency in the mean frequency weight (config `needsDiscovery.frequencyWeights`). */
  frequencyWeights: FrequencyWeights;
  /** k, the survey's anonymity threshold (at least `MIN_ANONYMITY_THRESHOLD`): the same as the results' own. */
  anonymityThreshold: number;
  /** A rating with pain at or above this counts its respondent's teams as reporting the need (`REPORTING_PAIN`). */
  reportingPain: number;
  /** How many of its most painful needs each visible team lists. */
  topNeedsPerTeam: number;
}

/**
 * A survey's results (`GET /surveys/:id/results`): aggregates only, withheld below the anonymity threshold.
 *
 * @public
 */
export interface SurveyResults {
  /** The survey the results are for. */
  surveyId: string;
  /** The survey's status when the results were computed; an open survey's results can still change. */
  status: SurveyStatus;
  /** k: figures drawn from fewer respondents than this are withheld. */
  anonymityThreshold: number;
  /** The settings the figures were computed with. */
  settings: ResultsSettings;
  /** Number of responses. */
  respondents: number;
  /** Audience members in the catalog; null when unknown. */
  audienceSize: number | null;
  /** respondents / audienceSize; null when unknown. */
  responseRate: number | null;
  /** Ranked by priority score, suppressed needs last. */
  needs: NeedResult[];
  /** The shared need to serve first and why; null when no need is shared. */
  priorityCase: PriorityCase | null;
  /** Figures per audience team with at least k respondents. */
  teams: TeamResult[];
  /** Audience teams left out because fewer than k of their members answered. */
  suppressedTeams: number;
  /** Figures per question, in survey order. */
  questions: QuestionResult[];
  /** The previous wave the needs are compared with; null for a first survey. */
  previousSurveyId: string | null;
  /** When the results were computed (ISO timestamp). */
  computedAt: string;
}

/**
 * Status of a need in the registry shared with the other plugins.
 *
 * @public
 */
export type NeedStatus = 'open' | 'in-mvp' | 'served' | 'declined';

/**
 * Every need status, in lifecycle order.
 *
 * @public
 */
export const NEED_STATUSES: readonly NeedStatus[] = [
  'open',
  'in-mvp',
  'served',
  'declined',
];

/**
 * Where a need's status comes from: `catalog` when a capability in the catalog names the need, `recorded` when it
 * is the status stored in the registry (set through `PATCH /needs/{id}` by `mvp:launch` or a platform owner, `open`
 * until then).
 *
 * @public
 */
export type NeedStatusSource = 'catalog' | 'recorded';

/**
 * A need across all surveys, with its latest results.
 *
 * @public
 */
export interface RegisteredNeed {
  /** Kebab-case need id, as in the surveys that ask about it. */
  id: string;
  /** Short name of the problem. */
  title: string;
  /** More detail on the problem. */
  description?: string;
  /**
   * Where the need stands: open, in an MVP, served or declined. It follows the catalog and the MVP actions
   * (`deriveNeedStatus`).
   */
  status: NeedStatus;
  /** Entity ref of the capability that serves it or has it in its MVP. */
  capabilityRef: string | null;
  /** That capability's title in the catalog, when the catalog gives one. */
  capabilityTitle?: string;
  /** Where the status comes from; absent from needs-discovery versions that only stored it. */
  statusSource?: NeedStatusSource;
  /**
   * The survey the figures come from: the latest open or closed survey asking about the need whose figures for it
   * are not withheld, else the latest asking about it (`latestNeedFigures`).
   */
  latestSurveyId: string | null;
  /** The need's priority score in that survey's current results; null when not surveyed yet or withheld below k. */
  latestScore: number | null;
  /** Whether enough teams reported the need in the latest survey for it to count as shared. */
  shared: boolean;
  /** Distinct teams reporting it in the latest survey. */
  teams: number;
  /** When the need was last changed (ISO timestamp). */
  updatedAt: string;
}
