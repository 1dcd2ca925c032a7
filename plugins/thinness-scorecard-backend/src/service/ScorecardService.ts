import { LoggerService } from '@backstage/backend-plugin-api';
import { HabitMetricsService } from '@platform-product/plugin-habit-metrics-node';
import {
  assembleScorecard,
  CapabilityDetail,
  CapabilityFacts,
  CapabilityScore,
  GROWTH_WINDOW_DAYS,
  Scorecard,
  ScorecardHistoryPoint,
  scoreCapability,
  toHistoryPoint,
  utcDay,
} from '@platform-product/plugin-thinness-scorecard-common';
import { ScorecardStore, StoredSnapshot } from '../database/ScorecardStore';
import { ThinnessScorecardSettings } from '../settings';
import {
  CapabilityFactsCollector,
  CollectedCapability,
  readCapabilityHabits,
  scorecardWeeks,
} from './CapabilityFactsCollector';
import { ReviewNotifier } from './ReviewNotifier';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A scorecard without capabilities is recomputed on read after this long. */
const EMPTY_RETRY_MS = 60_000;
/** Days of verdict history shown for one capability. */
export const CAPABILITY_HISTORY_DAYS = 90;

const daysBefore = (now: Date, days: number) =>
  utcDay(new Date(now.getTime() - days * DAY_MS));

/** The snapshot of a scored scorecard; `null` when it is not scored (no capabilities): such a day is not recorded. */
export function snapshotOf(
  scorecard: Scorecard,
  period: string,
  demo = false,
): StoredSnapshot | null {
  const point = toHistoryPoint(scorecard, period, demo);
  if (!point) return null;
  return {
    ...point,
    capabilityVerdicts: Object.fromEntries(
      scorecard.capabilities.map(c => [c.entityRef, c.verdict]),
    ),
  };
}

/**
 * Computes, stores and serves the scorecard. Routers and the scheduler call it; the maths is in -common.
 */
export class ScorecardService {
  private running: Promise<Scorecard> | undefined;

  constructor(
    private readonly options: {
      store: ScorecardStore;
      collector: CapabilityFactsCollector;
      notifier: ReviewNotifier;
      habitMetrics: HabitMetricsService;
      settings: Pick<
        ThinnessScorecardSettings,
        'rules' | 'weights' | 'surfacePerTeamTarget' | 'notifyOverdueReviews'
      >;
      logger: LoggerService;
    },
  ) {}

  private async withFirstSeen(
    collected: CollectedCapability[],
    now: Date,
  ): Promise<CapabilityFacts[]> {
    const firstSeen = await this.options.store.recordFirstSeen(
      collected.map(c => c.entityRef.toLocaleLowerCase('en-US')),
      now,
    );
    return collected.map(c => ({
      ...c,
      firstSeenAt:
        firstSeen.get(c.entityRef.toLocaleLowerCase('en-US')) ??
        now.toISOString(),
    }));
  }

  private async growthHistory(now: Date) {
    return this.options.store.listSnapshots({
      fromPeriod: daysBefore(now, GROWTH_WINDOW_DAYS),
      toPeriod: daysBefore(now, 1),
    });
  }

