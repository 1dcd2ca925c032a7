import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { parseEntityYaml } from '@backstage/plugin-catalog-node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The example catalog's YAML files (the catalog the example instance and its demo run on). */
export const EXAMPLE_FILES = [
  'org.yaml',
  'capabilities.yaml',
  'components.yaml',
];

const refOf = (entity: Entity) =>
  stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  });

/**
 * Adds the relations the catalog's built-in processor derives from `spec` (owner, system, subcomponentOf, dependsOn,
 * providesApis, consumesApis, parent/children, memberOf), in both directions, as the catalog API returns them.
 * Test catalogs (the in-memory mock and the benchmark's HTTP catalog) serve entities with these relations.
 */
export function withRelations(entities: Entity[]): Entity[] {
  const byRef = new Map<string, Entity>();
  const copies = entities.map(entity => {
    const copy: Entity = {
      ...entity,
      metadata: { namespace: 'default', ...entity.metadata },
      relations: [],
    };
    byRef.set(refOf(copy).toLocaleLowerCase('en-US'), copy);
    return copy;
  });
  const relate = (
    source: Entity,
    type: string,
    reverse: string,
    target: string | undefined,
    defaultKind: string,
  ) => {
    if (!target) return;
    const targetRef = stringifyEntityRef(
      parseEntityRef(target, {
        defaultKind,
        defaultNamespace: source.metadata.namespace ?? 'default',
      }),
    );
    source.relations!.push({ type, targetRef });
    byRef
      .get(targetRef.toLocaleLowerCase('en-US'))
      ?.relations!.push({ type: reverse, targetRef: refOf(source) });
  };
  for (const entity of copies) {
    const spec = (entity.spec ?? {}) as Record<string, any>;
    relate(entity, 'ownedBy', 'ownerOf', spec.owner, 'group');
    relate(entity, 'partOf', 'hasPart', spec.system, 'system');
    relate(entity, 'partOf', 'hasPart', spec.subcomponentOf, 'component');
    relate(entity, 'childOf', 'parentOf', spec.parent, 'group');
    for (const target of spec.dependsOn ?? []) {
      relate(entity, 'dependsOn', 'dependencyOf', target, 'component');
    }
    for (const target of spec.providesApis ?? []) {
      relate(entity, 'providesApi', 'apiProvidedBy', target, 'api');
    }
    for (const target of spec.consumesApis ?? []) {
      relate(entity, 'consumesApi', 'apiConsumedBy', target, 'api');
    }
    for (const target of spec.memberOf ?? []) {
      relate(entity, 'memberOf', 'hasMember', target, 'group');
    }
  }
  return copies;
}

/** Reads YAML catalog files into entities (without relations). */
export function readEntities(paths: string[]): Entity[] {
  const entities: Entity[] = [];
  for (const path of paths) {
    for (const result of parseEntityYaml(readFileSync(path), {
      type: 'file',
      target: path,
    })) {
      if (result.type === 'entity') entities.push(result.entity);
      else if (result.type === 'error') throw result.error;
    }
  }
  return entities;
}

/** The example catalog (examples/org.yaml, capabilities.yaml, components.yaml) with its relations. */
export function exampleCatalog(): Entity[] {
  const root = resolve(
    resolvePackagePath('@platform-product/plugin-thinness-scorecard-backend'),
    '../../examples',
  );
  return withRelations(
    readEntities(EXAMPLE_FILES.map(file => resolve(root, file))),
  );
}
