import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { MAX_ENTITY_REF_LENGTH } from '@platform-product/common';
import { DEFAULT_MVP_SETTINGS, MvpSettings } from '../config';
import {
  CAPABILITY_REF,
  DATE_PATTERN,
  INPUT_LIMITS,
  NEED_ID_PATTERN,
  optionalRef,
  positionList,
  redactingLogger,
  repeatedPositions,
  requireLine,
  requireNeedId,
  requireReviewDate,
  requireTextList,
  requireWholeNumber,
  TEAM_REF,
  withSecretsRedacted,
} from './inputRules';
import { resolveWorkspaceFile, writeWorkspaceFile } from './workspaceFiles';

const DEFAULT_PATH = 'MVP.md';

/** One line of Markdown: user text cannot start a heading or break out of its list item. */
const line = (text: string) => text.replace(/\s+/g, ' ').trim();
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface MvpDecision {
  title: string;
  entityRef?: string;
  owner?: string;
  need: { id: string; title: string; teams: number; shared?: boolean };
  features: string[];
  deferred: string[];
  successMetric: string;
  reviewDate: string;
  timeboxWeeks?: number;
}

/** The MVP decision record as Markdown. */
export function renderDecisionRecord(decision: MvpDecision): string {
  const { need } = decision;
  let sharing = '';
  if (need.shared === true) sharing = ' It is a **shared** need.';
  if (need.shared === false) {
    sharing = ' It is **not** marked shared by needs-discovery.';
  }
  const out = [
    `# MVP: ${line(decision.title)}`,
    '',
    'The scope decision for this platform capability, written when it was created from a template (`mvp:backlog`).',
    'Change the scope through a new decision, not by quietly growing this list.',
    '',
  ];
  if (decision.entityRef || decision.owner) {
    if (decision.entityRef) {
      out.push(`- Capability: \`${line(decision.entityRef)}\``);
    }
    if (decision.owner) out.push(`- Owner: \`${line(decision.owner)}\``);
    out.push('');
  }
  out.push(
    '## The need',
    '',
    `**${line(need.title)}** (\`${line(
      need.id,
    )}\` in needs-discovery), reported by ${plural(
      need.teams,
      'team',
    )} in the latest survey.${sharing}`,
    '',
    `## Scope (${plural(decision.features.length, 'feature')})`,
    '',
    ...decision.features.map((f, i) => `${i + 1}. ${line(f)}`),
    '',
    '## Deferred',
    '',
    ...(decision.deferred.length
      ? decision.deferred.map(f => `- ${line(f)}`)
      : ['Nothing deferred.']),
    '',
    '## Success metric',
    '',
    line(decision.successMetric),
    '',
    '## Review',
    '',
    decision.timeboxWeeks
      ? `Time-box: ${plural(decision.timeboxWeeks, 'week')}. Review date: **${
          decision.reviewDate
        }**.`
      : `Review date: **${decision.reviewDate}**.`,
    '',
    'How the review works: on the review date the owner and the platform team look at the success metric and decide to keep the capability (take it out of `experimental`), change course with a new scope, or retire it. Deferred features come back only if the next needs-discovery survey wave shows teams still need them.',
    '',
  );
  return out.join('\n');
}

/**
 * `mvp:backlog`: writes the MVP decision record into the workspace (MVP.md by default).
 *
 * @public
 */
