import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  MAX_ENTITY_REF_LENGTH,
  parseRefOfKind,
  textProblem,
} from '@platform-product/common';
import { RegisteredNeed } from '@platform-product/plugin-needs-discovery-common';
import { NeedsDiscoveryService } from '@platform-product/plugin-needs-discovery-node';
import { MvpSettings } from '../config';
import {
  CAPABILITY_REF,
  INPUT_LIMITS,
  needIdProblem,
  NEED_ID_PATTERN,
  positionList,
  quoteList,
  quoteValue,
  redactingLogger,
  textListProblems,
  withSecretsRedacted,
} from './inputRules';

const TOP_SHARED_NEEDS = 3;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `a (Title), b (Title)`: the open shared needs with the best scores, the ones worth an MVP. */
export function topSharedNeeds(
  needs: RegisteredNeed[],
  excludeId?: string,
): string | undefined {
  const top = needs
    .filter(n => n.shared && n.status === 'open' && n.id !== excludeId)
    .sort(
      (a, b) =>
        (b.latestScore ?? -Infinity) - (a.latestScore ?? -Infinity) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, TOP_SHARED_NEEDS);
  return top.length
    ? top.map(n => `${n.id} (${n.title})`).join(', ')
    : undefined;
}

/** today (UTC) + n weeks, as YYYY-MM-DD. */
export function reviewDateFrom(now: Date, weeks: number): string {
  const date = new Date(
    Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth(),
      now.getUTCDate() + 7 * weeks,
    ),
  );
  return date.toISOString().slice(0, 10);
}

/** The most features a list may hold, in scope and deferred together: the hard cap, or the budget when larger. */
export function maxListedFeatures(maxFeatures: number): number {
  return Math.max(INPUT_LIMITS.maxListItems, maxFeatures);
}

/**
 * The features checked against the budget. Every message is bounded whatever the list: a list over the hard cap is
 * refused with its count alone, bad items are named by position (at most ten), and at most five features are quoted.
 */
export function checkFeatures(
  features: string[],
  maxFeatures: number,
  onOverflow: 'fail' | 'defer',
): { problems: string[]; inScope: string[]; deferred: string[] } {
  const maxItems = maxListedFeatures(maxFeatures);
  if (!Array.isArray(features) || features.length > maxItems) {
    return {
      problems: Array.isArray(features)
        ? [
            `The MVP lists ${features.length} features; at most ${maxItems} can be listed, in scope and deferred together. List up to ${maxFeatures} things it must do for the need, most important first.`,
          ]
        : ['features must be a list of texts.'],
      inScope: [],
      deferred: [],
    };
  }
  const problems: string[] = [];
  // Blank items are said apart, with the words of the MVP; any other bad text (control characters, too long) by
  // the shared text rule.
  const empty = features.flatMap((f, i) =>
    typeof f === 'string' && f.trim() === '' ? [i + 1] : [],
  );
  if (empty.length === 1) {
    problems.push(`Feature ${empty[0]} is empty; remove it or name it.`);
  } else if (empty.length > 1) {
    problems.push(
      `Features ${positionList(empty)} are empty; remove them or name them.`,
    );
  }
  problems.push(
    ...textListProblems(
      features.map(f => (typeof f === 'string' && f.trim() === '' ? 'x' : f)),
      'features',
      { maxItems, maxLength: INPUT_LIMITS.featureMaxLength },
    ),
  );
  const named = features
    .filter((f): f is string => typeof f === 'string')
    .map(f => f.trim())
    .filter(Boolean);
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const feature of named) {
    const key = feature.toLocaleLowerCase('en-US');
    if (seen.has(key) && !repeated.includes(feature)) repeated.push(feature);
    seen.add(key);
  }
  if (repeated.length) {
    problems.push(
      `${
        repeated.length === 1 ? 'This feature is' : 'These features are'
      } listed more than once: ${quoteList(repeated)}. List each feature once.`,
    );
  }
  if (features.length === 0) {
    problems.push(
      `The MVP has no features. List up to ${maxFeatures} things it must do for the need, most important first.`,
    );
  }
  if (named.length > maxFeatures && onOverflow === 'fail') {
    const over = named.slice(maxFeatures);
    problems.push(
      `The MVP has ${
        named.length
      } features but the budget is ${maxFeatures}. Cut or defer: ${quoteList(
        over,
      )} (the last ${over.length === 1 ? 'one' : over.length} in your list).`,
    );
  }
  return {
    problems,
    inScope: named.slice(0, maxFeatures),
    deferred: named.slice(maxFeatures),
  };
}

