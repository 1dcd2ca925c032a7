import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_DEPENDENCY_OF,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { parseRefOfKind } from '@platform-product/common';
import {
  Adoption,
  AdoptionFigures,
  adoptionShare,
  AdoptionWeek as HabitAdoptionWeek,
  CapabilityHabits,
  productTeams as productTeamsOf,
  TeamGroup,
} from '@platform-product/plugin-habit-metrics-common';
import { HabitMetricsService } from '@platform-product/plugin-habit-metrics-node';
import { RegisteredNeed } from '@platform-product/plugin-needs-discovery-common';
import { NeedsDiscoveryService } from '@platform-product/plugin-needs-discovery-node';
import {
  AdoptionTrend,
  AdoptionWeek,
  CapabilityConsumers,
  CapabilityFacts,
  CapabilityNeed,
  FactSources,
  parseDay,
  ValueClass,
} from '@platform-product/plugin-thinness-scorecard-common';
import { CapabilityFilter } from '../settings';

export const CAPABILITY_ANNOTATION = 'platform-product.io/capability';
export const NEED_ANNOTATION = 'platform-product.io/need';
export const VALUE_CLASS_ANNOTATION = 'platform-product.io/value-class';
export const TEMPLATES_ANNOTATION = 'platform-product.io/templates';
export const MVP_REVIEW_DATE_ANNOTATION = 'platform-product.io/mvp-review-date';
export const SOURCE_TEMPLATE_ANNOTATION = 'backstage.io/source-template';

/** Facts of one capability before the store adds when it was first seen. */
export type CollectedCapability = Omit<CapabilityFacts, 'firstSeenAt'>;

export interface CollectedFacts {
  capabilities: CollectedCapability[];
  productTeams: number;
  sources: FactSources;
}

type QueryRequest = NonNullable<Parameters<CatalogService['queryEntities']>[0]>;
type EntityFilter = Record<string, string | string[]>;

/** Levels of `hasPart` / `providesApi` followed from a capability (system → component → subcomponent → API). */
const MAX_SURFACE_DEPTH = 4;
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/** Values per filter key in one request, so that query strings stay short. */
const FILTER_VALUES_PER_REQUEST = 50;

/** Product teams (indexes into the product team list) consuming each capability, and each surface's size. */
interface ConsumerFacts {
  consumerTeams: Map<string, Set<number>>;
  surfaceSize: Map<string, number>;
}

const keyOf = (ref: string) => ref.toLocaleLowerCase('en-US');

/** A filter value: a single string, or the list (any of). */
const oneOrMany = (values: string[]): string | string[] =>
  values.length === 1 ? values[0] : values;

/** Full refs from a spec list such as `dependsOn` (short refs take the default kind and the entity's namespace). */
function refsIn(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((ref): ref is string => typeof ref === 'string')
    .map(ref => normalizeRef(ref, defaultKind, defaultNamespace))
    .filter((ref): ref is string => ref !== null);
}

function refOf(entity: Entity): string {
  return stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  });
}

/** A ref from the catalog read by the suite's one ref rule (any kind; short refs take the defaults), or null. */
function normalizeRef(
  ref: string,
  defaultKind: string,
  defaultNamespace = 'default',
): string | null {
  return (
    parseRefOfKind(ref, { kinds: [], defaultKind, defaultNamespace }).ref ??
    null
  );
}

function ownerOf(entity: Entity): string | null {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') return null;
  return normalizeRef(owner, 'group', entity.metadata.namespace ?? 'default');
}

function annotation(entity: Entity, name: string): string | undefined {
  const value = entity.metadata.annotations?.[name];
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}

function valueClassOf(entity: Entity): ValueClass {
  const value = annotation(entity, VALUE_CLASS_ANNOTATION)?.toLocaleLowerCase(
    'en-US',
  );
  return value === 'differentiating' || value === 'commodity'
    ? value
    : 'unknown';
}

function templatesOf(entity: Entity): string[] {
  return (annotation(entity, TEMPLATES_ANNOTATION) ?? '')
    .split(',')
    .map(ref => ref.trim())
    .filter(Boolean)
    .map(ref => normalizeRef(ref, 'template'))
    .filter((ref): ref is string => ref !== null);
}

