import {
  addWeeks,
  EVENT_KINDS,
  Way,
  WeekStart,
} from '@platform-product/plugin-habit-metrics-common';
import { NewHabitEvent } from '../database/HabitStore';

/** Every demo row has this source and an idempotency key `demo:<week>:<n>`. */
export const DEMO_SOURCE = 'demo';
/** Weeks of history, ending with the current week: the default range of every chart. */
export const DEMO_WEEKS = 26;
/**
 * The kind the demo uses for activity with a capability that has no template: what a CI bridge or the capability
 * itself would report (a deploy through the pipeline, a secret read, a flag evaluated…).
 */
export const CAPABILITY_USE_KIND = 'capability-use';

/**
 * How much a capability is used, read from its annotations:
 *
 * - `golden`: has golden-path templates (`platform-product.io/templates`): most teams adopt it;
 * - `core`: answers a surveyed need (`platform-product.io/need`): many teams adopt it;
 * - `optional`: neither, and not a commodity: some teams try it;
 * - `barely`: a commodity answering no surveyed need (a candidate for disposal): one team touches it once.
 */
export type DemoTier = 'golden' | 'core' | 'optional' | 'barely';

export interface DemoCapability {
  /** Normalised entity ref. */
  ref: string;
  /** Normalised refs of its golden-path templates. */
  templates: string[];
  tier: DemoTier;
  /** An MVP (`platform-product.io/mvp-review-date`): it is launched part-way through the half year. */
  mvp: boolean;
}

/** What the demo story is made of; everything comes from the catalog. */
export interface DemoCatalog {
  /** Normalised refs of the teams (Groups of the configured team types). */
  teams: string[];
  /** Teams that own capabilities: they build the platform and use it from the first week. */
  platformTeams: string[];
  capabilities: DemoCapability[];
  /** Per team ref: its Components in the catalog and how many of them came from a template. */
  components: Record<string, { total: number; viaTemplate: number }>;
}

export interface DemoHistoryOptions {
  /** The last week of the history (the current week). */
  currentWeek: WeekStart;
  /** Events of the current week are kept before this time. */
  now: Date;
  /** habitMetrics.reversionStreakWeeks: the story's reversions are made to count under it. */
  minStreakWeeks: number;
}

type Role = 'platform' | 'steady' | 'slipped' | 'relapsed' | 'sporadic';

interface TeamPlan {
  teamRef: string;
  role: Role;
  /** Week offset (0 = first week of the history) of the team's first new-way activity: its cohort. */
  onboard: number;
  /** Share of its catalog components made from a template, smoothed: how keen the team is on golden paths. */
  propensity: number;
  /** First week a slipped or relapsed team goes back to the old way. */
  crunch?: number;
}

interface CapabilityUse {
  capability: DemoCapability;
  /** Week offset of the team's first use. */
  start: number;
  /** Chance of using it in a week the team is active. */
  chance: number;
}

const SEED = 'platform-product-kit/habit-metrics/demo/v1';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Product teams come on board from week 0 to about week 18: the cohorts of the retention chart. */
const ONBOARD_SPREAD_WEEKS = 17;
/** Weeks a platform team is busy launching its capabilities (active every week). */
const PLATFORM_LAUNCH_WEEKS = 4;
/** Chance that a team adopts a further capability of a tier: [steady teams, sporadic teams]. */
const ADOPTION_CHANCE: Record<Exclude<DemoTier, 'barely'>, [number, number]> = {
  golden: [0.9, 0.5],
  core: [0.75, 0.4],
  optional: [0.45, 0.2],
};
/** Weeks between a team's onboarding and its adopting a further capability of a tier: [min, max]. */
const ADOPTION_LAG: Record<Exclude<DemoTier, 'barely'>, [number, number]> = {
  golden: [1, 5],
  core: [1, 8],
  optional: [3, 12],
};
const TIER_ORDER: DemoTier[] = ['golden', 'core', 'optional'];

/**
 * The demo's half year of activity, deterministic for a given catalog: the same events relative to the current
 * week on every run and every machine (seeded pseudo-randomness, no clock except to keep current-week events in
 * the past). The story, told by the figures:
 *
 * - the platform teams use their capabilities from the first week; product teams come on board one after another
 *   (cohorts), the keenest first (the share of their catalog components made from a template);
 * - most teams keep using what they adopted (streaks: time to habit), two sporadic teams never make it a habit;
 * - one or two teams go back to hand-made components after a streak (reversions), one of them pausing for a while;
 * - new components are made on a golden path more and more: the golden-path share rises from about 30% to 70%;
 * - MVP capabilities start part-way through; a commodity nobody asked for is touched by one or two teams only;
 * - every golden-path component comes with the template run that made it.
 *
 * Only the catalog's team, capability and template refs are used: no event names a component, so nothing here
 * collides with what the catalog scan records for the real components.
 */
