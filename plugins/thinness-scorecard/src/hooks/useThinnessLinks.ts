import { useRouteRef } from '@backstage/core-plugin-api';
import { Verdict } from '@platform-product/plugin-thinness-scorecard-common';
import { rootRouteRef } from '../routes';

/** Where the page is mounted unless the app says otherwise. */
const DEFAULT_ROOT_PATH = '/thinness';

function useRootPath(): string {
  // useRouteRef throws when the page is not mounted (e.g. an app that only
  // installs the entity cards); links then point at the default path. The hook
  // runs the same hooks on every render whether it throws or not.
  try {
    return useRouteRef(rootRouteRef)();
  } catch {
    return DEFAULT_ROOT_PATH;
  }
}

/** Absolute links to the Thinness page, optionally with the capability table filtered. */
export function useThinnessLinks() {
  const base = useRootPath().replace(/\/$/, '') || '/';
  return {
    root: base,
    filtered: (filter: { owner?: string; verdicts?: Verdict[] }) => {
      const query = new URLSearchParams();
      if (filter.owner) {
        query.set('owner', filter.owner);
      }
      for (const verdict of filter.verdicts ?? []) {
        query.append('verdict', verdict);
      }
      const search = query.toString();
      return search ? `${base}?${search}` : base;
    },
  };
}
