import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NeedCapability } from '@platform-product/plugin-needs-discovery-common';
import { NeedsStore } from '../database/NeedsStore';

/** The catalog vocabulary this plugin reads (DESIGN.md, "Catalog vocabulary"). */
export const CAPABILITY_ANNOTATION = 'platform-product.io/capability';
export const NEED_ANNOTATION = 'platform-product.io/need';
export const MVP_REVIEW_DATE_ANNOTATION = 'platform-product.io/mvp-review-date';

/** Longest need id a survey can have; a longer annotation cannot name a need. */
const MAX_NEED_ID = 100;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** The capability an entity is when it is annotated as one and names a need; undefined otherwise. */
export function needCapabilityOf(entity: Entity): NeedCapability | undefined {
  const annotations = entity.metadata.annotations ?? {};
  if (text(annotations[CAPABILITY_ANNOTATION])?.toLowerCase() !== 'true') {
    return undefined;
  }
  const needId = text(annotations[NEED_ANNOTATION]);
  if (!needId || needId.length > MAX_NEED_ID) return undefined;
  const title = text(entity.metadata.title);
  const lifecycle = text(entity.spec?.lifecycle);
  const mvpReviewDate = text(annotations[MVP_REVIEW_DATE_ANNOTATION]);
  return {
    entityRef: stringifyEntityRef(entity),
    needId,
    ...(title ? { title } : {}),
    ...(lifecycle ? { lifecycle } : {}),
    ...(mvpReviewDate ? { mvpReviewDate } : {}),
  };
}

/**
 * Reads the catalog's platform capabilities that name a need and stores them for the needs registry. Run by the
 * `needs-discovery-catalog-capabilities` scheduler task (global scope: once across replicas). When the catalog
 * cannot be read, the last scan is kept and a warning logged.
 */
export async function syncCatalogCapabilities(options: {
  catalog: CatalogService;
  auth: AuthService;
  store: NeedsStore;
  logger: LoggerService;
}): Promise<NeedCapability[] | undefined> {
  const { catalog, auth, store, logger } = options;
  let entities: Entity[];
  try {
    const { items } = await catalog.getEntities(
      {
        filter: { [`metadata.annotations.${CAPABILITY_ANNOTATION}`]: 'true' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'metadata.annotations',
          'spec.lifecycle',
        ],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    entities = items;
  } catch (error) {
    logger.warn(
      `Could not read the platform capabilities from the catalog; the needs registry keeps the last ones read: ${error}`,
    );
    return undefined;
  }
  const byRef = new Map<string, NeedCapability>();
  for (const entity of entities) {
    const capability = needCapabilityOf(entity);
    const key = capability?.entityRef.toLocaleLowerCase('en-US');
    if (capability && key && !byRef.has(key)) byRef.set(key, capability);
  }
  const capabilities = [...byRef.values()];
  await store.replaceCatalogCapabilities(capabilities);
  logger.debug(
    `The catalog has ${capabilities.length} platform capabilities naming a need`,
  );
  return capabilities;
}
