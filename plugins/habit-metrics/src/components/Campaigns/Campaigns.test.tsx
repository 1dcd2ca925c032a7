import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

const user = userEvent.setup({ delay: null });
import { Route, Routes } from 'react-router-dom';
import { habitMetricsApiRef } from '../../api';
import { useCampaignPermissions } from '../../hooks/useCampaignPermissions';
import { rootRouteRef } from '../../routes';
import {
  CAMPAIGN_ID,
  campaign,
  campaignDetail,
  campaignProgress,
  CHECKOUT,
  mockEntityPresentationApi,
  mockHabitMetricsApi,
  responseError,
} from '../../testUtils/fixtures';
import { HabitsPage } from '../HabitsPage';
import {
  EMPTY_CAMPAIGN_FORM,
  MAX_GOAL_WEEKS,
  validateCampaignForm,
} from './CampaignForm';

// Forms are typed into key by key: give the slower tests room on a busy machine.
jest.setTimeout(30_000);

jest.mock('../../hooks/useCampaignPermissions', () => ({
  useCampaignPermissions: jest.fn(),
}));

async function renderPage(
  api: ReturnType<typeof mockHabitMetricsApi>,
  path: string,
  manage = false,
) {
  jest.mocked(useCampaignPermissions).mockReturnValue({
    loading: false,
    canManage: manage,
    canParticipate: true,
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [habitMetricsApiRef, api],
        [entityPresentationApiRef, mockEntityPresentationApi()],
      ]}
    >
      <Routes>
        <Route path="/habits/*" element={<HabitsPage />} />
      </Routes>
    </TestApiProvider>,
    {
      mountedRoutes: { '/habits': rootRouteRef },
      routeEntries: [path],
    },
  );
}

describe('Campaigns tab', () => {
  it('lists campaigns with the capability title, status, goal, audience size and target date', async () => {
    const api = mockHabitMetricsApi();
    await renderPage(api, '/habits/campaigns');
    const link = await screen.findByRole('link', {
      name: 'Move to event streaming',
    });
    expect(link).toHaveAttribute('href', `/habits/campaigns/${CAMPAIGN_ID}`);
    const row = link.closest('tr')!;
    await waitFor(() =>
      expect(within(row).getByText('Event Streaming')).toBeInTheDocument(),
    );
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(
      within(row).getByText('Active in 3 of the last 4 weeks'),
    ).toBeInTheDocument();
    expect(within(row).getByText('2 teams')).toBeInTheDocument();
    expect(within(row).getByText('2026-06-30')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Campaigns' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    // Only managers create campaigns.
    expect(
      screen.queryByRole('button', { name: 'New campaign' }),
    ).not.toBeInTheDocument();
  });

  it('shows a manager the create form, with a message under each wrong field', async () => {
    const api = mockHabitMetricsApi();
    await renderPage(api, '/habits/campaigns', true);
    await user.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    const form = screen.getByRole('form', { name: 'New campaign' });
    await user.clear(within(form).getByLabelText('Active weeks (N)'));
    await user.type(within(form).getByLabelText('Active weeks (N)'), '5');
    await user.click(
      within(form).getByRole('button', { name: 'Create draft campaign' }),
    );
    expect(
      within(form).getByText('Give the campaign a title.'),
    ).toBeInTheDocument();
    expect(
      within(form).getByText(/Name the capability the campaign promotes/),
    ).toBeInTheDocument();
    expect(
      within(form).getByText(
        'Active weeks (5) cannot exceed the window (4 weeks).',
      ),
    ).toBeInTheDocument();
    expect(
      within(form).getByText(/List at least one group/),
    ).toBeInTheDocument();
    expect(api.createCampaign).not.toHaveBeenCalled();

    await user.type(within(form).getByLabelText(/^Title/), 'Streaming');
    await user.type(
      within(form).getByLabelText(/^Capability/),
      'system:default/event-streaming',
    );
    await user.clear(within(form).getByLabelText('Active weeks (N)'));
    await user.type(within(form).getByLabelText('Active weeks (N)'), '4');
    await user.type(within(form).getByLabelText(/^Groups/), CHECKOUT);
    await user.click(
      within(form).getByRole('button', { name: 'Create draft campaign' }),
    );
    await waitFor(() =>
      expect(api.createCampaign).toHaveBeenCalledWith({
        title: 'Streaming',
        capabilityRef: 'system:default/event-streaming',
        goal: { kind: 'active-weeks', activeWeeks: 4, windowWeeks: 4 },
        audience: { source: 'groups', groups: [CHECKOUT] },
      }),
    );
  });

  it('shows the backend message when creating fails', async () => {
    const api = mockHabitMetricsApi();
    api.createCampaign.mockRejectedValue(
      await responseError(400, 'No group checkout-x in the catalog'),
    );
    await renderPage(api, '/habits/campaigns', true);
    await user.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    const form = screen.getByRole('form', { name: 'New campaign' });
    await user.type(within(form).getByLabelText(/^Title/), 'Streaming');
    await user.type(
      within(form).getByLabelText(/^Capability/),
      'system:default/event-streaming',
    );
    await user.type(
      within(form).getByLabelText(/^Groups/),
      'group:default/checkout-x',
    );
    await user.click(
      within(form).getByRole('button', { name: 'Create draft campaign' }),
    );
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'The campaign was not created: No group checkout-x in the catalog',
    );
  });
});

