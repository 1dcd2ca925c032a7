import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { asActionOutput } from '@platform-product/common';
import {
  NEED_STATUSES,
  NeedStatus,
  needsDiscoveryResultsReadPermission,
  needsDiscoverySurveyCreatePermission,
  QUESTION_TYPES,
  QuestionType,
} from '@platform-product/plugin-needs-discovery-common';
import { NeedsRegistry } from '../service/NeedsRegistry';
import {
  createSurveyAccess,
  inAudience,
  SurveyAccessOptions,
} from '../service/surveyAccess';

export interface NeedsDiscoveryActionsOptions extends SurveyAccessOptions {
  actionsRegistry: ActionsRegistryService;
  registry: NeedsRegistry;
}

const K_MEANING =
  'k (the anonymity threshold, per survey, at least 3) is the number of respondents below which a figure is withheld: a need or question answered by fewer than k people has suppressed: true and no figures, a team appears only when k or more of its members answered, and free-text answers are only shown for questions answered by at least k people.';
const SHARED_MEANING =
  'A need is "shared" when at least sharedNeedMinTeams distinct product teams (settings.sharedNeedMinTeams) have a respondent who rated its pain 3 or more; the priority score is teams × mean pain (1–5) × mean frequency weight.';

/** The statuses and question types as the tuples zod's enum takes. */
const STATUSES = NEED_STATUSES as [NeedStatus, ...NeedStatus[]];
const TYPES = QUESTION_TYPES as [QuestionType, ...QuestionType[]];

/**
 * Registers the needs-discovery actions (MCP tools through `@backstage/plugin-mcp-actions-backend`). Each one calls
 * the same store and services as the HTTP routes and asks the permission framework with the caller's own
 * credentials exactly as the matching route does, so an assistant sees the figures the pages show, and no more.
 */
