import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  MAX_ENTITY_REF_LENGTH,
  requireRefOfKind,
} from '@platform-product/common';
import { HabitMetricsService } from '@platform-product/plugin-habit-metrics-node';
import { NeedsDiscoveryService } from '@platform-product/plugin-needs-discovery-node';
import {
  ThinnessScorecardNotInstalledError,
  ThinnessScorecardService,
} from '@platform-product/plugin-thinness-scorecard-node';
import {
  CAPABILITY_REF,
  INPUT_LIMITS,
  NEED_ID_PATTERN,
  optionalRef,
  optionalText,
  redactingLogger,
  requireNeedId,
  TEAM_REF,
  withSecretsRedacted,
} from './inputRules';

/**
 * Pauses, in ms, between the scorecard refreshes `mvp:launch` tries while the scorecard does not see the capability
 * with its need yet: the catalog processes a newly registered location a few seconds after the publish step, so the
 * first refresh may come too early. About a minute in all.
 */
const DEFAULT_SCORECARD_RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

/** Another plugin's error message, cut to 300 characters: it goes into a warning of the task log. */
const messageOf = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
};

/** Waits `ms`, or less when the task is cancelled meanwhile. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
}

/**
 * `mvp:launch`: after the capability is registered, marks its need `in-mvp` in needs-discovery, records a launch
 * event in habit-metrics when that plugin is installed, and refreshes the capability on the thinness scorecard when
 * that plugin is installed, so that the scorecard and the capability's cards show it at once rather than after the
 * next daily run. Each side effect runs in a checkpoint, and the first two are idempotent on the other side too, so a
 * retried task changes nothing twice. A dry run only says what it would do.
 *
 * @public
 */
