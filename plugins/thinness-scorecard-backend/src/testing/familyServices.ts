// Test helpers only, imported by *.test.ts files.
import {
  Adoption,
  AdoptionFigures,
  AdoptionWeek,
  CapabilityHabits,
} from '@platform-product/plugin-habit-metrics-common';
import {
  HabitMetricsNotInstalledError,
  HabitMetricsService,
} from '@platform-product/plugin-habit-metrics-node';
import { RegisteredNeed } from '@platform-product/plugin-needs-discovery-common';
import {
  NeedsDiscoveryNotInstalledError,
  NeedsDiscoveryService,
} from '@platform-product/plugin-needs-discovery-node';

/** A need of the registry, with defaults for what the scorecard does not read. */
export function registeredNeed(
  id: string,
  overrides: Partial<RegisteredNeed> = {},
): RegisteredNeed {
  return {
    id,
    title: id,
    status: 'open',
    capabilityRef: null,
    latestSurveyId: 'survey-1',
    latestScore: 3,
    shared: false,
    teams: 1,
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A mock of the needs-discovery service: lists the given needs. */
export function mockNeedsDiscovery(needs: RegisteredNeed[]) {
  return {
    listNeeds: jest.fn(async () => needs),
    getNeed: jest.fn(async (id: string) => needs.find(n => n.id === id)),
    updateNeed: jest.fn(async () => {
      throw new Error('the scorecard never updates needs');
    }),
  } satisfies NeedsDiscoveryService;
}

/** needs-discovery as when it is not installed: every call rejects. */
export function absentNeedsDiscovery() {
  const absent = async () => {
    throw new NeedsDiscoveryNotInstalledError(
      'needs-discovery is not installed in this Backstage',
    );
  };
  return {
    listNeeds: jest.fn(absent),
    getNeed: jest.fn(absent),
    updateNeed: jest.fn(absent),
  } satisfies NeedsDiscoveryService;
}

/** A capability's adoption as habit-metrics gives it: the weeks given and its figures (nobody, 7 product teams). */
export function adoptionOf(
  capabilityRef: string,
  figures: Partial<AdoptionFigures> = {},
  weeks: AdoptionWeek[] = [],
): Adoption {
  const adopterRefs = figures.adopterRefs ?? [];
  const productTeams =
    figures.productTeams === undefined ? 7 : figures.productTeams;
  return {
    capabilityRef,
    templateRef: null,
    totalTeams: productTeams,
    weeks,
    figures: {
      week: '2026-11-23',
      productTeams,
      adopters: adopterRefs.length,
      adopterRefs,
      share:
        productTeams === null
          ? null
          : Math.round((adopterRefs.length / productTeams) * 10_000) / 10_000,
      activeTeams: 0,
      before: { week: '2026-08-31', adopters: 0, activeTeams: 0 },
      trendThreshold: 1,
      trend: 'flat',
      ...figures,
    },
  };
}

/** One capability's habits as habit-metrics gives them, with the weeks and figures given and no retention. */
export function capabilityHabits(
  capabilityRef: string,
  weeks: AdoptionWeek[],
  overrides: Partial<CapabilityHabits> = {},
  figures: Partial<AdoptionFigures> = {},
): CapabilityHabits {
  return {
    capabilityRef,
    adoption: adoptionOf(capabilityRef, figures, weeks),
    retention: { capabilityRef, weeks: 12, cohorts: [] },
    timeToHabit: null,
    stickiness: [],
    ...overrides,
  };
}

/** A mock of the habit-metrics service: the given adoption list and capability details (by ref), records nothing. */
export function mockHabitMetrics(options: {
  adoption: Adoption[];
  capabilities?: Record<string, CapabilityHabits>;
}) {
  return {
    recordEvent: jest.fn(async () => ({
      installed: true as const,
      recorded: true as const,
    })),
    listAdoption: jest.fn(async () => options.adoption),
    getCapabilityHabits: jest.fn(
      async (ref: unknown): Promise<CapabilityHabits | undefined> =>
        typeof ref === 'string' ? options.capabilities?.[ref] : undefined,
    ),
  } satisfies HabitMetricsService;
}

/** habit-metrics as when it is not installed: the reads reject, events are not recorded. */
export function absentHabitMetrics() {
  const absent = async () => {
    throw new HabitMetricsNotInstalledError(
      'habit-metrics is not installed in this Backstage',
    );
  };
  return {
    recordEvent: jest.fn(async () => ({
      installed: false as const,
      recorded: false as const,
    })),
    listAdoption: jest.fn(absent),
    getCapabilityHabits: jest.fn(absent),
  } satisfies HabitMetricsService;
}

/** Both other families, not installed. */
export function absentFamilies() {
  return {
    needsDiscovery: absentNeedsDiscovery(),
    habitMetrics: absentHabitMetrics(),
  };
}
