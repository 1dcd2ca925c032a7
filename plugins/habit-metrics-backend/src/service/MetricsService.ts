import {
  addWeeks,
  adoption,
  Adoption,
  CapabilityHabits,
  cohortRetention,
  EVENT_KINDS,
  goldenPathShare,
  GoldenPathShare,
  Retention,
  reversions,
  Reversions,
  stickiness,
  StickinessWeek,
  summariseCapability,
  summariseTeam,
  TeamHabits,
  timeToHabit,
  TimeToHabit,
  WeekStart,
  weekStartOf,
} from '@platform-product/plugin-habit-metrics-common';
import { HabitStore } from '../database/HabitStore';
import { CapabilityIndex } from './CapabilityIndex';
import { TeamResolver } from './TeamResolver';

export interface WeekRange {
  from: WeekStart;
  to: WeekStart;
}

/** Streaks before a range are looked for this far back: longer ones are reported as this long. */
const REVERSION_LOOKBACK_WEEKS = 156;

/**
 * Loads weekly team activity from the store (grouped in SQL) and turns it into the metrics of habit-metrics-common.
 * Every figure is per team or over teams: nothing here knows about people.
 */
export class MetricsService {
  constructor(
    private readonly options: {
      store: HabitStore;
      teams: TeamResolver;
      capabilities: CapabilityIndex;
      habitWeeks: number;
      reversionStreakWeeks: number;
    },
  ) {}

  /** The current week: the last one with data. */
  asOf(now = new Date()): WeekStart {
    return weekStartOf(now);
  }

  async goldenPath(
    range: WeekRange & { teamRef?: string },
  ): Promise<GoldenPathShare> {
    const activity = await this.options.store.weeklyActivity({
      from: range.from,
      to: range.to,
      kinds: [EVENT_KINDS.componentCreated],
    });
    return goldenPathShare(activity, range);
  }

  async adoption(
    range: WeekRange & { capabilityRef?: string; templateRef?: string },
  ): Promise<Adoption> {
    const [activity, totalTeams] = await Promise.all([
      this.options.store.weeklyActivity({
        to: range.to,
        capabilityRef: range.capabilityRef,
        templateRef: range.templateRef,
      }),
      this.options.teams.totalTeams(),
    ]);
    return adoption(activity, { ...range, totalTeams });
  }

  /** Adoption of every capability of the catalog and every capability named by recorded activity. */
  async adoptionOfAll(range: WeekRange): Promise<Adoption[]> {
    const { store, teams, capabilities } = this.options;
    const [activity, totalTeams, known, recorded] = await Promise.all([
      store.weeklyActivity({ to: range.to }),
      teams.totalTeams(),
      capabilities.capabilities(),
      store.capabilityRefsWithActivity(),
    ]);
    return [...new Set([...known, ...recorded])]
      .sort()
      .map(capabilityRef =>
        adoption(activity, { ...range, capabilityRef, totalTeams }),
      );
  }

  async retention(options: {
    capabilityRef?: string;
    weeks: number;
    now?: Date;
  }): Promise<Retention> {
    const asOf = this.asOf(options.now);
    const activity = await this.options.store.weeklyActivity({
      to: asOf,
      capabilityRef: options.capabilityRef,
    });
    return cohortRetention(activity, {
      capabilityRef: options.capabilityRef ?? null,
      weeks: options.weeks,
      asOf,
    });
  }

  async stickiness(
    range: WeekRange & { capabilityRef?: string },
  ): Promise<{ capabilityRef: string | null; weeks: StickinessWeek[] }> {
    const activity = await this.options.store.weeklyActivity({
      // The window of the first week reaches back before `from`.
      from: addWeeks(range.from, -3),
      to: range.to,
      capabilityRef: range.capabilityRef,
    });
    return {
      capabilityRef: range.capabilityRef ?? null,
      weeks: stickiness(activity, range),
    };
  }

  async reversions(
    range: WeekRange & { minStreakWeeks?: number },
  ): Promise<Reversions> {
    const activity = await this.options.store.weeklyActivity({
      from: addWeeks(range.from, -REVERSION_LOOKBACK_WEEKS),
      to: range.to,
    });
    return reversions(activity, {
      ...range,
      minStreakWeeks: range.minStreakWeeks ?? this.options.reversionStreakWeeks,
    });
  }

  async timeToHabit(options: { habitWeeks?: number }): Promise<TimeToHabit> {
    const { store, capabilities } = this.options;
    const [activity, known] = await Promise.all([
      store.weeklyActivity(),
      capabilities.capabilities(),
    ]);
    const recorded = new Set(
      activity.flatMap(row => (row.capabilityRef ? [row.capabilityRef] : [])),
    );
    return timeToHabit(activity, {
      habitWeeks: options.habitWeeks ?? this.options.habitWeeks,
      capabilityRefs: [...new Set([...known, ...recorded])].sort(),
    });
  }

  /** A team's habits; undefined when the group is neither in the catalog nor in the data. */
  async team(
    teamRef: string,
    range: WeekRange,
  ): Promise<TeamHabits | undefined> {
    const activity = await this.options.store.weeklyActivity({
      from: addWeeks(range.from, -REVERSION_LOOKBACK_WEEKS),
      to: range.to,
      teamRef,
    });
    if (
      activity.length === 0 &&
      !(await this.options.teams.groupExists(teamRef))
    ) {
      return undefined;
    }
    return summariseTeam(activity, teamRef, {
      ...range,
      minStreakWeeks: this.options.reversionStreakWeeks,
    });
  }

  /** A capability's habits; undefined when it is neither a capability in the catalog nor in the data. */
  async capability(
    capabilityRef: string,
    range: WeekRange,
    now = new Date(),
  ): Promise<CapabilityHabits | undefined> {
    const [activity, totalTeams, known] = await Promise.all([
      this.options.store.weeklyActivity({ capabilityRef }),
      this.options.teams.totalTeams(),
      this.options.capabilities.isCapability(capabilityRef),
    ]);
    if (activity.length === 0 && !known) return undefined;
    return summariseCapability(activity, capabilityRef, {
      ...range,
      totalTeams,
      asOf: this.asOf(now),
      habitWeeks: this.options.habitWeeks,
    });
  }
}
