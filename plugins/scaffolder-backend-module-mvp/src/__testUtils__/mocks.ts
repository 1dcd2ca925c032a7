import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { HabitEventInput } from '@platform-product/plugin-habit-metrics-common';
import {
  HabitMetricsService,
  RecordEventResult,
} from '@platform-product/plugin-habit-metrics-node';
import {
  NeedStatus,
  RegisteredNeed,
} from '@platform-product/plugin-needs-discovery-common';
import {
  NeedsDiscoveryService,
  NeedUpdate,
} from '@platform-product/plugin-needs-discovery-node';
import { CapabilityDetail } from '@platform-product/plugin-thinness-scorecard-common';
import { ThinnessScorecardService } from '@platform-product/plugin-thinness-scorecard-node';

export function need(
  id: string,
  overrides: Partial<RegisteredNeed> = {},
): RegisteredNeed {
  return {
    id,
    title: id
      .replace(/^need-/, '')
      .split('-')
      .map(w => w[0].toUpperCase() + w.slice(1))
      .join(' '),
    status: 'open',
    capabilityRef: null,
    latestSurveyId: 'survey-1',
    latestScore: 5,
    shared: true,
    teams: 3,
    updatedAt: '2026-03-01T00:00:00.000Z',
    ...overrides,
  };
}

/** An in-memory needs-discovery (a mock of the -node service) with jest spies. */
export function mockNeeds(needs: RegisteredNeed[]) {
  const store = new Map(needs.map(n => [n.id, { ...n }]));
  return {
    store,
    getNeed: jest.fn(async (id: string) => {
      const found = store.get(id);
      return found ? { ...found } : undefined;
    }),
    listNeeds: jest.fn(async () => [...store.values()].map(n => ({ ...n }))),
    updateNeed: jest.fn(async (id: string, update: NeedUpdate) => {
      const found = store.get(id);
      if (!found) throw new Error(`no need ${id}`);
      found.status = update.status satisfies NeedStatus;
      if (update.capabilityRef !== undefined) {
        found.capabilityRef = update.capabilityRef;
      }
      return { ...found };
    }),
  } satisfies NeedsDiscoveryService & { store: unknown };
}

/** habit-metrics (a mock of the -node service): records every event with the given result; reads nothing. */
export function mockHabits(
  result: RecordEventResult = { installed: true, recorded: true },
) {
  return {
    recordEvent: jest.fn(async (_event: HabitEventInput) => result),
    listAdoption: jest.fn(async () => []),
    getCapabilityHabits: jest.fn(async () => undefined),
  } satisfies HabitMetricsService;
}

/** A capability's scorecard row as thinness-scorecard answers it, annotated with `needId` (null: no need). */
export function capabilityDetail(
  entityRef: string,
  needId: string | null = 'need-test-environments',
): CapabilityDetail {
  return {
    capability: {
      entityRef,
      title: entityRef.split('/')[1],
      owner: 'group:default/platform-team',
      consumers: {
        teams: [],
        count: 0,
        productTeams: 2,
        share: 0,
        activeTeams: null,
        source: 'catalog',
      },
      need: needId
        ? { id: needId, shared: true, teams: 2, state: 'shared' }
        : null,
      valueClass: 'differentiating',
      surface: 2,
      verdict: 'invest',
      reasons: ['An MVP until its review date'],
      lifecycle: 'experimental',
      mvpReviewDate: '2026-04-12',
      reviewOverdue: false,
      adoptionTrend: null,
      firstSeenAt: '2026-03-01T00:00:00.000Z',
      sources: { needsDiscovery: true, habitMetrics: false },
    },
    verdictHistory: [],
    adoption: null,
    computedAt: '2026-03-01T00:00:00.000Z',
  };
}

/** thinness-scorecard (a mock of the -node service): by default sees every capability with the test need. */
export function mockScorecard() {
  return {
    getScorecard: jest.fn(async () => {
      throw new Error('not used by the MVP actions');
    }),
    getCapability: jest.fn(async (ref: string) => capabilityDetail(ref)),
    refreshCapability: jest.fn(
      async (ref: string): Promise<CapabilityDetail | undefined> =>
        capabilityDetail(ref),
    ),
    refreshScorecard: jest.fn(async () => {
      throw new Error('not used by the MVP actions');
    }),
  } satisfies ThinnessScorecardService;
}

/**
 * A mock action context whose logger is a jest mock, with isDryRun (which createMockActionContext drops) and,
 * optionally, a checkpoint store shared between runs to act like a retried task.
 */
export function actionContext(options: {
  input: Record<string, any>;
  workspacePath?: string;
  isDryRun?: boolean;
  checkpoints?: Map<string, unknown>;
  taskId?: string;
  user?: { ref?: string };
  templateInfo?: { entityRef: string };
  /** The task's secrets (`ctx.secrets`), which no log line may show. */
  secrets?: Record<string, string>;
}) {
  const logger = mockServices.logger.mock();
  const ctx = createMockActionContext<any>({
    input: options.input,
    ...(options.workspacePath ? { workspacePath: options.workspacePath } : {}),
    task: { id: options.taskId ?? 'task-1' },
    logger,
    ...(options.user ? { user: options.user } : {}),
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.templateInfo
      ? { templateInfo: { baseUrl: 'file:///tmp/', ...options.templateInfo } }
      : {}),
  });
  const checkpoints = options.checkpoints;
  return {
    ...ctx,
    isDryRun: options.isDryRun ?? false,
    ...(checkpoints
      ? {
          async checkpoint(opts: {
            key: string;
            fn: () => Promise<any> | any;
          }): Promise<any> {
            if (checkpoints.has(opts.key)) return checkpoints.get(opts.key);
            const value = await opts.fn();
            checkpoints.set(opts.key, value);
            return value;
          },
        }
      : {}),
    logger,
  };
}

/** Everything the action logged, one string per call, for assertions. */
export function logged(logger: ReturnType<typeof mockServices.logger.mock>) {
  return (['info', 'warn', 'error', 'debug'] as const).flatMap(level =>
    logger[level].mock.calls.map(call => `${level}: ${JSON.stringify(call)}`),
  );
}
