import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import {
  asActionOutput,
  createPermissionGate,
  requireRefOfKind,
} from '@platform-product/common';
import {
  SUBSCORE_IDS,
  thinnessScorecardReadPermission,
} from '@platform-product/plugin-thinness-scorecard-common';
import { DEFAULT_HISTORY_DAYS } from '../service/router';
import { ScorecardService } from '../service/ScorecardService';

export interface ThinnessScorecardActionsOptions {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  service: ScorecardService;
}

const VERDICTS = ['keep', 'invest', 'outsource', 'dispose', 'review'] as const;

const VERDICT_MEANING =
  'Verdicts: keep (needed and used), invest (differentiating, backed by a shared need and adopted by at least investAdoption of the product teams), outsource (a commodity the platform still builds), dispose (no shared need and adoption below adoptionFloor after the grace period), review (an MVP review date has passed or the facts are incomplete).';
const SHARE_MEANING =
  'Adoption share = adopting product teams / all product teams (0–1); "shared" need = reported by enough teams in the latest needs survey.';

/** A capability ref as the routes read it: the suite's one ref rule, any kind, written with it. */
function capabilityRefOf(value: string): string {
  return requireRefOfKind(value, 'capabilityRef', { kinds: [] });
}

/**
 * Registers the thinness-scorecard actions (MCP tools through `@backstage/plugin-mcp-actions-backend`). They read
 * the same ScorecardService as the HTTP routes, after the same permission check with the caller's credentials.
 */
