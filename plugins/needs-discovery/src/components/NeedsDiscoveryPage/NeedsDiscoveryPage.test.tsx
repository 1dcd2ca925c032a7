import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
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

async function renderPage() {
  const api = mockNeedsDiscoveryApi();
  api.listSurveys.mockResolvedValue([
    summaryOf(survey, { answeredByMe: true }),
    summaryOf({ ...survey, id: 'draft', title: 'Next wave', status: 'draft' }),
  ]);
  await renderInTestApp(
    <TestApiProvider apis={[[needsDiscoveryApiRef, api]]}>
      <NeedsDiscoveryPage />
    </TestApiProvider>,
    { mountedRoutes: { '/needs': rootRouteRef }, routeEntries: ['/needs'] },
  );
}

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
});
