import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * An entity ref in the one form this plugin stores and compares: `kind:namespace/name`, lower case (the catalog
 * compares refs case-insensitively and writes relation targets in lower case). Undefined when it is not a ref.
 */
export function normaliseRef(
  ref: string,
  defaults?: { defaultKind?: string; defaultNamespace?: string },
): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(ref, defaults)).toLocaleLowerCase(
      'en-US',
    );
  } catch {
    return undefined;
  }
}

/** The kind of a normalised ref. */
export function kindOf(ref: string): string {
  return ref.slice(0, ref.indexOf(':'));
}