/** `Title (kind:namespace/name)`, or the ref alone when needs-discovery has no title for the capability. */
function capabilityName(need: RegisteredNeed): string | undefined {
  if (!need.capabilityRef) return undefined;
  return need.capabilityTitle
    ? `${need.capabilityTitle} (${need.capabilityRef})`
    : need.capabilityRef;
}

const SECOND_MVP_HINT =
  'to start a second MVP for it on purpose, set secondMvp: true and say why in secondMvpReason';

/** The need is already served or in another capability's MVP: mvp:scope refuses it unless secondMvp says so. */
interface TakenNeed {
  status: 'served' | 'in-mvp';
  /** The capability serving it or having it in its MVP, as `Title (ref)`; undefined when none is recorded. */
  capability?: string;
}

/** Whether the need is served or in another capability's MVP. */
function takenNeed(
  need: RegisteredNeed,
  capabilityRef: string | undefined,
): TakenNeed | undefined {
  const capability = capabilityName(need);
  if (need.status === 'served') {
    return { status: 'served', ...(capability ? { capability } : {}) };
  }
  const sameCapability =
    capabilityRef !== undefined &&
    need.capabilityRef?.toLocaleLowerCase('en-US') ===
      capabilityRef.toLocaleLowerCase('en-US');
  if (need.status === 'in-mvp' && !sameCapability) {
    return { status: 'in-mvp', ...(capability ? { capability } : {}) };
  }
  return undefined;
}

/** Why this need cannot start an MVP, or undefined when it can. */
function needProblem(
  needId: string,
  need: RegisteredNeed | undefined,
  allNeeds: () => Promise<RegisteredNeed[]>,
  settings: MvpSettings,
  taken: TakenNeed | undefined,
  secondMvp: boolean,
): Promise<string | undefined> | string | undefined {
  if (!need) {
    return allNeeds().then(needs => {
      const top = topSharedNeeds(needs);
      return top
        ? `Need "${needId}" is not in needs-discovery. Known shared needs: ${top}; or pick one in the survey results.`
        : `Need "${needId}" is not in needs-discovery, and no need is shared yet: run a needs-discovery survey and pick a shared need from its results.`;
    });
  }
  const name = `Need "${need.id}" (${need.title})`;
  if (need.status === 'declined') {
    return `${name} was declined in needs-discovery; a platform owner has to reopen it before an MVP can start.`;
  }
  if (taken?.status === 'served' && !secondMvp) {
    return taken.capability
      ? `${name} is already served by ${taken.capability}; improve that capability instead of starting an MVP, or, ${SECOND_MVP_HINT}.`
      : `${name} is already marked served in needs-discovery; improve the capability that serves it instead of starting an MVP, or, ${SECOND_MVP_HINT}.`;
  }
  if (taken?.status === 'in-mvp' && !secondMvp) {
    return taken.capability
      ? `${name} is already in an MVP: ${taken.capability} serves it. Join that MVP or pick another need; ${SECOND_MVP_HINT}.`
      : `${name} is already in an MVP (needs-discovery records no capability for it). Ask the platform owners which one, or pick another need; ${SECOND_MVP_HINT}.`;
  }
  if (settings.requireSharedNeed && !need.shared) {
    return allNeeds().then(needs => {
      const top = topSharedNeeds(needs, need.id);
      return `Need "${
        need.id
      }" is not shared by several teams (reported by ${plural(
        need.teams,
        'team',
      )}); an MVP should serve a shared need. ${
        top
          ? `Top shared needs: ${top}.`
          : 'No need is shared yet: run a needs-discovery survey first.'
      }`;
    });
  }
  return undefined;
}

/**
 * `mvp:scope`: checks that a new capability starts from one shared, surveyed need with a capped feature list, one
 * success metric and a time-box, and computes its review date. Reads only, so a dry run does the same checks.
 *
 * @public
 */
