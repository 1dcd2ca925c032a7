import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  addWeeks,
  WeekStart,
  weekStartOf,
} from '@platform-product/plugin-habit-metrics-common';
import { createHash } from 'node:crypto';
import { HabitStore } from '../database/HabitStore';
import { SOURCE_TEMPLATE_ANNOTATION } from '../ingestion/CatalogComponentScanner';
import {
  CAPABILITY_ANNOTATION,
  ownerOf,
  templatesOf,
} from '../service/CapabilityIndex';
import {
  DEMO_SOURCE,
  DEMO_WEEKS,
  DemoCapability,
  DemoCatalog,
  demoHistory,
  DemoTier,
} from './demoHistory';

const NEED_ANNOTATION = 'platform-product.io/need';
const VALUE_CLASS_ANNOTATION = 'platform-product.io/value-class';
const MVP_REVIEW_DATE_ANNOTATION = 'platform-product.io/mvp-review-date';

/** Fewer teams than this is not an org yet: the catalog is still ingesting. */
const MIN_TEAMS = 2;

/** What the seeder keeps in hm_ingestion_state (source `demo`). */
export interface DemoState {
  seeded: boolean;
  /** Fingerprint of the catalog at the previous attempt: seeding waits until two attempts in a row agree. */
  catalog?: string;
  seededAt?: string;
  from?: WeekStart;
  to?: WeekStart;
  events?: number;
}

export type DemoSeedOutcome =
  | { status: 'seeded'; events: number; from: WeekStart; to: WeekStart }
  | { status: 'waiting'; reason: string }
  | { status: 'done' };

/**
 * Seeds the example instance's demo history once: about 26 weeks of activity ending with the current week, for the
 * teams, capabilities and golden-path templates in the catalog (see demoHistory() for the story). Rows have source
 * `demo` and keys `demo:<week>:<n>`; no component is stored, so the catalog scan still takes its baseline.
 *
 * Waits (returns `waiting`, the scheduler calls again) until the catalog has teams and capabilities and two attempts
 * in a row see the same catalog: the entities of the example files are ingested one by one, and a story drawn from
 * half an org would be a different story. A no-op (`done`) once seeded.
 */
export async function seedDemoData(options: {
  store: HabitStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  teamTypes: string[];
  reversionStreakWeeks: number;
  now?: Date;
}): Promise<DemoSeedOutcome> {
  const { store, logger, now = new Date() } = options;
  const state = await store.getIngestionState<DemoState>(DEMO_SOURCE);
  if (state?.seeded) return { status: 'done' };

  const catalog = await readDemoCatalog(options);
  const capabilities = catalog.capabilities.filter(c => c.tier !== 'barely');
  if (catalog.teams.length < MIN_TEAMS || capabilities.length === 0) {
    const reason = `the catalog has ${catalog.teams.length} teams and ${capabilities.length} capabilities in use so far`;
    logger.debug(`Demo data waits: ${reason}`);
    return { status: 'waiting', reason };
  }
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(catalog))
    .digest('hex')
    .slice(0, 32);
  if (state?.catalog !== fingerprint) {
    await store.setIngestionState(
      DEMO_SOURCE,
      { seeded: false, catalog: fingerprint } satisfies DemoState,
      now,
    );
    const reason = 'the catalog changed since the last look';
    logger.debug(`Demo data waits: ${reason}`);
    return { status: 'waiting', reason };
  }

  const to = weekStartOf(now);
  const from = addWeeks(to, -(DEMO_WEEKS - 1));
  // Demo rows without the state (it was cleared): seeded before, possibly in another week. Never seed twice.
  if (await store.hasEventsFrom(DEMO_SOURCE)) {
    await store.setIngestionState(
      DEMO_SOURCE,
      { seeded: true, catalog: fingerprint } satisfies DemoState,
      now,
    );
    return { status: 'done' };
  }
  const events = demoHistory(catalog, {
    currentWeek: to,
    now,
    minStreakWeeks: options.reversionStreakWeeks,
  });
  // One call is one transaction: all of the demo or none of it.
  const { accepted } = await store.recordEvents(events, now);
  await store.setIngestionState(
    DEMO_SOURCE,
    {
      seeded: true,
      catalog: fingerprint,
      seededAt: now.toISOString(),
      from,
      to,
      events: accepted,
    } satisfies DemoState,
    now,
  );
  logger.info(
    `Seeded the habit-metrics demo: ${accepted} events of ${catalog.teams.length} teams and ${catalog.capabilities.length} capabilities, weeks ${from} to ${to} (source ${DEMO_SOURCE})`,
  );
  return { status: 'seeded', events: accepted, from, to };
}

/** Teams, capabilities (with their templates and tier) and who makes components how, from the catalog. */
async function readDemoCatalog(options: {
  catalog: CatalogService;
  auth: AuthService;
  teamTypes: string[];
}): Promise<DemoCatalog> {
  const { catalog, auth, teamTypes } = options;
  const credentials = await auth.getOwnServiceCredentials();
  const [groups, capabilityEntities, components] = await Promise.all([
    catalog.getEntities(
      {
        filter: { kind: 'group', 'spec.type': teamTypes },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials },
    ),
    catalog.getEntities(
      {
        filter: { [`metadata.annotations.${CAPABILITY_ANNOTATION}`]: 'true' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.owner',
        ],
      },
      { credentials },
    ),
    catalog.getEntities(
      {
        filter: { kind: 'component' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.owner',
        ],
      },
      { credentials },
    ),
  ]);

  const teams = [...new Set(groups.items.map(refOf))].sort();
  const teamSet = new Set(teams);
  const capabilities: DemoCapability[] = (capabilityEntities.items as Entity[])
    .map(entity => ({
      ref: refOf(entity),
      templates: templatesOf(entity),
      tier: tierOf(entity),
      mvp: Boolean(entity.metadata.annotations?.[MVP_REVIEW_DATE_ANNOTATION]),
    }))
    .sort((a, b) => (a.ref < b.ref ? -1 : 1));
  const platformTeams = [
    ...new Set(
      (capabilityEntities.items as Entity[]).flatMap(entity => {
        const owner = ownerOf(entity);
        return owner && teamSet.has(owner) ? [owner] : [];
      }),
    ),
  ].sort();

  const counts: DemoCatalog['components'] = {};
  for (const entity of components.items as Entity[]) {
    const owner = ownerOf(entity);
    if (!owner || !teamSet.has(owner)) continue;
    counts[owner] ??= { total: 0, viaTemplate: 0 };
    counts[owner].total++;
    if (entity.metadata.annotations?.[SOURCE_TEMPLATE_ANNOTATION]?.trim()) {
      counts[owner].viaTemplate++;
    }
  }
  // Sorted keys, so the fingerprint does not depend on the order the catalog lists entities in.
  const sortedCounts = Object.fromEntries(
    Object.keys(counts)
      .sort()
      .map(team => [team, counts[team]]),
  );
  return { teams, platformTeams, capabilities, components: sortedCounts };
}

/** See DemoTier: how much a capability is used follows from its annotations. */
function tierOf(entity: Entity): DemoTier {
  const annotations = entity.metadata.annotations ?? {};
  if (templatesOf(entity).length > 0) return 'golden';
  if (annotations[NEED_ANNOTATION]?.trim()) return 'core';
  if (annotations[VALUE_CLASS_ANNOTATION] === 'commodity') return 'barely';
  return 'optional';
}

function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}
