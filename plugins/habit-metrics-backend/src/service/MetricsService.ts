import {
  activityOfTeams,
  addWeeks,
  adoption,
  Adoption,
  CapabilityHabits,
  cohortRetention,
  EVENT_KINDS,
  GOLDEN_PATH_ROLLING_WEEKS,
  goldenPathShare,
  GoldenPathShare,
  HabitsSummary,
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
  Way,
  WeeklyActivity,
  WeekStart,
  weekStartOf,
} from '@platform-product/plugin-habit-metrics-common';
import {
  ActivityFilter,
  ActivityShape,
  HabitStore,
} from '../database/HabitStore';
import { CapabilityIndex } from './CapabilityIndex';
import { TeamResolver } from './TeamResolver';

export interface WeekRange {
  from: WeekStart;
  to: WeekStart;
}

/** The rows "active" reads (habit-metrics-common): new way, not the catalog baseline. */
const ACTIVE: Pick<ActivityFilter, 'way' | 'excludeKinds'> = {
  way: 'new',
  excludeKinds: [EVENT_KINDS.componentBaseline],
};

/** For metrics that only ask whether a team was active (count > 0): unsorted, one row per group, count 1. */
const WHETHER_ACTIVE: ActivityShape = { sorted: false, counts: false };

/** Streaks before a range are looked for this far back: longer ones are reported as this long. */
const REVERSION_LOOKBACK_WEEKS = 156;

