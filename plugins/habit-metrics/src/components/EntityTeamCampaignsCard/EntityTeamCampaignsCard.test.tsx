import {
  EntityProvider,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { habitMetricsApiRef } from '../../api';
import { useCampaignPermissions } from '../../hooks/useCampaignPermissions';
import { rootRouteRef } from '../../routes';
import {
  ANNOUNCEMENT_ID,
  CAMPAIGN_ID,
  campaign,
  campaignDetail,
  entity,
  mockEntityPresentationApi,
  mockHabitMetricsApi,
  PATH_ID,
  responseError,
  SESSION_ID,
} from '../../testUtils/fixtures';
import { EntityTeamCampaignsCard } from './EntityTeamCampaignsCard';

jest.mock('../../hooks/useCampaignPermissions', () => ({
  useCampaignPermissions: jest.fn(),
}));

const user = userEvent.setup({ delay: null });

async function renderCard(
  api: ReturnType<typeof mockHabitMetricsApi>,
  name = 'checkout',
  canParticipate = true,
) {
  jest.mocked(useCampaignPermissions).mockReturnValue({
    loading: false,
    canManage: false,
    canParticipate,
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [habitMetricsApiRef, api],
        [entityPresentationApiRef, mockEntityPresentationApi()],
      ]}
    >
      <EntityProvider entity={entity('Group', name)}>
        <EntityTeamCampaignsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/habits': rootRouteRef } },
  );
}

describe('EntityTeamCampaignsCard', () => {
  it("lists the team's active campaigns with their activities", async () => {
    const api = mockHabitMetricsApi();
    await renderCard(api);
    const section = await screen.findByRole('region', {
      name: 'Move to event streaming',
    });
    expect(api.listCampaigns).toHaveBeenCalledWith({ status: 'active' });
    expect(api.getCampaign).toHaveBeenCalledWith(CAMPAIGN_ID);
    expect(
      within(section).getByRole('link', { name: 'Move to event streaming' }),
    ).toHaveAttribute('href', `/habits/campaigns/${CAMPAIGN_ID}`);
    await waitFor(() =>
      expect(section).toHaveTextContent(
        'Event Streaming · goal: Active in 3 of the last 4 weeks by 2026-06-30 · champion: guest',
      ),
    );
    expect(section).toHaveTextContent(
      'Training session · 20 Feb 2026, 14:00 UTC',
    );
    expect(within(section).getByText('Next step:')).toBeInTheDocument();
    expect(
      within(section).getByRole('link', { name: 'Read the overview' }),
    ).toBeInTheDocument();
  });

  it('acknowledges, RSVPs and ticks steps for the signed-in user', async () => {
    const api = mockHabitMetricsApi();
    await renderCard(api);
    await user.click(
      await screen.findByRole('button', {
        name: 'Acknowledge Event streaming is ready',
      }),
    );
    expect(api.putMyParticipation).toHaveBeenCalledWith(
      CAMPAIGN_ID,
      ANNOUNCEMENT_ID,
      { status: 'acknowledged' },
    );
    expect(await screen.findByText('You acknowledged it.')).toBeInTheDocument();

    const going = screen.getByRole('button', { name: "I'm going" });
    expect(going).toHaveAttribute('aria-pressed', 'false');
    await user.click(going);
    expect(api.putMyParticipation).toHaveBeenCalledWith(
      CAMPAIGN_ID,
      SESSION_ID,
      { status: 'going' },
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: "I'm going" })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );

    await user.click(
      screen.getByRole('checkbox', { name: 'Step 1 done: Read the overview' }),
    );
    expect(api.putMyParticipation).toHaveBeenCalledWith(CAMPAIGN_ID, PATH_ID, {
      stepsDone: [0],
    });
    await waitFor(() =>
      expect(
        screen.getByRole('checkbox', {
          name: 'Step 1 done: Read the overview',
        }),
      ).toBeChecked(),
    );
    // The next step moves on to the one not done yet.
    expect(
      screen.getByRole('link', { name: /^Publish an event/ }),
    ).toBeInTheDocument();
  });

  it('starts from the answers already given', async () => {
    const api = mockHabitMetricsApi();
    api.getCampaign.mockResolvedValue({
      ...campaignDetail,
      myParticipation: [
        {
          activityId: ANNOUNCEMENT_ID,
          status: 'acknowledged',
          stepsDone: [],
          attended: false,
          updatedAt: '2026-03-01T10:00:00.000Z',
        },
        {
          activityId: PATH_ID,
          status: null,
          stepsDone: [0, 1],
          attended: false,
          updatedAt: '2026-03-01T10:00:00.000Z',
        },
      ],
    });
    await renderCard(api);
    expect(await screen.findByText('You acknowledged it.')).toBeInTheDocument();
    expect(screen.getByText('You have done every step.')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Acknowledge/ }),
    ).not.toBeInTheDocument();
  });

  it('shows why an answer was refused', async () => {
    const api = mockHabitMetricsApi();
    api.putMyParticipation.mockRejectedValue(
      await responseError(409, 'The campaign is completed'),
    );
    await renderCard(api);
    await user.click(await screen.findByRole('button', { name: 'Not going' }));
    expect(
      await screen.findByText(
        'Your answer was not saved: The campaign is completed',
      ),
    ).toBeInTheDocument();
  });

  it('offers no buttons without the participate permission', async () => {
    const api = mockHabitMetricsApi();
    await renderCard(api, 'checkout', false);
    expect(
      await screen.findByText(
        'You may read these campaigns but not answer them.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('says so when the team is in no active campaign', async () => {
    const api = mockHabitMetricsApi();
    api.listCampaigns.mockResolvedValue([
      {
        ...campaign,
        teams: [{ teamRef: 'group:default/other', championRef: null }],
      },
    ]);
    await renderCard(api);
    expect(
      await screen.findByText('No active campaign for this team'),
    ).toBeInTheDocument();
    expect(api.getCampaign).not.toHaveBeenCalled();
  });
});