function relationTargets(entity: Entity, types: string[]): string[] {
  return (entity.relations ?? [])
    .filter(relation => types.includes(relation.type))
    .map(relation => relation.targetRef);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.min(limit, items.length) },
    async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index]);
      }
    },
  );
  await Promise.all(workers);
  return results;
}

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/**
 * The needs registry of needs-discovery by need id; null when needs-discovery is not installed or did not answer.
 * Companies may install one plugin family only, so every failure is an answer, logged, never an exception.
 */
export async function readNeeds(
  needsDiscovery: NeedsDiscoveryService,
  logger: LoggerService,
): Promise<Map<string, RegisteredNeed> | null> {
  try {
    const items = await needsDiscovery.listNeeds();
    return new Map(
      items
        .filter(item => item && typeof item.id === 'string')
        .map(item => [item.id, item]),
    );
  } catch (error) {
    logger.info(`Scorecard without needs-discovery: ${messageOf(error)}`);
    return null;
  }
}

/**
 * habit-metrics' weeks in the scorecard's shape. habit-metrics gives no share (null) when it does not know the number
 * of teams; the scorecard's weeks carry 0 then.
 */
export function scorecardWeeks(
  weeks: readonly HabitAdoptionWeek[] | undefined,
): AdoptionWeek[] {
  return (Array.isArray(weeks) ? weeks : [])
    .filter(week => typeof week === 'object' && week !== null)
    .map(week => ({
      week: week.week,
      activeTeams: week.activeTeams,
      cumulativeAdopters: week.cumulativeAdopters,
      share: week.share ?? 0,
    }));
}

/**
 * habit-metrics' adoption of every capability it knows (weekly series and figures), keyed by lower-cased ref; null
 * when habit-metrics is not installed or did not answer (logged, never an exception).
 */
export async function readAdoption(
  habitMetrics: HabitMetricsService,
  logger: LoggerService,
): Promise<Map<string, Adoption> | null> {
  try {
    const map = new Map<string, Adoption>();
    for (const entry of await habitMetrics.listAdoption()) {
      if (!entry || typeof entry.capabilityRef !== 'string') continue;
      map.set(keyOf(entry.capabilityRef), entry);
    }
    return map;
  } catch (error) {
    logger.info(`Scorecard without habit-metrics: ${messageOf(error)}`);
    return null;
  }
}

/** One capability's habit-metrics details; null when habit-metrics does not know it, is not there, or failed. */
export async function readCapabilityHabits(
  habitMetrics: HabitMetricsService,
  entityRef: string,
): Promise<CapabilityHabits | null> {
  try {
    return (await habitMetrics.getCapabilityHabits(entityRef)) ?? null;
  } catch {
    return null;
  }
}

/**
 * habit-metrics' figures of one capability when they can be shown: they name the product teams they count (M is
 * known). Otherwise (habit-metrics could not read the catalog, or gave no figures) the row falls back to the catalog.
 */
function usableFigures(
  adoption: Adoption | undefined,
): (AdoptionFigures & { productTeams: number }) | null {
  const figures = adoption?.figures;
  if (
    !figures ||
    typeof figures.productTeams !== 'number' ||
    typeof figures.adopters !== 'number' ||
    !Array.isArray(figures.adopterRefs)
  ) {
    return null;
  }
  return figures as AdoptionFigures & { productTeams: number };
}

const TRENDS: readonly AdoptionTrend[] = ['growing', 'flat', 'shrinking'];

/**
 * "Used by N of M product teams" from habit-metrics' figures, as they are: N its cumulative adopters, M its product
 * teams, the share and the teams active in the last 4 weeks. No recount.
 */
export function consumersFromHabitMetrics(
  figures: AdoptionFigures & { productTeams: number },
): CapabilityConsumers {
  return {
    teams: [...figures.adopterRefs].sort(),
    count: figures.adopters,
    productTeams: figures.productTeams,
    share: figures.share ?? 0,
    activeTeams: figures.activeTeams,
    source: 'habit-metrics',
  };
}

/** "Used by N of M product teams" from the catalog's relations, when habit-metrics is absent or has no figures. */
export function consumersFromCatalog(
  teams: readonly string[],
  productTeams: number,
): CapabilityConsumers {
  return {
    teams: [...teams].sort(),
    count: teams.length,
    productTeams,
    share: adoptionShare(teams.length, productTeams) ?? 0,
    activeTeams: null,
    source: 'catalog',
  };
}