/** The product teams' rows (all rows when the product teams are unknown) and their number. */
interface ProductActivity {
  activity: WeeklyActivity[];
  totalTeams: number | null;
}

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

  /**
   * Activity loaded by `load`, narrowed to the product teams: every figure that counts a capability's teams
   * (adoption, retention, stickiness, time to habit) counts product teams only, so "N of M product teams" counts the
   * same teams on both sides. When the catalog cannot be read, every team counts and M is unknown (null).
   */
  private async ofProductTeams(
    load: Promise<WeeklyActivity[]>,
  ): Promise<ProductActivity> {
    const [activity, teams] = await Promise.all([
      load,
      this.options.teams.productTeams(),
    ]);
    return teams === null
      ? { activity, totalTeams: null }
      : {
          activity: activityOfTeams(activity, teams),
          totalTeams: teams.length,
        };
  }

  /** What is recorded so far and what the catalog holds: tells a fresh install from a quiet range. */
  async summary(): Promise<HabitsSummary> {
    const { store, teams, capabilities } = this.options;
    const [span, known, totalTeams] = await Promise.all([
      store.activitySpan(),
      capabilities.capabilities(),
      teams.totalTeams(),
    ]);
    return {
      hasActivity: span !== undefined,
      firstWeek: span?.firstWeek ?? null,
      lastWeek: span?.lastWeek ?? null,
      capabilities: known.length,
      teams: totalTeams,
    };
  }

  /** The current week: the last one with data. */
  asOf(now = new Date()): WeekStart {
    return weekStartOf(now);
  }

  async goldenPath(
    range: WeekRange & { teamRef?: string },
  ): Promise<GoldenPathShare> {
    const activity = await this.options.store.weeklyActivity(
      {
        // The rolling share of the range's first week reaches back 3 weeks.
        from: addWeeks(range.from, -(GOLDEN_PATH_ROLLING_WEEKS - 1)),
        to: range.to,
        kinds: [EVENT_KINDS.componentCreated],
      },
      { by: ['way'], sorted: false },
    );
    return goldenPathShare(activity, range);
  }

  async adoption(
    range: WeekRange & { capabilityRef?: string; templateRef?: string },
  ): Promise<Adoption> {
    const { activity, totalTeams } = await this.ofProductTeams(
      this.options.store.weeklyActivity(
        {
          to: range.to,
          capabilityRef: range.capabilityRef,
          templateRef: range.templateRef,
          ...ACTIVE,
        },
        // Adoption of a template counts some kinds only; of a capability, any.
        { by: range.templateRef ? ['kind'] : [], ...WHETHER_ACTIVE },
      ),
    );
    return adoption(activity, { ...range, totalTeams });
  }

  /** Adoption of every capability of the catalog and every capability named by recorded activity. */
  async adoptionOfAll(range: WeekRange): Promise<Adoption[]> {
    const { store, capabilities } = this.options;
    const [{ activity, totalTeams }, known, recorded] = await Promise.all([
      this.ofProductTeams(
        store.weeklyActivity(
          { to: range.to, withCapability: true, ...ACTIVE },
          { by: ['capabilityRef'], ...WHETHER_ACTIVE },
        ),
      ),
      capabilities.capabilities(),
      store.capabilityRefsWithActivity(),
    ]);
    // Each capability reads its own rows: one pass over all of them, not one per capability.
    const byCapability = new Map<string, WeeklyActivity[]>();
    for (const row of activity) {
      const rows = byCapability.get(row.capabilityRef!);
      if (rows) rows.push(row);
      else byCapability.set(row.capabilityRef!, [row]);
    }
    return [...new Set([...known, ...recorded])].sort().map(capabilityRef =>
      adoption(byCapability.get(capabilityRef) ?? [], {
        ...range,
        capabilityRef,
        totalTeams,
      }),
    );
  }

  async retention(options: {
    capabilityRef?: string;
    weeks: number;
    now?: Date;
  }): Promise<Retention> {
    const asOf = this.asOf(options.now);
    const { activity } = await this.ofProductTeams(
      this.options.store.weeklyActivity(
        { to: asOf, capabilityRef: options.capabilityRef, ...ACTIVE },
        { by: [], ...WHETHER_ACTIVE },
      ),
    );
    return cohortRetention(activity, {
      capabilityRef: options.capabilityRef ?? null,
      weeks: options.weeks,
      asOf,
    });
  }

  async stickiness(
    range: WeekRange & { capabilityRef?: string },
  ): Promise<{ capabilityRef: string | null; weeks: StickinessWeek[] }> {
    const { activity } = await this.ofProductTeams(
      this.options.store.weeklyActivity(
        {
          // The window of the first week reaches back before `from`.
          from: addWeeks(range.from, -3),
          to: range.to,
          capabilityRef: range.capabilityRef,
          ...ACTIVE,
        },
        { by: [], ...WHETHER_ACTIVE },
      ),
    );
    return {
      capabilityRef: range.capabilityRef ?? null,
      weeks: stickiness(activity, range),
    };
  }

  async reversions(
    range: WeekRange & { minStreakWeeks?: number },
  ): Promise<Reversions> {
    // New-way and old-way weeks per team are all it takes; one query per way, so each can skip along the
    // (team, week) index instead of reading every row.
    const weeksOf = (way: Way) =>
      this.options.store.weeklyActivity(
        {
          from: addWeeks(range.from, -REVERSION_LOOKBACK_WEEKS),
          to: range.to,
          way,
          excludeKinds: [EVENT_KINDS.componentBaseline],
        },
        { by: [], ...WHETHER_ACTIVE },
      );
    const [newWay, oldWay] = await Promise.all([
      weeksOf('new'),
      weeksOf('old'),
    ]);
    return reversions([...newWay, ...oldWay], {
      ...range,
      minStreakWeeks: range.minStreakWeeks ?? this.options.reversionStreakWeeks,
    });
  }

  async timeToHabit(options: { habitWeeks?: number }): Promise<TimeToHabit> {
    const { store, capabilities } = this.options;
    const [{ activity }, known, recorded] = await Promise.all([
      this.ofProductTeams(
        store.weeklyActivity(
          { withCapability: true, ...ACTIVE },
          { by: ['capabilityRef'], ...WHETHER_ACTIVE },
        ),
      ),
      capabilities.capabilities(),
      store.capabilityRefsWithActivity(),
    ]);
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
    const activity = await this.options.store.weeklyActivity(
      {
        from: addWeeks(range.from, -REVERSION_LOOKBACK_WEEKS),
        to: range.to,
        teamRef,
      },
      { by: ['capabilityRef', 'kind', 'way'], sorted: false },
    );
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
    const { store, capabilities } = this.options;
    const [{ activity, totalTeams }, known] = await Promise.all([
      // Every figure of the page counts active weeks only.
      this.ofProductTeams(
        store.weeklyActivity(
          { capabilityRef, ...ACTIVE },
          { by: [], ...WHETHER_ACTIVE },
        ),
      ),
      // Asks the catalog when the cached index does not know it: a capability annotated minutes ago is one.
      capabilities.isCapability(capabilityRef, { checkCatalog: true }),
    ]);
    if (
      activity.length === 0 &&
      !known &&
      !(await store.capabilityRefsWithActivity()).includes(capabilityRef)
    ) {
      return undefined;
    }
    return summariseCapability(activity, capabilityRef, {
      ...range,
      totalTeams,
      asOf: this.asOf(now),
      habitWeeks: this.options.habitWeeks,
    });
  }
}