export function createMvpScopeAction(options: {
  /** needs-discovery (`needsDiscoveryServiceRef`). */
  needs: NeedsDiscoveryService;
  settings: MvpSettings;
  /** The clock; tests fix it. */
  now?: () => Date;
}) {
  const { needs, settings } = options;
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: 'mvp:scope',
    description: `Scopes a new platform capability as an MVP: one shared need from needs-discovery, at most ${settings.maxFeatures} features, one success metric and a time-box of 1 to ${settings.maxTimeboxWeeks} weeks. Refuses a need that a capability already serves or has in its MVP (needs-discovery derives that from the catalog and mvp:launch), naming the capability, unless secondMvp is true with a secondMvpReason. Fails with what to change when the scope is not an MVP; outputs the features in scope, the deferred ones and the review date.`,
    examples: [
      {
        description: 'Scope an MVP for the need picked in the form',
        example: [
          'steps:',
          '  - id: scope',
          '    name: Scope the MVP',
          '    action: mvp:scope',
          '    input:',
          '      need: ${{ parameters.need }}',
          '      features: ${{ parameters.features }}',
          '      successMetric: ${{ parameters.successMetric }}',
          '      timeboxWeeks: ${{ parameters.timeboxWeeks }}',
          '      entityRef: system:default/${{ parameters.name }}',
        ].join('\n'),
      },
      {
        description:
          'Keep the first features within the budget and move the rest to the backlog instead of failing',
        example: [
          'steps:',
          '  - id: scope',
          '    action: mvp:scope',
          '    input:',
          '      need: need-test-environments',
          '      features:',
          '        - Preview environment per pull request',
          '        - Seeded test data',
          '        - Automatic teardown after merge',
          '        - Cost report per team',
          '      successMetric: Pull requests with a preview environment',
          '      timeboxWeeks: 6',
          '      onOverflow: defer',
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
            .describe(
              'Id of the need in needs-discovery, kebab-case, e.g. need-test-environments (the NeedPicker field gives it)',
            ),
        // No per-item schema rule: the scaffolder would report every bad item of a huge list; the handler names
        // bad items by position in one bounded message.
        features: z =>
          z
            .array(z.string())
            .min(1)
            .max(maxListedFeatures(settings.maxFeatures))
            .describe(
              `What the MVP must do, most important first; trimmed, non-empty, one line of at most ${INPUT_LIMITS.featureMaxLength} characters each, and unique`,
            ),
        successMetric: z =>
          z
            .string()
            .min(1)
            .max(INPUT_LIMITS.successMetricMaxLength)
            .describe('The one metric the MVP must move, one line'),
        timeboxWeeks: z =>
          z
            .number()
            .int()
            .min(1)
            .max(settings.maxTimeboxWeeks)
            .describe(
              `Weeks until the keep-or-kill review, a whole number from 1 to mvp.maxTimeboxWeeks (${settings.maxTimeboxWeeks} here)`,
            ),
        onOverflow: z =>
          z
            .enum(['fail', 'defer'])
            .optional()
            .describe(
              `With more than mvp.maxFeatures (${settings.maxFeatures} here) features: fail (default) or keep the first ones and defer the rest`,
            ),
        entityRef: z =>
          z
            .string()
            .min(1)
            .max(MAX_ENTITY_REF_LENGTH)
            .optional()
            .describe(
              'The capability this MVP creates, a System or Component, e.g. system:default/preview-environments; a need already in an MVP with this same capability passes (a re-run)',
            ),
        secondMvp: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Default false: a need that a capability already serves, or that is in the MVP of another capability, is refused. true starts a second MVP for it on purpose; then secondMvpReason is required. A declined need stays refused.',
            ),
        secondMvpReason: z =>
          z
            .string()
            .max(INPUT_LIMITS.reasonMaxLength)
            .optional()
            .describe(
              'Required with secondMvp: true: why this need gets a second MVP although another capability serves it or has it in its MVP (logged, and given back in the secondMvp output)',
            ),
      },
      output: {
        features: z =>
          z.array(z.string()).describe('The features in scope, in order'),
        deferred: z =>
          z
            .array(z.string())
            .describe('Features over the budget, for the backlog'),
        reviewDate: z =>
          z
            .string()
            .describe(
              'Keep-or-kill review date (YYYY-MM-DD, UTC): today + the time-box',
            ),
        timeboxWeeks: z => z.number().describe('The time-box in weeks'),
        need: z =>
          z
            .object({
              id: z.string(),
              title: z.string(),
              teams: z
                .number()
                .describe('Teams reporting the need in the latest survey'),
              shared: z.boolean(),
            })
            .describe('The need the MVP serves'),
        secondMvp: z =>
          z
            .object({
              reason: z.string(),
              status: z.enum(['served', 'in-mvp']),
              capabilityRef: z.string().nullable(),
            })
            .optional()
            .describe(
              "Only for a second MVP on purpose (secondMvp: true for a need already served or in an MVP): the reason, the need's status and the capability that already serves it or has it in its MVP",
            ),
      },
    },
    async handler(ctx) {
      const log = redactingLogger(ctx.logger, ctx.secrets);
      await withSecretsRedacted(ctx.secrets, async () => {
        const { input } = ctx;
        const needId: string = input.need;
        const onOverflow = input.onOverflow ?? 'fail';
        const problems: string[] = [];

        let capabilityRef: string | undefined;
        if (input.entityRef !== undefined) {
          const parsed = parseRefOfKind(input.entityRef, CAPABILITY_REF);
          if (parsed.problem !== undefined) {
            problems.push(`entityRef ${parsed.problem}.`);
          } else {
            capabilityRef = parsed.ref;
          }
        }

        const secondMvp = input.secondMvp === true;
        let secondMvpReason = '';
        if (input.secondMvpReason !== undefined) {
          // A reason may span lines; it may be empty only when secondMvp is not true (then it is ignored).
          const problem = textProblem(input.secondMvpReason, {
            maxLength: INPUT_LIMITS.reasonMaxLength,
            multiline: true,
            allowBlank: true,
          });
          if (problem) {
            problems.push(`secondMvpReason ${problem}.`);
          } else {
            secondMvpReason = input.secondMvpReason.trim();
          }
        }
        if (
          secondMvp &&
          !secondMvpReason &&
          !problems.some(p => p.startsWith('secondMvpReason'))
        ) {
          problems.push(
            'secondMvp is true but secondMvpReason is empty: say why this need gets a second MVP, or leave secondMvp false.',
          );
        }

        let need: RegisteredNeed | undefined;
        let taken: TakenNeed | undefined;
        let listed: Promise<RegisteredNeed[]> | undefined;
        const allNeeds = () => (listed ??= needs.listNeeds());
        const needIssue =
          typeof needId === 'string'
            ? needIdProblem(needId)
            : 'must be a need id';
        if (typeof needId === 'string' && needId.trim() === '') {
          const top = topSharedNeeds(await allNeeds());
          problems.push(
            `Pick the need the MVP serves; the need input is empty.${
              top ? ` Top shared needs: ${top}.` : ''
            }`,
          );
        } else if (needIssue) {
          problems.push(`need ${needIssue}.`);
        } else {
          need = await needs.getNeed(needId);
          taken = need ? takenNeed(need, capabilityRef) : undefined;
          const problem = await needProblem(
            needId,
            need,
            allNeeds,
            settings,
            taken,
            secondMvp,
          );
          if (problem) problems.push(problem);
        }

        const scope = checkFeatures(
          input.features,
          settings.maxFeatures,
          onOverflow,
        );
        problems.push(...scope.problems);

        const successMetric =
          typeof input.successMetric === 'string'
            ? input.successMetric.trim()
            : '';
        const metricIssue =
          typeof input.successMetric === 'string'
            ? textProblem(input.successMetric, {
                maxLength: INPUT_LIMITS.successMetricMaxLength,
                allowBlank: true,
              })
            : 'must be a text';
        if (metricIssue) {
          problems.push(`successMetric ${metricIssue}.`);
        } else if (!successMetric) {
          problems.push(
            'The success metric is empty. Name the one metric the MVP must move, e.g. "teams deploying a preview environment per pull request".',
          );
        }

        const weeks = input.timeboxWeeks;
        if (
          !Number.isInteger(weeks) ||
          weeks < 1 ||
          weeks > settings.maxTimeboxWeeks
        ) {
          problems.push(
            `The time-box is ${
              typeof weeks === 'number' ? weeks : quoteValue(String(weeks))
            } weeks; it must be a whole number of weeks from 1 to ${
              settings.maxTimeboxWeeks
            }. Cut scope rather than stretch the time-box.`,
          );
        }

        if (problems.length === 1) throw new InputError(problems[0]);
        if (problems.length > 1) {
          throw new InputError(
            `The MVP scope has ${problems.length} problems:\n${problems
              .map(p => `- ${p}`)
              .join('\n')}`,
          );
        }

        const reviewDate = reviewDateFrom(now(), weeks);
        const { inScope, deferred } = scope;
        log.info(
          `MVP for need "${need!.id}" (${need!.title}, ${plural(
            need!.teams,
            'team',
          )}): ${plural(inScope.length, 'feature')} in scope${
            deferred.length ? `, deferred ${quoteList(deferred)}` : ''
          }; review on ${reviewDate}`,
        );
        ctx.output('features', inScope);
        ctx.output('deferred', deferred);
        ctx.output('reviewDate', reviewDate);
        ctx.output('timeboxWeeks', weeks);
        ctx.output('need', {
          id: need!.id,
          title: need!.title,
          teams: need!.teams,
          shared: need!.shared,
        });
        if (taken && secondMvp) {
          log.warn(
            `Second MVP on purpose for need "${need!.id}" (${
              need!.title
            }), which ${
              taken.status === 'served'
                ? `${taken.capability ?? 'a capability'} already serves`
                : `${taken.capability ?? 'another capability'} has in its MVP`
            }: ${secondMvpReason}`,
          );
          ctx.output('secondMvp', {
            reason: secondMvpReason,
            status: taken.status,
            capabilityRef: need!.capabilityRef,
          });
        }
      });
    },
  });
}
