import {
  EntityPresentationApi,
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { thinnessScorecardApiRef } from '../../api';
import { useThinnessPermissions } from '../../hooks/useThinnessPermissions';
import { rootRouteRef } from '../../routes';
import { ADD_CAPABILITY_DOCS_URL } from '../shared';
import {
  disposeCapability,
  emptyScorecard,
  mockEntityPresentationApi,
  mockThinnessScorecardApi,
  outsourceCapability,
  responseError,
  scorecard,
} from '../../testUtils/fixtures';
import { SURFACE_EXPLANATION } from './CapabilityTable';
import { ThinnessScorecardPage } from './ThinnessScorecardPage';

// The whole page renders in each test and clicks re-render its table: more than jest's default 5 s on a busy machine.
jest.setTimeout(20_000);

jest.mock('../../hooks/useThinnessPermissions', () => ({
  useThinnessPermissions: jest.fn(),
}));

function allowRefresh(allowed: boolean) {
  jest
    .mocked(useThinnessPermissions)
    .mockReturnValue({ loading: false, canRefresh: allowed });
}

async function renderPage(
  api: ReturnType<typeof mockThinnessScorecardApi>,
  route = '/thinness',
  presentation?: EntityPresentationApi,
) {
  const result = await renderInTestApp(
    presentation ? (
      <TestApiProvider
        apis={[
          [thinnessScorecardApiRef, api],
          [entityPresentationApiRef, presentation],
        ]}
      >
        <ThinnessScorecardPage />
      </TestApiProvider>
    ) : (
      <TestApiProvider apis={[[thinnessScorecardApiRef, api]]}>
        <ThinnessScorecardPage />
      </TestApiProvider>
    ),
    {
      mountedRoutes: {
        '/thinness': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
      routeEntries: [route],
    },
  );
  return result;
}

// Label queries rather than role queries on the whole page: role queries check every element's
// visibility, which makes them slow on a page this size.
function capabilityTable() {
  return screen.getByLabelText('Capabilities and their verdicts');
}

function filterBar() {
  return within(screen.getByLabelText('Capability filters'));
}

describe('ThinnessScorecardPage', () => {
  beforeEach(() => allowRefresh(false));

  it('shows the score, the sub-scores and the verdicts with their reasons', async () => {
    const api = mockThinnessScorecardApi();
    await renderPage(api);

    expect(
      await screen.findByLabelText(
        'Platform thinness score: 72 out of 100 (Thin)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('8 of 10 product teams', { exact: false }),
    ).toBeInTheDocument();

    const table = capabilityTable();
    const dispose = within(
      within(table).getByText('Legacy job queue').closest('tr')!,
    );
    expect(dispose.getByText('Dispose')).toBeInTheDocument();
    expect(dispose.getByText(disposeCapability.reasons[1])).toBeInTheDocument();
    expect(dispose.getByText(/^1 of 10 product teams ·/)).toBeInTheDocument();
    expect(
      dispose.getByText(
        'from habit-metrics · 1 team active in the last 4 weeks',
      ),
    ).toBeInTheDocument();
    expect(dispose.getByText('Not shared')).toBeInTheDocument();

    const outsource = within(
      within(table).getByText('Log shipping').closest('tr')!,
    );
    expect(outsource.getByText('Outsource')).toBeInTheDocument();
    expect(
      outsource.getByText(outsourceCapability.reasons[0]),
    ).toBeInTheDocument();
    expect(outsource.getByText('Commodity')).toBeInTheDocument();
  });

  it('explains a sub-score with its formula and inputs', async () => {
    const api = mockThinnessScorecardApi();
    await renderPage(api);
    const subscore = scorecard.subscores[0];

    await userEvent.click(
      await screen.findByLabelText(`Explain ${subscore.title}`),
    );
    expect(screen.getByText(subscore.formula)).toBeInTheDocument();
    expect(screen.getByText(subscore.explanation)).toBeInTheDocument();
    expect(
      screen.getByLabelText(`Inputs of ${subscore.title}`),
    ).toHaveTextContent('Capabilities5');
  });

  it('filters the capabilities by verdict', async () => {
    const api = mockThinnessScorecardApi();
    await renderPage(api);
    await screen.findByText('Legacy job queue');

    await userEvent.click(
      filterBar().getByRole('button', { name: 'Dispose (1)' }),
    );
    expect(
      within(capabilityTable()).getByText('Legacy job queue'),
    ).toBeInTheDocument();
    expect(
      within(capabilityTable()).queryByText('Log shipping'),
    ).not.toBeInTheDocument();
    expect(screen.getByText('1 of 5 capabilities')).toBeInTheDocument();

    await userEvent.click(
      filterBar().getByRole('button', { name: 'Outsource (1)' }),
    );
    expect(
      within(capabilityTable()).getByText('Log shipping'),
    ).toBeInTheDocument();
    expect(screen.getByText('2 of 5 capabilities')).toBeInTheDocument();

    await userEvent.click(
      filterBar().getByRole('button', { name: 'Clear filters' }),
    );
    expect(screen.getByText('5 of 5 capabilities')).toBeInTheDocument();
  });

  it('filters the capabilities by owner', async () => {
    const api = mockThinnessScorecardApi();
    await renderPage(api);
    await screen.findByText('Legacy job queue');

    await userEvent.click(
      filterBar().getByRole('button', { name: /^owner\s+all owners/i }),
    );
    await userEvent.click(screen.getByRole('option', { name: 'security' }));
    expect(
      within(capabilityTable()).getByText('Secrets vault'),
    ).toBeInTheDocument();
    expect(
      within(capabilityTable()).queryByText('Legacy job queue'),
    ).not.toBeInTheDocument();
    expect(screen.getByText('1 of 5 capabilities')).toBeInTheDocument();
  });

  it('names owners by their catalog display names, in the table and the owner filter, sorted by them', async () => {
    const api = mockThinnessScorecardApi();
    await renderPage(api, '/thinness', mockEntityPresentationApi());
    await screen.findByText('Legacy job queue');

    const secretsRow = within(
      within(capabilityTable()).getByText('Secrets vault').closest('tr')!,
    );
    expect(secretsRow.getByText('Appsec')).toBeInTheDocument();
    expect(secretsRow.queryByText('security')).not.toBeInTheDocument();

    await userEvent.click(
      filterBar().getByRole('button', { name: /^owner\s+all owners/i }),
    );
    const options = screen
      .getAllByRole('option')
      .map(option => option.textContent);
    expect(options).toEqual([
      'All owners',
      'Appsec',
      'Developer Experience',
      'Platform Team',
    ]);
    await userEvent.click(screen.getByRole('option', { name: 'Appsec' }));
    expect(screen.getByText('1 of 5 capabilities')).toBeInTheDocument();
    expect(
      filterBar().getByRole('button', { name: /^owner\s+appsec/i }),
    ).toBeInTheDocument();
  });

  it('explains the Surface column and keeps short columns from wrapping', async () => {
    const api = mockThinnessScorecardApi();
    await renderPage(api);
    await screen.findByText('Legacy job queue');
    const table = capabilityTable();
    const header = (name: string) =>
      Array.from(table.querySelectorAll('thead th')).find(
        th => th.textContent === name,
      ) as HTMLElement;

    // What Surface counts, under the table and as the header's description.
    expect(screen.getByText(SURFACE_EXPLANATION)).toBeInTheDocument();
    expect(header('Surface')).toHaveAccessibleDescription(SURFACE_EXPLANATION);
    expect(SURFACE_EXPLANATION).toMatch(
      /the capability entity itself, its parts .* and the APIs they provide/,
    );

    // Chips, a class and a number do not wrap; the name columns keep a width for whole words.
    for (const name of ['Verdict', 'Need', 'Value class', 'Surface']) {
      expect(header(name).style.whiteSpace).toBe('nowrap');
    }
    expect(header('Capability').style.minWidth).toBe('160px');
    expect(header('Owner').style.minWidth).toBe('110px');
    expect(header('Reasons').style.minWidth).toBe('240px');
    const row = table.querySelector('tbody tr')!;
    const cells = Array.from(row.querySelectorAll('td')) as HTMLElement[];
    expect(cells[6].style.whiteSpace).toBe('nowrap');
    expect(cells[7].style.whiteSpace).toBe('nowrap');
  });

  it('takes the filter from the link', async () => {
    const api = mockThinnessScorecardApi();
    await renderPage(
      api,
      '/thinness?owner=group:default/platform-team&verdict=invest',
    );
    await screen.findByText('Event streaming');
    expect(screen.getByText('1 of 5 capabilities')).toBeInTheDocument();
  });

  it('sorts by a column', async () => {
    const api = mockThinnessScorecardApi();
    await renderPage(api);
    await screen.findByText('Legacy job queue');
    const titles = () =>
      Array.from(
        capabilityTable().querySelectorAll('tbody tr td:first-child'),
        cell => cell.textContent,
      );

    const adoptionHeader = within(capabilityTable()).getByText('Adoption', {
      selector: '[role="button"]',
    });

    expect(titles()[0]).toMatch(/^Legacy job queue/);
    await userEvent.click(adoptionHeader);
    expect(titles()[0]).toMatch(/^Legacy job queue/);
    await userEvent.click(adoptionHeader);
    expect(titles()[0]).toMatch(/^Event streaming/);
  });

  it('draws the score history, naming demo data', async () => {
    const api = mockThinnessScorecardApi();
    await renderPage(api);

    const figure = await screen.findByLabelText(
      'Thinness score over the last 90 days',
    );
    expect(figure).toHaveAttribute('role', 'figure');
    expect(
      figure.querySelector('.recharts-responsive-container'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/generated demo history/i, { exact: false }),
    ).toBeInTheDocument();
    expect(api.getHistory).toHaveBeenCalledWith({ days: 90 });
  });

  it('offers "Refresh now" only with the refresh permission', async () => {
    const api = mockThinnessScorecardApi();
    await renderPage(api);
    await screen.findByText('Legacy job queue');
    expect(screen.queryByText('Refresh now')).not.toBeInTheDocument();
  });

  it('recomputes and reloads the scorecard on "Refresh now"', async () => {
    allowRefresh(true);
    const api = mockThinnessScorecardApi();
    await renderPage(api);
    await userEvent.click(
      await screen.findByText('Refresh now', { selector: 'button *' }),
    );

    expect(api.refresh).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(api.getScorecard).toHaveBeenCalledTimes(2));
  });

  it('notes the optional plugins that did not answer', async () => {
    const api = mockThinnessScorecardApi();
    api.getScorecard.mockResolvedValue({
      ...scorecard,
      sources: { needsDiscovery: false, habitMetrics: true },
    });
    await renderPage(api);

    expect(
      await screen.findByText(/needs-discovery is not installed/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/habit-metrics is not installed/),
    ).not.toBeInTheDocument();
  });

  it('shows how to add the first capability, and no score, while there is none', async () => {
    allowRefresh(true);
    const api = mockThinnessScorecardApi();
    api.getScorecard.mockResolvedValue(emptyScorecard);
    await renderPage(api);

    expect(
      await screen.findByRole('heading', {
        name: 'No platform capabilities yet',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/no catalog entity is marked as one yet/),
    ).toBeInTheDocument();
    // The annotations to add, as YAML.
    const yaml = document.querySelector('code')?.textContent;
    expect(yaml).toContain('platform-product.io/capability: "true"');
    expect(yaml).toContain('platform-product.io/value-class:');
    expect(yaml).toContain('platform-product.io/need:');
    expect(
      screen.getByText('How to add a platform capability').closest('a'),
    ).toHaveAttribute('href', ADD_CAPABILITY_DOCS_URL);
    // Nothing that reads as a verdict: no gauge, no sub-scores, no band, no history.
    expect(
      screen.queryByLabelText(/Platform thinness score/),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('Thin')).not.toBeInTheDocument();
    expect(screen.queryByText('100')).not.toBeInTheDocument();
    expect(
      screen.queryByLabelText('Capabilities and their verdicts'),
    ).not.toBeInTheDocument();
    expect(api.getHistory).not.toHaveBeenCalled();
    // A platform owner can recompute once the catalog has the capability.
    expect(
      screen.getByText('Refresh now', { selector: 'button *' }),
    ).toBeInTheDocument();
  });

  it('says thinness-scorecard is not installed when the backend answers 404', async () => {
    const api = mockThinnessScorecardApi();
    api.getScorecard.mockRejectedValue(await responseError(404));
    await renderPage(api);

    expect(
      await screen.findByText('thinness-scorecard is not installed'),
    ).toBeInTheDocument();
  });

  it('explains a refusal', async () => {
    const api = mockThinnessScorecardApi();
    api.getScorecard.mockRejectedValue(
      await responseError(
        403,
        'You may not read the scorecard: it needs the thinness-scorecard.read permission.',
      ),
    );
    await renderPage(api);

    expect(
      await screen.findByText('You may not read the thinness scorecard'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/needs the thinness-scorecard.read permission/),
    ).toBeInTheDocument();
  });
});
