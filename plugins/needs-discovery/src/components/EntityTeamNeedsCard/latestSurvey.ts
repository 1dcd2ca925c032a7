import { SurveySummary } from '@platform-product/plugin-needs-discovery-common';

function newestFirst(
  surveys: SurveySummary[],
  date: (survey: SurveySummary) => string | null,
): SurveySummary[] {
  return [...surveys].sort((a, b) =>
    (date(b) ?? b.updatedAt).localeCompare(date(a) ?? a.updatedAt),
  );
}

/**
 * The survey whose results a team card shows: the most recently closed survey
 * the team was asked in (final figures), else the most recently opened one.
 * Surveys for everyone (empty audience) count as asking every team.
 */
export function pickLatestSurveyForTeam(
  surveys: SurveySummary[],
  teamRef: string,
): SurveySummary | undefined {
  const asked = surveys.filter(
    s =>
      s.status !== 'draft' &&
      (s.audience.length === 0 ||
        s.audience.some(ref => ref.toLowerCase() === teamRef.toLowerCase())),
  );
  return (
    newestFirst(
      asked.filter(s => s.status === 'closed'),
      s => s.closedAt,
    )[0] ??
    newestFirst(
      asked.filter(s => s.status === 'open'),
      s => s.openedAt,
    )[0]
  );
}
