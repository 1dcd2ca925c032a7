import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  addWeeks,
  EVENT_KINDS,
  WeekStart,
} from '@platform-product/plugin-habit-metrics-common';
import { Knex } from 'knex';

/** The organisation the benchmark measures: `teams` teams and `capabilities` capabilities with one template each. */
export interface BenchOrg {
  teams: string[];
  capabilities: string[];
  /** templates[i] is the golden path of capabilities[i]. */
  templates: string[];
}

export function benchOrg(teams: number, capabilities: number): BenchOrg {
  const pad = (i: number, width: number) => String(i + 1).padStart(width, '0');
  return {
    teams: Array.from(
      { length: teams },
      (_, i) => `group:default/team-${pad(i, 3)}`,
    ),
    capabilities: Array.from(
      { length: capabilities },
      (_, i) => `system:default/capability-${pad(i, 2)}`,
    ),
    templates: Array.from(
      { length: capabilities },
      (_, i) => `template:default/template-${pad(i, 2)}`,
    ),
  };
}

/** Groups and capability Systems for catalogServiceMock: what TeamResolver and CapabilityIndex read. */
export function benchCatalogEntities(org: BenchOrg): Entity[] {
  const groups: Entity[] = org.teams.map(ref => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: parseEntityRef(ref).name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  }));
  const systems: Entity[] = org.capabilities.map((ref, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: parseEntityRef(ref).name,
      namespace: 'default',
      annotations: {
        'platform-product.io/capability': 'true',
        'platform-product.io/templates': org.templates[i],
      },
    },
    // Owned by a platform group with no activity: every team with activity is a product team (the owners of
    // capabilities are not), so the floors, which count every team, count the same teams as the endpoints.
    spec: { owner: 'group:default/platform', type: 'platform-capability' },
  }));
  return [...groups, ...systems];
}

/** mulberry32: the same data on every run and on both engines. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;

/** Picks an index with probability proportional to its weight, from cumulative weights. */
function pick(cumulative: readonly number[], random: () => number): number {
  const target = random() * cumulative[cumulative.length - 1];
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle] < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

function cumulate(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map(weight => (sum += weight));
}

interface TeamProfile {
  ref: string;
  capabilities: { index: number; start: number }[];
  cumulative: number[];
}

/**
 * Teams of very different activity, onboarding over the first 40 weeks, each using 3–15 capabilities (popular ones
 * more often) from a start week of its own, and busier as the year goes on; capability popularity follows a
 * Zipf-like curve, so the top capability has several times the rows of a median one.
 */
function profiles(org: BenchOrg, weeks: number, random: () => number) {
  const popularity = org.capabilities.map((_, i) => 1 / Math.pow(i + 1, 0.8));
  const teams: TeamProfile[] = org.teams.map(ref => {
    const onboard = Math.floor(Math.pow(random(), 1.5) * Math.min(40, weeks));
    const count = Math.min(
      org.capabilities.length,
      3 + Math.floor(random() * 13),
    );
    const chosen = new Set<number>([0]);
    const all = cumulate(popularity);
    while (chosen.size < count) chosen.add(pick(all, random));
    const capabilities = [...chosen].map(index => ({
      index,
      start: Math.min(weeks - 1, onboard + Math.floor(random() * 12)),
    }));
    return {
      ref,
      capabilities,
      cumulative: cumulate(capabilities.map(c => popularity[c.index])),
    };
  });
  const activity = cumulate(org.teams.map(() => 0.2 - Math.log(random())));
  return { teams, activity };
}

type EventRow = [
  source: string,
  kind: string,
  way: string,
  capabilityRef: string | null,
  templateRef: string | null,
  teamRef: string,
  week: string,
  at: number,
  idempotencyKey: string | null,
  receivedAt: number,
];

const COLUMNS = [
  'source',
  'kind',
  'way',
  'capability_ref',
  'template_ref',
  'team_ref',
  'week',
  'at',
  'idempotency_key',
  'received_at',
];

