import {
  entityPresentationApiRef,
  EntityPresentationApi,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { habitMetricsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  CHECKOUT,
  emptySummary,
  EVENT_STREAMING,
  mockEntityPresentationApi,
  mockHabitMetricsApi,
  notInstalledError,
  responseError,
} from '../../testUtils/fixtures';
import { HabitsPage } from './HabitsPage';

async function renderPage(
  api: ReturnType<typeof mockHabitMetricsApi>,
  path = '/habits',
  presentation?: EntityPresentationApi,
) {
  const page = (
    <Routes>
      <Route path="/habits/*" element={<HabitsPage />} />
    </Routes>
  );
  await renderInTestApp(
    presentation ? (
      <TestApiProvider
        apis={[
          [habitMetricsApiRef, api],
          [entityPresentationApiRef, presentation],
        ]}
      >
        {page}
      </TestApiProvider>
    ) : (
      <TestApiProvider apis={[[habitMetricsApiRef, api]]}>
        {page}
      </TestApiProvider>
    ),
    {
      mountedRoutes: {
        '/habits': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
      routeEntries: [path],
    },
  );
}

describe('HabitsPage', () => {
  it('says no activity has been recorded yet, and where it comes from, instead of empty charts', async () => {
    const api = mockHabitMetricsApi();
    api.getSummary.mockResolvedValue(emptySummary);
    api.listAdoption.mockResolvedValue([]);
    await renderPage(api);

    expect(
      await screen.findByRole('heading', { name: 'No activity recorded yet' }),
    ).toBeInTheDocument();
    const sources = screen.getByRole('list', {
      name: 'Where activity comes from',
    });
    expect(sources).toHaveTextContent('Template runs');
    expect(sources).toHaveTextContent('backstage.io/source-template');
    expect(sources).toHaveTextContent("This app's analytics");
    expect(sources).toHaveTextContent('POST /api/habit-metrics/events');
    // No capability in the catalog either: how to add one.
    expect(
      screen.getByText(/no platform capabilities in the catalog yet either/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('run a software template').closest('a'),
    ).toHaveAttribute('href', '/create');
    // No chart with axes at zero.
    expect(document.querySelector('div[role="img"]')).toBeNull();
    expect(screen.queryByText('Golden-path share')).not.toBeInTheDocument();
  });

  it('draws the golden-path trend and the retention heatmap', async () => {
    const api = mockHabitMetricsApi();
    await renderPage(api);

    expect(
      await screen.findByRole('img', {
        name: /^Golden-path share from 2026-W07 to 2026-W10: 70% over the range, 70% in the 4 weeks to 2026-W10\.$/,
      }),
    ).toBeInTheDocument();

    const heatmap = await screen.findByRole('table', {
      name: /cohort retention/i,
    });
    const rows = within(heatmap).getAllByRole('row');
    // A header row and one row per cohort, labelled with ISO weeks.
    expect(rows).toHaveLength(4);
    expect(within(rows[1]).getByRole('rowheader')).toHaveTextContent(
      'W07 · 4 teams',
    );
    expect(
      within(heatmap).getByLabelText(
        'Cohort 2026-W07 (4 teams), week +1: 75% still active',
      ),
    ).toHaveTextContent('75%');
    expect(
      within(heatmap).getByLabelText(
        'Cohort 2026-W09 (one team only), week +1: 0%, the team was not active',
      ),
    ).toHaveTextContent('0%');
  });

  it('leaves the weeks a cohort has not reached blank', async () => {
    const api = mockHabitMetricsApi();
    await renderPage(api);
    const heatmap = await screen.findByRole('table', {
      name: /cohort retention/i,
    });
    const blank = within(heatmap).getByLabelText(
      'Cohort 2026-W08 (2 teams), week +3: not reached yet',
    );
    expect(blank).toBeEmptyDOMElement();
    expect(within(heatmap).getAllByLabelText(/not reached yet/)).toHaveLength(
      3,
    );
  });

  it('asks for the last 26 weeks, then for the chosen range and capability', async () => {
    const api = mockHabitMetricsApi();
    await renderPage(api);
    await screen.findByRole('table', { name: /cohort retention/i });

    const { from, to } = api.getGoldenPath.mock.calls[0][0]!;
    const days = (Date.parse(to!) - Date.parse(from!)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(25 * 7);
    expect(days).toBeLessThan(26 * 7);
    expect(api.getRetention).toHaveBeenLastCalledWith({
      capability: undefined,
    });

    await userEvent.click(screen.getByLabelText('Capability'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'event-streaming' }),
    );
    await waitFor(() =>
      expect(api.getRetention).toHaveBeenLastCalledWith({
        capability: EVENT_STREAMING,
      }),
    );
    expect(api.getStickiness).toHaveBeenLastCalledWith(
      expect.objectContaining({ capability: EVENT_STREAMING }),
    );

    await userEvent.click(screen.getByLabelText('Range'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Last 12 weeks' }),
    );
    await waitFor(() => expect(api.getGoldenPath).toHaveBeenCalledTimes(2));
    const shorter = api.getGoldenPath.mock.calls[1][0]!;
    expect(
      (Date.parse(shorter.to!) - Date.parse(shorter.from!)) / 86_400_000,
    ).toBeLessThan(12 * 7);
  });

  it('names capabilities and teams by their catalog titles, sorted by them', async () => {
    const api = mockHabitMetricsApi();
    await renderPage(api, '/habits', mockEntityPresentationApi());
    await screen.findByRole('table', { name: /cohort retention/i });

    await userEvent.click(screen.getByLabelText('Capability'));
    const capabilities = await screen.findByRole('listbox');
    expect(
      within(capabilities)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual([
      'All capabilities',
      'Continuous Integration',
      'Event Streaming',
    ]);
    await userEvent.click(
      within(capabilities).getByRole('option', { name: 'Event Streaming' }),
    );
    await waitFor(() =>
      expect(api.getRetention).toHaveBeenLastCalledWith({
        capability: EVENT_STREAMING,
      }),
    );
    expect(
      await screen.findByText(
        'Of the teams that first used Event Streaming in a week, the share still active in each following week',
      ),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Team'));
    expect(
      await screen.findByRole('option', { name: 'Checkout Squad' }),
    ).toBeInTheDocument();
  });

  it('titles the team drill-down with the team name from the catalog', async () => {
    const api = mockHabitMetricsApi();
    await renderPage(
      api,
      '/habits/teams/default/checkout',
      mockEntityPresentationApi(),
    );
    expect(
      await screen.findByText('Team habits: Checkout Squad'),
    ).toBeInTheDocument();
  });

  it('lists reversions with a link to the team drill-down', async () => {
    const api = mockHabitMetricsApi();
    await renderPage(api);
    const list = await screen.findByRole('list', { name: 'Reversions' });
    expect(within(list).getByText('checkout')).toBeInTheDocument();
    expect(
      within(list).getByText(
        '2026-W10 · old way after 5 weeks on the golden path',
      ),
    ).toBeInTheDocument();
    expect(
      within(list).getByRole('link', { name: 'Team habits' }),
    ).toHaveAttribute('href', '/habits/teams/default/checkout');
  });

  it('shows a team drill-down', async () => {
    const api = mockHabitMetricsApi();
    await renderPage(api, '/habits/teams/default/checkout?weeks=12');

    expect(
      await screen.findByRole('table', {
        name: 'Capabilities used by the team',
      }),
    ).toBeInTheDocument();
    expect(api.getTeamHabits).toHaveBeenCalledWith(
      CHECKOUT,
      expect.objectContaining({ from: expect.any(String) }),
    );
    expect(screen.getByText('Team habits: checkout')).toBeInTheDocument();
    expect(screen.getByText('3 / 4')).toBeInTheDocument();
    expect(screen.getByText('2026-W07')).toBeInTheDocument();
    expect(screen.getByText('All teams').closest('a')).toHaveAttribute(
      'href',
      '/habits?weeks=12',
    );
  });

  it('says habit-metrics is not installed when the backend answers 404', async () => {
    const api = mockHabitMetricsApi();
    api.getGoldenPath.mockRejectedValue(await notInstalledError());
    await renderPage(api);
    expect(
      await screen.findByText('habit-metrics is not installed'),
    ).toBeInTheDocument();
  });

  it('says so when the user may not read habit metrics', async () => {
    const api = mockHabitMetricsApi();
    api.getGoldenPath.mockRejectedValue(
      await responseError(403, 'no', 'NotAllowedError'),
    );
    await renderPage(api);
    expect(
      await screen.findByText('You may not read habit metrics'),
    ).toBeInTheDocument();
  });
});
