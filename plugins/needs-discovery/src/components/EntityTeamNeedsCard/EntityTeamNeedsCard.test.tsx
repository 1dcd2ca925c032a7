import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { needsDiscoveryApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  mockNeedsDiscoveryApi,
  responseError,
  results,
  summaryOf,
  survey,
} from '../../testUtils/fixtures';
import { SurveyResults } from '@platform-product/plugin-needs-discovery-common';
import { EntityTeamNeedsCard } from './EntityTeamNeedsCard';
import { surveysForTeam, teamFigures } from './latestSurvey';

function group(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

async function renderCard(
  api: ReturnType<typeof mockNeedsDiscoveryApi>,
  entity: Entity,
) {
  await renderInTestApp(
    <TestApiProvider apis={[[needsDiscoveryApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityTeamNeedsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/needs': rootRouteRef } },
  );
}

const closedSurvey = summaryOf(survey, {
  status: 'closed',
  closedAt: '2025-03-01T00:00:00.000Z',
});

describe('EntityTeamNeedsCard', () => {
  it("shows the team's response rate and top needs when it reached k", async () => {
    const api = mockNeedsDiscoveryApi();
    api.listSurveys.mockResolvedValue([closedSurvey]);
    api.getResults.mockResolvedValue(results);
    await renderCard(api, group('checkout'));

    expect(await screen.findByText('70%')).toBeInTheDocument();
    expect(screen.getByText('1. Faster CI feedback')).toBeInTheDocument();
    expect(api.getResults).toHaveBeenCalledWith(survey.id);
  });

  it('withholds figures for a team below k', async () => {
    const api = mockNeedsDiscoveryApi();
    api.listSurveys.mockResolvedValue([closedSurvey]);
    api.getResults.mockResolvedValue(results);
    await renderCard(api, group('payments'));

    expect(
      await screen.findByText(
        /not enough answers from this team to show figures: fewer than the anonymity threshold \(k = 5\) of its members answered\./i,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('70%')).not.toBeInTheDocument();
  });

  describe('across survey waves', () => {
    const spring = summaryOf(
      {
        ...survey,
        id: 'spring',
        title: 'Spring wave',
        anonymityThreshold: 3,
        status: 'closed',
        openedAt: '2025-03-01T00:00:00.000Z',
        closedAt: '2025-04-01T00:00:00.000Z',
      },
      { answeredByMe: true },
    );
    const autumn = summaryOf({
      ...survey,
      id: 'autumn',
      title: 'Autumn wave',
      anonymityThreshold: 3,
      status: 'open',
      openedAt: '2025-09-01T00:00:00.000Z',
      closedAt: null,
    });
    const withTeam = (
      surveyId: string,
      respondents: number,
      members = 4,
    ): SurveyResults => ({
      ...results,
      surveyId,
      anonymityThreshold: 3,
      teams: [
        {
          teamRef: 'group:default/checkout',
          members,
          respondents,
          responseRate: respondents / members,
          topNeeds: [
            {
              needId: 'faster-ci',
              title: 'Faster CI feedback',
              respondents,
              meanPain: 4.5,
            },
          ],
        },
      ],
    });
    const withoutTeam = (surveyId: string): SurveyResults => ({
      ...results,
      surveyId,
      anonymityThreshold: 3,
      teams: [],
      suppressedTeams: 1,
    });

    it('shows the open wave in which the team has results, not the closed one before it', async () => {
      const api = mockNeedsDiscoveryApi();
      api.listSurveys.mockResolvedValue([spring, autumn]);
      api.getResults.mockImplementation(async id =>
        id === 'autumn' ? withTeam('autumn', 4) : withoutTeam('spring'),
      );
      await renderCard(api, group('checkout'));

      expect(await screen.findByText('100%')).toBeInTheDocument();
      expect(screen.getByText(/4 of 4 members answered/)).toBeInTheDocument();
      expect(screen.getByText('Autumn wave · open')).toBeInTheDocument();
      expect(screen.queryByText(/fewer than/i)).not.toBeInTheDocument();
      expect(api.getResults).toHaveBeenCalledTimes(1);
      expect(api.getResults).toHaveBeenCalledWith('autumn');
    });

    it('shows the latest results the team has and says the open wave is still below the threshold', async () => {
      const api = mockNeedsDiscoveryApi();
      api.listSurveys.mockResolvedValue([spring, autumn]);
      api.getResults.mockImplementation(async id =>
        id === 'spring' ? withTeam('spring', 3) : withoutTeam('autumn'),
      );
      await renderCard(api, group('checkout'));

      expect(await screen.findByText('75%')).toBeInTheDocument();
      expect(screen.getByText(/^Spring wave · closed/)).toBeInTheDocument();
      const note = screen.getByText(/from this team so far in/);
      expect(note).toHaveTextContent(
        'Fewer than the needed 3 answers (anonymity threshold) from this team so far in “Autumn wave”, which is still open. The figures below are from the latest survey with results for this team. Answer the survey to help your team be heard.',
      );
      expect(
        screen.getByRole('link', { name: 'Answer the survey' }),
      ).toHaveAttribute('href', '/needs/surveys/autumn');
      expect(api.getResults.mock.calls).toEqual([['autumn'], ['spring']]);
    });

    it('does not ask someone who answered the open wave to answer it', async () => {
      const api = mockNeedsDiscoveryApi();
      api.listSurveys.mockResolvedValue([
        spring,
        { ...autumn, answeredByMe: true },
      ]);
      api.getResults.mockImplementation(async id =>
        id === 'spring' ? withTeam('spring', 3) : withoutTeam('autumn'),
      );
      await renderCard(api, group('checkout'));

      expect(
        await screen.findByText(/from this team so far in “Autumn wave”/),
      ).toBeInTheDocument();
      expect(screen.queryByText('Answer the survey')).not.toBeInTheDocument();
    });

    it('says the newest wave is below the threshold when no wave has results for the team', async () => {
      const api = mockNeedsDiscoveryApi();
      api.listSurveys.mockResolvedValue([spring, autumn]);
      api.getResults.mockImplementation(async id => withoutTeam(id));
      await renderCard(api, group('checkout'));

      expect(
        await screen.findByText(
          /not enough answers from this team to show figures: fewer than the anonymity threshold \(k = 3\) of its members answered so far\./i,
        ),
      ).toBeInTheDocument();
      expect(screen.getByText('Autumn wave · open')).toBeInTheDocument();
      expect(screen.queryByText(/from this team so far in/)).toBeNull();
      expect(api.getResults).toHaveBeenCalledTimes(2);
    });

    it('never shows a team figure drawn from fewer respondents than the threshold', async () => {
      const api = mockNeedsDiscoveryApi();
      api.listSurveys.mockResolvedValue([autumn]);
      // A server that sent the team below k anyway.
      api.getResults.mockResolvedValue(withTeam('autumn', 2));
      await renderCard(api, group('checkout'));

      expect(
        await screen.findByText(/not enough answers from this team/i),
      ).toBeInTheDocument();
      expect(screen.queryByText('50%')).not.toBeInTheDocument();
      expect(screen.queryByText(/Faster CI feedback/)).not.toBeInTheDocument();
    });

    it('leaves out a top need rated by fewer members of the team than the threshold', async () => {
      const api = mockNeedsDiscoveryApi();
      api.listSurveys.mockResolvedValue([autumn]);
      const answered = withTeam('autumn', 3);
      answered.teams[0].topNeeds[0].respondents = 2;
      api.getResults.mockResolvedValue(answered);
      await renderCard(api, group('checkout'));

      expect(await screen.findByText('75%')).toBeInTheDocument();
      expect(
        screen.getByText(
          'No need rated by at least 3 members of this team (the anonymity threshold).',
        ),
      ).toBeInTheDocument();
      expect(screen.queryByText(/Faster CI feedback/)).not.toBeInTheDocument();
    });

    it("says so when the user may not read the latest wave's results", async () => {
      const api = mockNeedsDiscoveryApi();
      api.listSurveys.mockResolvedValue([spring, autumn]);
      api.getResults.mockRejectedValue(await responseError(403, 'Denied'));
      await renderCard(api, group('checkout'));

      expect(
        await screen.findByText(
          "You are not allowed to read this survey's results.",
        ),
      ).toBeInTheDocument();
      expect(screen.getByText('Autumn wave · open')).toBeInTheDocument();
    });
  });

  it('says there is no survey with results for this team yet', async () => {
    const api = mockNeedsDiscoveryApi();
    api.listSurveys.mockResolvedValue([]);
    await renderCard(api, group('checkout'));

    expect(
      await screen.findByRole('heading', {
        name: 'No survey with results for this team yet',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/has not opened a survey that asks this team/),
    ).toBeInTheDocument();
    expect(api.getResults).not.toHaveBeenCalled();
  });

  it('says needs-discovery is not installed when the backend answers 404', async () => {
    const api = mockNeedsDiscoveryApi();
    api.listSurveys.mockRejectedValue(await responseError(404, 'Not found'));
    await renderCard(api, group('checkout'));

    expect(
      await screen.findByText('needs-discovery is not installed'),
    ).toBeInTheDocument();
  });

  it('says needs-discovery is not installed when the backend is unreachable', async () => {
    const api = mockNeedsDiscoveryApi();
    api.listSurveys.mockRejectedValue(new TypeError('Failed to fetch'));
    await renderCard(api, group('checkout'));

    expect(
      await screen.findByText('needs-discovery is not installed'),
    ).toBeInTheDocument();
  });
});

describe('surveysForTeam', () => {
  const team = 'group:default/checkout';
  const open = summaryOf({
    ...survey,
    id: 'open',
    openedAt: '2025-09-01T00:00:00.000Z',
  });
  const olderClosed = summaryOf({
    ...survey,
    id: 'older',
    status: 'closed',
    openedAt: '2024-01-01T00:00:00.000Z',
    closedAt: '2024-02-01T00:00:00.000Z',
  });
  const newerClosed = summaryOf({
    ...survey,
    id: 'newer',
    status: 'closed',
    openedAt: '2025-01-01T00:00:00.000Z',
    closedAt: '2025-02-01T00:00:00.000Z',
  });
  const otherTeams = summaryOf({
    ...survey,
    id: 'other',
    status: 'closed',
    openedAt: '2026-01-01T00:00:00.000Z',
    closedAt: '2026-02-01T00:00:00.000Z',
    audience: ['group:default/payments'],
  });
  const draft = summaryOf({
    ...survey,
    id: 'draft',
    status: 'draft',
    openedAt: null,
  });

  it('lists the waves the team was asked in, the latest opened first, open or closed', () => {
    expect(
      surveysForTeam(
        [olderClosed, open, draft, newerClosed, otherTeams],
        team,
      ).map(s => s.id),
    ).toEqual(['open', 'newer', 'older']);
  });

  it('counts surveys for everyone and matches team refs in any case', () => {
    const everyone = { ...otherTeams, id: 'everyone', audience: [] };
    expect(surveysForTeam([everyone], team).map(s => s.id)).toEqual([
      'everyone',
    ]);
    expect(
      surveysForTeam([open], 'Group:default/Checkout').map(s => s.id),
    ).toEqual(['open']);
  });
});

describe('teamFigures', () => {
  const team = {
    teamRef: 'group:default/checkout',
    members: 6,
    respondents: 3,
    responseRate: 0.5,
    topNeeds: [
      {
        needId: 'faster-ci',
        title: 'Faster CI feedback',
        respondents: 3,
        meanPain: 4,
      },
      {
        needId: 'preview-envs',
        title: 'Preview environments',
        respondents: 2,
        meanPain: 5,
      },
    ],
  };
  const at = (k: number): SurveyResults => ({
    ...results,
    anonymityThreshold: k,
    teams: [team],
  });

  it.each<[string, number, string[] | undefined]>([
    ['at the threshold: the needs rated by at least k', 3, ['faster-ci']],
    ['below the threshold: nothing', 4, undefined],
    ['under a lower threshold: every need', 2, ['faster-ci', 'preview-envs']],
  ])('gives a team %s', (_case, k, needIds) => {
    expect(
      teamFigures(at(k), 'group:default/CHECKOUT')?.topNeeds.map(n => n.needId),
    ).toEqual(needIds);
  });

  it('gives nothing for a team the results leave out', () => {
    expect(teamFigures(at(3), 'group:default/payments')).toBeUndefined();
  });
});
