import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  productTeams,
  TeamGroup,
} from '@platform-product/plugin-habit-metrics-common';
import { normaliseRef } from '../refs';

const CACHE_MS = 5 * 60 * 1000;
const BATCH = 200;

/**
 * A user's teams are the groups they are a member of in the catalog (`memberOf` relations). Used to turn user refs
 * into team refs before anything is stored, and to list the product teams every adoption figure counts (the
 * denominator of the shares). Cached briefly: ingestion and the events API resolve the same people over and over.
 */
export class TeamResolver {
  private readonly users = new Map<string, { at: number; teams: string[] }>();
  private groups?: { at: number; groups: TeamGroup[] };

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      teamTypes: string[];
      /** Normalised refs of the owners of the platform capabilities (CapabilityIndex.owners). */
      capabilityOwners?: () => Promise<string[]>;
      /** Count the owners of capabilities as product teams too (`habitMetrics.includeCapabilityOwners`). */
      includeCapabilityOwners?: boolean;
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

  /**
   * The product teams (productTeams() of habit-metrics-common): Groups whose spec.type is one of
   * habitMetrics.teamTypes, less the owners of capabilities unless habitMetrics.includeCapabilityOwners; normalised
   * refs, sorted. Null when the catalog cannot be read (and nothing was read before).
   */
  async productTeams(): Promise<string[] | null> {
    const groups = await this.teamGroups();
    if (groups === null) return null;
    const { teamTypes, includeCapabilityOwners = false } = this.options;
    const capabilityOwners = includeCapabilityOwners
      ? []
      : (await this.options.capabilityOwners?.()) ?? [];
    return productTeams(groups, {
      teamTypes,
      capabilityOwners,
      includeCapabilityOwners,
    });
  }

  /** The number of product teams; null when the catalog cannot be read. */
  async totalTeams(): Promise<number | null> {
    return (await this.productTeams())?.length ?? null;
  }

  /** Groups of habitMetrics.teamTypes with their types; the last answer when the catalog cannot be read now. */
  private async teamGroups(): Promise<TeamGroup[] | null> {
    if (this.groups && Date.now() - this.groups.at < CACHE_MS) {
      return this.groups.groups;
    }
    try {
      const credentials = await this.options.auth.getOwnServiceCredentials();
      const { items } = await this.options.catalog.getEntities(
        {
          filter: { kind: 'group', 'spec.type': this.options.teamTypes },
          fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.type'],
        },
        { credentials },
      );
      this.groups = {
        at: Date.now(),
        groups: items.map(item => ({
          ref: stringifyEntityRef(item),
          type: (item.spec as { type?: unknown } | undefined)?.type,
        })),
      };
    } catch (error) {
      this.options.logger.warn(
        `Could not read the teams in the catalog: ${error}`,
      );
      return this.groups?.groups ?? null;
    }
    return this.groups.groups;
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
