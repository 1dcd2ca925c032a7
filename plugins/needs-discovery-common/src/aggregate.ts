import { ownValue } from './internal';
import { frequencyWeight } from './scoring';
import {
  Answers,
  FREQUENCIES,
  Frequency,
  FrequencyWeights,
  NeedRating,
  Question,
  REPORTING_PAIN,
  Survey,
} from './types';

/**
 * Per-need sums over all respondents who rated the need.
 *
 * @public
 */
export interface NeedStats {
  /** The need these sums are for. */
  needId: string;
  /** Respondents who rated the need. */
  respondents: number;
  /** Sum of the pain ratings (1–5) given to the need. */
  painSum: number;
  /** Sum of the frequency weights of the ratings. */
  weightSum: number;
  /** Distinct teams with at least one rating of pain ≥ REPORTING_PAIN. */
  teamsReporting: number;
}

/**
 * Per-need sums over the respondents of one team.
 *
 * @public
 */
export interface TeamNeedStats {
  /** The need these sums are for. */
  needId: string;
  /** Respondents of the team who rated the need. */
  respondents: number;
  /** Sum of the pain ratings the team's respondents gave the need. */
  painSum: number;
}

/**
 * One audience team's figures; a respondent in two teams counts in both.
 *
 * @public
 */
export interface TeamStats {
  /** The team (Group ref). */
  teamRef: string;
  /** Members in the catalog, for the response rate; null when unknown. */
  members: number | null;
  /** Respondents who belong to the team. */
  respondents: number;
  /** Sums per need over the team's respondents. */
  needs: TeamNeedStats[];
}

/**
 * Per-question counts; which optional field is set depends on the question type.
 *
 * @public
 */
export interface QuestionStats {
  /** The question these counts are for. */
  questionId: string;
  /** Respondents who answered the question. */
  respondents: number;
  /** single-choice and multi-choice: selections per option. */
  choiceCounts?: Record<string, number>;
  /** nps: respondents per score; index = score 0..10. */
  npsCounts?: number[];
  /** ranking: per ranked need, times ranked, sum of 1-based positions and times ranked first. */
  ranking?: Record<
    string,
    { count: number; positionSum: number; firstPlace: number }
  >;
  /** free-text: the non-empty texts. */
  texts?: string[];
}

/**
 * One response as the results need it: the respondent's teams and answers, no identity.
 *
 * @public
 */
export interface ResponseRecord {
  /** The respondent's teams (Group refs) when they submitted. */
  teams: string[];
  /** The answers, keyed by question id. */
  answers: Answers;
}

/**
 * A team in the survey audience, with its member count for the response rate.
 *
 * @public
 */
export interface AudienceTeam {
  /** The team (Group ref). */
  teamRef: string;
  /** Members in the catalog; null when unknown. */
  members: number | null;
}

/**
 * Everything buildResults needs; the backend store computes it in SQL, aggregateResponses in memory.
 *
 * @public
 */
export interface ResultsInput {
  /** The survey the results are for. */
  survey: Survey;
  /** Number of responses to the survey. */
  respondents: number;
  /** Audience members in the catalog; null when unknown. */
  audienceSize: number | null;
  /** The teams of the audience, with their member counts. */
  audienceTeams: AudienceTeam[];
  /** Sums per need of the survey. */
  needs: NeedStats[];
  /** Figures per audience team. */
  teams: TeamStats[];
  /** Counts per question of the survey. */
  questions: QuestionStats[];
  /** Priority scores of the previous wave, when the survey was cloned from one. */
  previous: {
    surveyId: string;
    needs: { needId: string; priorityScore: number | null }[];
  } | null;
}

/**
 * Computes the statistics of ResultsInput from raw responses, in memory. It is the reference the SQL store is
 * tested against, so its conventions are the contract:
 * - `needs` has one row per survey need, in survey order, zero rows for needs nobody rated;
 * - `teams` has one row per audience team, in the given order, each with one row per survey need;
 * - `questions` has one row per survey question, in survey order; choiceCounts include every option (zeros too),
 *   ranking includes only needs ranked at least once, texts are the non-empty texts in response order;
 * - team refs match case-insensitively; answers that do not fit the survey any more are ignored.
 *
 * @public
 */
