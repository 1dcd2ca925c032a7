import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { AnalyticsImplementationBlueprint } from '@backstage/plugin-app-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import habitMetricsPlugin from './alpha';
import { HabitEventsAnalytics } from './analytics';
import { habitMetricsApiRef } from './api';
import { entity, mockHabitMetricsApi } from './testUtils/fixtures';

function cardFilter(id: string) {
  const tester = createExtensionTester(
    habitMetricsPlugin.getExtension(id as any) as any,
  );
  return tester.get(EntityCardBlueprint.dataRefs.filterFunction) as (
    e: ReturnType<typeof entity>,
  ) => boolean;
}

describe('habit-metrics in the new frontend system', () => {
  it('mounts the habits page at /habits', async () => {
    const api = mockHabitMetricsApi();
    // Team links need the catalog's entity route, which this test app has not got.
    api.getReversions.mockResolvedValue({
      minStreakWeeks: 3,
      weeks: [],
      teams: [],
    });
    renderTestApp({
      features: [habitMetricsPlugin],
      initialRouteEntries: ['/habits'],
      apis: [[habitMetricsApiRef, api]],
    });

    expect(
      // The page and recharts are loaded lazily, which can take a while on a busy machine.
      await screen.findByRole(
        'table',
        { name: /cohort retention/i },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    // The page draws its own header (noHeader), so the title appears once.
    expect(screen.getAllByRole('heading', { name: 'Habits' })).toHaveLength(1);
  });

  it('shows the team card on groups only', () => {
    const filter = cardFilter('entity-card:habit-metrics/team-habits');
    expect(filter(entity('Group', 'checkout'))).toBe(true);
    expect(filter(entity('User', 'pat'))).toBe(false);
    expect(filter(entity('System', 'ci'))).toBe(false);
  });

  it("shows the team's campaigns card on groups only", () => {
    const filter = cardFilter('entity-card:habit-metrics/team-campaigns');
    expect(filter(entity('Group', 'checkout'))).toBe(true);
    expect(filter(entity('User', 'pat'))).toBe(false);
    expect(filter(entity('System', 'ci'))).toBe(false);
  });

  it('shows the adoption card on platform capabilities only', () => {
    const filter = cardFilter('entity-card:habit-metrics/capability-adoption');
    expect(
      filter(
        entity('System', 'ci', { 'platform-product.io/capability': 'true' }),
      ),
    ).toBe(true);
    expect(
      filter(
        entity('Component', 'queue', {
          'platform-product.io/capability': 'true',
        }),
      ),
    ).toBe(true);
    expect(filter(entity('System', 'billing'))).toBe(false);
    expect(
      filter(entity('System', 'billing', { 'backstage.io/techdocs-ref': 'x' })),
    ).toBe(false);
  });

  it('adds the events forwarder to the app analytics', () => {
    const tester = createExtensionTester(
      habitMetricsPlugin.getExtension(
        'analytics:habit-metrics/habit-events',
      ) as any,
    );
    const { deps, factory } = tester.get(
      AnalyticsImplementationBlueprint.dataRefs.factory,
    ) as any;
    expect(Object.values(deps).map((ref: any) => ref.id)).toEqual([
      'core.discovery',
      'core.fetch',
      'core.identity',
    ]);
    const analytics = factory({
      discoveryApi: {},
      fetchApi: {},
      identityApi: {},
    });
    expect(analytics).toBeInstanceOf(HabitEventsAnalytics);
    analytics.dispose();
  });
});