export function registerNeedsDiscoveryActions(
  options: NeedsDiscoveryActionsOptions,
) {
  const { actionsRegistry, store, registry, defaultAnonymityThreshold } =
    options;
  // The routes' permission checks, teams and visible surveys.
  const access = createSurveyAccess(options);
  const { authorize } = access;

  actionsRegistry.register({
    name: 'list-surveys',
    title: 'List needs surveys',
    description: `Lists the developer-needs surveys the caller may see, as GET /api/needs-discovery/surveys does: open surveys (collecting answers), closed surveys (final results) and, for platform managers, drafts. Use filter "to-answer" for the open surveys the signed-in user is in the audience of and has not answered yet. respondents is the number of people who answered (a count, never who). Use the id with get-survey-results.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          filter: z
            .enum(['all', 'open', 'closed', 'draft', 'to-answer'])
            .default('all')
            .describe(
              'Which surveys: all (default), open, closed, draft (platform managers only) or to-answer (open, for me, not answered by me).',
            ),
        }),
      output: z =>
        z.object({
          surveys: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              status: z.enum(['draft', 'open', 'closed']),
              wave: z
                .number()
                .describe('1 for a first survey, +1 for each new wave.'),
              previousSurveyId: z.string().nullable(),
              closesAt: z.string().nullable().optional(),
              anonymityThreshold: z.number().describe('k for this survey.'),
              needs: z.number().describe('Needs the survey asks about.'),
              respondents: z.number().describe('People who answered.'),
              answeredByMe: z.boolean(),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'Surveys I still have to answer',
        input: { filter: 'to-answer' },
      },
    ],
    action: async ({ input, credentials }) => {
      const { surveys, userTeams } = await access.listSurveys(credentials);
      const keep = surveys.filter(
        survey =>
          input.filter === 'all' ||
          (input.filter === 'to-answer'
            ? userTeams !== undefined &&
              survey.status === 'open' &&
              inAudience(survey, userTeams) &&
              !survey.answeredByMe
            : survey.status === input.filter),
      );
      return {
        output: {
          surveys: keep.map(survey => ({
            id: survey.id,
            title: survey.title,
            status: survey.status,
            wave: survey.wave,
            previousSurveyId: survey.previousSurveyId,
            closesAt: survey.closesAt ?? null,
            anonymityThreshold: survey.anonymityThreshold,
            needs: survey.needs.length,
            respondents: survey.respondents,
            answeredByMe: survey.answeredByMe,
          })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-survey-results',
    title: "Get a survey's results",
    description: `A survey's aggregated results, exactly as GET /api/needs-discovery/surveys/{id}/results returns them (needs the needs-discovery.results.read permission): the priority case (the shared need to serve first, with the reason), every need ranked by priority score with its team count and shared flag, the response rate (respondents / audience members, 0–1), per-team figures and the change of each need's score since the previous wave (previous.delta). ${SHARED_MEANING} ${K_MEANING} Nothing is ever per person.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    visibilityPermission: needsDiscoveryResultsReadPermission,
    schema: {
      input: z =>
        z.object({
          surveyId: z
            .string()
            .min(1)
            .describe('The survey id, from list-surveys.'),
        }),
      output: z =>
        z
          .object({
            surveyId: z.string(),
            status: z.enum(['open', 'closed', 'draft']),
            anonymityThreshold: z.number().describe('k for this survey.'),
            respondents: z.number(),
            responseRate: z
              .number()
              .nullable()
              .describe('respondents / audience members (0–1).'),
            priorityCase: z
              .object({
                needId: z.string(),
                title: z.string(),
                reason: z.string(),
              })
              .nullable(),
            needs: z.array(
              z
                .object({
                  needId: z.string(),
                  title: z.string(),
                  priorityScore: z.number().nullable(),
                  teams: z.number(),
                  shared: z.boolean(),
                  suppressed: z.boolean(),
                })
                .passthrough(),
            ),
            suppressedTeams: z
              .number()
              .describe('Audience teams left out: fewer than k answered.'),
          })
          .passthrough(),
    },
    examples: [
      {
        title: 'What is the priority case of the spring survey?',
        input: { surveyId: 'a survey id from list-surveys' },
      },
    ],
    action: async ({ input, credentials }) => {
      await authorize(
        credentials,
        needsDiscoveryResultsReadPermission,
        'read survey results',
      );
      const survey = await access.visibleSurvey(input.surveyId, credentials);
      return { output: asActionOutput(await access.resultsOf(survey)) };
    },
  });

  actionsRegistry.register({
    name: 'list-needs',
    title: 'List needs with status and serving capability',
    description: `Every need ever surveyed, as GET /api/needs-discovery/needs returns them: its status (open, in-mvp, served, declined), the capability that serves it or has it in an MVP (capabilityRef, an entity ref, with its title), and its latest survey figures: latestScore (priority score, null when withheld below k or not surveyed), teams (distinct teams reporting it) and shared. ${SHARED_MEANING}`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          status: z
            .enum(STATUSES)
            .optional()
            .describe('Only needs with this status.'),
        }),
      output: z =>
        z.object({
          needs: z.array(
            z
              .object({
                id: z.string(),
                title: z.string(),
                status: z.enum(STATUSES),
                capabilityRef: z.string().nullable(),
                latestSurveyId: z.string().nullable(),
                latestScore: z.number().nullable(),
                shared: z.boolean(),
                teams: z.number(),
              })
              .passthrough(),
          ),
        }),
    },
    examples: [
      {
        title: 'Which needs are still open?',
        input: { status: 'open' },
      },
    ],
    action: async ({ input }) => {
      // As the route: any signed-in caller or service may read the registry.
      const needs = await registry.listNeeds();
      return {
        output: {
          needs: asActionOutput(
            input.status
              ? needs.filter(need => need.status === input.status)
              : needs,
          ),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'create-survey-draft',
    title: 'Create a needs survey draft',
    description: `Creates a draft survey (needs the needs-discovery.survey.create permission), checked by the same rules as POST /api/needs-discovery/surveys. A draft is invisible to developers until a platform manager opens it on the Needs page; nothing is sent to anyone. Give the needs (kebab-case ids such as need-fast-service-setup, reused across waves) and optionally the questions; without questions the survey gets one need-rating question. audience: team refs such as group:default/checkout, empty for everyone. anonymityThreshold: k, at least 3 (default ${defaultAnonymityThreshold}).`,
    attributes: { readOnly: false, idempotent: false, destructive: false },
    visibilityPermission: needsDiscoverySurveyCreatePermission,
    schema: {
      input: z =>
        z.object({
          title: z.string().min(1).max(200),
          description: z.string().max(4000).optional(),
          audience: z.array(z.string()).default([]),
          anonymityThreshold: z.number().int().optional(),
          closesAt: z
            .string()
            .optional()
            .describe('ISO timestamp after which answers are refused.'),
          needs: z
            .array(
              z.object({
                id: z.string(),
                title: z.string(),
                description: z.string().optional(),
              }),
            )
            .min(1),
          questions: z
            .array(
              z.object({
                id: z.string(),
                type: z.enum(TYPES),
                title: z.string(),
                description: z.string().optional(),
                required: z.boolean().optional(),
                options: z.array(z.string()).optional(),
                maxSelections: z.number().int().optional(),
                max: z.number().int().optional(),
                maxLength: z.number().int().optional(),
              }),
            )
            .optional(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          title: z.string(),
          status: z.literal('draft'),
          anonymityThreshold: z.number(),
          needs: z.number(),
          questions: z.number(),
        }),
    },
    examples: [
      {
        title: 'A short survey about two needs',
        input: {
          title: 'Developer needs — autumn',
          audience: [],
          needs: [
            { id: 'need-fast-service-setup', title: 'Start a new service' },
            { id: 'need-observability', title: 'See production behaviour' },
          ],
        },
      },
    ],
    action: async ({ input, credentials }) => {
      await authorize(
        credentials,
        needsDiscoverySurveyCreatePermission,
        'create surveys',
      );
      const body = {
        ...input,
        questions: input.questions ?? [
          {
            id: 'needs',
            type: 'need-rating',
            title: 'How much does each problem hurt, and how often?',
          },
        ],
      };
      const definition = access.validDefinition(body);
      const createdBy = access.creatorOf(credentials) ?? 'service';
      const survey = await store.createSurvey({ definition, createdBy });
      return {
        output: {
          id: survey.id,
          title: survey.title,
          status: 'draft' as const,
          anonymityThreshold: survey.anonymityThreshold,
          needs: survey.needs.length,
          questions: survey.questions.length,
        },
      };
    },
  });
}