function needOf(
  entity: Entity,
  needs: Map<string, RegisteredNeed> | null,
): CapabilityNeed | null {
  const id = annotation(entity, NEED_ANNOTATION);
  if (!id) return null;
  if (!needs) {
    return { id, shared: false, teams: null, state: 'unverified' };
  }
  const need = needs.get(id);
  if (!need) return { id, shared: false, teams: null, state: 'not-found' };
  return {
    id,
    shared: need.shared === true,
    teams: typeof need.teams === 'number' ? need.teams : null,
    state: need.shared === true ? 'shared' : 'not-shared',
    ...(need.title ? { title: need.title } : {}),
    ...(need.status ? { status: need.status } : {}),
  };
}

export interface CapabilityFactsCollectorOptions {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  teamTypes: string[];
  /** Count the owners of capabilities as product teams too (only used when habit-metrics is absent). */
  includeCapabilityOwners?: boolean;
  capabilityFilter?: CapabilityFilter;
  /** needs-discovery (`needsDiscoveryServiceRef`); a capability's need is "unverified" when it is not installed. */
  needsDiscovery: NeedsDiscoveryService;
  /**
   * habit-metrics (`habitMetricsServiceRef`): when installed, its figures are the adopters, product teams, active
   * teams and trend; without it the adopters come from the catalog and the trend is null.
   */
  habitMetrics: HabitMetricsService;
  /** Entities per catalog page. Default 1000. */
  pageSize?: number;
  /** Entity refs per by-refs request when reading owners. Default 1000. */
  batchSize?: number;
  /**
   * Entity refs per by-refs request when reading a capability's parts: few, because a much-used part carries a
   * relation for every consumer. Default 25.
   */
  surfaceBatchSize?: number;
  /** By-refs requests in flight at once. Default 4. */
  concurrency?: number;
  /** Parallel habit-metrics requests (capabilities its adoption list does not name yet). Default 8. */
  habitConcurrency?: number;
}

/**
 * Gathers the facts of every capability from the catalog (and needs-discovery and habit-metrics when installed).
 *
 * The catalog is read in a fixed number of paged or batched requests, whatever the number of capabilities:
 * 1. the capabilities (one paged query);
 * 2. the product teams (one paged query on Group `spec.type`);
 * 3. their parts and APIs, level by level (`hasPart`, `providesApi`; batched by-refs requests), whose
 *    `dependencyOf` / `apiConsumedBy` relations name the consumers;
 * 4. the components created from their templates (one paged query on `backstage.io/source-template`);
 * 5. the owners of the remaining consumers (batched by-refs requests, a few in parallel).
 * Every request asks only for the fields it needs; no entity is read twice, and none is read per capability.
 * Entities are scanned as their page arrives and let go: what stays in memory is one set of consumer refs per
 * capability and one owner team number per consumer.
 */
export class CapabilityFactsCollector {
  private readonly pageSize: number;
  private readonly batchSize: number;
  private readonly surfaceBatchSize: number;
  private readonly concurrency: number;

  constructor(private readonly options: CapabilityFactsCollectorOptions) {
    this.pageSize = options.pageSize ?? 1000;
    this.batchSize = options.batchSize ?? 1000;
    this.surfaceBatchSize = options.surfaceBatchSize ?? 25;
    this.concurrency = options.concurrency ?? 4;
  }

  private async *pages(
    request: { filter?: EntityFilter[]; fields: string[] },
    credentials: BackstageCredentials,
  ): AsyncGenerator<Entity[]> {
    const { catalog } = this.options;
    let cursor: string | undefined;
    do {
      const query: QueryRequest = cursor
        ? { cursor, limit: this.pageSize, fields: request.fields }
        : {
            filter: request.filter,
            fields: request.fields,
            limit: this.pageSize,
            totalItems: 'exclude',
          };
      const response = await catalog.queryEntities(query, { credentials });
      yield response.items;
      cursor = response.pageInfo.nextCursor;
    } while (cursor);
  }

