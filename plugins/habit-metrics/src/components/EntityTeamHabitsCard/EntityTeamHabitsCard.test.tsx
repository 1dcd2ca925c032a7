import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { habitMetricsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  CHECKOUT,
  entity,
  mockHabitMetricsApi,
  notInstalledError,
  responseError,
  WEEKS,
} from '../../testUtils/fixtures';
import { EntityTeamHabitsCard } from './EntityTeamHabitsCard';

async function renderCard(
  api: ReturnType<typeof mockHabitMetricsApi>,
  group: Entity = entity('Group', 'checkout'),
) {
  await renderInTestApp(
    <TestApiProvider apis={[[habitMetricsApiRef, api]]}>
      <EntityProvider entity={group}>
        <EntityTeamHabitsCard />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/habits': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('EntityTeamHabitsCard', () => {
  it("shows the team's golden-path trend and the capabilities it uses", async () => {
    const api = mockHabitMetricsApi();
    await renderCard(api);

    expect(await screen.findByText('70%')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^golden-path share from /i }),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', {
      name: 'Capabilities the team uses',
    });
    // Most recently used first.
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('event-streaming');
    expect(items[0]).toHaveTextContent(
      'since 2026-W08, last 2026-W10 · 3 active weeks',
    );
    expect(items[1]).toHaveTextContent('ci');
    expect(api.getTeamHabits).toHaveBeenCalledWith(
      CHECKOUT,
      expect.objectContaining({ from: expect.any(String) }),
    );
    expect(
      screen.getByText('All of this team’s habits').closest('a'),
    ).toHaveAttribute('href', '/habits/teams/default/checkout');
  });

  it('says no activity is recorded for a team with none, instead of a 0 % share', async () => {
    const api = mockHabitMetricsApi();
    api.getTeamHabits.mockResolvedValue({
      teamRef: CHECKOUT,
      goldenPath: WEEKS.map(week => ({
        week,
        newComponents: 0,
        viaTemplate: 0,
        share: null,
        rollingShare: null,
      })),
      activeWeeks: 0,
      capabilities: [],
      reversions: [],
    });
    await renderCard(api);

    expect(
      await screen.findByRole('heading', {
        name: 'No activity recorded for this team',
      }),
    ).toBeInTheDocument();
    const sources = screen.getByRole('list', {
      name: 'Where activity comes from',
    });
    expect(sources).toHaveTextContent('Template runs');
    expect(sources).toHaveTextContent('POST /api/habit-metrics/events');
    expect(
      screen.getByText(/members of in the catalog \(memberOf\)/),
    ).toBeInTheDocument();
    expect(screen.queryByText('0%')).not.toBeInTheDocument();
    expect(document.querySelector('div[role="img"]')).toBeNull();
  });

  it('says habit-metrics is not installed when the backend answers an empty 404', async () => {
    const api = mockHabitMetricsApi();
    api.getTeamHabits.mockRejectedValue(await notInstalledError());
    await renderCard(api);
    expect(
      await screen.findByText('habit-metrics is not installed'),
    ).toBeInTheDocument();
  });

  it('tells an unknown team from a missing backend', async () => {
    const api = mockHabitMetricsApi();
    api.getTeamHabits.mockRejectedValue(
      await responseError(404, 'No team', 'NotFoundError'),
    );
    await renderCard(api);
    expect(
      await screen.findByText('No habits for this team'),
    ).toBeInTheDocument();
  });

  it('says so when the user may not read habit metrics', async () => {
    const api = mockHabitMetricsApi();
    api.getTeamHabits.mockRejectedValue(
      await responseError(403, 'no', 'NotAllowedError'),
    );
    await renderCard(api);
    expect(
      await screen.findByText('You may not read habit metrics'),
    ).toBeInTheDocument();
  });
});