export function registerThinnessScorecardActions(
  options: ThinnessScorecardActionsOptions,
) {
  const { actionsRegistry, permissions, service } = options;

  const gate = createPermissionGate(permissions);
  const mayRead = (credentials: BackstageCredentials) =>
    gate.authorize(
      credentials,
      thinnessScorecardReadPermission,
      'read the scorecard',
    );

  actionsRegistry.register({
    name: 'get-scorecard',
    title: 'Get the platform thinness scorecard',
    description: `The platform thinness score (0–100, higher = thinner, null when there are no capabilities), its weighted sub-scores (each 0–100 with its weight), how many capabilities have each verdict, product teams and adopting teams, and a summary of the daily score history over the last "days" days — the figures of GET /api/thinness-scorecard/scorecard and /scorecard/history. ${VERDICT_MEANING} Use explain-subscore for the formula and inputs of one sub-score.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    visibilityPermission: thinnessScorecardReadPermission,
    schema: {
      input: z =>
        z.object({
          days: z
            .number()
            .int()
            .min(1)
            .max(3650)
            .default(DEFAULT_HISTORY_DAYS)
            .describe('History window in days (default 90).'),
        }),
      output: z =>
        z.object({
          score: z.number().nullable(),
          notScored: z
            .object({ reason: z.string(), message: z.string() })
            .nullable(),
          subscores: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              value: z.number().nullable(),
              weight: z.number(),
            }),
          ),
          verdicts: z.record(z.number()),
          productTeams: z.number(),
          adoptingTeams: z.number(),
          computedAt: z.string(),
          history: z.object({
            days: z.number(),
            points: z.number().describe('Scored days in the window.'),
            first: z
              .object({ period: z.string(), score: z.number() })
              .nullable(),
            last: z
              .object({ period: z.string(), score: z.number() })
              .nullable(),
            min: z.number().nullable(),
            max: z.number().nullable(),
            change: z
              .number()
              .nullable()
              .describe('last score − first score, in points.'),
          }),
        }),
    },
    examples: [{ title: 'How thin is the platform?', input: { days: 90 } }],
    action: async ({ input, credentials }) => {
      await mayRead(credentials);
      const scorecard = await service.getScorecard();
      const items = await service.history(input.days);
      const scores = items.map(i => i.score);
      const first = items.at(0);
      const last = items.at(-1);
      return {
        output: {
          score: scorecard.score,
          notScored: scorecard.notScored,
          subscores: scorecard.subscores.map(s => ({
            id: s.id,
            title: s.title,
            value: s.value,
            weight: s.weight,
          })),
          verdicts: scorecard.verdicts,
          productTeams: scorecard.productTeams,
          adoptingTeams: scorecard.adoptingTeams,
          computedAt: scorecard.computedAt,
          history: {
            days: input.days,
            points: items.length,
            first: first ? { period: first.period, score: first.score } : null,
            last: last ? { period: last.period, score: last.score } : null,
            min: scores.length ? Math.min(...scores) : null,
            max: scores.length ? Math.max(...scores) : null,
            change: first && last ? last.score - first.score : null,
          },
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-capability-verdict',
    title: "Get a capability's verdict with reasons and inputs",
    description: `One platform capability's verdict and the reasons for it (plain sentences with the numbers), with the inputs they were decided from: value class (differentiating or commodity), the need behind it and whether it is shared, its consumers (adopting product teams, their share 0–1, active teams in the last 4 weeks), surface (entities that make it up), lifecycle, MVP review date, the 12-week adoption trend and the verdicts of the last 90 days — as GET /api/thinness-scorecard/capabilities/{kind}/{namespace}/{name}. ${VERDICT_MEANING} ${SHARE_MEANING}`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    visibilityPermission: thinnessScorecardReadPermission,
    schema: {
      input: z =>
        z.object({
          capabilityRef: z
            .string()
            .min(1)
            .describe(
              'Entity ref of the capability, e.g. system:default/log-shipping.',
            ),
        }),
      output: z =>
        z.object({
          capability: z
            .object({
              entityRef: z.string(),
              title: z.string(),
              verdict: z.enum(VERDICTS),
              reasons: z.array(z.string()),
            })
            .passthrough(),
          verdictHistory: z.array(
            z.object({
              period: z.string(),
              verdict: z.enum(VERDICTS),
              demo: z.boolean(),
            }),
          ),
          computedAt: z.string(),
        }),
    },
    examples: [
      {
        title: 'Should we keep log shipping?',
        input: { capabilityRef: 'system:default/log-shipping' },
      },
    ],
    action: async ({ input, credentials }) => {
      await mayRead(credentials);
      const entityRef = capabilityRefOf(input.capabilityRef);
      const detail = await service.capabilityDetail(entityRef, {
        refresh: false,
      });
      if (!detail) {
        throw new NotFoundError(
          `${entityRef} is not a capability on the scorecard (annotation platform-product.io/capability: "true")`,
        );
      }
      return {
        output: {
          capability: asActionOutput(detail.capability),
          verdictHistory: detail.verdictHistory,
          computedAt: detail.computedAt,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'explain-subscore',
    title: 'Explain a thinness sub-score',
    description: `Explains one sub-score of the thinness score: its value (0–100, higher = thinner), its weight in the score, the formula in words, the numbers it was computed from and one sentence explaining it. Sub-scores: needCoverage (capabilities backed by a shared need), adoption (capabilities used by enough product teams), commodityInHouse (commodities the platform still builds, fewer = better), overdueReviews (MVP reviews past their date), surfacePerTeam (entities the platform runs per product team), growthBalance (capabilities added versus adopted).`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    visibilityPermission: thinnessScorecardReadPermission,
    schema: {
      input: z =>
        z.object({
          subscore: z
            .enum(SUBSCORE_IDS as [string, ...string[]])
            .describe('Which sub-score.'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          title: z.string(),
          value: z.number().nullable(),
          weight: z.number(),
          formula: z.string(),
          explanation: z.string(),
          inputs: z.array(
            z.object({
              id: z.string(),
              label: z.string(),
              value: z.union([z.number(), z.string()]).nullable(),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'Why is the adoption sub-score low?',
        input: { subscore: 'adoption' },
      },
    ],
    action: async ({ input, credentials }) => {
      await mayRead(credentials);
      const scorecard = await service.getScorecard();
      const subscore = scorecard.subscores.find(s => s.id === input.subscore);
      if (!subscore) {
        throw new NotFoundError(`No sub-score ${input.subscore}`);
      }
      return { output: subscore };
    },
  });

  actionsRegistry.register({
    name: 'list-capabilities',
    title: 'List capabilities by verdict',
    description: `The platform's capabilities with their verdict, the first reason for it, value class, adoption share (0–1) and adopting teams out of product teams, sorted by verdict precedence then title — the capabilities of GET /api/thinness-scorecard/scorecard. Filter by verdict to answer "what should we dispose of or outsource?". ${VERDICT_MEANING}`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    visibilityPermission: thinnessScorecardReadPermission,
    schema: {
      input: z =>
        z.object({
          verdict: z.enum(VERDICTS).optional().describe('Only this verdict.'),
        }),
      output: z =>
        z.object({
          capabilities: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string(),
              verdict: z.enum(VERDICTS),
              reason: z.string().nullable(),
              valueClass: z.string(),
              adopters: z.number(),
              productTeams: z.number(),
              share: z.number(),
            }),
          ),
        }),
    },
    examples: [
      { title: 'Candidates to dispose of', input: { verdict: 'dispose' } },
    ],
    action: async ({ input, credentials }) => {
      await mayRead(credentials);
      const scorecard = await service.getScorecard();
      return {
        output: {
          capabilities: scorecard.capabilities
            .filter(c => !input.verdict || c.verdict === input.verdict)
            .map(c => ({
              entityRef: c.entityRef,
              title: c.title,
              verdict: c.verdict,
              reason: c.reasons[0] ?? null,
              valueClass: c.valueClass,
              adopters: c.consumers.count,
              productTeams: c.consumers.productTeams,
              share: c.consumers.share,
            })),
        },
      };
    },
  });
}
