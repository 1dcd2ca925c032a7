import {
  CapabilityFacts,
  CapabilityScore,
  Verdict,
  VerdictRules,
  VERDICTS,
} from './types';

/**
 * The verdict rules of the thinness scorecard.
 *
 * A capability gets exactly one verdict; the first rule that matches wins, in this order:
 *
 * 1. `dispose` — adoption is below `adoptionFloor`, the capability is past its grace period (its lifecycle is not
 *    `experimental`, or the scorecard first saw it more than `graceDays` ago), and no shared need backs it (it names
 *    no need, or needs-discovery says the need is not shared or does not know it).
 * 2. `outsource` — its value class is `commodity`: the platform team builds and runs something the company could buy.
 * 3. `review` — its MVP review date has passed; or its value class is not set; or its need is unknown (no need
 *    annotation, or a need the registry does not know); or it would be disposed but its need cannot be checked
 *    because needs-discovery is not installed.
 * 4. `invest` — differentiating, backed by a shared need, and adopted by at least `investAdoption` of the product
 *    teams or growing in habit-metrics (its trend over the last 12 weeks).
 * 5. `keep` — everything else.
 *
 * Why this order:
 * - `dispose` comes first because a capability nobody uses and nobody needs is pure cost, whatever else is true of
 *   it: outsourcing it would buy something nobody wants, and reviewing or investing in it wastes the time the
 *   verdict is meant to save.
 * - `outsource` comes before `review` because a commodity stays a commodity whatever a review finds; the open
 *   question is buy or build, and the answer is "buy". An overdue review of a commodity is answered by outsourcing.
 * - `review` comes before `invest` so that nobody invests in a capability whose keep-or-kill decision is overdue,
 *   or whose value or need nobody has stated.
 * - `keep` is the default: in use, or still in its grace period, and nothing asks for a change.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `YYYY-MM-DD` of an instant, in UTC.
 *
 * @public
 */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 *
 * @public
 */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A `YYYY-MM-DD` day (or the day part of an ISO timestamp), or null when it is not one.
 *
 * @public
 */
export function parseDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const day = value.trim().slice(0, 10);
  if (!ISO_DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    return null;
  }
  return day;
}

/**
 * True when the MVP review date is before today (UTC): on the day itself the review is due, not overdue.
 *
 * @public
 */
export function isReviewOverdue(
  mvpReviewDate: string | null,
  now: Date,
): boolean {
  const day = parseDay(mvpReviewDate);
  return day !== null && day < utcDay(now);
}

/** Days since the review date (0 or less when not overdue). */
function daysOverdue(mvpReviewDate: string, now: Date): number {
  return daysBetween(new Date(`${mvpReviewDate}T00:00:00Z`), now);
}

/**
 * Past the grace period: not experimental any more, or seen for more than `graceDays`.
 *
 * @public
 */
export function isPastGracePeriod(
  facts: Pick<CapabilityFacts, 'lifecycle' | 'firstSeenAt'>,
  rules: VerdictRules,
  now: Date,
): boolean {
  if ((facts.lifecycle ?? '').toLocaleLowerCase('en-US') !== 'experimental') {
    return true;
  }
  return daysBetween(new Date(facts.firstSeenAt), now) > rules.graceDays;
}

/**
 * Whether an adoption share is low: below `rules.adoptionFloor`. A share exactly at the floor is not low. The share
 * is the capability's `consumers.share` (adopters / product teams, to 4 decimals).
 *
 * @public
 */
export function isLowAdoption(
  share: number,
  rules: Pick<VerdictRules, 'adoptionFloor'>,
): boolean {
  return share < rules.adoptionFloor;
}

/**
 * A share as a whole percentage, e.g. 0.142 → "14%".
 *
 * @public
 */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

function usedBy(facts: CapabilityFacts): string {
  const { count, productTeams, share } = facts.consumers;
  return `Used by ${count} of ${plural(
    productTeams,
    'product team',
  )} (${percent(share)})`;
}

function needName(facts: CapabilityFacts): string {
  const need = facts.need!;
  return need.title ? `"${need.title}" (${need.id})` : need.id;
}

