import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import needsDiscoveryPlugin from './alpha';
import { needsDiscoveryApiRef } from './api';
import { mockNeedsDiscoveryApi, summaryOf, survey } from './testUtils/fixtures';

describe('needs-discovery in the new frontend system', () => {
  it('mounts the needs page at /needs', async () => {
    const api = mockNeedsDiscoveryApi();
    api.listSurveys.mockResolvedValue([summaryOf(survey)]);
    renderTestApp({
      features: [needsDiscoveryPlugin],
      initialRouteEntries: ['/needs'],
      apis: [[needsDiscoveryApiRef, api]],
    });

    // The page is lazy-loaded: on a busy machine that takes more than findBy's default second.
    expect(
      await screen.findByText(survey.title, {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Answer' })).toBeInTheDocument();
    // The page draws its own header (noHeader), so the title appears once.
    expect(screen.getAllByRole('heading', { name: 'Needs' })).toHaveLength(1);
  });
});
