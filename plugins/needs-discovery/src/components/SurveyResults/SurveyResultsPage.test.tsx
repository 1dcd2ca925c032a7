import {
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { cloneElement, ReactElement } from 'react';
import { needsDiscoveryApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  mockEntityPresentationApi,
  mockNeedsDiscoveryApi,
  results,
  survey,
} from '../../testUtils/fixtures';
import { SurveyResultsPage } from './SurveyResultsPage';

// jsdom lays nothing out, so ResponsiveContainer would measure 0 × 0 and draw nothing: give the charts a fixed size
// so their axis labels render.
jest.mock('recharts', () => {
  const actual = jest.requireActual('recharts');
  return {
    ...actual,
    ResponsiveContainer: (props: { height: number; children: ReactElement }) =>
      cloneElement(props.children, { width: 800, height: props.height }),
  };
});

/** The team axis of the "Response rate per team" chart. */
function responseRateAxis(): HTMLElement {
  const card = screen
    .getByText('Response rate per team')
    .closest('.MuiCardContent-root') as HTMLElement;
  return card.querySelector('.recharts-yAxis') as HTMLElement;
}

async function renderResults(
  api: ReturnType<typeof mockNeedsDiscoveryApi>,
  presentation = mockEntityPresentationApi({}),
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [needsDiscoveryApiRef, api],
        [entityPresentationApiRef, presentation],
      ]}
    >
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
    // Response rate overall and the team that reached k (no catalog title: its name, in the chart and the table).
    expect(screen.getByText('60%')).toBeInTheDocument();
    expect(
      within(responseRateAxis()).getByText('checkout'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Team breakdown' })).getByText(
        'checkout',
      ),
    ).toBeInTheDocument();
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

  it('says which settings the results were computed with', async () => {
    const api = mockNeedsDiscoveryApi();
    api.getSurvey.mockResolvedValue({ ...survey, status: 'closed' });
    api.getResults.mockResolvedValue(results);
    await renderResults(api);

    expect(
      screen.getByLabelText('Settings of these results'),
    ).toHaveTextContent(
      'Shared = reported by at least 3 teams (a rating of pain 3 or more) · ' +
        'anonymity threshold 5 respondents · ' +
        'frequency weights daily 1, weekly 0.6, monthly 0.3, rarely 0.1 · ' +
        'top 3 needs per team',
    );
    expect(
      screen.getByText('Shared need (reported by at least 3 teams)'),
    ).toBeInTheDocument();
    // Mean pain with the 2 decimals the score is computed from: 3 × 4.10 × 0.90 = 11.07.
    const needs = screen.getByRole('table', { name: 'Needs by priority' });
    expect(within(needs).getByText('4.10')).toBeInTheDocument();
    expect(within(needs).getByText('11.07')).toBeInTheDocument();
  });

  it('shows teams by their catalog titles, not their ids', async () => {
    const api = mockNeedsDiscoveryApi();
    api.getSurvey.mockResolvedValue({ ...survey, status: 'closed' });
    api.getResults.mockResolvedValue({
      ...results,
      teams: [
        ...results.teams,
        {
          teamRef: 'group:default/billing',
          members: 6,
          respondents: 5,
          responseRate: 0.8333,
          topNeeds: [],
        },
      ],
    });
    await renderResults(api, mockEntityPresentationApi());

    // The response-rate chart labels its bars with the titles, once the catalog has answered.
    await waitFor(() =>
      expect(
        within(responseRateAxis()).getByText('Checkout Squad'),
      ).toBeInTheDocument(),
    );
    const responses = responseRateAxis();
    expect(
      within(responses).getByText('Billing & Invoicing'),
    ).toBeInTheDocument();
    expect(within(responses).queryByText('checkout')).not.toBeInTheDocument();
    expect(within(responses).queryByText('billing')).not.toBeInTheDocument();
    // The team table links each team under the same title.
    const teams = screen.getByRole('table', { name: 'Team breakdown' });
    expect(
      await within(teams).findByText('Checkout Squad'),
    ).toBeInTheDocument();
    expect(within(teams).getByText('Billing & Invoicing')).toBeInTheDocument();
    expect(within(teams).queryByText('checkout')).not.toBeInTheDocument();
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
