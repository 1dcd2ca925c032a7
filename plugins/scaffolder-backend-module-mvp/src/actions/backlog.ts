import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { isIsoDate } from './annotations';
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
export function createMvpBacklogAction() {
  return createTemplateAction({
    id: 'mvp:backlog',
    description:
      'Writes the MVP decision record into the workspace (MVP.md by default): the need and how many teams share it, the features in scope, the deferred ones, the success metric and the review date. Overwrites the file, so a re-run gives the same result.',
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
            .optional()
            .describe(
              `Where to write the record inside the workspace; ${DEFAULT_PATH} by default`,
            ),
        title: z => z.string().describe('Title of the capability'),
        entityRef: z => z.string().optional().describe('The capability entity'),
        owner: z => z.string().optional().describe('The owning team'),
        need: z =>
          z
            .object({
              id: z.string(),
              title: z.string(),
              teams: z.number(),
              shared: z.boolean().optional(),
            })
            .describe('The need, as mvp:scope outputs it (output.need)'),
        features: z =>
          z.array(z.string()).describe('The features in scope, in order'),
        deferred: z =>
          z
            .array(z.string())
            .optional()
            .describe('Features deferred beyond the MVP'),
        successMetric: z =>
          z.string().describe('The one metric the MVP must move'),
        reviewDate: z =>
          z.string().describe('Keep-or-kill review date, YYYY-MM-DD'),
        timeboxWeeks: z =>
          z.number().optional().describe('The time-box in weeks'),
      },
      output: {
        path: z => z.string().describe('The record, relative to the workspace'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      if (!isIsoDate(input.reviewDate)) {
        throw new InputError(
          `reviewDate must be a date written YYYY-MM-DD, e.g. 2026-09-30; got "${input.reviewDate}"`,
        );
      }
      if (!input.successMetric.trim()) {
        throw new InputError(
          'successMetric is empty; name the one metric the MVP must move',
        );
      }
      const file = await resolveWorkspaceFile(
        ctx.workspacePath,
        input.path ?? DEFAULT_PATH,
      );
      const markdown = renderDecisionRecord({
        ...input,
        deferred: input.deferred ?? [],
      });
      await writeWorkspaceFile(ctx.workspacePath, file, markdown);
      ctx.logger.info(`Wrote the MVP decision record to ${file.relativePath}`);
      ctx.output('path', file.relativePath);
    },
  });
}
