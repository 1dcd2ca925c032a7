import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AudienceTeam } from '@platform-product/plugin-needs-discovery-common';

export interface Audience {
  /** The teams results are broken down by: the audience groups, or every team when the audience is everyone. */
  teams: AudienceTeam[];
  /** Distinct users in the audience; null when the catalog could not be read. */
  size: number | null;
  /** User refs in the audience (for reminders). */
  members: string[];
}

const CACHE_MS = 5 * 60 * 1000;

function memberRefs(group: Entity): string[] {
  return (group.relations ?? [])
    .filter(
      r => r.type === RELATION_HAS_MEMBER && r.targetRef.startsWith('user:'),
    )
    .map(r => r.targetRef);
}

/** Reads survey audiences from the catalog, with a short cache: results are read far more often than teams change. */
export class AudienceResolver {
  private readonly cache = new Map<
    string,
    { at: number; audience: Audience }
  >();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      teamTypes: string[];
    },
  ) {}

  async resolve(audienceRefs: string[]): Promise<Audience> {
    const key = [...audienceRefs].sort().join(',');
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.audience;
    try {
      const audience = await this.read(audienceRefs);
      this.cache.set(key, { at: Date.now(), audience });
      return audience;
    } catch (error) {
      this.options.logger.warn(
        `Could not read the survey audience from the catalog: ${error}`,
      );
      return {
        teams: audienceRefs.map(teamRef => ({ teamRef, members: null })),
        size: null,
        members: [],
      };
    }
  }

  private async read(audienceRefs: string[]): Promise<Audience> {
    const { catalog, auth, teamTypes } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const fields = ['kind', 'metadata.name', 'metadata.namespace', 'relations'];
    let groups: Entity[];
    let members: string[];
    if (audienceRefs.length > 0) {
      const response = await catalog.getEntitiesByRefs(
        { entityRefs: audienceRefs, fields },
        { credentials },
      );
      groups = response.items.filter((e): e is Entity => Boolean(e));
      members = [...new Set(groups.flatMap(memberRefs))];
    } else {
      const [teamGroups, users] = await Promise.all([
        catalog.getEntities(
          { filter: { kind: 'group', 'spec.type': teamTypes }, fields },
          { credentials },
        ),
        catalog.getEntities(
          {
            filter: { kind: 'user' },
            fields: ['kind', 'metadata.name', 'metadata.namespace'],
          },
          { credentials },
        ),
      ]);
      groups = teamGroups.items;
      members = users.items.map(u => stringifyEntityRef(u));
    }
    return {
      teams: groups
        .map(group => ({
          teamRef: stringifyEntityRef(group),
          members: memberRefs(group).length,
        }))
        .sort((a, b) => (a.teamRef < b.teamRef ? -1 : 1)),
      size: members.length,
      members,
    };
  }
}
