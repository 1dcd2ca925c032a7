import { NeedStats, QuestionStats, ResultsInput, TeamStats } from './aggregate';
import { ownValue } from './internal';
import { isShared, priorityScore, roundTo } from './scoring';
import {
  FREQUENCIES,
  DEFAULT_FREQUENCY_WEIGHTS,
  FrequencyWeights,
  MIN_ANONYMITY_THRESHOLD,
  NeedResult,
  PriorityCase,
  Question,
  QuestionResult,
  REPORTING_PAIN,
  ResultsSettings,
  SurveyResults,
  TeamNeedResult,
  TeamResult,
} from './types';

/**
 * How many of its most painful needs each visible team lists in the results when not configured.
 *
 * @public
 */
export const DEFAULT_TOP_NEEDS_PER_TEAM = 3;

/**
 * Options of `buildResults`: when a need counts as shared, the clock, and how the results are summarised.
 *
 * @public
 */
export interface ResultsOptions {
  /** Distinct reporting teams from which a need counts as shared. */
  sharedNeedMinTeams: number;
  /** Time stamped as computedAt; now by default. */
  now?: Date;
  /** How many of its most painful needs each visible team lists; 3 by default. */
  topNeedsPerTeam?: number;
  /**
   * The weights the statistics were summed with (pass the ones given to `aggregateResponses` or the store); the
   * results' settings report them, `DEFAULT_FREQUENCY_WEIGHTS` when not given. When given, the priority case also
   * names the frequency nearest the mean weight.
   */
  frequencyWeights?: FrequencyWeights;
}

/**
 * Turns survey statistics into the results people read, withholding everything drawn from fewer than k
 * (the survey's anonymity threshold) respondents: figures of needs, questions and teams below k, all of them when the
 * whole survey is below k, and the names of teams below k.
 *
 * @public
 */
export function buildResults(
  input: ResultsInput,
  options: ResultsOptions,
): SurveyResults {
  const { survey } = input;
  // A threshold below the minimum can only come from bad data; anonymity must not depend on it.
  const k = Math.max(survey.anonymityThreshold, MIN_ANONYMITY_THRESHOLD);
  const belowK = input.respondents < k;
  const topNeedsPerTeam = Math.max(
    0,
    Math.floor(options.topNeedsPerTeam ?? DEFAULT_TOP_NEEDS_PER_TEAM),
  );
  const settings: ResultsSettings = {
    sharedNeedMinTeams: options.sharedNeedMinTeams,
    frequencyWeights: {
      ...(options.frequencyWeights ?? DEFAULT_FREQUENCY_WEIGHTS),
    },
    anonymityThreshold: k,
    reportingPain: REPORTING_PAIN,
    topNeedsPerTeam,
  };
  const titleOf = new Map(survey.needs.map(need => [need.id, need.title]));

  const needs = rankNeeds(
    survey.needs.map(need =>
      buildNeedResult(
        need.id,
        need.title,
        input.needs.find(stats => stats.needId === need.id),
        belowK ? Infinity : k,
        input,
        options.sharedNeedMinTeams,
      ),
    ),
  );

  const visibleTeams: TeamResult[] = [];
  let suppressedTeams = 0;
  for (const team of input.teams) {
    if (belowK || team.respondents < k) {
      suppressedTeams++;
    } else {
      visibleTeams.push(buildTeamResult(team, k, titleOf, topNeedsPerTeam));
    }
  }
  // Audience teams the statistics left out have no respondents, so they are suppressed too.
  const listed = new Set(input.teams.map(team => team.teamRef.toLowerCase()));
  suppressedTeams += new Set(
    input.audienceTeams
      .map(team => team.teamRef.toLowerCase())
      .filter(ref => !listed.has(ref)),
  ).size;
  visibleTeams.sort((a, b) => compareStrings(a.teamRef, b.teamRef));

  const questions = survey.questions.map(question =>
    buildQuestionResult(
      question,
      input.questions.find(stats => stats.questionId === question.id),
      belowK ? Infinity : k,
      titleOf,
    ),
  );

  const audienceSize = input.audienceSize;
  return {
    surveyId: survey.id,
    status: survey.status,
    anonymityThreshold: k,
    settings,
    respondents: input.respondents,
    audienceSize,
    responseRate:
      audienceSize !== null && audienceSize > 0
        ? roundTo(input.respondents / audienceSize, 4)
        : null,
    needs,
    priorityCase: choosePriorityCase(
      needs,
      options.sharedNeedMinTeams,
      options.frequencyWeights,
    ),
    teams: visibleTeams,
    suppressedTeams,
    questions,
    previousSurveyId: input.previous?.surveyId ?? survey.previousSurveyId,
    computedAt: (options.now ?? new Date()).toISOString(),
  };
}

