import { useApiHolder } from '@backstage/core-plugin-api';
import {
  defaultEntityPresentation,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import { useCallback, useEffect, useMemo, useState } from 'react';

/**
 * Titles of entities, as the catalog's entity presentation API gives them (what `EntityRefLink` and
 * `EntityDisplayName` show): for a Group `spec.profile.displayName`, else `metadata.title`, else its name. For places
 * that need plain text, such as chart axes and sentences. Until the catalog answers, and without the presentation
 * API, a ref shows as its short name (`checkout`, `other-namespace/checkout`).
 *
 * @param refs - entity refs, in any letter case
 * @param defaultKind - the kind left out of the short name; `group` by default
 * @returns a function from a ref to its title
 */
export function useEntityTitles(
  refs: readonly string[],
  defaultKind = 'group',
): (ref: string) => string {
  const presentationApi = useApiHolder().get(entityPresentationApiRef);
  // A stable key, so a new array with the same refs does not ask the catalog again.
  const key = JSON.stringify([...new Set(refs)].sort());
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    if (!presentationApi) {
      return undefined;
    }
    let cancelled = false;
    const unique: string[] = JSON.parse(key);
    const presentations = unique.flatMap(ref => {
      try {
        return [
          [ref, presentationApi.forEntity(ref, { defaultKind })] as const,
        ];
      } catch {
        // Not an entity ref: it shows as it is.
        return [];
      }
    });
    setTitles(
      new Map(presentations.map(([ref, p]) => [ref, p.snapshot.primaryTitle])),
    );
    Promise.all(
      presentations.map(([ref, p]) =>
        p.promise.then(
          snapshot => [ref, snapshot.primaryTitle] as const,
          () => [ref, p.snapshot.primaryTitle] as const,
        ),
      ),
    ).then(entries => {
      if (!cancelled) {
        setTitles(new Map(entries));
      }
    });
    return () => {
      cancelled = true;
    };
  }, [presentationApi, key, defaultKind]);

  const fallback = useMemo(() => ({ defaultKind }), [defaultKind]);
  return useCallback(
    (ref: string) =>
      titles.get(ref) ??
      defaultEntityPresentation(ref, fallback).primaryTitle ??
      ref,
    [titles, fallback],
  );
}