export function aggregateResponses(
  survey: Survey,
  responses: ResponseRecord[],
  options: {
    weights: FrequencyWeights;
    audienceTeams: AudienceTeam[];
    audienceSize: number | null;
    previous?: ResultsInput['previous'];
  },
): ResultsInput {
  const needIds = survey.needs.map(need => need.id);
  const needRatingQuestion = survey.questions.find(
    question => question.type === 'need-rating',
  );
  // Each response is read once; everything below works on these.
  const parsed = responses.map(response => ({
    teams: new Set(response.teams.map(team => team.toLowerCase())),
    ratings: needRatingQuestion
      ? readRatings(ownValue(response.answers, needRatingQuestion.id), needIds)
      : new Map<string, NeedRating>(),
  }));

  const needs: NeedStats[] = needIds.map(needId => {
    let respondents = 0;
    let painSum = 0;
    let weightSum = 0;
    const reportingTeams = new Set<string>();
    for (const { teams, ratings } of parsed) {
      const rating = ratings.get(needId);
      if (!rating) {
        continue;
      }
      respondents++;
      painSum += rating.pain;
      weightSum += frequencyWeight(rating.frequency, options.weights);
      if (rating.pain >= REPORTING_PAIN) {
        teams.forEach(team => reportingTeams.add(team));
      }
    }
    return {
      needId,
      respondents,
      painSum,
      weightSum,
      teamsReporting: reportingTeams.size,
    };
  });

  const seenTeams = new Set<string>();
  const teams: TeamStats[] = [];
  for (const audienceTeam of options.audienceTeams) {
    const key = audienceTeam.teamRef.toLowerCase();
    if (seenTeams.has(key)) {
      continue;
    }
    seenTeams.add(key);
    const members = parsed.filter(response => response.teams.has(key));
    teams.push({
      teamRef: audienceTeam.teamRef,
      members: audienceTeam.members,
      respondents: members.length,
      needs: needIds.map(needId => {
        const ratings = members
          .map(response => response.ratings.get(needId))
          .filter((rating): rating is NeedRating => rating !== undefined);
        return {
          needId,
          respondents: ratings.length,
          painSum: ratings.reduce((sum, rating) => sum + rating.pain, 0),
        };
      }),
    });
  }

  return {
    survey,
    respondents: responses.length,
    audienceSize: options.audienceSize,
    audienceTeams: options.audienceTeams,
    needs,
    teams,
    questions: survey.questions.map(question =>
      aggregateQuestion(question, responses, needIds),
    ),
    previous: options.previous ?? null,
  };
}

function aggregateQuestion(
  question: Question,
  responses: ResponseRecord[],
  needIds: string[],
): QuestionStats {
  const answers = responses.map(response =>
    ownValue(response.answers, question.id),
  );
  switch (question.type) {
    case 'need-rating':
      return {
        questionId: question.id,
        respondents: answers.filter(
          answer => readRatings(answer, needIds).size > 0,
        ).length,
      };
    case 'single-choice':
    case 'multi-choice': {
      const counts = new Map(question.options.map(option => [option, 0]));
      let respondents = 0;
      for (const answer of answers) {
        const picked = (Array.isArray(answer) ? answer : [answer]).filter(
          (option): option is string =>
            typeof option === 'string' && counts.has(option),
        );
        if (picked.length > 0) {
          respondents++;
        }
        new Set(picked).forEach(option =>
          counts.set(option, counts.get(option)! + 1),
        );
      }
      // fromEntries defines own properties, so an option named "__proto__" stays an ordinary key.
      return {
        questionId: question.id,
        respondents,
        choiceCounts: Object.fromEntries(counts),
      };
    }
    case 'ranking': {
      const ranking = new Map<
        string,
        { count: number; positionSum: number; firstPlace: number }
      >();
      let respondents = 0;
      for (const answer of answers) {
        if (!Array.isArray(answer)) {
          continue;
        }
        const ranked = [...new Set(answer)].filter(
          (needId): needId is string =>
            typeof needId === 'string' && needIds.includes(needId),
        );
        if (ranked.length > 0) {
          respondents++;
        }
        ranked.forEach((needId, index) => {
          const entry = ranking.get(needId) ?? {
            count: 0,
            positionSum: 0,
            firstPlace: 0,
          };
          entry.count++;
          entry.positionSum += index + 1;
          entry.firstPlace += index === 0 ? 1 : 0;
          ranking.set(needId, entry);
        });
      }
      return {
        questionId: question.id,
        respondents,
        ranking: Object.fromEntries(ranking),
      };
    }
    case 'free-text': {
      const texts = answers.filter(
        (answer): answer is string =>
          typeof answer === 'string' && answer.trim() !== '',
      );
      return { questionId: question.id, respondents: texts.length, texts };
    }
    case 'nps':
    default: {
      const npsCounts = Array.from({ length: 11 }, () => 0);
      for (const answer of answers) {
        if (
          typeof answer === 'number' &&
          Number.isInteger(answer) &&
          answer >= 0 &&
          answer <= 10
        ) {
          npsCounts[answer]++;
        }
      }
      return {
        questionId: question.id,
        respondents: npsCounts.reduce((sum, count) => sum + count, 0),
        npsCounts,
      };
    }
  }
}

/** The well-formed ratings of a need-rating answer, for needs of the survey. */
function readRatings(
  answer: unknown,
  needIds: string[],
): Map<string, NeedRating> {
  const ratings = new Map<string, NeedRating>();
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    return ratings;
  }
  for (const needId of needIds) {
    const rating = ownValue(answer as Record<string, unknown>, needId);
    if (isRating(rating)) {
      ratings.set(needId, rating);
    }
  }
  return ratings;
}

function isRating(value: unknown): value is NeedRating {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { pain, frequency } = value as Partial<NeedRating>;
  return (
    Number.isInteger(pain) &&
    (FREQUENCIES as readonly unknown[]).includes(frequency as Frequency)
  );
}