function buildNeedResult(
  needId: string,
  title: string,
  stats: NeedStats | undefined,
  k: number,
  input: ResultsInput,
  sharedNeedMinTeams: number,
): NeedResult {
  const respondents = stats?.respondents ?? 0;
  const suppressed = respondents < k;
  let figures: Pick<
    NeedResult,
    'teams' | 'meanPain' | 'frequencyWeight' | 'priorityScore' | 'shared'
  > = {
    teams: 0,
    meanPain: null,
    frequencyWeight: null,
    priorityScore: null,
    shared: false,
  };
  if (!suppressed && stats) {
    const meanPain = roundTo(stats.painSum / respondents, 2);
    const meanWeight = roundTo(stats.weightSum / respondents, 2);
    figures = {
      teams: stats.teamsReporting,
      meanPain,
      frequencyWeight: meanWeight,
      // From the rounded means, so readers can reproduce the score from the figures they see.
      priorityScore: priorityScore(stats.teamsReporting, meanPain, meanWeight),
      shared: isShared(stats.teamsReporting, sharedNeedMinTeams),
    };
  }
  return {
    needId,
    title,
    respondents,
    ...figures,
    suppressed,
    previous: comparePrevious(needId, figures.priorityScore, input.previous),
  };
}

function comparePrevious(
  needId: string,
  currentScore: number | null,
  previous: ResultsInput['previous'],
): NeedResult['previous'] {
  const before = previous?.needs.find(need => need.needId === needId);
  if (!previous || !before) {
    return null;
  }
  return {
    surveyId: previous.surveyId,
    priorityScore: before.priorityScore,
    delta:
      currentScore !== null && before.priorityScore !== null
        ? roundTo(currentScore - before.priorityScore, 2)
        : null,
  };
}

/** Highest priority first (ties: more teams, higher mean pain, then id); suppressed needs last, by id. */
function rankNeeds(needs: NeedResult[]): NeedResult[] {
  return [...needs].sort((a, b) => {
    if (a.suppressed !== b.suppressed) {
      return a.suppressed ? 1 : -1;
    }
    if (!a.suppressed) {
      const byFigures =
        (b.priorityScore ?? 0) - (a.priorityScore ?? 0) ||
        b.teams - a.teams ||
        (b.meanPain ?? 0) - (a.meanPain ?? 0);
      if (byFigures !== 0) {
        return byFigures;
      }
    }
    return compareStrings(a.needId, b.needId);
  });
}

function buildTeamResult(
  team: TeamStats,
  k: number,
  titleOf: Map<string, string>,
  topNeedsPerTeam: number,
): TeamResult {
  const topNeeds: TeamNeedResult[] = team.needs
    .filter(need => need.respondents >= k && titleOf.has(need.needId))
    .map(need => ({
      needId: need.needId,
      title: titleOf.get(need.needId)!,
      respondents: need.respondents,
      meanPain: roundTo(need.painSum / need.respondents, 2),
    }))
    .sort(
      (a, b) => b.meanPain - a.meanPain || compareStrings(a.needId, b.needId),
    )
    .slice(0, topNeedsPerTeam);
  return {
    teamRef: team.teamRef,
    members: team.members,
    respondents: team.respondents,
    responseRate:
      team.members !== null && team.members > 0
        ? roundTo(team.respondents / team.members, 4)
        : null,
    topNeeds,
  };
}

