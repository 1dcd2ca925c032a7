import { parseEntityRef } from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import { useCallback, useEffect, useState } from 'react';
import { refLabel } from '../components/shared/format';

function isEntityRef(ref: string): boolean {
  try {
    parseEntityRef(ref);
    return true;
  } catch {
    return false;
  }
}

/**
 * Titles of entities for text that cannot hold a component (chart legends, tooltips, screen-reader summaries, menu
 * order): what Backstage's entity presentation API shows for them everywhere else in the app (a Group's
 * `spec.profile.displayName`, else the entity's `metadata.title`, else its short ref). Links use `EntityRefLink`,
 * which asks the same API. Until the API has answered, and in apps without it, a ref reads as its short form
 * ({@link refLabel}).
 */
export function useEntityTitles(
  refs: readonly (string | null | undefined)[],
): (ref: string | null | undefined) => string {
  const presentation = useApiHolder().get(entityPresentationApiRef);
  const key = [
    ...new Set(refs.filter((r): r is string => !!r && isEntityRef(r))),
  ]
    .sort()
    .join('\n');
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(
    () => new Map(),
  );

  useEffect(() => {
    if (!presentation || !key) {
      return undefined;
    }
    let cancelled = false;
    const wanted = key.split('\n');
    Promise.all(
      wanted.map(ref =>
        presentation
          .forEntity(ref)
          .promise.then(snapshot => [ref, snapshot.primaryTitle] as const)
          .catch(() => [ref, refLabel(ref)] as const),
      ),
    ).then(found => {
      if (cancelled) return;
      setTitles(current => {
        if (found.every(([ref, title]) => current.get(ref) === title)) {
          return current;
        }
        const next = new Map(current);
        for (const [ref, title] of found) next.set(ref, title);
        return next;
      });
    });
    return () => {
      cancelled = true;
    };
  }, [presentation, key]);

  return useCallback(
    (ref: string | null | undefined) =>
      (ref && titles.get(ref)) || refLabel(ref),
    [titles],
  );
}
