import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { HabitMetricsService } from '@platform-product/plugin-habit-metrics-node';
import { NeedsDiscoveryService } from '@platform-product/plugin-needs-discovery-node';

/**
 * `mvp:launch`: after the capability is registered, marks its need `in-mvp` in needs-discovery and records a launch
 * event in habit-metrics when that plugin is installed. Each side effect runs in a checkpoint, and both are
 * idempotent on the other side too, so a retried task changes nothing twice. A dry run only says what it would do.
 *
 * @public
 */
export function createMvpLaunchAction(options: {
  /** needs-discovery (`needsDiscoveryServiceRef`). */
  needs: NeedsDiscoveryService;
  /** habit-metrics (`habitMetricsServiceRef`); its absence is a warning, not a failure. */
  habits: HabitMetricsService;
}) {
  const { needs, habits } = options;
  return createTemplateAction({
    id: 'mvp:launch',
    description:
      'After registration: marks the need in-mvp with the capability in needs-discovery and records an mvp-launch event in habit-metrics (with a warning, and nothing else, when habit-metrics is not installed). Safe to retry; a dry run makes no calls.',
    examples: [
      {
        description: 'Launch the MVP once the capability is in the catalog',
        example: [
          'steps:',
          '  - id: launch',
          '    name: Launch the MVP',
          '    action: mvp:launch',
          '    input:',
          "      need: ${{ steps['scope'].output.need.id }}",
          "      entityRef: ${{ steps['annotate'].output.entityRef }}",
          '      teamRef: ${{ parameters.owner }}',
          '      successMetric: ${{ parameters.successMetric }}',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        need: z => z.string().describe('Need id from needs-discovery'),
        entityRef: z =>
          z
            .string()
            .describe(
              'The registered capability, e.g. system:default/preview-environments',
            ),
        teamRef: z =>
          z
            .string()
            .optional()
            .describe(
              "The team the launch counts for in habit-metrics, e.g. the capability's owner; by default the teams of the person who runs the template",
            ),
        successMetric: z =>
          z
            .string()
            .optional()
            .describe('The success metric, repeated in the task log'),
      },
      output: {
        needStatus: z =>
          z
            .string()
            .describe(
              "The need's status in needs-discovery afterwards (in-mvp; in a dry run, what it would be)",
            ),
        habitEventRecorded: z =>
          z
            .boolean()
            .describe(
              'Whether habit-metrics recorded the launch event (false when it is not installed or refused it, and in a dry run)',
            ),
      },
    },
    async handler(ctx) {
      const needId = ctx.input.need.trim();
      if (!needId) throw new InputError('need is empty; give the need id');
      let capabilityRef: string;
      try {
        capabilityRef = stringifyEntityRef(parseEntityRef(ctx.input.entityRef));
      } catch {
        throw new InputError(
          `entityRef "${ctx.input.entityRef}" is not an entity ref; pass the registered capability, e.g. system:default/preview-environments`,
        );
      }

      let teamRef: string | undefined;
      if (ctx.input.teamRef?.trim()) {
        try {
          teamRef = stringifyEntityRef(
            parseEntityRef(ctx.input.teamRef.trim(), {
              defaultKind: 'group',
              defaultNamespace: 'default',
            }),
          );
        } catch {
          throw new InputError(
            `teamRef "${ctx.input.teamRef}" is not a group ref; pass the owning team, e.g. group:default/platform-team`,
          );
        }
      }
      const userRef = ctx.user?.ref;

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would mark need "${needId}" in-mvp with ${capabilityRef} in needs-discovery and record an mvp-launch event in habit-metrics`,
        );
        ctx.output('needStatus', 'in-mvp');
        ctx.output('habitEventRecorded', false);
        return;
      }

      const needStatus = await ctx.checkpoint({
        key: `mvp-launch-need-${needId}`,
        fn: async () => {
          const need = await needs.getNeed(needId);
          if (!need) {
            throw new InputError(
              `Need "${needId}" is not in needs-discovery (any more); the capability ${capabilityRef} is registered, but its need could not be marked in-mvp`,
            );
          }
          if (
            need.status === 'in-mvp' &&
            need.capabilityRef === capabilityRef
          ) {
            return need.status;
          }
          if (need.status !== 'open' && need.status !== 'in-mvp') {
            throw new ConflictError(
              `Need "${needId}" is ${need.status} in needs-discovery since the MVP was scoped; ${capabilityRef} is registered, but a platform owner has to decide about the need`,
            );
          }
          if (need.status === 'in-mvp' && need.capabilityRef) {
            throw new ConflictError(
              `Need "${needId}" went into an MVP with ${need.capabilityRef} since this one was scoped; ${capabilityRef} is registered, but a need has one MVP at a time. Ask the platform owners which one to keep`,
            );
          }
          const updated = await needs.updateNeed(needId, {
            status: 'in-mvp',
            capabilityRef,
          });
          return updated.status;
        },
      });
      ctx.logger.info(
        `Need "${needId}" is ${needStatus} with ${capabilityRef} in needs-discovery`,
      );

      const recorded = await ctx.checkpoint({
        key: `mvp-launch-event-${needId}`,
        fn: async (): Promise<{ recorded: boolean; warning?: string }> => {
          if (!teamRef && !userRef) {
            return {
              recorded: false,
              warning:
                'The launch was not recorded in habit-metrics: it counts activity per team, and this task has neither a teamRef input nor a user who ran it. Pass teamRef (the owning team) to mvp:launch.',
            };
          }
          const result = await habits.recordEvent({
            source: 'scaffolder',
            kind: 'mvp-launch',
            way: 'new',
            capabilityRef,
            // The same on every retry of this task, so habit-metrics counts the launch once.
            idempotencyKey: `mvp-launch:${ctx.task.id}:${needId}`,
            ...(ctx.templateInfo?.entityRef
              ? { templateRef: ctx.templateInfo.entityRef }
              : {}),
            ...(teamRef ? { teamRef } : { userRef }),
          });
          if (result.recorded) return { recorded: true };
          return {
            recorded: false,
            warning: result.installed
              ? `habit-metrics did not record the launch: ${result.reason}. Everything else is done.`
              : 'habit-metrics is not installed in this Backstage, so the launch was not recorded as a habit event; everything else is done. Install @platform-product/plugin-habit-metrics-backend to follow the adoption of this capability.',
          };
        },
      });
      if (recorded.recorded) {
        ctx.logger.info(
          `Recorded the launch of ${capabilityRef} in habit-metrics`,
        );
      } else if (recorded.warning) {
        ctx.logger.warn(recorded.warning);
      }
      if (ctx.input.successMetric?.trim()) {
        ctx.logger.info(
          `MVP launched. Success metric to move: ${ctx.input.successMetric.trim()}`,
        );
      }
      ctx.output('needStatus', needStatus);
      ctx.output('habitEventRecorded', recorded.recorded);
    },
  });
}