function buildQuestionResult(
  question: Question,
  stats: QuestionStats | undefined,
  k: number,
  titleOf: Map<string, string>,
): QuestionResult {
  const respondents = stats?.respondents ?? 0;
  const result: QuestionResult = {
    questionId: question.id,
    type: question.type,
    title: question.title,
    respondents,
    suppressed: respondents < k,
  };
  if (result.suppressed || !stats) {
    return result;
  }
  switch (question.type) {
    case 'single-choice':
    case 'multi-choice':
      result.choices = question.options.map(option => {
        const count = stats.choiceCounts
          ? ownValue(stats.choiceCounts, option)
          : undefined;
        return { option, count: typeof count === 'number' ? count : 0 };
      });
      break;
    case 'nps':
      result.nps = summarizeNps(stats.npsCounts ?? [], respondents);
      break;
    case 'ranking':
      result.ranking = rankRanking(stats.ranking ?? {}, question.max, titleOf);
      break;
    case 'free-text': {
      const texts = stats.texts ?? [];
      // Fewer texts than k could point at their authors, even when more people answered.
      if (texts.length >= k) {
        result.texts = [...texts].sort(compareStrings);
      }
      break;
    }
    default:
      break;
  }
  return result;
}

function summarizeNps(
  counts: number[],
  respondents: number,
): NonNullable<QuestionResult['nps']> {
  const sum = (from: number, to: number) =>
    counts
      .slice(from, to + 1)
      .reduce((total, count) => total + (count ?? 0), 0);
  const promoters = sum(9, 10);
  const passives = sum(7, 8);
  const detractors = sum(0, 6);
  return {
    score:
      respondents > 0
        ? roundTo((100 * (promoters - detractors)) / respondents, 0)
        : 0,
    promoters,
    passives,
    detractors,
  };
}

/** Borda count: position p of at most m earns m − p + 1 points; ties go to the better mean position, then the id. */
function rankRanking(
  ranking: NonNullable<QuestionStats['ranking']>,
  max: number,
  titleOf: Map<string, string>,
): NonNullable<QuestionResult['ranking']> {
  return Object.keys(ranking)
    .filter(needId => titleOf.has(needId) && ranking[needId].count > 0)
    .map(needId => {
      const { count, positionSum, firstPlace } = ranking[needId];
      return {
        needId,
        title: titleOf.get(needId)!,
        count,
        meanPosition: roundTo(positionSum / count, 2),
        firstPlace,
        points: count * (max + 1) - positionSum,
      };
    })
    .sort(
      (a, b) =>
        b.points - a.points ||
        a.meanPosition - b.meanPosition ||
        compareStrings(a.needId, b.needId),
    );
}

function choosePriorityCase(
  rankedNeeds: NeedResult[],
  sharedNeedMinTeams: number,
  weights: FrequencyWeights | undefined,
): PriorityCase | null {
  const shared = rankedNeeds.filter(need => need.shared);
  const [top, next] = shared;
  if (!top) {
    return null;
  }
  return {
    needId: top.needId,
    title: top.title,
    reason: explainPriorityCase(top, next, sharedNeedMinTeams, weights),
  };
}