/** The sentence saying what need backs the capability. */
function needSentence(facts: CapabilityFacts): string {
  const need = facts.need;
  if (!need) {
    return 'It names no surveyed need (annotation platform-product.io/need).';
  }
  switch (need.state) {
    case 'shared':
      return `It serves the shared need ${needName(
        facts,
      )}, reported by ${plural(need.teams ?? 0, 'team')} in the latest survey.`;
    case 'not-shared':
      return `Its need ${needName(facts)} is not shared: ${
        need.teams === null
          ? 'too few teams'
          : `only ${plural(need.teams, 'team')}`
      } reported it in the latest survey.`;
    case 'not-found':
      return `Its need ${need.id} is not in the needs registry.`;
    case 'unverified':
    default:
      return `It names the need ${need.id}, but needs-discovery is not installed (or did not answer), so whether the need is shared cannot be checked.`;
  }
}

function trendSentence(facts: CapabilityFacts): string | null {
  const active =
    facts.consumers.activeTeams === null
      ? ''
      : `; ${plural(
          facts.consumers.activeTeams,
          'product team',
        )} active in the last 4 weeks`;
  switch (facts.adoptionTrend) {
    case 'growing':
    case 'shrinking':
    case 'flat':
      return `Adoption is ${facts.adoptionTrend} over the last 12 weeks in habit-metrics${active}.`;
    default:
      return null;
  }
}

/**
 * The verdict and the plain-language reasons for it, most important first.
 *
 * @public
 */
export function decideVerdict(
  facts: CapabilityFacts,
  rules: VerdictRules,
  now: Date,
): { verdict: Verdict; reasons: string[] } {
  const share = facts.consumers.share;
  const floor = percent(rules.adoptionFloor);
  const lowAdoption = isLowAdoption(share, rules);
  const pastGrace = isPastGracePeriod(facts, rules, now);
  const needState = facts.need?.state ?? 'none';
  const sharedNeed = needState === 'shared';
  const knownNotShared =
    needState === 'none' ||
    needState === 'not-shared' ||
    needState === 'not-found';
  const overdue = isReviewOverdue(facts.mvpReviewDate, now);
  const daysSeen = daysBetween(new Date(facts.firstSeenAt), now);
  const experimental =
    (facts.lifecycle ?? '').toLocaleLowerCase('en-US') === 'experimental';

  // The rule compares today's share with the floor and the time since the scorecard first saw the capability: it
  // says nothing about how long adoption has been low, so neither does the sentence.
  const lowAdoptionSentence = () =>
    experimental
      ? `${usedBy(facts)}, below the ${floor} adoption floor, and its ${
          rules.graceDays
        }-day grace period is over (experimental, first seen ${plural(
          Math.max(0, daysSeen),
          'day',
        )} ago).`
      : `${usedBy(
          facts,
        )}, below the ${floor} adoption floor, and it is past its trial (lifecycle ${
          facts.lifecycle ?? 'not set'
        }).`;
  const trend = trendSentence(facts);
  const withTrend = (reasons: string[]) =>
    trend ? [...reasons, trend] : reasons;

  // 1. dispose
  if (lowAdoption && pastGrace && knownNotShared) {
    return {
      verdict: 'dispose',
      reasons: withTrend([
        lowAdoptionSentence(),
        needSentence(facts),
        'Nobody needs it enough to justify running it: plan its retirement with the teams still using it.',
      ]),
    };
  }

  // 2. outsource
  if (facts.valueClass === 'commodity') {
    return {
      verdict: 'outsource',
      reasons: withTrend([
        'It is a commodity capability built and run in-house: a bought or managed service can do the same job.',
        `${usedBy(facts)}.`,
        needSentence(facts),
      ]),
    };
  }

  // 3. review
  const reviewReasons: string[] = [];
  if (overdue) {
    const days = daysOverdue(facts.mvpReviewDate!, now);
    reviewReasons.push(
      `Its MVP review date ${parseDay(facts.mvpReviewDate)} passed ${plural(
        days,
        'day',
      )} ago: decide whether to keep or kill it.`,
    );
  }
  if (facts.valueClass === 'unknown') {
    reviewReasons.push(
      'Its value class is unknown: set platform-product.io/value-class to differentiating or commodity.',
    );
  }
  if (needState === 'none' || needState === 'not-found') {
    reviewReasons.push(needSentence(facts));
  }
  if (lowAdoption && pastGrace && needState === 'unverified') {
    reviewReasons.push(lowAdoptionSentence(), needSentence(facts));
  }
  if (reviewReasons.length > 0) {
    const context = [`${usedBy(facts)}.`];
    if (needState !== 'none' && needState !== 'not-found' && !lowAdoption) {
      context.push(needSentence(facts));
    }
    return {
      verdict: 'review',
      reasons: withTrend([
        ...reviewReasons,
        ...context.filter(r => !reviewReasons.includes(r)),
      ]),
    };
  }

  // 4. invest
  const highAdoption = share >= rules.investAdoption;
  const growing = facts.adoptionTrend === 'growing';
  const investThreshold = percent(rules.investAdoption);
  if (
    facts.valueClass === 'differentiating' &&
    sharedNeed &&
    (highAdoption || growing)
  ) {
    const reasons = [
      highAdoption
        ? `${usedBy(
            facts,
          )}, at or above the ${investThreshold} investment threshold.`
        : `${usedBy(
            facts,
          )}, below the ${investThreshold} investment threshold, but adoption is growing.`,
      `It is differentiating. ${needSentence(facts)}`,
    ];
    if (trend) reasons.push(trend);
    return { verdict: 'invest', reasons };
  }

  // 5. keep
  const reasons: string[] = [];
  if (lowAdoption && !pastGrace) {
    reasons.push(
      `${usedBy(facts)}, below the ${floor} adoption floor, but still in its ${
        rules.graceDays
      }-day grace period (experimental, first seen ${plural(
        Math.max(0, daysSeen),
        'day',
      )} ago).`,
    );
  } else if (lowAdoption) {
    reasons.push(
      `${usedBy(
        facts,
      )}, below the ${floor} adoption floor, but a shared need backs it.`,
    );
  } else if (
    facts.valueClass === 'differentiating' &&
    sharedNeed &&
    !highAdoption
  ) {
    reasons.push(
      `${usedBy(
        facts,
      )}: at or above the ${floor} adoption floor, below the ${investThreshold} investment threshold and not growing.`,
    );
  } else {
    reasons.push(`${usedBy(facts)}, at or above the ${floor} adoption floor.`);
  }
  reasons.push(needSentence(facts));
  if (trend) reasons.push(trend);
  return { verdict: 'keep', reasons };
}

