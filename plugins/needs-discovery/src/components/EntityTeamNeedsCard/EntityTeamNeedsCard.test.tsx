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
import { EntityTeamNeedsCard } from './EntityTeamNeedsCard';
import { pickLatestSurveyForTeam } from './latestSurvey';

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
        /not enough responses from this team to show figures \(fewer than k = 5\)/i,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('70%')).not.toBeInTheDocument();
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

describe('pickLatestSurveyForTeam', () => {
  const team = 'group:default/checkout';
  const open = summaryOf({ ...survey, id: 'open' });
  const olderClosed = summaryOf({
    ...survey,
    id: 'older',
    status: 'closed',
    closedAt: '2024-01-01T00:00:00.000Z',
  });
  const newerClosed = summaryOf({
    ...survey,
    id: 'newer',
    status: 'closed',
    closedAt: '2025-01-01T00:00:00.000Z',
  });
  const otherTeams = summaryOf({
    ...survey,
    id: 'other',
    status: 'closed',
    closedAt: '2026-01-01T00:00:00.000Z',
    audience: ['group:default/payments'],
  });
  const draft = summaryOf({ ...survey, id: 'draft', status: 'draft' });

  it('prefers the most recently closed survey the team was asked in', () => {
    expect(
      pickLatestSurveyForTeam(
        [open, olderClosed, newerClosed, otherTeams],
        team,
      )?.id,
    ).toBe('newer');
  });

  it('falls back to an open survey, never a draft', () => {
    expect(pickLatestSurveyForTeam([draft, open], team)?.id).toBe('open');
    expect(pickLatestSurveyForTeam([draft], team)).toBeUndefined();
  });

  it('counts surveys for everyone', () => {
    const everyone = { ...otherTeams, id: 'everyone', audience: [] };
    expect(pickLatestSurveyForTeam([everyone], team)?.id).toBe('everyone');
  });
});