  /** Recomputes the whole scorecard from the catalog and saves it as the latest. One at a time per instance. */
  async recompute(now: Date = new Date()): Promise<Scorecard> {
    if (!this.running) {
      this.running = this.doRecompute(now).finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async doRecompute(now: Date): Promise<Scorecard> {
    const { collector, store, settings, logger } = this.options;
    const started = Date.now();
    const collected = await collector.collect();
    const facts = await this.withFirstSeen(collected.capabilities, now);
    const scorecard = assembleScorecard(
      facts.map(f => scoreCapability(f, settings.rules, now)),
      {
        rules: settings.rules,
        weights: settings.weights,
        surfacePerTeamTarget: settings.surfacePerTeamTarget,
        productTeams: collected.productTeams,
        sources: collected.sources,
        history: await this.growthHistory(now),
        now,
      },
    );
    await store.saveLatest(scorecard);
    logger.info(
      `Thinness scorecard computed in ${Date.now() - started} ms: ${
        scorecard.score === null ? 'not scored' : `score ${scorecard.score}`
      }, ${scorecard.capabilities.length} capabilities, ${
        scorecard.productTeams
      } product teams`,
    );
    return scorecard;
  }

  /**
   * The latest scorecard; computed now when there is none yet, or when the last one found no capabilities a
   * minute or more ago (on a first start the catalog may still have been ingesting).
   */
  async getScorecard(now: Date = new Date()): Promise<Scorecard> {
    const latest = await this.options.store.getLatest();
    if (
      latest &&
      // Stored before scorecards said why they were not scored: an empty one is recomputed.
      (latest.notScored !== undefined || latest.capabilities.length > 0) &&
      // Stored before rows said where their adopters come from: recomputed with habit-metrics' figures.
      latest.capabilities.every(c => c.consumers?.source !== undefined) &&
      (latest.capabilities.length > 0 ||
        now.getTime() - Date.parse(latest.computedAt) < EMPTY_RETRY_MS)
    ) {
      return { ...latest, notScored: latest.notScored ?? null };
    }
    return this.recompute(now);
  }

  /**
   * Recomputes one capability (its parts, consumers, need and adoption) and puts it into the latest scorecard,
   * whose score is recomputed from the stored facts of the others. Undefined when the entity is not a capability.
   */
  async refreshCapability(
    entityRef: string,
    now: Date = new Date(),
  ): Promise<
    { capability: CapabilityScore; scorecard: Scorecard } | undefined
  > {
    const { collector, store, settings } = this.options;
    const collected = await collector.collect({ only: entityRef });
    const [facts] = await this.withFirstSeen(collected.capabilities, now);
    if (!facts) return undefined;
    const capability = scoreCapability(facts, settings.rules, now);
    const latest = await store.getLatest();
    const others = (latest?.capabilities ?? []).filter(
      c =>
        c.entityRef.toLocaleLowerCase('en-US') !==
        capability.entityRef.toLocaleLowerCase('en-US'),
    );
    const scorecard = assembleScorecard([...others, capability], {
      rules: settings.rules,
      weights: settings.weights,
      surfacePerTeamTarget: settings.surfacePerTeamTarget,
      productTeams: collected.productTeams,
      sources: collected.sources,
      history: await this.growthHistory(now),
      now,
    });
    if (latest) {
      // If a full recompute finished meanwhile, it already holds this capability's fresh facts: keep it.
      await store.replaceLatestIf(scorecard, latest.computedAt);
    } else {
      await store.saveLatest(scorecard);
    }
    return { capability, scorecard };
  }

  /**
   * The scheduled job: recompute the latest scorecard (so its figures follow habit-metrics and the catalog within one
   * schedule period), then, unless today (UTC) already has a snapshot, snapshot it (one row per day even when
   * replicas race) and notify owners of overdue reviews.
   */
  async runDaily(now: Date = new Date()): Promise<{
    scorecard: Scorecard | undefined;
    snapshotted: boolean;
  }> {
    const { store, notifier, settings } = this.options;
    const period = utcDay(now);
    const scorecard = await this.recompute(now);
    if (await store.hasSnapshot(period)) {
      return { scorecard, snapshotted: false };
    }
    const snapshot = snapshotOf(scorecard, period);
    if (!snapshot) {
      // No capabilities (yet, or the catalog is still ingesting): nothing is scored, so the day is not recorded
      // rather than recorded as a score nobody earned. The next run tries again.
      return { scorecard, snapshotted: false };
    }
    const snapshotted = await store.insertSnapshot(snapshot, now);
    if (settings.notifyOverdueReviews) {
      await notifier.notifyOverdueReviews(scorecard, now);
    }
    return { scorecard, snapshotted };
  }

  /** Snapshots of the last `days` days (today included), oldest first. */
  async history(
    days: number,
    now: Date = new Date(),
  ): Promise<ScorecardHistoryPoint[]> {
    const snapshots = await this.options.store.listSnapshots({
      fromPeriod: daysBefore(now, days - 1),
    });
    return snapshots.map(({ capabilityVerdicts: _, ...point }) => point);
  }

  /**
   * One capability from the latest scorecard (or refreshed now, or scored now when the latest scorecard predates
   * it), with its verdict history and adoption weeks. Undefined when the entity is not a capability.
   */
  async capabilityDetail(
    entityRef: string,
    options: { refresh?: boolean; now?: Date } = {},
  ): Promise<CapabilityDetail | undefined> {
    const now = options.now ?? new Date();
    let capability: CapabilityScore | undefined;
    let computedAt: string;
    if (options.refresh) {
      const refreshed = await this.refreshCapability(entityRef, now);
      if (!refreshed) return undefined;
      capability = refreshed.capability;
      computedAt = refreshed.scorecard.computedAt;
    } else {
      const scorecard = await this.getScorecard();
      const key = entityRef.toLocaleLowerCase('en-US');
      capability = scorecard.capabilities.find(
        c => c.entityRef.toLocaleLowerCase('en-US') === key,
      );
      computedAt = scorecard.computedAt;
      if (!capability) {
        // Annotated since the last recompute? Then it is scored now (a few small catalog requests) rather than
        // answered 404 until the next run; an entity that is no capability is still undefined.
        const added = await this.refreshCapability(entityRef, now);
        if (!added) return undefined;
        capability = added.capability;
        computedAt = added.scorecard.computedAt;
      }
    }
    const verdictHistory = await this.options.store.listCapabilityVerdicts(
      capability.entityRef,
      daysBefore(now, CAPABILITY_HISTORY_DAYS - 1),
    );
    let adoption: CapabilityDetail['adoption'] = null;
    if (capability.sources.habitMetrics) {
      const habit = await readCapabilityHabits(
        this.options.habitMetrics,
        capability.entityRef,
      );
      adoption = { weeks: scorecardWeeks(habit?.adoption?.weeks) };
    }
    return { capability, verdictHistory, adoption, computedAt };
  }
}
