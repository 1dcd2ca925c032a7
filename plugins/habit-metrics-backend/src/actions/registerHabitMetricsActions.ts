import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ActionsRegistryActionOptions,
  ActionsRegistryService,
} from '@backstage/backend-plugin-api/alpha';
import { InputError, NotFoundError } from '@backstage/errors';
import { asActionOutput, createPermissionGate } from '@platform-product/common';
import {
  DEFAULT_RETENTION_WEEKS,
  habitMetricsReadPermission,
} from '@platform-product/plugin-habit-metrics-common';
import { normaliseRef } from '../refs';
import { MetricsService } from '../service/MetricsService';
import { readRange } from '../service/router';

export interface HabitMetricsActionsOptions {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  metrics: MetricsService;
}

/** The zod the actions registry hands to the schema functions. */
type Zod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

const WINDOW =
  'The window is whole ISO weeks (Monday starts): from/to are YYYY-MM-DD dates snapped to their weeks; by default the last 26 weeks up to the current one, at most 156 weeks.';
const TERMS =
  'Golden-path share = components made from a template / new components in the catalog, per week (0–1; rollingShare over 4 weeks). Adoption: adopters = product teams that have used a capability at least once, share = adopters / product teams (0–1), active teams = used it in the last 4 weeks, trend over 12 weeks. Retention: share of a first-use cohort of teams still active N weeks later. Reversion: a team went back to the old way after a streak of new-way weeks. Time to habit: weeks from first use until a team has used it habitWeeks weeks in a row (median). Teams are catalog Group entities; no figure is per person.';

function ref(
  value: string,
  name: string,
  defaultKind: string,
  example: string,
): string {
  const normalised = normaliseRef(value, { defaultKind });
  if (!normalised) {
    throw new InputError(
      `${name} must be an entity ref like ${example}; got ${value}`,
    );
  }
  return normalised;
}

/**
 * Registers the habit-metrics actions (MCP tools through `@backstage/plugin-mcp-actions-backend`). They call the
 * same MetricsService as the HTTP routes, with the same window rules (readRange) and permission check.
 */