describe('validateCampaignForm', () => {
  const valid = {
    ...EMPTY_CAMPAIGN_FORM,
    title: 'Streaming',
    capabilityRef: 'system:default/event-streaming',
    groups: 'group:default/a, group:default/b',
  };

  it('accepts active weeks equal to the window, and a window of exactly the maximum', () => {
    expect(
      validateCampaignForm({ ...valid, activeWeeks: '4', windowWeeks: '4' })
        .campaign?.goal,
    ).toEqual({ kind: 'active-weeks', activeWeeks: 4, windowWeeks: 4 });
    expect(
      validateCampaignForm({
        ...valid,
        windowWeeks: String(MAX_GOAL_WEEKS),
      }).errors,
    ).toEqual({});
    expect(
      validateCampaignForm({
        ...valid,
        windowWeeks: String(MAX_GOAL_WEEKS + 1),
      }).errors.windowWeeks,
    ).toBe('The window must be a whole number of weeks from 1 to 26.');
    expect(
      validateCampaignForm({ ...valid, activeWeeks: '0' }).errors.activeWeeks,
    ).toBe('Active weeks must be a whole number, at least 1.');
  });

  it('takes a share above 0 up to exactly 100 percent', () => {
    const share = (sharePercent: string) =>
      validateCampaignForm({
        ...valid,
        goalKind: 'golden-path-share',
        sharePercent,
      });
    expect(share('100').campaign?.goal).toEqual({
      kind: 'golden-path-share',
      share: 1,
    });
    expect(share('60').campaign?.goal).toEqual({
      kind: 'golden-path-share',
      share: 0.6,
    });
    expect(share('100.5').errors.sharePercent).toBe(
      'The share must be a percentage above 0 and at most 100.',
    );
    expect(share('0').errors.sharePercent).toBeDefined();
  });

  it('splits groups and checks refs and the target date', () => {
    expect(validateCampaignForm(valid).campaign?.audience).toEqual({
      source: 'groups',
      groups: ['group:default/a', 'group:default/b'],
    });
    expect(
      validateCampaignForm({
        ...valid,
        audienceSource: 'not-adopting',
        groups: '',
      }).campaign?.audience,
    ).toEqual({ source: 'not-adopting' });
    expect(
      validateCampaignForm({ ...valid, capabilityRef: 'no-kind' }).errors
        .capabilityRef,
    ).toMatch(/is not an entity ref/);
    expect(
      validateCampaignForm({ ...valid, targetDate: '30/06/2026' }).errors
        .targetDate,
    ).toBe('Give the target date as YYYY-MM-DD, or leave it empty.');
  });
});

