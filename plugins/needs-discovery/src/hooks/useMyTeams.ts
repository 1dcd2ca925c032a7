import { identityApiRef, useApiHolder } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/** The signed-in user and the teams the backend counts their answers for. */
export interface MyTeams {
  loading: boolean;
  /** The user's entity ref; undefined while loading or when the identity is unknown. */
  userEntityRef?: string;
  /**
   * The Group refs among the user's ownership refs: the same refs the backend records with a response. Undefined
   * while loading or when the identity is unknown.
   */
  teams?: string[];
}

/**
 * The signed-in user's teams, from their Backstage identity. The sign-in resolver puts the user's Groups (the
 * catalog `memberOf` relations of their User entity) into the identity's ownership refs, and the backend reads the
 * same refs. Without an identity API (e.g. in an app that provides none) the teams are unknown.
 */
export function useMyTeams(): MyTeams {
  const identityApi = useApiHolder().get(identityApiRef);
  const { value, loading } = useAsync(async () => {
    if (!identityApi) {
      return undefined;
    }
    try {
      const identity = await identityApi.getBackstageIdentity();
      return {
        userEntityRef: identity.userEntityRef,
        teams: identity.ownershipEntityRefs.filter(ref =>
          ref.toLocaleLowerCase('en-US').startsWith('group:'),
        ),
      };
    } catch {
      return undefined;
    }
  }, [identityApi]);
  return { loading, ...value };
}