export function demoHistory(
  catalog: DemoCatalog,
  options: DemoHistoryOptions,
): NewHabitEvent[] {
  const minStreak = Math.max(1, options.minStreakWeeks);
  const plans = planTeams(catalog, minStreak);
  const launches = new Map(
    catalog.capabilities.map(c => [c.ref, launchWeek(c)]),
  );
  const activity = new Map(
    plans.map(plan => [plan.teamRef, activeWeeks(plan, minStreak)]),
  );
  const barely = barelyUsed(catalog, plans, activity);
  const nowMs = options.now.getTime();
  const events: NewHabitEvent[] = [];

  for (const plan of plans) {
    const active = activity.get(plan.teamRef)!;
    const uses = capabilityUses(plan, catalog.capabilities, launches);
    for (let offset = 0; offset < DEMO_WEEKS; offset++) {
      const week = addWeeks(options.currentWeek, offset - (DEMO_WEEKS - 1));
      const weekStartMs = Date.parse(`${week}T00:00:00Z`);
      const random = randomFor('week', plan.teamRef, offset);
      let sequence = 0;
      const push = (
        kind: string,
        way: Way,
        capabilityRef: string | null,
        templateRef: string | null,
        at: number,
      ) => {
        events.push({
          source: DEMO_SOURCE,
          kind,
          way,
          capabilityRef,
          templateRef,
          teamRefs: [plan.teamRef],
          at: new Date(at),
          idempotencyKey: `demo:${week}:${sequence++}`,
        });
      };
      const timeOf = () =>
        inThePast(weekStartMs + workingTime(random), weekStartMs, nowMs);

      const started = uses.filter(use => use.start <= offset);
      if (active[offset]) {
        // Every started capability gets its draw, so the choice of one does not shift the others.
        let chosen = started.filter(use => random() < use.chance);
        if (chosen.length === 0 && started.length > 0) chosen = [started[0]];
        for (const { capability } of chosen) {
          const times = 1 + Math.floor(random() * 3);
          for (let i = 0; i < times; i++) {
            push(CAPABILITY_USE_KIND, 'new', capability.ref, null, timeOf());
          }
          if (random() < 0.2) {
            push(
              EVENT_KINDS.capabilityView,
              'new',
              capability.ref,
              null,
              timeOf(),
            );
          }
        }
        for (const capabilityRef of barely.get(`${plan.teamRef}|${offset}`) ??
          []) {
          push(
            EVENT_KINDS.capabilityView,
            'new',
            capabilityRef,
            null,
            timeOf(),
          );
          if (random() < 0.5) {
            push(CAPABILITY_USE_KIND, 'new', capabilityRef, null, timeOf());
          }
        }
      }

      const goldenPaths = started.flatMap(({ capability }) =>
        capability.templates.map(templateRef => ({
          templateRef,
          capabilityRef: capability.ref,
        })),
      );
      for (const way of componentWays(plan, offset, active[offset], random)) {
        const at = timeOf();
        if (way === 'new') {
          // Without a golden path to take there is no new-way component to make.
          if (goldenPaths.length === 0) continue;
          const path = goldenPaths[Math.floor(random() * goldenPaths.length)];
          // The scaffolder task first, then the component it registered.
          const created = inThePast(at + 25 * MINUTE, weekStartMs, nowMs);
          push(
            EVENT_KINDS.templateRun,
            'new',
            path.capabilityRef,
            path.templateRef,
            Math.min(at, created),
          );
          push(
            EVENT_KINDS.componentCreated,
            'new',
            path.capabilityRef,
            path.templateRef,
            created,
          );
        } else {
          push(EVENT_KINDS.componentCreated, 'old', null, null, at);
        }
      }
    }
  }
  return events;
}

