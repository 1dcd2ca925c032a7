import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { habitMetricsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  capabilityHabits,
  entity,
  EVENT_STREAMING,
  mockHabitMetricsApi,
  notInstalledError,
} from '../../testUtils/fixtures';
import { EntityCapabilityAdoptionCard } from './EntityCapabilityAdoptionCard';

const capability = entity('System', 'event-streaming', {
  'platform-product.io/capability': 'true',
});

async function renderCard(api: ReturnType<typeof mockHabitMetricsApi>) {
  await renderInTestApp(
    <TestApiProvider apis={[[habitMetricsApiRef, api]]}>
      <EntityProvider entity={capability}>
        <EntityCapabilityAdoptionCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/habits': rootRouteRef } },
  );
}

describe('EntityCapabilityAdoptionCard', () => {
  it('shows adoption, a retention heatmap and time to habit', async () => {
    const api = mockHabitMetricsApi();
    await renderCard(api);

    // The same words as the thinness card: N of M product teams.
    expect(
      await screen.findByText('of 10 product teams have used it (50%)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '4 teams active in the last 4 weeks · adoption growing over 12 weeks',
      ),
    ).toBeInTheDocument();
    expect(api.getCapabilityHabits).toHaveBeenCalledWith(
      'system:default/event-streaming',
      expect.objectContaining({ to: expect.any(String) }),
    );
    expect(
      screen.getByRole('img', { name: /teams that adopted/i }),
    ).toHaveAccessibleName(/event-streaming: 5 teams \(50%\)/);

    const heatmap = screen.getByRole('table', { name: /cohort retention/i });
    expect(
      within(heatmap).getByLabelText(
        'Cohort 2026-W07 (4 teams), week +2: 50% still active',
      ),
    ).toHaveTextContent('50%');
    expect(
      within(heatmap).getByLabelText(
        'Cohort 2026-W09 (one team only), week +2: not reached yet',
      ),
    ).toBeEmptyDOMElement();
    // The card's heatmap explains its one-team cohort too.
    expect(heatmap.querySelector('caption')).toHaveTextContent(
      /Grey rows are cohorts of one team/,
    );

    expect(
      screen.getByText(
        /Median 4 weeks from first use to a 4-week streak · 3 of the 5 adopting teams got there/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Habits of every capability').closest('a'),
    ).toHaveAttribute(
      'href',
      `/habits?capability=${encodeURIComponent(EVENT_STREAMING)}`,
    );
  });

  it('says habit-metrics is not installed when the backend is unreachable', async () => {
    const api = mockHabitMetricsApi();
    api.getCapabilityHabits.mockRejectedValue(new TypeError('Failed to fetch'));
    await renderCard(api);
    expect(
      await screen.findByText('habit-metrics is not installed'),
    ).toBeInTheDocument();
    api.getCapabilityHabits.mockRejectedValue(await notInstalledError());
  });

  it('says no team has used it yet, and where activity comes from, instead of empty charts', async () => {
    const api = mockHabitMetricsApi();
    api.getCapabilityHabits.mockResolvedValue({
      capabilityRef: EVENT_STREAMING,
      adoption: {
        ...capabilityHabits.adoption,
        weeks: capabilityHabits.adoption.weeks.map(w => ({
          ...w,
          activeTeams: 0,
          cumulativeAdopters: 0,
          share: 0,
        })),
      },
      retention: { ...capabilityHabits.retention, cohorts: [] },
      timeToHabit: null,
      stickiness: [],
    });
    await renderCard(api);

    expect(
      await screen.findByRole('heading', {
        name: 'No team has used this capability yet',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/golden-path templates it lists in/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Where activity comes from' }),
    ).toHaveTextContent('backstage.io/source-template');
    // No chart (charts are div role="img") and no heatmap.
    expect(document.querySelector('div[role="img"]')).toBeNull();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