describe('Campaign page', () => {
  it('shows progress by team title, the burn-up, rates and the effect with the small-group warning', async () => {
    const api = mockHabitMetricsApi();
    await renderPage(api, `/habits/campaigns/${CAMPAIGN_ID}`);
    expect(
      await screen.findByRole('heading', { name: 'Move to event streaming' }),
    ).toBeInTheDocument();
    const states = screen.getByRole('table', { name: "Each team's state" });
    await waitFor(() =>
      expect(
        within(states).getByRole('link', { name: 'Checkout Squad' }),
      ).toBeInTheDocument(),
    );
    const checkout = within(states)
      .getByRole('link', { name: 'Checkout Squad' })
      .closest('tr')!;
    expect(within(checkout).getByText('Habit formed')).toBeInTheDocument();
    const payments = within(states)
      .getByRole('link', { name: 'Payments Crew' })
      .closest('tr')!;
    expect(within(payments).getByText('Not reached')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Teams at the goal per week: 1 of 2 in 2026-W10.',
      }),
    ).toBeInTheDocument();

    const rates = screen.getByRole('table', {
      name: 'Acknowledgement and attendance per activity',
    });
    const announcement = within(rates)
      .getByText('Event streaming is ready')
      .closest('tr')!;
    expect(
      within(announcement).getByText('3 people acknowledged'),
    ).toBeInTheDocument();
    expect(
      within(announcement).getByText('1 of 2 teams (50%)'),
    ).toBeInTheDocument();
    const session = within(rates)
      .getByText('Hands-on: your first topic')
      .closest('tr')!;
    expect(within(session).getByText('75%')).toBeInTheDocument();

    expect(screen.getByText(/Too few teams to conclude/)).toBeInTheDocument();
    expect(
      screen.getByText(/Each group needs at least 5 teams/),
    ).toBeInTheDocument();
    const effect = screen.getByRole('table', {
      name: 'Engaged against not-engaged teams',
    });
    const share = within(effect).getByText('Adoption share').closest('tr')!;
    expect(within(share).getByText('100%')).toBeInTheDocument();
    expect(within(share).getByText('0%')).toBeInTheDocument();

    // Activities, with the learning path's steps as links; no manager controls for a reader.
    expect(
      screen.getByRole('link', { name: 'Read the overview' }),
    ).toHaveAttribute('href', '/docs/default/system/streaming');
    expect(
      screen.queryByRole('button', { name: 'Complete' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('form', { name: 'Add an activity' }),
    ).not.toBeInTheDocument();
  });

  it('leaves the warning out when both groups are large enough', async () => {
    const api = mockHabitMetricsApi();
    api.getCampaignProgress.mockResolvedValue({
      ...campaignProgress,
      effect: { ...campaignProgress.effect, tooSmallToConclude: false },
    });
    await renderPage(api, `/habits/campaigns/${CAMPAIGN_ID}`);
    await screen.findByRole('table', {
      name: 'Engaged against not-engaged teams',
    });
    expect(
      screen.queryByText(/Too few teams to conclude/),
    ).not.toBeInTheDocument();
  });

  it('lets a manager move the campaign along and add an activity', async () => {
    const api = mockHabitMetricsApi();
    await renderPage(api, `/habits/campaigns/${CAMPAIGN_ID}`, true);
    await user.click(await screen.findByRole('button', { name: 'Complete' }));
    expect(api.updateCampaign).toHaveBeenCalledWith(CAMPAIGN_ID, {
      status: 'completed',
    });
    expect(
      screen.getByRole('button', { name: 'Cancel campaign' }),
    ).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Add an activity' });
    await user.selectOptions(
      within(form).getByLabelText('Kind'),
      'training-session',
    );
    await user.type(
      within(form).getByLabelText(/^Activity title/),
      'Office tour',
    );
    await user.click(
      within(form).getByRole('button', { name: 'Add activity' }),
    );
    expect(
      within(form).getByText(
        'A training session needs the date and time it starts.',
      ),
    ).toBeInTheDocument();
    expect(api.addCampaignActivity).not.toHaveBeenCalled();

    await user.selectOptions(
      within(form).getByLabelText('Kind'),
      'announcement',
    );
    await user.click(
      within(form).getByRole('button', { name: 'Add activity' }),
    );
    await waitFor(() =>
      expect(api.addCampaignActivity).toHaveBeenCalledWith(CAMPAIGN_ID, {
        kind: 'announcement',
        title: 'Office tour',
      }),
    );
  });

  it('says a draft has no progress yet, and offers a manager to activate it', async () => {
    const api = mockHabitMetricsApi();
    api.getCampaign.mockResolvedValue({
      ...campaignDetail,
      campaign: { ...campaign, status: 'draft', startedAt: null },
    });
    await renderPage(api, `/habits/campaigns/${CAMPAIGN_ID}`, true);
    expect(
      await screen.findByText(
        /progress and effect appear once it is activated/,
      ),
    ).toBeInTheDocument();
    expect(api.getCampaignProgress).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    expect(api.updateCampaign).toHaveBeenCalledWith(CAMPAIGN_ID, {
      status: 'active',
    });
  });

  it('shows why a lifecycle move was refused', async () => {
    const api = mockHabitMetricsApi();
    api.updateCampaign.mockRejectedValue(
      await responseError(409, 'A completed campaign stays so'),
    );
    await renderPage(api, `/habits/campaigns/${CAMPAIGN_ID}`, true);
    await user.click(await screen.findByRole('button', { name: 'Complete' }));
    expect(
      await screen.findByText(
        'The campaign did not change: A completed campaign stays so',
      ),
    ).toBeInTheDocument();
  });
});