/** A sentence a platform owner can act on, built from aggregates only: never names a team or quotes an answer. */
function explainPriorityCase(
  top: NeedResult,
  next: NeedResult | undefined,
  sharedNeedMinTeams: number,
  weights: FrequencyWeights | undefined,
): string {
  const weight = top.frequencyWeight ?? 0;
  const nearest = weights
    ? `, closest to ${nearestFrequency(weight, weights)}`
    : '';
  const score = top.priorityScore ?? 0;
  const opening =
    `Respondents from ${plural(top.teams, 'team')} report it as painful ` +
    `(mean pain ${top.meanPain} of 5, frequency weight ${weight}${nearest}), ` +
    `giving the highest priority score, ${score.toFixed(2)}`;
  if (!next) {
    return `${opening}; it is the only need reported by at least ${plural(
      sharedNeedMinTeams,
      'team',
    )}.`;
  }
  const nextScore = next.priorityScore ?? 0;
  const lead = roundTo(score - nextScore, 2);
  if (lead > 0) {
    return `${opening}, ${lead.toFixed(2)} ahead of "${
      next.title
    }" at ${nextScore.toFixed(2)}.`;
  }
  let tieBreak = 'comes first by id';
  if (top.teams > next.teams) {
    tieBreak = 'ranks first because more teams report it';
  } else if ((top.meanPain ?? 0) > (next.meanPain ?? 0)) {
    tieBreak = 'ranks first because its mean pain is higher';
  }
  return `${opening}, level with "${next.title}"; it ${tieBreak}.`;
}

function nearestFrequency(weight: number, weights: FrequencyWeights): string {
  return [...FREQUENCIES].sort(
    (a, b) => Math.abs(weights[a] - weight) - Math.abs(weights[b] - weight),
  )[0];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Code-unit order, the same on every machine and locale. */
function compareStrings(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// CSV export
// ---------------------------------------------------------------------------------------------------------------

const NEED_COLUMNS = [
  'need_id',
  'title',
  'respondents',
  'teams',
  'mean_pain',
  'frequency_weight',
  'priority_score',
  'shared',
  'suppressed',
  'previous_priority_score',
  'delta',
];
const TEAM_COLUMNS = ['team', 'members', 'respondents', 'response_rate'];

type Cell = string | number | boolean | null;

/**
 * The results as RFC 4180 CSV: one row per need, a blank line, then the visible teams and the number of suppressed
 * ones, a blank line, then the settings the figures were computed with. Aggregates only, no free text. Text cells a spreadsheet would run as a formula are defused with a quote.
 *
 * @public
 */
export function resultsToCsv(results: SurveyResults): string {
  const rows: Cell[][] = [
    NEED_COLUMNS,
    ...results.needs.map(need => [
      need.needId,
      need.title,
      need.respondents,
      need.teams,
      need.meanPain,
      need.frequencyWeight,
      need.priorityScore,
      need.shared,
      need.suppressed,
      need.previous?.priorityScore ?? null,
      need.previous?.delta ?? null,
    ]),
    [],
    TEAM_COLUMNS,
    ...results.teams.map(team => [
      team.teamRef,
      team.members,
      team.respondents,
      team.responseRate,
    ]),
    ['suppressed teams', results.suppressedTeams],
    [],
    ...settingsRows(results),
  ];
  return rows.map(row => `${row.map(csvCell).join(',')}\r\n`).join('');
}

function settingsRows(results: SurveyResults): Cell[][] {
  const { settings } = results;
  return [
    ['setting', 'value'],
    ['shared_need_min_teams', settings.sharedNeedMinTeams],
    ['anonymity_threshold', settings.anonymityThreshold],
    ['reporting_pain', settings.reportingPain],
    ['top_needs_per_team', settings.topNeedsPerTeam],
    ...FREQUENCIES.map(frequency => [
      `frequency_weight_${frequency}`,
      settings.frequencyWeights[frequency],
    ]),
  ];
}

function csvCell(value: Cell): string {
  if (value === null) {
    return '';
  }
  if (typeof value !== 'string') {
    // Numbers and booleans are ours; a negative delta must stay a number, so no formula guard here.
    return String(value);
  }
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused)
    ? `"${defused.replace(/"/g, '""')}"`
    : defused;
}
