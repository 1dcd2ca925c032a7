import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, RELATION_MEMBER_OF } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normaliseRef } from '../refs';

const CACHE_MS = 5 * 60 * 1000;
const BATCH = 200;

/**
 * A user's teams are the groups they are a member of in the catalog (`memberOf` relations). Used to turn user refs
 * into team refs before anything is stored, and to count the teams adoption shares are relative to. Cached briefly:
 * ingestion and the events API resolve the same people over and over.
 */
export class TeamResolver {
  private readonly users = new Map<string, { at: number; teams: string[] }>();
  private total?: { at: number; count: number | null };

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      teamTypes: string[];
    },
  ) {}

  /** Normalised group refs of a user; empty when the user is unknown or in no group. */
  async teamsOf(userRef: string): Promise<string[]> {
    return (await this.teamsOfUsers([userRef])).get(userRef) ?? [];
  }

  /** Teams of several users at once (one catalog call for those not cached), keyed by the refs as given. */
  async teamsOfUsers(userRefs: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    const missing = new Map<string, string[]>();
    for (const given of new Set(userRefs)) {
      const ref = normaliseRef(given, { defaultKind: 'user' });
      if (!ref || !ref.startsWith('user:')) {
        result.set(given, []);
        continue;
      }
      const cached = this.users.get(ref);
      if (cached && Date.now() - cached.at < CACHE_MS) {
        result.set(given, cached.teams);
      } else {
        missing.set(ref, [...(missing.get(ref) ?? []), given]);
      }
    }
    const refs = [...missing.keys()];
    if (refs.length > 0) {
      const credentials = await this.options.auth.getOwnServiceCredentials();
      for (let i = 0; i < refs.length; i += BATCH) {
        const batch = refs.slice(i, i + BATCH);
        const { items } = await this.options.catalog.getEntitiesByRefs(
          {
            entityRefs: batch,
            fields: [
              'kind',
              'metadata.name',
              'metadata.namespace',
              'relations',
            ],
          },
          { credentials },
        );
        batch.forEach((ref, index) => {
          const teams = groupsOf(items[index]);
          this.users.set(ref, { at: Date.now(), teams });
          for (const given of missing.get(ref)!) result.set(given, teams);
        });
      }
    }
    return result;
  }

  /** Groups whose spec.type is one of habitMetrics.teamTypes; null when the catalog cannot be read. */
  async totalTeams(): Promise<number | null> {
    if (this.total && Date.now() - this.total.at < CACHE_MS) {
      return this.total.count;
    }
    try {
      const credentials = await this.options.auth.getOwnServiceCredentials();
      const { items } = await this.options.catalog.getEntities(
        {
          filter: { kind: 'group', 'spec.type': this.options.teamTypes },
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { credentials },
      );
      this.total = { at: Date.now(), count: items.length };
    } catch (error) {
      this.options.logger.warn(
        `Could not count the teams in the catalog: ${error}`,
      );
      return this.total?.count ?? null;
    }
    return this.total.count;
  }

  /** Whether a group with this (normalised) ref is in the catalog. */
  async groupExists(groupRef: string): Promise<boolean> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { items } = await this.options.catalog.getEntitiesByRefs(
      { entityRefs: [groupRef], fields: ['kind', 'metadata.name'] },
      { credentials },
    );
    return Boolean(items[0]);
  }
}

function groupsOf(user: Entity | undefined): string[] {
  if (!user) return [];
  const teams = new Set<string>();
  for (const relation of user.relations ?? []) {
    if (relation.type !== RELATION_MEMBER_OF) continue;
    const ref = normaliseRef(relation.targetRef);
    if (ref?.startsWith('group:')) teams.add(ref);
  }
  return [...teams].sort();
}