/** Mixed kinds and ways, as the plugin's ingestors, the app's analytics and a CI bridge would write them. */
function eventRow(
  org: BenchOrg,
  team: TeamProfile,
  weeksOf: WeekStart[],
  random: () => number,
  serial: number,
): EventRow {
  const use = team.capabilities[pick(team.cumulative, random)];
  const lastWeek = weeksOf.length - 1;
  // Later weeks are busier: the platform grows through the year.
  let week = Math.min(
    lastWeek,
    use.start + Math.floor(Math.sqrt(random()) * (lastWeek - use.start + 1)),
  );
  const capabilityRef = org.capabilities[use.index];
  const templateRef = org.templates[use.index];
  const draw = random();
  let [source, kind, way, capability, template, key]: [
    string,
    string,
    string,
    string | null,
    string | null,
    string | null,
  ] = ['ci', 'deploy', 'new', capabilityRef, null, `event:ci:bench-${serial}`];
  if (draw < 0.4) {
    way = random() < 0.05 ? 'old' : 'new';
  } else if (draw < 0.65) {
    [source, kind, key] = ['analytics', EVENT_KINDS.capabilityView, null];
  } else if (draw < 0.77) {
    [source, kind, template, key] = [
      'scaffolder',
      EVENT_KINDS.templateRun,
      templateRef,
      `scaffolder-task:bench-${serial}`,
    ];
  } else if (draw < 0.85) {
    [source, kind, key] = [
      'catalog',
      EVENT_KINDS.componentCreated,
      `catalog-component:component:default/bench-${serial}`,
    ];
    if (random() < 0.35) {
      [way, capability] = ['old', null];
    } else {
      template = templateRef;
    }
  } else if (draw < 0.9) {
    [source, kind, template, key] = [
      'analytics',
      EVENT_KINDS.templateCreate,
      templateRef,
      null,
    ];
  } else if (draw < 0.95) {
    [source, kind, capability, key] = ['analytics', 'docs-read', null, null];
  } else if (draw < 0.98) {
    // What the first catalog scan found: the week the plugin was installed.
    [source, kind, way, capability, key] = [
      'catalog',
      EVENT_KINDS.componentBaseline,
      random() < 0.5 ? 'new' : 'old',
      null,
      `catalog-component:component:default/baseline-${serial}`,
    ];
    template = way === 'new' ? templateRef : null;
    week = 0;
  } else {
    [source, kind, key] = [
      'mvp',
      EVENT_KINDS.mvpLaunch,
      `event:mvp:bench-${serial}`,
    ];
  }
  const weekStart = weeksOf[week];
  const at =
    Date.parse(`${weekStart}T00:00:00Z`) + Math.floor(random() * 7 * DAY);
  return [
    source,
    kind,
    way,
    capability,
    template,
    team.ref,
    weekStart,
    at,
    key,
    at + 60_000,
  ];
}

// SQLite takes 32766 bound parameters per statement, PostgreSQL 65535.
const ROWS_PER_STATEMENT = Math.floor(30_000 / COLUMNS.length);

export interface SeedResult {
  events: number;
  weeks: number;
  firstWeek: WeekStart;
  lastWeek: WeekStart;
  seconds: number;
  eventsPerSecond: number;
}

/**
 * Writes `events` rows into hm_events, row for row what DatabaseHabitStore.recordEvents writes, with multi-row
 * INSERTs of ~3000 rows in transactions of `batchSize` rows. Rows are made batch by batch, so memory stays flat.
 */
export async function seedEvents(options: {
  db: Knex;
  org: BenchOrg;
  events: number;
  weeks: number;
  currentWeek: WeekStart;
  batchSize?: number;
  onProgress?: (done: number) => void;
}): Promise<SeedResult> {
  const { db, org, events, weeks, currentWeek, batchSize = 60_000 } = options;
  const started = performance.now();
  const random = seededRandom(20261130);
  const weeksOf = Array.from({ length: weeks }, (_, i) =>
    addWeeks(currentWeek, i - (weeks - 1)),
  );
  const { teams, activity } = profiles(org, weeks, random);
  const tuple = `(${COLUMNS.map(() => '?').join(', ')})`;
  const columns = COLUMNS.map(() => '??').join(', ');

  for (let done = 0; done < events; done += batchSize) {
    const size = Math.min(batchSize, events - done);
    const rows: EventRow[] = [];
    for (let i = 0; i < size; i++) {
      const team = teams[pick(activity, random)];
      rows.push(eventRow(org, team, weeksOf, random, done + i));
    }
    await db.transaction(async tx => {
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
        await tx.raw(
          `insert into ?? (${columns}) values ${chunk
            .map(() => tuple)
            .join(', ')}`,
          ['hm_events', ...COLUMNS, ...chunk.flat()],
        );
      }
    });
    options.onProgress?.(done + size);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    events,
    weeks,
    firstWeek: weeksOf[0],
    lastWeek: weeksOf[weeks - 1],
    seconds: Math.round(seconds * 100) / 100,
    eventsPerSecond: Math.round(events / seconds),
  };
}
