import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../routes';

/** Where the page is mounted unless the app says otherwise. */
const DEFAULT_ROOT_PATH = '/needs';

function useRootPath(): string {
  // useRouteRef throws when the page is not mounted (e.g. an app that only
  // installs the entity card); links then point at the default path. The hook
  // runs the same hooks on every render whether it throws or not.
  try {
    return useRouteRef(rootRouteRef)();
  } catch {
    return DEFAULT_ROOT_PATH;
  }
}

/**
 * Absolute links to the needs page's sub-pages. Absolute because the links are
 * rendered at different depths (inside tabs, inside sub-pages, on entity pages),
 * where relative paths would resolve differently.
 */
export function useNeedsLinks() {
  const base = useRootPath().replace(/\/$/, '');
  return {
    root: base || '/',
    mine: `${base}/mine`,
    manage: `${base}/manage`,
    newSurvey: `${base}/new`,
    survey: (surveyId: string) =>
      `${base}/surveys/${encodeURIComponent(surveyId)}`,
    editSurvey: (surveyId: string) =>
      `${base}/surveys/${encodeURIComponent(surveyId)}/edit`,
    results: (surveyId: string) =>
      `${base}/surveys/${encodeURIComponent(surveyId)}/results`,
  };
}
