import { Entity } from '@backstage/catalog-model';
import {
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { thinnessScorecardApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { ADD_CAPABILITY_DOCS_URL } from '../shared';
import {
  disposeCapability,
  emptyScorecard,
  groupEntity,
  mockThinnessScorecardApi,
  outsourceCapability,
  responseError,
  scorecard,
} from '../../testUtils/fixtures';
import { EntityPlatformRollupCard } from './EntityPlatformRollupCard';
import { rollupForOwner } from './rollup';

async function renderCard(
  api: ReturnType<typeof mockThinnessScorecardApi>,
  entity: Entity,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[thinnessScorecardApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityPlatformRollupCard />
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

describe('EntityPlatformRollupCard', () => {
  it("shows the score, the team's verdicts and what needs attention", async () => {
    const api = mockThinnessScorecardApi();
    await renderCard(api, groupEntity('platform-team'));

    expect(
      await screen.findByLabelText('Platform thinness score: 72 out of 100'),
    ).toHaveTextContent('72');
    expect(
      screen.getByText('3 capabilities owned by this team', { exact: false }),
    ).toBeInTheDocument();

    const verdicts = screen.getByLabelText(
      "Verdicts of this team's capabilities",
    );
    expect(within(verdicts).getByText('Dispose (1)')).toBeInTheDocument();
    expect(within(verdicts).getByText('Outsource (1)')).toBeInTheDocument();
    expect(within(verdicts).getByText('Invest (1)')).toBeInTheDocument();
    expect(within(verdicts).queryByText(/Keep/)).not.toBeInTheDocument();

    const attention = screen.getByLabelText('Capabilities needing attention');
    expect(within(attention).getByText('Legacy job queue')).toBeInTheDocument();
    expect(
      within(attention).getByText(disposeCapability.reasons[0]),
    ).toBeInTheDocument();
    expect(within(attention).getByText('Log shipping')).toBeInTheDocument();
    expect(
      within(attention).getByText(outsourceCapability.reasons[0]),
    ).toBeInTheDocument();
    expect(
      within(attention).queryByText('Event streaming'),
    ).not.toBeInTheDocument();

    expect(
      screen.getByText("This team's capabilities").closest('a'),
    ).toHaveAttribute(
      'href',
      '/thinness?owner=group%3Adefault%2Fplatform-team',
    );
  });

  it('renders nothing for a group that owns no capability', async () => {
    const api = mockThinnessScorecardApi();
    await renderCard(api, groupEntity('checkout'));

    await waitFor(() =>
      expect(screen.queryByTestId('progress')).not.toBeInTheDocument(),
    );
    expect(api.getScorecard).toHaveBeenCalled();
    expect(screen.queryByText('Platform thinness')).not.toBeInTheDocument();
  });

  it('says how to add the first capability while the platform has none', async () => {
    const api = mockThinnessScorecardApi();
    api.getScorecard.mockResolvedValue(emptyScorecard);
    await renderCard(api, groupEntity('checkout'));

    expect(
      await screen.findByRole('heading', {
        name: 'No platform capabilities yet',
      }),
    ).toBeInTheDocument();
    expect(document.querySelector('code')?.textContent).toContain(
      'platform-product.io/capability: "true"',
    );
    expect(
      screen.getByText('How to add a platform capability').closest('a'),
    ).toHaveAttribute('href', ADD_CAPABILITY_DOCS_URL);
    expect(
      screen.queryByLabelText(/Platform thinness score/),
    ).not.toBeInTheDocument();
  });

  it('says thinness-scorecard is not installed when the backend answers 404', async () => {
    const api = mockThinnessScorecardApi();
    api.getScorecard.mockRejectedValue(await responseError(404));
    await renderCard(api, groupEntity('platform-team'));

    expect(
      await screen.findByText('thinness-scorecard is not installed'),
    ).toBeInTheDocument();
  });
});

describe('rollupForOwner', () => {
  it('matches the owner case-insensitively and keeps verdict order', () => {
    const rollup = rollupForOwner(scorecard, 'Group:default/Platform-Team');
    expect(rollup.capabilities.map(c => c.verdict)).toEqual([
      'dispose',
      'outsource',
      'invest',
    ]);
    expect(rollup.attention.map(c => c.title)).toEqual([
      'Legacy job queue',
      'Log shipping',
    ]);
    expect(rollup.verdicts).toEqual({
      dispose: 1,
      outsource: 1,
      review: 0,
      invest: 1,
      keep: 0,
    });
  });
});