/** Roles and onboarding weeks of the teams. */
function planTeams(catalog: DemoCatalog, minStreak: number): TeamPlan[] {
  const platform = new Set(catalog.platformTeams);
  const plans: TeamPlan[] = catalog.teams
    .filter(teamRef => platform.has(teamRef))
    .map(teamRef => ({
      teamRef,
      role: 'platform',
      onboard: 0,
      propensity: 1,
    }));

  const product = catalog.teams
    .filter(teamRef => !platform.has(teamRef))
    .map(teamRef => {
      const { total = 0, viaTemplate = 0 } = catalog.components[teamRef] ?? {};
      return { teamRef, propensity: (viaTemplate + 1) / (total + 2) };
    })
    .sort(
      (a, b) =>
        b.propensity - a.propensity || compareText(a.teamRef, b.teamRef),
    );
  const sporadic = product.length >= 3 ? Math.round(product.length / 4) : 0;
  const productPlans = product.map(({ teamRef, propensity }, rank) => {
    const random = randomFor('onboard', teamRef);
    const spread = Math.round(
      (rank * ONBOARD_SPREAD_WEEKS) / Math.max(1, product.length - 1),
    );
    const plan: TeamPlan = {
      teamRef,
      role: rank >= product.length - sporadic ? 'sporadic' : 'steady',
      onboard: rank === 0 ? 0 : spread + Math.floor(random() * 2),
      propensity,
    };
    return plan;
  });

  // Reversions need a streak before them and a few weeks after them to be seen: the relapsed team pauses 4 weeks.
  const latestOnboard = DEMO_WEEKS - 6 - minStreak - 1;
  const candidates = productPlans.filter(
    (plan, rank) =>
      rank > 0 && plan.role === 'steady' && plan.onboard <= latestOnboard,
  );
  const reverters: [TeamPlan, Role][] =
    candidates.length >= 3
      ? [
          [candidates[Math.floor(candidates.length / 2)], 'slipped'],
          [candidates[candidates.length - 1], 'relapsed'],
        ]
      : candidates.slice(-1).map(plan => [plan, 'slipped']);
  for (const [plan, role] of reverters) {
    const random = randomFor('crunch', plan.teamRef);
    plan.role = role;
    plan.crunch = Math.min(
      DEMO_WEEKS - 6,
      plan.onboard + minStreak + 2 + Math.floor(random() * 4),
    );
  }
  return [...plans, ...productPlans];
}

/** Whether the team used anything the new way, week by week. */
function activeWeeks(plan: TeamPlan, minStreak: number): boolean[] {
  const random = randomFor('active', plan.teamRef);
  // Sporadic teams never string enough weeks together for a reversion or a habit.
  const maxRun = plan.role === 'sporadic' ? Math.max(1, minStreak - 1) : 1e9;
  const { onboard, crunch = -1 } = plan;
  const active: boolean[] = [];
  let run = 0;
  for (let offset = 0; offset < DEMO_WEEKS; offset++) {
    const draw = random();
    let on: boolean;
    if (offset < onboard) {
      on = false;
    } else if (
      offset === onboard ||
      (plan.role === 'platform' && offset < PLATFORM_LAUNCH_WEEKS)
    ) {
      on = true; // a platform team's launch weeks, a product team's first week
    } else if (
      plan.crunch !== undefined &&
      offset >= crunch - minStreak - 1 &&
      offset < crunch
    ) {
      on = true; // the streak the reversion breaks
    } else if (plan.role === 'slipped' && offset === crunch) {
      on = true; // still active: the second hand-made week counts too
    } else if (
      plan.role === 'relapsed' &&
      offset >= crunch &&
      offset <= crunch + 3
    ) {
      on = false; // dropped the platform for a month
    } else {
      on = draw < activeChance(plan, offset);
    }
    if (on && run >= maxRun) on = false;
    run = on ? run + 1 : 0;
    active.push(on);
  }
  return active;
}

function activeChance(plan: TeamPlan, offset: number): number {
  switch (plan.role) {
    case 'platform':
      return 0.95;
    case 'sporadic':
      return 0.45;
    case 'relapsed':
      if (offset > plan.crunch!) return 0.7;
      break;
    default:
  }
  return offset - plan.onboard < 2 ? 0.85 : 0.93;
}

/** The week an MVP capability is launched; other capabilities are there from the start. */
function launchWeek(capability: DemoCapability): number {
  return capability.mvp
    ? 6 + Math.floor(randomFor('launch', capability.ref)() * 6)
    : 0;
}

