import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EVENT_KINDS } from '@platform-product/plugin-habit-metrics-common';
import {
  HabitStore,
  NewComponent,
  NewHabitEvent,
} from '../database/HabitStore';
import { kindOf, normaliseRef } from '../refs';
import { CapabilityIndex } from '../service/CapabilityIndex';

export const CATALOG_SOURCE = 'catalog';

/** Written by the scaffolder's catalog:write action: the component was made from this template. */
export const SOURCE_TEMPLATE_ANNOTATION = 'backstage.io/source-template';

/** What the scanner keeps in hm_ingestion_state between runs. */
export interface CatalogScanState {
  /** True once a complete scan has recorded the catalog as it was: components seen later are new. */
  baselineDone: boolean;
  /** Catalog cursor of the next page while a scan is in progress; absent between scans. */
  cursor?: string;
  /** Whether the scan in progress has seen any component. */
  seenAny?: boolean;
}

export interface ScanRun {
  baseline: boolean;
  componentsRead: number;
  newComponents: number;
}

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'spec.owner',
];

/**
 * Scans the catalog's Components and records each one the first time it is seen: `component-created`, new way when
 * it came from a template (`backstage.io/source-template`), old way when it was made by hand.
 *
 * The first complete scan is a baseline: what already exists is stored (with `component-baseline` events, history
 * that no metric counts) rather than reported as a burst of new components. A scan that sees no component at all
 * does not complete the baseline, because at start-up the catalog may not have ingested anything yet.
 *
 * Restart-safe: the catalog cursor is saved after each page, events are written before the components they
 * describe, and the idempotency key `catalog-component:<ref>` drops an event recorded before a crash.
 */
export class CatalogComponentScanner {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      store: HabitStore;
      capabilities: CapabilityIndex;
      pageSize?: number;
    },
  ) {}

  async run(now = new Date()): Promise<ScanRun> {
    const { store, logger } = this.options;
    let state = await store.getIngestionState<CatalogScanState>(CATALOG_SOURCE);
    if (!state) {
      // No state but known components (the state was cleared): the baseline was taken before.
      state = { baselineDone: (await store.countComponents()) > 0 };
    }
    const baseline = !state.baselineDone;
    const result: ScanRun = { baseline, componentsRead: 0, newComponents: 0 };
    let cursor = state.cursor;
    let seenAny = state.seenAny ?? false;

    for (;;) {
      const page = await this.fetchPage(cursor);
      const components = page.items
        .map(entity => this.componentOf(entity, baseline, now))
        .filter((c): c is NewComponent => Boolean(c));
      seenAny = seenAny || components.length > 0;
      const fresh = baseline ? components : await this.unknown(components);
      const events = await this.eventsOf(fresh, baseline, now);
      if (events.length > 0) await store.recordEvents(events, now);
      const added = await store.addComponents(fresh);
      if (!baseline) result.newComponents += added;
      result.componentsRead += page.items.length;
      cursor = page.pageInfo.nextCursor;
      if (!cursor) break;
      await store.setIngestionState(
        CATALOG_SOURCE,
        {
          baselineDone: state.baselineDone,
          cursor,
          seenAny,
        } satisfies CatalogScanState,
        now,
      );
    }

    const baselineDone = state.baselineDone || seenAny;
    await store.setIngestionState(
      CATALOG_SOURCE,
      { baselineDone } satisfies CatalogScanState,
      now,
    );
    if (baseline && baselineDone) {
      logger.info(
        `Recorded ${result.componentsRead} existing components as the baseline; components seen from now on are new`,
      );
    } else if (result.newComponents > 0) {
      logger.info(`Recorded ${result.newComponents} new components`);
    }
    return result;
  }

  private async fetchPage(cursor: string | undefined) {
    const { catalog, auth, logger } = this.options;
    const limit = this.options.pageSize ?? 200;
    const credentials = await auth.getOwnServiceCredentials();
    if (cursor) {
      try {
        return await catalog.queryEntities(
          { cursor, limit, fields: FIELDS },
          { credentials },
        );
      } catch (error) {
        // A cursor from before a catalog upgrade may be refused: scan again from the start (writes are idempotent).
        logger.warn(
          `The catalog refused the saved scan cursor, starting the scan over: ${error}`,
        );
      }
    }
    return catalog.queryEntities(
      { filter: { kind: 'component' }, limit, fields: FIELDS },
      { credentials },
    );
  }

  private componentOf(
    entity: Entity,
    baseline: boolean,
    now: Date,
  ): NewComponent | undefined {
    const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    const namespace = entity.metadata.namespace;
    const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
    const source = entity.metadata.annotations?.[SOURCE_TEMPLATE_ANNOTATION];
    return {
      entityRef,
      ownerRef:
        typeof owner === 'string'
          ? normaliseRef(owner, {
              defaultKind: 'group',
              defaultNamespace: namespace,
            }) ?? null
          : null,
      sourceTemplate: source?.trim()
        ? normaliseRef(source.trim(), {
            defaultKind: 'template',
            defaultNamespace: namespace,
          }) ?? null
        : null,
      baseline,
      firstSeenAt: now,
    };
  }

  private async unknown(components: NewComponent[]) {
    const known = await this.options.store.knownComponents(
      components.map(c => c.entityRef),
    );
    return components.filter(c => !known.has(c.entityRef));
  }

  private async eventsOf(
    components: NewComponent[],
    baseline: boolean,
    now: Date,
  ): Promise<NewHabitEvent[]> {
    const events: NewHabitEvent[] = [];
    for (const component of components) {
      if (!component.ownerRef || kindOf(component.ownerRef) !== 'group') {
        this.options.logger.debug(
          `Not counting ${component.entityRef} for a team: its owner ${component.ownerRef} is not a group`,
        );
        continue;
      }
      events.push({
        source: CATALOG_SOURCE,
        kind: baseline
          ? EVENT_KINDS.componentBaseline
          : EVENT_KINDS.componentCreated,
        way: component.sourceTemplate ? 'new' : 'old',
        capabilityRef: await this.options.capabilities.capabilityOfTemplate(
          component.sourceTemplate,
        ),
        templateRef: component.sourceTemplate,
        teamRefs: [component.ownerRef],
        at: now,
        idempotencyKey: `catalog-component:${component.entityRef}`,
      });
    }
    return events;
  }
}