export function registerHabitMetricsActions(
  options: HabitMetricsActionsOptions,
) {
  const { actionsRegistry, permissions, metrics } = options;

  const gate = createPermissionGate(permissions);
  const mayRead = (credentials: BackstageCredentials) =>
    gate.authorize(
      credentials,
      habitMetricsReadPermission,
      'read habit metrics',
    );

  const windowInput = (z: Zod) => ({
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional()
      .describe('First week of the window, YYYY-MM-DD.'),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional()
      .describe('Last week of the window, YYYY-MM-DD (default: this week).'),
  });

  actionsRegistry.register({
    name: 'get-platform-habits',
    title: 'Get habit metrics for the whole platform',
    description: `Habit-change figures for the whole platform over a window: the golden-path share per week with totals, every capability's adoption figures, retention cohorts, reversions and time to habit per capability — the figures of GET /api/habit-metrics/golden-path, /adoption, /retention, /reversions and /time-to-habit. ${WINDOW} ${TERMS}`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    visibilityPermission: habitMetricsReadPermission,
    schema: {
      input: z => z.object(windowInput(z)),
      output: z =>
        z.object({
          window: z.object({ from: z.string(), to: z.string() }),
          goldenPath: z.object({
            newComponents: z.number(),
            viaTemplate: z.number(),
            share: z
              .number()
              .nullable()
              .describe('viaTemplate / newComponents over the window.'),
            weeks: z.array(
              z.object({
                week: z.string(),
                newComponents: z.number(),
                viaTemplate: z.number(),
                share: z.number().nullable(),
                rollingShare: z.number().nullable(),
              }),
            ),
          }),
          adoption: z.array(
            z.object({
              capabilityRef: z.string().nullable(),
              figures: z
                .object({
                  adopters: z.number(),
                  productTeams: z.number().nullable(),
                  share: z.number().nullable(),
                  activeTeams: z.number(),
                  trend: z.string(),
                })
                .passthrough(),
            }),
          ),
          retention: z
            .object({ weeks: z.number(), cohorts: z.array(z.any()) })
            .passthrough(),
          reversions: z
            .object({
              minStreakWeeks: z.number(),
              count: z.number(),
              teams: z.array(
                z.object({
                  teamRef: z.string(),
                  week: z.string(),
                  streakWeeks: z.number(),
                }),
              ),
            })
            .passthrough(),
          timeToHabit: z
            .object({
              habitWeeks: z.number(),
              capabilities: z.array(
                z.object({
                  capabilityRef: z.string(),
                  teams: z.number(),
                  reached: z.number(),
                  medianWeeks: z.number().nullable(),
                }),
              ),
            })
            .passthrough(),
        }),
    },
    examples: [
      { title: 'How are habits changing this half-year?', input: {} },
      {
        title: 'The first quarter of 2026',
        input: { from: '2026-01-05', to: '2026-03-30' },
      },
    ],
    action: async ({ input, credentials }) => {
      await mayRead(credentials);
      const range = readRange(input);
      const [goldenPath, adoption, retention, reversions, timeToHabit] =
        await Promise.all([
          metrics.goldenPath(range),
          metrics.adoptionOfAll(range),
          metrics.retention({ weeks: DEFAULT_RETENTION_WEEKS }),
          metrics.reversions(range),
          metrics.timeToHabit({}),
        ]);
      const newComponents = goldenPath.weeks.reduce(
        (sum, w) => sum + w.newComponents,
        0,
      );
      const viaTemplate = goldenPath.weeks.reduce(
        (sum, w) => sum + w.viaTemplate,
        0,
      );
      return {
        output: {
          window: range,
          goldenPath: {
            newComponents,
            viaTemplate,
            share:
              newComponents > 0
                ? Math.round((viaTemplate / newComponents) * 10000) / 10000
                : null,
            weeks: goldenPath.weeks,
          },
          adoption: adoption.map(a => ({
            capabilityRef: a.capabilityRef,
            figures: { ...a.figures },
          })),
          retention: asActionOutput(retention),
          reversions: {
            minStreakWeeks: reversions.minStreakWeeks,
            count: reversions.teams.length,
            teams: reversions.teams,
          },
          timeToHabit: asActionOutput(timeToHabit),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-capability-habits',
    title: "Get one capability's habit metrics",
    description: `One platform capability's adoption (adopters out of product teams, share 0–1, active teams, 12-week trend, weekly series), retention cohorts, time to habit and weekly stickiness (weekly active / active in the last 4 weeks) — as GET /api/habit-metrics/capabilities/{kind}/{namespace}/{name}. ${WINDOW} ${TERMS}`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    visibilityPermission: habitMetricsReadPermission,
    schema: {
      input: z =>
        z.object({
          capabilityRef: z
            .string()
            .min(1)
            .describe('Entity ref, e.g. system:default/event-streaming.'),
          ...windowInput(z),
        }),
      output: z =>
        z.object({
          capabilityRef: z.string(),
          adoption: z
            .object({
              totalTeams: z.number().nullable(),
              figures: z
                .object({
                  adopters: z.number(),
                  share: z.number().nullable(),
                  activeTeams: z.number(),
                  trend: z.string(),
                })
                .passthrough(),
              weeks: z.array(z.any()),
            })
            .passthrough(),
          retention: z.object({}).passthrough(),
          timeToHabit: z
            .object({
              teams: z.number(),
              reached: z.number(),
              medianWeeks: z.number().nullable(),
            })
            .passthrough()
            .nullable(),
          stickiness: z.array(z.any()),
        }),
    },
    examples: [
      {
        title: 'Is event streaming becoming a habit?',
        input: { capabilityRef: 'system:default/event-streaming' },
      },
    ],
    action: async ({ input, credentials }) => {
      await mayRead(credentials);
      const capabilityRef = ref(
        input.capabilityRef,
        'capabilityRef',
        'system',
        'system:default/event-streaming',
      );
      const habits = await metrics.capability(capabilityRef, readRange(input));
      if (!habits) {
        throw new NotFoundError(
          `${capabilityRef} is not a platform capability in the catalog and no activity names it`,
        );
      }
      return { output: asActionOutput(habits) };
    },
  });

  actionsRegistry.register({
    name: 'get-team-habits',
    title: "Get one team's habit metrics",
    description: `One product team's habits: its golden-path share per week (its new components made from a template), its active weeks, the capabilities it uses (first and last week, active weeks) and its reversions to the old way — as GET /api/habit-metrics/teams/{namespace}/{name}. Answers "is my team still on the golden path?". ${WINDOW} ${TERMS}`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    visibilityPermission: habitMetricsReadPermission,
    schema: {
      input: z =>
        z.object({
          teamRef: z
            .string()
            .min(1)
            .describe('The team, e.g. group:default/checkout or checkout.'),
          ...windowInput(z),
        }),
      output: z =>
        z.object({
          teamRef: z.string(),
          goldenPath: z.array(
            z.object({
              week: z.string(),
              newComponents: z.number(),
              viaTemplate: z.number(),
              share: z.number().nullable(),
              rollingShare: z.number().nullable(),
            }),
          ),
          activeWeeks: z.number(),
          capabilities: z.array(
            z.object({
              capabilityRef: z.string(),
              firstWeek: z.string(),
              lastWeek: z.string(),
              activeWeeks: z.number(),
            }),
          ),
          reversions: z.array(
            z.object({
              teamRef: z.string(),
              week: z.string(),
              streakWeeks: z.number(),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'Is checkout still on the golden path?',
        input: { teamRef: 'group:default/checkout' },
      },
    ],
    action: async ({ input, credentials }) => {
      await mayRead(credentials);
      const teamRef = ref(
        input.teamRef,
        'teamRef',
        'group',
        'group:default/checkout',
      );
      if (!teamRef.startsWith('group:')) {
        throw new InputError(
          `teamRef must be a Group entity ref like group:default/checkout; got ${input.teamRef}`,
        );
      }
      const habits = await metrics.team(teamRef, readRange(input));
      if (!habits) throw new NotFoundError(`No team ${teamRef}`);
      return { output: habits };
    },
  });
}
