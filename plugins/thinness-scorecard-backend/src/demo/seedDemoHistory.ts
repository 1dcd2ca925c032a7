import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CapabilityScore,
  countVerdicts,
  decideVerdict,
  Scorecard,
  ScoreWeights,
  SUBSCORE_IDS,
  utcDay,
  Verdict,
  VerdictRules,
} from '@platform-product/plugin-thinness-scorecard-common';
import { ScorecardStore, StoredSnapshot } from '../database/ScorecardStore';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Twelve weeks of daily history, ending yesterday. */
export const DEMO_HISTORY_DAYS = 84;
/** The demo's newest capability joined the platform six weeks ago. */
export const DEMO_ADDED_DAYS_AGO = 42;
/** The score starts about this much lower and drifts up to today's. */
const DEMO_SCORE_CLIMB = 10;

/** Small deterministic PRNG (mulberry32) seeded from text, so the demo is the same on every machine. */
function random(seedText: string): () => number {
  let seed = 0;
  for (const char of seedText) {
    seed = (Math.imul(seed, 31) + char.charCodeAt(0)) | 0;
  }
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp100 = (value: number) =>
  Math.round(Math.min(100, Math.max(0, value)));

/** The capability the demo pretends was added six weeks ago: an experimental one not yet due for review. */
export function demoAddedCapability(
  capabilities: readonly CapabilityScore[],
): CapabilityScore | undefined {
  const sorted = [...capabilities].sort((a, b) =>
    a.entityRef.localeCompare(b.entityRef, 'en'),
  );
  return (
    sorted.find(
      c =>
        (c.lifecycle ?? '').toLocaleLowerCase('en-US') === 'experimental' &&
        !c.reviewOverdue,
    ) ?? sorted[sorted.length - 1]
  );
}

/**
 * Demo history derived from today's scorecard: each of the last 84 days (ending yesterday) gets a snapshot marked
 * demo. The score climbs from about 10 points lower (every sub-score is lowered by up to 10, with a little
 * deterministic noise, and the score is re-weighted from them); adoption rewinds to about two thirds of today's;
 * one capability is absent before six weeks ago; each capability's verdict that day comes from the real rules
 * applied to its rewound facts on that day (so an MVP review date that passed last month shows as a change).
 */
export function buildDemoHistory(
  scorecard: Scorecard,
  options: { rules: VerdictRules; weights: ScoreWeights; now: Date },
): StoredSnapshot[] {
  const { rules, weights, now } = options;
  // A platform that is not scored has no history to pretend.
  if (scorecard.score === null) return [];
  const todaysScore = scorecard.score;
  const added = demoAddedCapability(scorecard.capabilities);
  const startedAt = new Date(now.getTime() - DEMO_HISTORY_DAYS * DAY_MS);
  const addedAt = new Date(now.getTime() - DEMO_ADDED_DAYS_AGO * DAY_MS);
  const weightSum = SUBSCORE_IDS.reduce(
    (sum, id) => sum + Math.max(0, weights[id]),
    0,
  );
  const snapshots: StoredSnapshot[] = [];
  for (let daysAgo = DEMO_HISTORY_DAYS; daysAgo >= 1; daysAgo--) {
    const day = new Date(now.getTime() - daysAgo * DAY_MS);
    const period = utcDay(day);
    // 0 on the first demo day, 1 yesterday.
    const progress = (DEMO_HISTORY_DAYS - daysAgo) / (DEMO_HISTORY_DAYS - 1);
    const rng = random(`thinness-demo|${period}`);

    const present = scorecard.capabilities.filter(
      c => c !== added || daysAgo <= DEMO_ADDED_DAYS_AGO,
    );
    const capabilityVerdicts: Record<string, Verdict> = {};
    for (const capability of present) {
      const adoptionScale = 0.65 + 0.35 * progress;
      const count = Math.round(capability.consumers.count * adoptionScale);
      const productTeams = capability.consumers.productTeams;
      const { verdict } = decideVerdict(
        {
          ...capability,
          consumers: {
            ...capability.consumers,
            count,
            share: productTeams > 0 ? Math.min(1, count / productTeams) : 0,
          },
          firstSeenAt: (capability === added
            ? addedAt
            : startedAt
          ).toISOString(),
        },
        rules,
        day,
      );
      capabilityVerdicts[capability.entityRef] = verdict;
    }

    const subscores = scorecard.subscores.map(({ id, value }) => ({
      id,
      value: clamp100(
        (value ?? todaysScore) -
          (1 - progress) * DEMO_SCORE_CLIMB +
          (rng() - 0.5) * 4,
      ),
    }));
    const score =
      weightSum > 0
        ? clamp100(
            subscores.reduce(
              (sum, s) => sum + Math.max(0, weights[s.id]) * s.value,
              0,
            ) / weightSum,
          )
        : todaysScore;

    snapshots.push({
      period,
      score,
      subscores,
      verdicts: countVerdicts(
        Object.values(capabilityVerdicts).map(verdict => ({ verdict })),
      ),
      capabilities: present.length,
      adoptingTeams: Math.max(
        present.length > 0 ? 1 : 0,
        Math.round(scorecard.adoptingTeams * (0.7 + 0.3 * progress)),
      ),
      demo: true,
      capabilityVerdicts,
    });
  }
  return snapshots;
}

/**
 * Seeds the demo history once: a no-op when demo snapshots exist or the scorecard has no capabilities yet (the
 * catalog is still ingesting). Never replaces a real snapshot. Returns the number of demo days written.
 */
export async function seedDemoHistory(options: {
  store: ScorecardStore;
  scorecard: Scorecard;
  rules: VerdictRules;
  weights: ScoreWeights;
  logger: LoggerService;
  now?: Date;
}): Promise<number> {
  const { store, scorecard, logger } = options;
  const now = options.now ?? new Date();
  if (scorecard.capabilities.length === 0 || scorecard.score === null) return 0;
  if (await store.hasDemoSnapshots()) return 0;
  // A real history exists already: the demo has nothing to add.
  if (await store.hasSnapshot(utcDay(new Date(now.getTime() - DAY_MS)))) {
    return 0;
  }
  const added = demoAddedCapability(scorecard.capabilities);
  const firstSeen = new Map<string, Date>(
    scorecard.capabilities.map(c => [
      c.entityRef.toLocaleLowerCase('en-US'),
      new Date(
        now.getTime() -
          (c === added ? DEMO_ADDED_DAYS_AGO : DEMO_HISTORY_DAYS) * DAY_MS,
      ),
    ]),
  );
  await store.backdateFirstSeen(firstSeen);
  const written = await store.insertSnapshotsIfAbsent(
    buildDemoHistory(scorecard, { ...options, now }),
    now,
  );
  logger.info(
    `Seeded ${written} days of demo thinness-scorecard history (marked as demo)`,
  );
  return written;
}