  /**
   * Reads entities by ref in batches (`concurrency` at a time) and hands each to `onEntity` as its batch arrives,
   * so only a few batches are ever held in memory.
   */
  private async forEachByRef(
    refs: readonly string[],
    request: { fields: string[]; batchSize: number },
    credentials: BackstageCredentials,
    onEntity: (entity: Entity) => void,
  ): Promise<void> {
    await mapLimit(
      chunks(refs, request.batchSize),
      this.concurrency,
      async batch => {
        const { items } = await this.options.catalog.getEntitiesByRefs(
          { entityRefs: batch, fields: request.fields },
          { credentials },
        );
        for (const item of items) if (item) onEntity(item);
      },
    );
  }

  private capabilityFilters(): EntityFilter[] {
    const base = { [`metadata.annotations.${CAPABILITY_ANNOTATION}`]: 'true' };
    const extra = this.options.capabilityFilter;
    if (!extra || extra.length === 0) return [base];
    // Single values first: some catalog implementations stop at the first list-valued key.
    return extra.map(filter => {
      const entries = Object.entries(filter).sort(
        ([, a], [, b]) => Number(Array.isArray(a)) - Number(Array.isArray(b)),
      );
      return { ...base, ...Object.fromEntries(entries) };
    });
  }

  /**
   * Collects the facts of all capabilities, or with `only` of that one capability (the others are still listed, with
   * few fields, because their owners are not product teams).
   */
  async collect(options: { only?: string } = {}): Promise<CollectedFacts> {
    const { auth, logger, teamTypes } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    let stageStarted = Date.now();
    const stage = (name: string) => {
      const now = Date.now();
      logger.debug(`collect: ${name} took ${now - stageStarted} ms`);
      stageStarted = now;
    };

    // Capabilities
    const allCapabilities: Entity[] = [];
    for await (const page of this.pages(
      {
        filter: this.capabilityFilters(),
        fields: [
          ...REF_FIELDS,
          'metadata.title',
          'metadata.annotations',
          'spec.owner',
          'spec.lifecycle',
          'relations',
        ],
      },
      credentials,
    )) {
      for (const entity of page) {
        if (
          annotation(entity, CAPABILITY_ANNOTATION)?.toLocaleLowerCase(
            'en-US',
          ) === 'true'
        ) {
          allCapabilities.push(entity);
        }
      }
    }
    const capabilityOwners = allCapabilities
      .map(ownerOf)
      .filter((owner): owner is string => owner !== null);
    const onlyKey = options.only ? keyOf(options.only) : undefined;
    const capabilities = onlyKey
      ? allCapabilities.filter(entity => keyOf(refOf(entity)) === onlyKey)
      : allCapabilities;
    stage(`capabilities (${allCapabilities.length})`);

    // Product teams (habit-metrics-common's definition): groups of the configured types, less the owners of
    // capabilities unless includeCapabilityOwners. With habit-metrics installed its product teams are shown instead.
    const groups: TeamGroup[] = [];
    for await (const page of this.pages(
      {
        filter: [
          {
            kind: 'group',
            'spec.type': teamTypes.length === 1 ? teamTypes[0] : teamTypes,
          },
        ],
        fields: [...REF_FIELDS, 'spec.type'],
      },
      credentials,
    )) {
      for (const entity of page) {
        groups.push({
          ref: refOf(entity),
          type: (entity.spec as { type?: unknown } | undefined)?.type,
        });
      }
    }
    const productTeams = productTeamsOf(groups, {
      teamTypes,
      capabilityOwners,
      includeCapabilityOwners: this.options.includeCapabilityOwners,
    });
    const teamIndex = new Map(productTeams.map((ref, index) => [ref, index]));
    stage(`product teams (${productTeams.length})`);

    const { consumerTeams, surfaceSize } =
      onlyKey && capabilities.length === 1
        ? await this.consumersOfOne(capabilities[0], teamIndex, credentials)
        : await this.consumersOfAll(
            capabilities,
            teamIndex,
            credentials,
            stage,
          );
    stage('consumers');

    // needs-discovery and habit-metrics, when installed.
    const needs = await readNeeds(this.options.needsDiscovery, logger);
    const adoption =
      onlyKey && capabilities.length === 1
        ? await this.adoptionOfOne(refOf(capabilities[0]))
        : await this.adoptionOfAll(capabilities);
    stage('needs-discovery and habit-metrics');
    const sources: FactSources = {
      needsDiscovery: needs !== null,
      habitMetrics: adoption !== null,
    };
    // habit-metrics' product teams, when it knows them: the M of every row it gives figures for.
    let habitProductTeams: number | null = null;
    for (const entry of adoption?.values() ?? []) {
      const figures = usableFigures(entry);
      if (figures) {
        habitProductTeams = figures.productTeams;
        break;
      }
    }

    const facts = capabilities.map(entity => {
      const entityRef = refOf(entity);
      const cap = keyOf(entityRef);
      const owner = ownerOf(entity);
      const figures = adoption ? usableFigures(adoption.get(cap)) : null;
      const consumers = figures
        ? consumersFromHabitMetrics(figures)
        : consumersFromCatalog(
            [...(consumerTeams.get(cap) ?? [])].map(
              index => productTeams[index],
            ),
            productTeams.length,
          );
      const fact: CollectedCapability = {
        entityRef,
        title: entity.metadata.title ?? entity.metadata.name,
        owner,
        lifecycle:
          typeof (entity.spec as { lifecycle?: unknown })?.lifecycle ===
          'string'
            ? ((entity.spec as { lifecycle: string }).lifecycle as string)
            : null,
        valueClass: valueClassOf(entity),
        need: needOf(entity, needs),
        consumers,
        surface: surfaceSize.get(cap) ?? 1,
        mvpReviewDate: parseDay(annotation(entity, MVP_REVIEW_DATE_ANNOTATION)),
        adoptionTrend:
          figures && TRENDS.includes(figures.trend) ? figures.trend : null,
        sources,
      };
      return fact;
    });

    return {
      capabilities: facts,
      productTeams: habitProductTeams ?? productTeams.length,
      sources,
    };
  }

