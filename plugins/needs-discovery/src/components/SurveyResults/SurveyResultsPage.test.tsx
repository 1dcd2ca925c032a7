import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { needsDiscoveryApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  mockNeedsDiscoveryApi,
  results,
  survey,
} from '../../testUtils/fixtures';
import { SurveyResultsPage } from './SurveyResultsPage';

async function renderResults(api: ReturnType<typeof mockNeedsDiscoveryApi>) {
  await renderInTestApp(
    <TestApiProvider apis={[[needsDiscoveryApiRef, api]]}>
      <SurveyResultsPage surveyId={survey.id} />
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/needs': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
  await screen.findByText(`Results: ${survey.title}`);
}

describe('SurveyResultsPage', () => {
  it('shows the priority case, hidden teams and suppressed needs', async () => {
    const api = mockNeedsDiscoveryApi();
    api.getSurvey.mockResolvedValue({ ...survey, status: 'closed' });
    api.getResults.mockResolvedValue(results);
    await renderResults(api);

    expect(
      screen.getByText('Reported by 3 teams with the highest priority score.'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(
        '2 teams hidden (fewer respondents than the anonymity threshold, k = 5)',
      ),
    ).not.toHaveLength(0);
    expect(
      screen.getByText(
        'Preview environments: suppressed (fewer respondents than the anonymity threshold)',
      ),
    ).toBeInTheDocument();
    // Response rate overall and the team that reached k.
    expect(screen.getByText('60%')).toBeInTheDocument();
    expect(screen.getByText('checkout')).toBeInTheDocument();
    // Wave comparison: delta with its direction.
    expect(screen.getByLabelText('up 2.57')).toBeInTheDocument();
    // NPS and a free-text answer, rendered as text rather than markup.
    expect(screen.getByText('+15')).toBeInTheDocument();
    expect(screen.getByText('<b>not bold</b>')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /download csv/i }),
    ).toBeInTheDocument();
  });

  it('says so when there is no shared need yet', async () => {
    const api = mockNeedsDiscoveryApi();
    api.getSurvey.mockResolvedValue({ ...survey, previousSurveyId: null });
    api.getResults.mockResolvedValue({
      ...results,
      status: 'open',
      priorityCase: null,
      suppressedTeams: 1,
      previousSurveyId: null,
      needs: results.needs.map(n => ({ ...n, previous: null })),
    });
    await renderResults(api);

    expect(screen.getByText(/no shared need yet/i)).toBeInTheDocument();
    expect(
      screen.getAllByText(
        '1 team hidden (fewer respondents than the anonymity threshold, k = 5)',
      ),
    ).not.toHaveLength(0);
    expect(
      screen.queryByText('Compared with the previous wave'),
    ).not.toBeInTheDocument();
  });

  it('shows the server error when results cannot be read', async () => {
    const api = mockNeedsDiscoveryApi();
    api.getSurvey.mockResolvedValue(survey);
    api.getResults.mockRejectedValue(new Error('You may not read results'));
    await renderInTestApp(
      <TestApiProvider apis={[[needsDiscoveryApiRef, api]]}>
        <SurveyResultsPage surveyId={survey.id} />
      </TestApiProvider>,
      { mountedRoutes: { '/needs': rootRouteRef } },
    );
    expect(
      await screen.findAllByText(/you may not read results/i),
    ).not.toHaveLength(0);
  });
});
