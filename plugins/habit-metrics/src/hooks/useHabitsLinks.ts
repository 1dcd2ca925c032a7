import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../routes';

/** Where the page is mounted unless the app says otherwise. */
const DEFAULT_ROOT_PATH = '/habits';

function useRootPath(): string {
  // useRouteRef throws when the page is not mounted (e.g. an app that only installs the entity
  // cards); links then point at the default path.
  try {
    return useRouteRef(rootRouteRef)();
  } catch {
    return DEFAULT_ROOT_PATH;
  }
}

/**
 * Absolute links to the habits page and its team drill-down; `weeks` and `capability` keep the
 * selected range and capability.
 */
export function useHabitsLinks() {
  const base = useRootPath().replace(/\/$/, '');
  const search = (weeks?: number, capability?: string) => {
    const params = new URLSearchParams();
    if (weeks) {
      params.set('weeks', String(weeks));
    }
    if (capability) {
      params.set('capability', capability);
    }
    const text = params.toString();
    return text ? `?${text}` : '';
  };
  return {
    root: (weeks?: number, capability?: string) =>
      `${base || '/'}${search(weeks, capability)}`,
    team: (teamRef: string, weeks?: number) => {
      const { namespace, name } = parseEntityRef(teamRef, {
        defaultKind: 'group',
      });
      return `${base}/teams/${encodeURIComponent(
        namespace,
      )}/${encodeURIComponent(name)}${search(weeks)}`;
    },
    campaigns: () => `${base}/campaigns`,
    campaign: (id: string) => `${base}/campaigns/${encodeURIComponent(id)}`,
  };
}