export function createMvpBacklogAction(
  options: {
    /** The `mvp` settings: the longest time-box, and so the furthest review date. Default: the defaults. */
    settings?: MvpSettings;
    /** The clock; tests fix it. */
    now?: () => Date;
  } = {},
) {
  const settings = options.settings ?? DEFAULT_MVP_SETTINGS;
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: 'mvp:backlog',
    description:
      'Writes the MVP decision record into the workspace (MVP.md by default): the need and how many teams share it, the features in scope, the deferred ones, the success metric and the review date. Overwrites the file, so a re-run gives the same result. Refuses blank or control-character text, a need id that is not one, a feature listed twice, a review date that is not after today (UTC) or more than mvp.maxTimeboxWeeks weeks away, an owner that is not a group, and paths outside the workspace.',
    examples: [
      {
        description: 'Record the scope decided by mvp:scope',
        example: [
          'steps:',
          '  - id: backlog',
          '    name: Write the MVP decision record',
          '    action: mvp:backlog',
          '    input:',
          '      title: ${{ parameters.title }}',
          '      entityRef: system:default/${{ parameters.name }}',
          '      owner: ${{ parameters.owner }}',
          "      need: ${{ steps['scope'].output.need }}",
          "      features: ${{ steps['scope'].output.features }}",
          "      deferred: ${{ steps['scope'].output.deferred }}",
          '      successMetric: ${{ parameters.successMetric }}',
          "      reviewDate: ${{ steps['scope'].output.reviewDate }}",
          "      timeboxWeeks: ${{ steps['scope'].output.timeboxWeeks }}",
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .min(1)
            .max(INPUT_LIMITS.pathMaxLength)
            .optional()
            .describe(
              `Where to write the record inside the workspace; ${DEFAULT_PATH} by default`,
            ),
        title: z =>
          z
            .string()
            .min(1)
            .max(INPUT_LIMITS.titleMaxLength)
            .describe('Title of the capability'),
        entityRef: z =>
          z
            .string()
            .min(1)
            .max(MAX_ENTITY_REF_LENGTH)
            .optional()
            .describe('The capability entity, a System or Component'),
        owner: z =>
          z
            .string()
            .min(1)
            .max(MAX_ENTITY_REF_LENGTH)
            .optional()
            .describe(
              'The owning team, a group ref (platform-team means group:default/platform-team)',
            ),
        need: z =>
          z
            .object({
              id: z
                .string()
                .max(INPUT_LIMITS.needIdMaxLength)
                .regex(NEED_ID_PATTERN),
              title: z.string().min(1).max(INPUT_LIMITS.needTitleMaxLength),
              teams: z.number().int().min(0).max(INPUT_LIMITS.maxTeams),
              shared: z.boolean().optional(),
            })
            .describe('The need, as mvp:scope outputs it (output.need)'),
        // No per-item schema rule: the scaffolder would report every bad item of a huge list; the handler says how
        // many are bad, by position, in one bounded message.
        features: z =>
          z
            .array(z.string())
            .min(1)
            .max(INPUT_LIMITS.maxListItems)
            .describe(
              `The features in scope, in order: 1 to ${INPUT_LIMITS.maxListItems}, each one line of at most ${INPUT_LIMITS.featureMaxLength} characters`,
            ),
        deferred: z =>
          z
            .array(z.string())
            .max(INPUT_LIMITS.maxListItems)
            .optional()
            .describe('Features deferred beyond the MVP'),
        successMetric: z =>
          z
            .string()
            .min(1)
            .max(INPUT_LIMITS.successMetricMaxLength)
            .describe('The one metric the MVP must move'),
        reviewDate: z =>
          z
            .string()
            .regex(DATE_PATTERN)
            .describe(
              'Keep-or-kill review date, YYYY-MM-DD, after today (UTC) and at most mvp.maxTimeboxWeeks weeks away',
            ),
        timeboxWeeks: z =>
          z
            .number()
            .int()
            .min(1)
            .max(settings.maxTimeboxWeeks)
            .optional()
            .describe('The time-box in weeks'),
      },
      output: {
        path: z => z.string().describe('The record, relative to the workspace'),
      },
    },
    async handler(ctx) {
      const log = redactingLogger(ctx.logger, ctx.secrets);
      await withSecretsRedacted(ctx.secrets, async () => {
        const decision = checkDecision(ctx.input, now(), settings);
        // The path is checked (text, traversal, symbolic links) before any write.
        const file = await resolveWorkspaceFile(
          ctx.workspacePath,
          ctx.input.path ?? DEFAULT_PATH,
        );
        await writeWorkspaceFile(
          ctx.workspacePath,
          file,
          renderDecisionRecord(decision),
        );
        log.info(`Wrote the MVP decision record to ${file.relativePath}`);
        ctx.output('path', file.relativePath);
      });
    },
  });
}

/** The inputs of `mvp:backlog` as a checked decision, or an `InputError` naming the first bad input. */
export function checkDecision(
  input: Record<string, unknown>,
  now: Date,
  settings: MvpSettings,
): MvpDecision {
  const title = requireLine(input.title, 'title', INPUT_LIMITS.titleMaxLength);
  const entityRef = optionalRef(input.entityRef, 'entityRef', CAPABILITY_REF);
  const owner = optionalRef(input.owner, 'owner', TEAM_REF);
  const need = input.need as Record<string, unknown> | undefined;
  if (typeof need !== 'object' || need === null || Array.isArray(need)) {
    throw new InputError(
      'need must be the need as mvp:scope outputs it: { id, title, teams, shared }',
    );
  }
  const checkedNeed = {
    id: requireNeedId(need.id, 'need.id'),
    title: requireLine(
      need.title,
      'need.title',
      INPUT_LIMITS.needTitleMaxLength,
    ),
    teams: requireWholeNumber(need.teams, 'need.teams', {
      min: 0,
      max: INPUT_LIMITS.maxTeams,
    }),
    ...(need.shared === undefined ? {} : { shared: need.shared === true }),
  };
  if (need.shared !== undefined && typeof need.shared !== 'boolean') {
    throw new InputError('need.shared must be true or false');
  }
  const list = {
    maxItems: INPUT_LIMITS.maxListItems,
    maxLength: INPUT_LIMITS.featureMaxLength,
  };
  const features = requireTextList(input.features, 'features', {
    ...list,
    minItems: 1,
  });
  const deferred =
    input.deferred === undefined
      ? []
      : requireTextList(input.deferred, 'deferred', list);
  const repeated = repeatedPositions([...features, ...deferred]);
  if (repeated.length) {
    throw new InputError(
      `A feature is listed more than once (features and deferred together, item${
        repeated.length === 1 ? '' : 's'
      } ${positionList(
        repeated,
      )}); list each feature once, in scope or deferred`,
    );
  }
  const successMetric = requireLine(
    input.successMetric,
    'successMetric',
    INPUT_LIMITS.successMetricMaxLength,
  );
  const reviewDate = requireReviewDate(
    input.reviewDate,
    'reviewDate',
    now,
    settings.maxTimeboxWeeks,
  );
  const timeboxWeeks =
    input.timeboxWeeks === undefined
      ? undefined
      : requireWholeNumber(input.timeboxWeeks, 'timeboxWeeks', {
          min: 1,
          max: settings.maxTimeboxWeeks,
        });
  return {
    title,
    ...(entityRef ? { entityRef } : {}),
    ...(owner ? { owner } : {}),
    need: checkedNeed,
    features,
    deferred,
    successMetric,
    reviewDate,
    ...(timeboxWeeks ? { timeboxWeeks } : {}),
  };
}