/**
 * The scorecard entry of one capability: its facts, verdict and reasons.
 *
 * @public
 */
export function scoreCapability(
  facts: CapabilityFacts,
  rules: VerdictRules,
  now: Date,
): CapabilityScore {
  const { verdict, reasons } = decideVerdict(facts, rules, now);
  return {
    entityRef: facts.entityRef,
    title: facts.title,
    owner: facts.owner,
    consumers: facts.consumers,
    need: facts.need,
    valueClass: facts.valueClass,
    surface: facts.surface,
    verdict,
    reasons,
    lifecycle: facts.lifecycle,
    mvpReviewDate: parseDay(facts.mvpReviewDate),
    reviewOverdue: isReviewOverdue(facts.mvpReviewDate, now),
    adoptionTrend: facts.adoptionTrend,
    firstSeenAt: facts.firstSeenAt,
    sources: facts.sources,
  };
}

/**
 * Capabilities per verdict (every verdict present, zero when none).
 *
 * @public
 */
export function countVerdicts(
  capabilities: readonly { verdict: Verdict }[],
): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map(v => [v, 0])) as Record<
    Verdict,
    number
  >;
  for (const capability of capabilities) counts[capability.verdict] += 1;
  return counts;
}

/**
 * Sorts by verdict precedence (dispose first), then title.
 *
 * @public
 */
export function compareCapabilities(
  a: { verdict: Verdict; title: string; entityRef: string },
  b: { verdict: Verdict; title: string; entityRef: string },
): number {
  return (
    VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict) ||
    a.title.localeCompare(b.title, 'en') ||
    a.entityRef.localeCompare(b.entityRef, 'en')
  );
}