  /**
   * habit-metrics' adoption of the capabilities: its adoption list, and for a capability the list does not name yet
   * (annotated since habit-metrics last read the catalog) its own answer. Null when habit-metrics is not installed
   * or did not answer.
   */
  private async adoptionOfAll(
    capabilities: readonly Entity[],
  ): Promise<Map<string, Adoption> | null> {
    const { habitMetrics, logger } = this.options;
    const adoption = await readAdoption(habitMetrics, logger);
    if (!adoption) return null;
    const missing = capabilities
      .map(refOf)
      .filter(ref => !adoption.has(keyOf(ref)));
    const details = await mapLimit(
      missing,
      this.options.habitConcurrency ?? 8,
      ref => readCapabilityHabits(habitMetrics, ref),
    );
    missing.forEach((ref, i) => {
      const detail = details[i]?.adoption;
      if (detail) adoption.set(keyOf(ref), detail);
    });
    return adoption;
  }

  /** habit-metrics' adoption of one capability (its own answer); null when habit-metrics is not installed. */
  private async adoptionOfOne(
    entityRef: string,
  ): Promise<Map<string, Adoption> | null> {
    const { habitMetrics, logger } = this.options;
    try {
      const detail = await habitMetrics.getCapabilityHabits(entityRef);
      return new Map(
        detail?.adoption ? [[keyOf(entityRef), detail.adoption]] : [],
      );
    } catch (error) {
      logger.info(`Scorecard without habit-metrics: ${messageOf(error)}`);
      return null;
    }
  }

