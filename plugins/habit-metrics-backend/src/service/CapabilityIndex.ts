import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normaliseRef } from '../refs';

export const CAPABILITY_ANNOTATION = 'platform-product.io/capability';
export const TEMPLATES_ANNOTATION = 'platform-product.io/templates';

const CACHE_MS = 5 * 60 * 1000;

interface Snapshot {
  at: number;
  capabilities: string[];
  byTemplate: Map<string, string>;
  /** Normalised Group refs of the capabilities' owners, sorted. */
  owners: string[];
}

/**
 * The platform capabilities of the catalog (entities annotated `platform-product.io/capability: "true"`) and the
 * templates that are their golden paths (`platform-product.io/templates`), cached for a few minutes.
 */
export class CapabilityIndex {
  private snapshot?: Snapshot;
  private loading?: Promise<Snapshot>;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  /** Normalised refs of every capability, sorted. */
  async capabilities(): Promise<string[]> {
    return (await this.load()).capabilities;
  }

  /** Normalised refs of the Groups that own capabilities (`spec.owner`; short refs are Groups of its namespace). */
  async owners(): Promise<string[]> {
    return (await this.load()).owners;
  }

  /** The capability whose golden path this template is, if any. */
  async capabilityOfTemplate(
    templateRef: string | null | undefined,
  ): Promise<string | null> {
    if (!templateRef) return null;
    const ref = normaliseRef(templateRef, { defaultKind: 'template' });
    if (!ref) return null;
    return (await this.load()).byTemplate.get(ref) ?? null;
  }

  /**
   * Whether the (normalised) ref is a capability. With `checkCatalog`, a ref the cached index does not know is looked
   * up in the catalog (one small request), so an entity annotated since the index was read counts at once.
   */
  async isCapability(
    ref: string,
    options?: { checkCatalog?: boolean },
  ): Promise<boolean> {
    if ((await this.load()).capabilities.includes(ref)) return true;
    if (!options?.checkCatalog) return false;
    try {
      const credentials = await this.options.auth.getOwnServiceCredentials();
      const { items } = await this.options.catalog.getEntitiesByRefs(
        {
          entityRefs: [ref],
          fields: ['kind', 'metadata.name', 'metadata.annotations'],
        },
        { credentials },
      );
      const annotation = (items[0] as Entity | undefined)?.metadata
        .annotations?.[CAPABILITY_ANNOTATION];
      return annotation?.toLocaleLowerCase('en-US') === 'true';
    } catch (error) {
      this.options.logger.warn(
        `Could not look ${ref} up in the catalog: ${error}`,
      );
      return false;
    }
  }

  private async load(): Promise<Snapshot> {
    if (this.snapshot && Date.now() - this.snapshot.at < CACHE_MS) {
      return this.snapshot;
    }
    if (!this.loading) {
      this.loading = this.read()
        .then(snapshot => {
          this.snapshot = snapshot;
          return snapshot;
        })
        .catch(error => {
          this.options.logger.warn(
            `Could not read the platform capabilities from the catalog: ${error}`,
          );
          // Keep serving what was known; retry on the next call.
          return (
            this.snapshot ?? {
              at: 0,
              capabilities: [],
              byTemplate: new Map<string, string>(),
              owners: [],
            }
          );
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    return this.loading;
  }

  private async read(): Promise<Snapshot> {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
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
    );
    const capabilities: string[] = [];
    const byTemplate = new Map<string, string>();
    const owners = new Set<string>();
    const entities = (items as Entity[])
      .map(entity => ({
        entity,
        capabilityRef: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
      }))
      .sort((a, b) => (a.capabilityRef < b.capabilityRef ? -1 : 1));
    for (const { entity, capabilityRef } of entities) {
      capabilities.push(capabilityRef);
      const owner = ownerOf(entity);
      if (owner) owners.add(owner);
      for (const templateRef of templatesOf(entity)) {
        // A template serving two capabilities counts for the first one in ref order.
        if (!byTemplate.has(templateRef)) {
          byTemplate.set(templateRef, capabilityRef);
        }
      }
    }
    return {
      at: Date.now(),
      capabilities,
      byTemplate,
      owners: [...owners].sort(),
    };
  }
}

/** The normalised Group ref of an entity's `spec.owner`; undefined when it names no Group. */
export function ownerOf(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner.trim()) return undefined;
  const ref = normaliseRef(owner.trim(), {
    defaultKind: 'group',
    defaultNamespace: entity.metadata.namespace,
  });
  return ref?.startsWith('group:') ? ref : undefined;
}

/**
 * The golden-path templates a capability lists in `platform-product.io/templates` (comma-separated, short refs
 * allowed), normalised, in the order written; refs that do not parse are left out.
 */
export function templatesOf(entity: Entity): string[] {
  const templates = entity.metadata.annotations?.[TEMPLATES_ANNOTATION] ?? '';
  const refs: string[] = [];
  for (const template of templates.split(',')) {
    const templateRef = template.trim()
      ? normaliseRef(template.trim(), {
          defaultKind: 'template',
          defaultNamespace: entity.metadata.namespace,
        })
      : undefined;
    if (templateRef && !refs.includes(templateRef)) refs.push(templateRef);
  }
  return refs;
}
