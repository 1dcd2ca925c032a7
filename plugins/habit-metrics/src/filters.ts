import { Entity } from '@backstage/catalog-model';
import { CAPABILITY_ANNOTATION } from './analytics';

/**
 * Whether an entity is a platform capability (has the `platform-product.io/capability` annotation).
 * For legacy apps: `<EntitySwitch.Case if={isCapabilityEntity}>`.
 *
 * @public
 */
export function isCapabilityEntity(entity: Entity): boolean {
  return Boolean(entity.metadata.annotations?.[CAPABILITY_ANNOTATION]);
}

/** The same test as a filter expression, which apps can override in config. */
export const capabilityEntityFilter = {
  [`metadata.annotations.${CAPABILITY_ANNOTATION}`]: { $exists: true },
};

export const teamEntityFilter = { kind: 'group' };