  /**
   * Consumers of every capability, reading each relevant entity once: the parts level by level (their reverse
   * relations name the consumers), the components made from the capabilities' templates, then the owners of the
   * rest. Returns the product teams (indexes) consuming each capability and the size of its surface.
   */
  private async consumersOfAll(
    capabilities: Entity[],
    teamIndex: Map<string, number>,
    credentials: BackstageCredentials,
    stage: (name: string) => void,
  ): Promise<ConsumerFacts> {
    const teamOf = (entity: Entity) => {
      const owner = ownerOf(entity);
      return owner === null ? -1 : teamIndex.get(keyOf(owner)) ?? -1;
    };

    // Surface: the capability, its parts and their APIs, level by level. Each entity read is scanned for the
    // next level (hasPart, providesApi) and for consumers (dependencyOf, apiConsumedBy), then let go.
    const surfaceOf = new Map<string, Set<string>>();
    const seen = new Set<string>();
    const consumersOf = new Map<string, Set<string>>();
    const consumerRefs = new Map<string, string>();
    const capsOf = new Map<string, string[]>(); // surface entity → capabilities it belongs to
    let wanted = new Map<string, string>(); // key → ref as the catalog spelled it
    const visit = (entity: Entity, caps: readonly string[]) => {
      seen.add(keyOf(refOf(entity)));
      const expansions = relationTargets(entity, [
        RELATION_HAS_PART,
        RELATION_PROVIDES_API,
      ]);
      const consumers = relationTargets(entity, [
        RELATION_DEPENDENCY_OF,
        RELATION_API_CONSUMED_BY,
      ]);
      for (const cap of caps) {
        const surface = surfaceOf.get(cap)!;
        for (const ref of expansions) {
          const key = keyOf(ref);
          if (surface.has(key)) continue;
          surface.add(key);
          capsOf.set(key, [...(capsOf.get(key) ?? []), cap]);
          wanted.set(key, ref);
        }
        const capConsumers = consumersOf.get(cap)!;
        for (const ref of consumers) {
          const key = keyOf(ref);
          capConsumers.add(key);
          if (!consumerRefs.has(key)) consumerRefs.set(key, ref);
        }
      }
    };
    for (const entity of capabilities) {
      const key = keyOf(refOf(entity));
      surfaceOf.set(key, new Set([key]));
      consumersOf.set(key, new Set());
    }
    for (const entity of capabilities) visit(entity, [keyOf(refOf(entity))]);
    for (let depth = 0; depth < MAX_SURFACE_DEPTH && wanted.size > 0; depth++) {
      const level = wanted;
      wanted = new Map();
      await this.forEachByRef(
        [...level.values()],
        {
          fields: [...REF_FIELDS, 'relations'],
          batchSize: this.surfaceBatchSize,
        },
        credentials,
        entity => visit(entity, capsOf.get(keyOf(refOf(entity))) ?? []),
      );
    }
    // A part that uses another part of the same capability is not a consumer.
    for (const [cap, consumers] of consumersOf) {
      for (const key of surfaceOf.get(cap)!) consumers.delete(key);
    }
    stage(`surface and consumers by relation (${consumerRefs.size})`);

    // Components created from the capabilities' templates.
    const capsByTemplate = new Map<string, string[]>();
    const templateRefs = new Map<string, string>();
    for (const entity of capabilities) {
      for (const template of templatesOf(entity)) {
        const key = keyOf(template);
        templateRefs.set(key, template);
        capsByTemplate.set(key, [
          ...(capsByTemplate.get(key) ?? []),
          keyOf(refOf(entity)),
        ]);
      }
    }
    const ownerTeam = new Map<string, number>();
    if (templateRefs.size > 0) {
      for await (const page of this.pages(
        {
          filter: [
            {
              [`metadata.annotations.${SOURCE_TEMPLATE_ANNOTATION}`]: oneOrMany(
                [...templateRefs.values()],
              ),
            },
          ],
          fields: [...REF_FIELDS, 'metadata.annotations', 'spec.owner'],
        },
        credentials,
      )) {
        for (const entity of page) {
          const source = annotation(entity, SOURCE_TEMPLATE_ANNOTATION);
          const template = source ? normalizeRef(source, 'template') : null;
          if (!template) continue;
          const key = keyOf(refOf(entity));
          ownerTeam.set(key, teamOf(entity));
          for (const cap of capsByTemplate.get(keyOf(template)) ?? []) {
            if (!surfaceOf.get(cap)!.has(key)) consumersOf.get(cap)!.add(key);
          }
        }
      }
    }
    stage(`template-made components (${ownerTeam.size})`);

    // Owners of the consumers not read yet.
    const unknownOwners: string[] = [];
    for (const consumers of consumersOf.values()) {
      for (const key of consumers) {
        if (ownerTeam.has(key)) continue;
        ownerTeam.set(key, -1); // until read
        unknownOwners.push(consumerRefs.get(key)!);
      }
    }
    consumerRefs.clear();
    await this.forEachByRef(
      unknownOwners,
      { fields: [...REF_FIELDS, 'spec.owner'], batchSize: this.batchSize },
      credentials,
      entity => ownerTeam.set(keyOf(refOf(entity)), teamOf(entity)),
    );
    stage(`owners (${unknownOwners.length} read by ref)`);

    const consumerTeams = new Map<string, Set<number>>();
    const surfaceSize = new Map<string, number>();
    for (const [cap, consumers] of consumersOf) {
      const teams = new Set<number>();
      for (const consumer of consumers) {
        const team = ownerTeam.get(consumer) ?? -1;
        if (team >= 0) teams.add(team);
      }
      consumerTeams.set(cap, teams);
      surfaceSize.set(
        cap,
        [...surfaceOf.get(cap)!].filter(key => seen.has(key)).length,
      );
    }
    return { consumerTeams, surfaceSize };
  }

