import {
  SurveyResults,
  SurveySummary,
  TeamResult,
} from '@platform-product/plugin-needs-discovery-common';

const sameRef = (a: string, b: string) =>
  a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/** When a survey started taking answers: its opening, else (older records) its last change. */
const startedAt = (survey: SurveySummary) =>
  survey.openedAt ?? survey.closedAt ?? survey.updatedAt;

/**
 * The surveys a team was asked in, newest wave first: open and closed ones (never drafts), by when they opened (then
 * by wave). Surveys for everyone (empty audience) count as asking every team.
 */
export function surveysForTeam(
  surveys: SurveySummary[],
  teamRef: string,
): SurveySummary[] {
  return surveys
    .filter(
      s =>
        s.status !== 'draft' &&
        (s.audience.length === 0 ||
          s.audience.some(ref => sameRef(ref, teamRef))),
    )
    .sort(
      (a, b) =>
        startedAt(b).localeCompare(startedAt(a)) ||
        b.wave - a.wave ||
        b.createdAt.localeCompare(a.createdAt),
    );
}

/**
 * The team's figures in a survey's results, or undefined when they are withheld. The server leaves out teams with
 * fewer than k respondents; the card checks again, so that it never shows a team figure drawn from fewer
 * respondents than the anonymity threshold, and drops any top need rated by fewer than k of the team.
 */
export function teamFigures(
  results: SurveyResults,
  teamRef: string,
): TeamResult | undefined {
  const k = results.anonymityThreshold;
  const team = results.teams.find(t => sameRef(t.teamRef, teamRef));
  if (!team || team.respondents < k) {
    return undefined;
  }
  return {
    ...team,
    topNeeds: team.topNeeds.filter(need => need.respondents >= k),
  };
}