/** Which capabilities a team takes up, when, and how regularly it uses them. */
function capabilityUses(
  plan: TeamPlan,
  capabilities: DemoCapability[],
  launches: Map<string, number>,
): CapabilityUse[] {
  // Within a tier, what was there from the start comes before MVPs launched later.
  const ordered = TIER_ORDER.flatMap(tier =>
    capabilities
      .filter(c => c.tier === tier)
      .sort((a, b) => Number(a.mvp) - Number(b.mvp)),
  );
  if (plan.role === 'platform') {
    return ordered.map(capability => ({
      capability,
      start: launches.get(capability.ref)!,
      chance: 0.7,
    }));
  }
  const sporadic = plan.role === 'sporadic';
  // The team comes on board with the first capability available then, a golden path where there is one.
  const entry =
    ordered.find(c => launches.get(c.ref)! <= plan.onboard) ?? ordered[0];
  const uses: CapabilityUse[] = [];
  for (const capability of ordered) {
    const tier = capability.tier as Exclude<DemoTier, 'barely'>;
    let chance = tier === 'optional' ? 0.55 : 0.88;
    if (sporadic) chance = 0.6;
    if (capability === entry) {
      uses.push({ capability, start: plan.onboard, chance });
      continue;
    }
    const random = randomFor('adopt', plan.teamRef, capability.ref);
    const adopts = random() < ADOPTION_CHANCE[tier][sporadic ? 1 : 0];
    const [min, max] = ADOPTION_LAG[tier];
    const start = Math.max(
      plan.onboard + min + Math.floor(random() * (max - min + 1)),
      launches.get(capability.ref)!,
    );
    if (adopts && start < DEMO_WEEKS) uses.push({ capability, start, chance });
  }
  // The entry capability first: it is what a team falls back to in an active week.
  return uses.sort((a, b) => a.start - b.start);
}

/** The ways of the components a team makes in a week (one entry per component). */
function componentWays(
  plan: TeamPlan,
  offset: number,
  active: boolean,
  random: () => number,
): Way[] {
  const ways: Way[] = [];
  const add = (count: number, way: () => Way) => {
    for (let i = 0; i < count; i++) ways.push(way());
  };
  if (plan.role === 'platform') {
    add(poisson(0.3, random), () => 'new');
  } else if (plan.role === 'sporadic') {
    // Even they take the golden path more often as the half year goes on.
    const chance = 0.2 + (0.45 * offset) / (DEMO_WEEKS - 1);
    add(poisson(0.7, random), () =>
      active && random() < chance ? 'new' : 'old',
    );
  } else if (offset < plan.onboard) {
    // Before the golden path: made by hand.
    add(poisson(0.45, random), () => 'old');
  } else if (plan.crunch !== undefined && offset === plan.crunch) {
    add(2, () => 'old'); // the deadline: two services set up by hand
  } else if (plan.role === 'slipped' && offset === plan.crunch! + 1) {
    add(1, () => 'old');
  } else if (!active) {
    if (plan.role === 'relapsed' && offset > plan.crunch!) {
      add(poisson(0.35, random), () => 'old');
    }
  } else {
    add(poisson(0.5 + 0.4 * plan.propensity, random), () => 'new');
  }
  return ways;
}

/**
 * The commodity nobody asked for: one team looks at it, in a week it was active anyway. One, not two: with the
 * example's 7 product teams a second would put it at 29% of them, above the scorecard's 20% adoption floor, and
 * the example would lose its candidate for disposal.
 */
function barelyUsed(
  catalog: DemoCatalog,
  plans: TeamPlan[],
  activity: Map<string, boolean[]>,
): Map<string, string[]> {
  const touches = new Map<string, string[]>();
  const product = plans.filter(plan => plan.role !== 'platform');
  for (const capability of catalog.capabilities) {
    if (capability.tier !== 'barely' || product.length === 0) continue;
    const random = randomFor('barely', capability.ref);
    const teams = 1;
    const pool = [...product];
    for (let i = 0; i < teams && pool.length > 0; i++) {
      const [plan] = pool.splice(Math.floor(random() * pool.length), 1);
      const weeks = activity
        .get(plan.teamRef)!
        .flatMap((on, offset) => (on ? [offset] : []));
      if (weeks.length === 0) continue;
      const key = `${plan.teamRef}|${
        weeks[Math.floor(random() * weeks.length)]
      }`;
      touches.set(key, [...(touches.get(key) ?? []), capability.ref]);
    }
  }
  return touches;
}

/** Monday to Friday, 8:00 to 17:59 UTC, as an offset from the start of the week. */
function workingTime(random: () => number): number {
  return (
    Math.floor(random() * 5) * DAY +
    (8 + Math.floor(random() * 10)) * HOUR +
    Math.floor(random() * 60) * MINUTE
  );
}

/** A time of the current week that lies ahead is folded back into the part of the week already past. */
function inThePast(at: number, weekStartMs: number, nowMs: number): number {
  return at <= nowMs
    ? at
    : weekStartMs + ((at - weekStartMs) % Math.max(1, nowMs - weekStartMs));
}

function poisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  for (let p = random(); p > limit; p *= random()) count++;
  return count;
}

/** mulberry32 seeded with an FNV-1a hash of the parts: a separate, stable stream per team, week or capability. */
function randomFor(...parts: (string | number)[]): () => number {
  const text = [SEED, ...parts].join('|');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  let state = hash >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