export function createMvpLaunchAction(options: {
  /** needs-discovery (`needsDiscoveryServiceRef`). */
  needs: NeedsDiscoveryService;
  /** habit-metrics (`habitMetricsServiceRef`); its absence is a warning, not a failure. */
  habits: HabitMetricsService;
  /** thinness-scorecard (`thinnessScorecardServiceRef`); its absence, or a failed refresh, is a warning. */
  scorecard: ThinnessScorecardService;
  /**
   * Pauses in ms between refreshes while the scorecard does not see the capability with its need yet (the catalog
   * is still processing the registered `catalog-info.yaml`); default 2, 4, 8, 15 and 30 s, about a minute in all.
   */
  scorecardRetryDelaysMs?: number[];
}) {
  const { needs, habits, scorecard } = options;
  const retryDelaysMs =
    options.scorecardRetryDelaysMs ?? DEFAULT_SCORECARD_RETRY_DELAYS_MS;
  return createTemplateAction({
    id: 'mvp:launch',
    description:
      'After registration: marks the need in-mvp with the capability in needs-discovery, records an mvp-launch event in habit-metrics and refreshes the capability on the thinness scorecard (each of the last two with a warning, and nothing else, when its plugin is not installed). Safe to retry; a dry run makes no calls.',
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
        need: z =>
          z
            .string()
            .max(INPUT_LIMITS.needIdMaxLength)
            .regex(NEED_ID_PATTERN)
            .describe('Need id from needs-discovery, kebab-case'),
        entityRef: z =>
          z
            .string()
            .min(1)
            .max(MAX_ENTITY_REF_LENGTH)
            .describe(
              'The registered capability, a System or Component, e.g. system:default/preview-environments',
            ),
        teamRef: z =>
          z
            .string()
            .min(1)
            .max(MAX_ENTITY_REF_LENGTH)
            .optional()
            .describe(
              "The team the launch counts for in habit-metrics, a group (platform-team means group:default/platform-team), e.g. the capability's owner; by default the teams of the person who runs the template",
            ),
        successMetric: z =>
          z
            .string()
            .min(1)
            .max(INPUT_LIMITS.successMetricMaxLength)
            .optional()
            .describe('The success metric, repeated in the task log'),
        secondMvp: z =>
          z
            .boolean()
            .optional()
            .describe(
              "Pass mvp:scope's secondMvp: true when the need is already served or in another capability's MVP on purpose; the launch is then recorded for this capability too instead of refused. A declined need stays refused.",
            ),
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
        scorecardRefreshed: z =>
          z
            .boolean()
            .describe(
              'Whether the thinness scorecard recomputed the capability with its need (false when thinness-scorecard is not installed, failed, or did not see the capability in the catalog in time, and in a dry run)',
            ),
      },
    },
    async handler(ctx) {
      const log = redactingLogger(ctx.logger, ctx.secrets);
      await withSecretsRedacted(ctx.secrets, async () => {
        // Every input is checked before any call to another plugin.
        const needId = requireNeedId(ctx.input.need, 'need');
        const capabilityRef = requireRefOfKind(
          ctx.input.entityRef,
          'entityRef',
          CAPABILITY_REF,
        );
        const teamRef = optionalRef(ctx.input.teamRef, 'teamRef', TEAM_REF);
        const successMetric = optionalText(
          ctx.input.successMetric,
          'successMetric',
          { maxLength: INPUT_LIMITS.successMetricMaxLength },
        )?.trim();
        const userRef = ctx.user?.ref;

        if (ctx.isDryRun) {
          log.info(
            `Dry run: would mark need "${needId}" in-mvp with ${capabilityRef} in needs-discovery, record an mvp-launch event in habit-metrics and refresh ${capabilityRef} on the thinness scorecard`,
          );
          ctx.output('needStatus', 'in-mvp');
          ctx.output('habitEventRecorded', false);
          ctx.output('scorecardRefreshed', false);
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
            const secondMvp = ctx.input.secondMvp === true;
            if (
              need.status !== 'open' &&
              need.status !== 'in-mvp' &&
              !(secondMvp && need.status === 'served')
            ) {
              throw new ConflictError(
                `Need "${needId}" is ${need.status}${
                  need.capabilityRef ? ` by ${need.capabilityRef}` : ''
                } in needs-discovery; ${capabilityRef} is registered, but a platform owner has to decide about the need${
                  need.status === 'served'
                    ? ' (a second MVP on purpose passes secondMvp: true, as mvp:scope does)'
                    : ''
                }`,
              );
            }
            if (need.status === 'in-mvp' && need.capabilityRef && !secondMvp) {
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
        log.info(
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
          log.info(`Recorded the launch of ${capabilityRef} in habit-metrics`);
        } else if (recorded.warning) {
          log.warn(recorded.warning);
        }

        // Last, so that the scorecard reads the need in-mvp and the launch event. The scorecard is recomputed daily
        // anyway: a failure here is a warning, never a failed task.
        const refreshed = await ctx.checkpoint({
          key: `mvp-launch-scorecard-${needId}`,
          fn: async (): Promise<{
            refreshed: boolean;
            verdict?: string;
            warning?: string;
          }> => {
            try {
              for (let attempt = 0; ; attempt++) {
                const detail = await scorecard.refreshCapability(capabilityRef);
                const seen = detail !== undefined;
                if (seen && detail.capability.need?.id === needId) {
                  return {
                    refreshed: true,
                    verdict: detail.capability.verdict,
                  };
                }
                if (attempt >= retryDelaysMs.length || ctx.signal?.aborted) {
                  return {
                    refreshed: false,
                    warning: seen
                      ? `The thinness scorecard recomputed ${capabilityRef}, but the catalog does not give it the need annotation "${needId}" yet, so the scorecard shows it without that need until its next run (daily) or until someone refreshes the scorecard. Everything else is done.`
                      : `${capabilityRef} is not on the thinness scorecard yet: the catalog has not processed it (or it is not annotated platform-product.io/capability: "true"). Its capability card scores it when opened, and the scorecard lists it after its next run (daily). Everything else is done.`,
                  };
                }
                const delayMs = retryDelaysMs[attempt];
                log.info(
                  `The catalog has not processed ${capabilityRef} with need "${needId}" yet; asking the thinness scorecard again in ${Math.round(
                    delayMs / 1000,
                  )} s`,
                );
                await pause(delayMs, ctx.signal);
              }
            } catch (error) {
              return {
                refreshed: false,
                warning:
                  error instanceof ThinnessScorecardNotInstalledError
                    ? 'thinness-scorecard is not installed in this Backstage, so no scorecard was refreshed; everything else is done. Install @platform-product/plugin-thinness-scorecard-backend to weigh this capability against the rest of the platform.'
                    : `The thinness scorecard could not refresh ${capabilityRef}: ${messageOf(
                        error,
                      )}. It shows the capability after its next run (daily); everything else is done.`,
              };
            }
          },
        });
        if (refreshed.refreshed) {
          log.info(
            `The thinness scorecard shows ${capabilityRef} now${
              refreshed.verdict ? ` (verdict: ${refreshed.verdict})` : ''
            }`,
          );
        } else if (refreshed.warning) {
          log.warn(refreshed.warning);
        }

        if (successMetric) {
          log.info(`MVP launched. Success metric to move: ${successMetric}`);
        }
        ctx.output('needStatus', needStatus);
        ctx.output('habitEventRecorded', recorded.recorded);
        ctx.output('scorecardRefreshed', refreshed.refreshed);
      });
    },
  });
}
