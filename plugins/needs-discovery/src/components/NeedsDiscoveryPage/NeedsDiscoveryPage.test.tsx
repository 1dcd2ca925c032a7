import { identityApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { needsDiscoveryApiRef } from '../../api';
import { useNeedsDiscoveryPermissions } from '../../hooks/useNeedsDiscoveryPermissions';
import { rootRouteRef } from '../../routes';
import {
  mockNeedsDiscoveryApi,
  summaryOf,
  survey,
} from '../../testUtils/fixtures';
import { NeedsDiscoveryPage } from './NeedsDiscoveryPage';

jest.mock('../../hooks/useNeedsDiscoveryPermissions', () => ({
  useNeedsDiscoveryPermissions: jest.fn(),
}));

const permissions = (allowed: boolean) => ({
  loading: false,
  canCreateSurvey: allowed,
  canManageSurveys: allowed,
  canReadResults: allowed,
  canSubmitResponse: true,
  canUpdateNeeds: allowed,
});

async function renderPage(
  surveys = [
    summaryOf(survey, { answeredByMe: true }),
    summaryOf({ ...survey, id: 'draft', title: 'Next wave', status: 'draft' }),
  ],
  identity: { userEntityRef: string; ownershipEntityRefs: string[] } = {
    userEntityRef: 'user:default/ann',
    ownershipEntityRefs: ['user:default/ann', 'group:default/checkout'],
  },
) {
  const api = mockNeedsDiscoveryApi();
  api.listSurveys.mockResolvedValue(surveys);
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [needsDiscoveryApiRef, api],
        [identityApiRef, mockApis.identity(identity)],
      ]}
    >
      <NeedsDiscoveryPage />
    </TestApiProvider>,
    { mountedRoutes: { '/needs': rootRouteRef }, routeEntries: ['/needs'] },
  );
}

/** The guest of a fresh install: signed in, but a member of no Group. */
const guest = {
  userEntityRef: 'user:development/guest',
  ownershipEntityRefs: ['user:development/guest'],
};

describe('NeedsDiscoveryPage', () => {
  it('lists open surveys with my answered state', async () => {
    jest
      .mocked(useNeedsDiscoveryPermissions)
      .mockReturnValue(permissions(false));
    await renderPage();

    expect(await screen.findByText(survey.title)).toBeInTheDocument();
    expect(screen.getByText('Answered')).toBeInTheDocument();
    expect(screen.getByText('Edit my answers')).toBeInTheDocument();
    // Drafts are not answerable.
    expect(screen.queryByText('Next wave')).not.toBeInTheDocument();
  });

  it('shows the Manage tab only to survey managers', async () => {
    jest
      .mocked(useNeedsDiscoveryPermissions)
      .mockReturnValue(permissions(false));
    await renderPage();
    expect(await screen.findByText('My answers')).toBeInTheDocument();
    expect(screen.queryByText('Manage')).not.toBeInTheDocument();
  });

  it('shows the Manage tab to survey managers', async () => {
    jest
      .mocked(useNeedsDiscoveryPermissions)
      .mockReturnValue(permissions(true));
    await renderPage();
    expect(await screen.findByText('Manage')).toBeInTheDocument();
  });

  it('says there are no surveys yet and offers the survey builder to those who may create one', async () => {
    jest
      .mocked(useNeedsDiscoveryPermissions)
      .mockReturnValue(permissions(true));
    await renderPage([]);

    expect(
      await screen.findByRole('heading', { name: 'No surveys yet' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/create a survey with the needs you want them to rate/),
    ).toBeInTheDocument();
    expect(screen.getByText('Create a survey').closest('a')).toHaveAttribute(
      'href',
      '/needs/new',
    );
    expect(
      screen.queryByText('You are not a member of any team'),
    ).not.toBeInTheDocument();
  });

  it('tells everyone else that the platform team has not opened a survey yet', async () => {
    jest
      .mocked(useNeedsDiscoveryPermissions)
      .mockReturnValue(permissions(false));
    await renderPage([]);

    expect(
      await screen.findByRole('heading', { name: 'No surveys yet' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The platform team has not opened a survey yet/),
    ).toBeInTheDocument();
    expect(screen.queryByText('Create a survey')).not.toBeInTheDocument();
  });

  it('points a survey manager at a waiting draft', async () => {
    jest
      .mocked(useNeedsDiscoveryPermissions)
      .mockReturnValue(permissions(true));
    await renderPage([
      summaryOf({ ...survey, id: 'draft', title: 'First', status: 'draft' }),
    ]);

    expect(
      await screen.findByRole('heading', { name: 'No survey is open yet' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Manage surveys').closest('a')).toHaveAttribute(
      'href',
      '/needs/manage',
    );
  });

  it('says plainly when the user belongs to no team, and how users map to teams', async () => {
    jest
      .mocked(useNeedsDiscoveryPermissions)
      .mockReturnValue(permissions(false));
    await renderPage([], guest);

    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('You are not a member of any team');
    expect(note).toHaveTextContent(
      'Surveys addressed to particular teams are not shown to you',
    );
    expect(note).toHaveTextContent('user:development/guest');
    expect(note).toHaveTextContent('memberOf');
    expect(note).toHaveTextContent('spec.memberOf');
    expect(note).toHaveTextContent('spec.members');
    expect(
      screen.getByRole('heading', { name: 'No surveys yet' }),
    ).toBeInTheDocument();
  });
});
