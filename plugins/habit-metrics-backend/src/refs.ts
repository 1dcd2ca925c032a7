import { parseRefOfKind } from '@platform-product/common';

/**
 * An entity ref in the one form this plugin stores and compares: `kind:namespace/name`, all lower case (the catalog
 * compares refs case-insensitively and writes relation targets in lower case). Undefined when it is not a ref.
 *
 * The ref is read by the suite's one ref rule (`parseRefOfKind` of `@platform-product/common`: the catalog's own
 * parser and name rules, no NUL, control character or lone surrogate, at most 255 characters), so `group:../x` or a
 * 300 KB string is not a ref here either; this plugin only adds the lower-casing of the name.
 */
export function normaliseRef(
  ref: string,
  defaults?: { defaultKind?: string; defaultNamespace?: string },
): string | undefined {
  return parseRefOfKind(ref, { kinds: [], ...defaults }).ref?.toLocaleLowerCase(
    'en-US',
  );
}

/** The kind of a normalised ref. */
export function kindOf(ref: string): string {
  return ref.slice(0, ref.indexOf(':'));
}
