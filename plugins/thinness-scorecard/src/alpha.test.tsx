import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import thinnessScorecardPlugin from './alpha';
import { thinnessScorecardApiRef } from './api';
import {
  capabilityEntity,
  groupEntity,
  mockThinnessScorecardApi,
} from './testUtils/fixtures';

function cardFilter(
  id: Parameters<typeof thinnessScorecardPlugin.getExtension>[0],
) {
  const tester = createExtensionTester(
    thinnessScorecardPlugin.getExtension(id),
  );
  return tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
}

describe('thinness-scorecard in the new frontend system', () => {
  it('mounts the Thinness page at /thinness', async () => {
    renderTestApp({
      features: [thinnessScorecardPlugin],
      initialRouteEntries: ['/thinness'],
      // The capability table links to entities; the catalog is always there in a real app.
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [[thinnessScorecardApiRef, mockThinnessScorecardApi()]],
    });

    // The lazy page and its charts load slowly on a busy CI machine.
    expect(
      await screen.findByLabelText(
        'Platform thinness score: 72 out of 100 (Thin)',
        {},
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    // The page draws its own header (noHeader), so the title appears once.
    expect(screen.getAllByRole('heading', { name: 'Thinness' })).toHaveLength(
      1,
    );
  }, 30_000);

  it('shows the capability card only on entities annotated as capabilities', () => {
    const filter = cardFilter('entity-card:thinness-scorecard/capability');
    expect(filter(capabilityEntity('event-streaming'))).toBe(true);
    expect(filter(capabilityEntity('ci', 'Component'))).toBe(true);
    expect(filter(groupEntity('platform-team'))).toBe(false);

    const notCapability = capabilityEntity('old');
    notCapability.metadata.annotations = {
      'platform-product.io/capability': 'false',
    };
    expect(filter(notCapability)).toBe(false);
  });

  it('shows the roll-up card on groups only', () => {
    const filter = cardFilter('entity-card:thinness-scorecard/platform-rollup');
    expect(filter(groupEntity('platform-team'))).toBe(true);
    expect(filter(capabilityEntity('event-streaming'))).toBe(false);
  });
});
