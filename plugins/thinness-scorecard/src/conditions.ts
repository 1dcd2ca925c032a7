import { Entity } from '@backstage/catalog-model';
import { CAPABILITY_ANNOTATION } from './constants';

/**
 * For legacy entity pages: true for entities annotated `platform-product.io/capability: "true"`, e.g.
 * `<EntitySwitch.Case if={isThinnessCapability}><EntityThinnessCard /></EntitySwitch.Case>`.
 *
 * @public
 */
export function isThinnessCapability(entity: Entity): boolean {
  return (
    entity.metadata.annotations?.[CAPABILITY_ANNOTATION]?.toLocaleLowerCase(
      'en-US',
    ) === 'true'
  );
}