  /**
   * Consumers of one capability, in a handful of small requests whatever its size: its surface level by level
   * (entities `partOf` or `apiProvidedBy` the previous level, minimal fields), then one facet count of the owners
   * of everything that `dependsOn` / `consumesApi` the surface or was made from its templates. Gives the same
   * answer as {@link consumersOfAll} (the tests compare them), fast enough for a refresh on demand.
   */
  private async consumersOfOne(
    capability: Entity,
    teamIndex: Map<string, number>,
    credentials: BackstageCredentials,
  ): Promise<ConsumerFacts> {
    const { catalog } = this.options;
    const cap = keyOf(refOf(capability));
    const surfaceFields = [
      ...REF_FIELDS,
      'spec.owner',
      'spec.dependsOn',
      'spec.consumesApis',
      'metadata.annotations',
    ];
    const surface = new Map<string, Entity>([[cap, capability]]);
    let frontier = [refOf(capability)];
    for (let depth = 0; depth < MAX_SURFACE_DEPTH && frontier.length; depth++) {
      const next: string[] = [];
      for (const group of chunks(frontier, FILTER_VALUES_PER_REQUEST)) {
        for await (const page of this.pages(
          {
            filter: [
              { 'relations.partOf': oneOrMany(group) },
              { 'relations.apiProvidedBy': oneOrMany(group) },
            ],
            fields: surfaceFields,
          },
          credentials,
        )) {
          for (const entity of page) {
            const key = keyOf(refOf(entity));
            if (surface.has(key)) continue;
            surface.set(key, entity);
            next.push(refOf(entity));
          }
        }
      }
      frontier = next;
    }

    // Owners of the consumers, counted by the catalog.
    const surfaceRefs = [...surface.values()].map(refOf);
    const templates = templatesOf(capability);
    const filter: EntityFilter[] = [];
    for (const group of chunks(surfaceRefs, FILTER_VALUES_PER_REQUEST)) {
      filter.push({ 'relations.dependsOn': oneOrMany(group) });
      filter.push({ 'relations.consumesApi': oneOrMany(group) });
    }
    if (templates.length > 0) {
      filter.push({
        [`metadata.annotations.${SOURCE_TEMPLATE_ANNOTATION}`]:
          oneOrMany(templates),
      });
    }
    const { facets } = await catalog.getEntityFacets(
      { filter, facets: [`relations.${RELATION_OWNED_BY}`] },
      { credentials },
    );
    const counts = new Map<number, number>();
    for (const { value, count } of Object.values(facets)[0] ?? []) {
      const team = teamIndex.get(keyOf(value)) ?? -1;
      if (team >= 0) counts.set(team, (counts.get(team) ?? 0) + count);
    }

    // The surface's own entities matched too when they use each other: they are not consumers.
    const surfaceKeys = new Set(surface.keys());
    const templateKeys = new Set(templates.map(keyOf));
    for (const entity of surface.values()) {
      const spec = (entity.spec ?? {}) as {
        dependsOn?: unknown;
        consumesApis?: unknown;
      };
      const namespace = entity.metadata.namespace ?? 'default';
      const uses = [
        ...refsIn(spec.dependsOn, 'component', namespace),
        ...refsIn(spec.consumesApis, 'api', namespace),
      ].some(ref => surfaceKeys.has(keyOf(ref)));
      const source = annotation(entity, SOURCE_TEMPLATE_ANNOTATION);
      const made =
        source !== undefined &&
        templateKeys.has(keyOf(normalizeRef(source, 'template') ?? ''));
      const owner = ownerOf(entity);
      const team = owner === null ? -1 : teamIndex.get(keyOf(owner)) ?? -1;
      if ((uses || made) && team >= 0) {
        counts.set(team, (counts.get(team) ?? 0) - 1);
      }
    }
    const teams = new Set(
      [...counts].filter(([, count]) => count > 0).map(([team]) => team),
    );
    return {
      consumerTeams: new Map([[cap, teams]]),
      surfaceSize: new Map([[cap, surface.size]]),
    };
  }
}
