import { Entity } from '@backstage/catalog-model';
import {
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { thinnessScorecardApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  capabilityDetail,
  capabilityEntity,
  investCapability,
  mockThinnessScorecardApi,
  responseError,
} from '../../testUtils/fixtures';
import { EntityThinnessCard } from './EntityThinnessCard';
import { toVerdictRuns } from './verdictRuns';

async function renderCard(
  api: ReturnType<typeof mockThinnessScorecardApi>,
  entity: Entity = capabilityEntity('event-streaming'),
) {
  await renderInTestApp(
    <TestApiProvider apis={[[thinnessScorecardApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityThinnessCard />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/thinness': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('EntityThinnessCard', () => {
  it('shows the verdict, its reasons, the adoption trend and the verdict history', async () => {
    const api = mockThinnessScorecardApi();
    await renderCard(api);

    const reasons = await screen.findByLabelText('Reasons for the verdict');
    expect(api.getCapability).toHaveBeenCalledWith(
      'system:default/event-streaming',
    );
    expect(
      within(reasons).getByText(investCapability.reasons[0]),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Invest').length).toBeGreaterThan(0);
    expect(
      screen.getByLabelText(
        'Active teams per week: 4 in 2025-W05, 7 in 2025-W07',
      ),
    ).toBeInTheDocument();
    // The words habit-metrics' capability card uses: N of M product teams, and where the figure comes from.
    expect(screen.getByText(/^7 of 10 product teams ·/)).toBeInTheDocument();
    expect(
      screen.getByText(
        'from habit-metrics · 7 teams active in the last 4 weeks',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Shared need')).toBeInTheDocument();

    const history = screen.getByLabelText('Verdict history');
    expect(within(history).getByText('Invest')).toBeInTheDocument();
    expect(within(history).getByText('Keep')).toBeInTheDocument();
    expect(within(history).getByText(/demo data/)).toBeInTheDocument();
    expect(screen.getByText('Thinness scorecard')).toBeInTheDocument();
  });

  it('says the adoption trend needs habit-metrics', async () => {
    const api = mockThinnessScorecardApi();
    api.getCapability.mockResolvedValue({
      ...capabilityDetail,
      capability: {
        ...capabilityDetail.capability,
        consumers: {
          teams: ['group:default/team-0', 'group:default/team-1'],
          count: 2,
          productTeams: 7,
          share: 0.2857,
          activeTeams: null,
          source: 'catalog',
        },
        adoptionTrend: null,
      },
      adoption: null,
    });
    await renderCard(api);

    expect(
      await screen.findByText(/adoption trend needs habit-metrics/),
    ).toBeInTheDocument();
    expect(screen.getByText(/^2 of 7 product teams ·/)).toBeInTheDocument();
    expect(screen.getByText('from catalog relations')).toBeInTheDocument();
  });

  it('says when the entity is not on the scorecard yet', async () => {
    const api = mockThinnessScorecardApi();
    api.getCapability.mockRejectedValue(
      await responseError(
        404,
        'system:default/new-thing is not a capability on the scorecard',
        'NotFoundError',
      ),
    );
    await renderCard(api, capabilityEntity('new-thing'));

    expect(
      await screen.findByText('Not on the scorecard yet'),
    ).toBeInTheDocument();
  });

  it('says thinness-scorecard is not installed when the backend does not answer', async () => {
    const api = mockThinnessScorecardApi();
    api.getCapability.mockRejectedValue(await responseError(404));
    await renderCard(api);

    expect(
      await screen.findByText('thinness-scorecard is not installed'),
    ).toBeInTheDocument();
  });
});

describe('toVerdictRuns', () => {
  it('collapses days with the same verdict, newest first', () => {
    expect(
      toVerdictRuns([
        { period: '2025-01-01', verdict: 'keep', demo: true },
        { period: '2025-01-02', verdict: 'keep', demo: false },
        { period: '2025-01-03', verdict: 'review', demo: false },
        { period: '2025-01-04', verdict: 'keep', demo: false },
      ]),
    ).toEqual([
      {
        verdict: 'keep',
        from: '2025-01-04',
        to: '2025-01-04',
        days: 1,
        demo: false,
      },
      {
        verdict: 'review',
        from: '2025-01-03',
        to: '2025-01-03',
        days: 1,
        demo: false,
      },
      {
        verdict: 'keep',
        from: '2025-01-01',
        to: '2025-01-02',
        days: 2,
        demo: false,
      },
    ]);
  });
});
