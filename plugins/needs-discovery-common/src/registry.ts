import { Survey, SurveyResults } from './types';

/**
 * What the needs registry shows of a need's latest survey results.
 *
 * @public
 */
export interface NeedRegistryFigures {
  /** The survey the figures come from. */
  latestSurveyId: string;
  /** The need's priority score in that survey's results; null when withheld below the anonymity threshold. */
  latestScore: number | null;
  /** Whether the need is shared in those results. */
  shared: boolean;
  /** Distinct teams reporting it in those results; 0 when its figures are withheld. */
  teams: number;
}

const time = (iso: string | null) => (iso ? Date.parse(iso) : -Infinity);

/**
 * The surveys that ask about a need, the latest first: open and closed surveys (a draft has no results) whose
 * needs include it, by opening time, then creation time, then id.
 *
 * @public
 */
export function surveysAskingAbout(
  needId: string,
  surveys: Survey[],
): Survey[] {
  return surveys
    .filter(s => s.status !== 'draft' && s.needs.some(n => n.id === needId))
    .sort(
      (a, b) =>
        time(b.openedAt) - time(a.openedAt) ||
        time(b.createdAt) - time(a.createdAt) ||
        b.id.localeCompare(a.id),
    );
}

/**
 * A need's figures in one survey's results, as the registry shows them; undefined when the results do not have
 * the need.
 *
 * @public
 */
export function needFiguresIn(
  needId: string,
  results: SurveyResults,
): NeedRegistryFigures | undefined {
  const need = results.needs.find(n => n.needId === needId);
  if (!need) return undefined;
  return {
    latestSurveyId: results.surveyId,
    latestScore: need.suppressed ? null : need.priorityScore,
    shared: need.shared,
    teams: need.suppressed ? 0 : need.teams,
  };
}

/**
 * A need's registry figures: those of the latest survey asking about it whose figures for the need are not
 * withheld (so a new wave with fewer than k ratings does not blank a need's score), else those of the latest
 * survey asking about it; undefined when no open or closed survey asks about it. `resultsOf` gives a survey's
 * results (the same results the results page shows) and is called for as few surveys as needed, latest first.
 *
 * @public
 */
export async function latestNeedFigures(
  needId: string,
  surveys: Survey[],
  resultsOf: (survey: Survey) => Promise<SurveyResults>,
): Promise<NeedRegistryFigures | undefined> {
  let latest: NeedRegistryFigures | undefined;
  for (const survey of surveysAskingAbout(needId, surveys)) {
    const figures = needFiguresIn(needId, await resultsOf(survey));
    if (!figures) continue;
    if (figures.latestScore !== null) return figures;
    latest ??= figures;
  }
  return latest;
}
