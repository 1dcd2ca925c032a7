import { Entity, parseEntityRef } from '@backstage/catalog-model';

/**
 * The organisation the benchmark runs against: seven teams of roughly 30–50 people. Membership is a pure function
 * of the user ref, so the mocked catalog, the mocked user info and the seeded rows all agree without sharing state,
 * and any `user:default/bench-<i>` the load generator invents belongs to one or two real teams.
 */
export const BENCH_TEAMS: readonly string[] = [
  'group:default/checkout',
  'group:default/billing',
  'group:default/mobile',
  'group:default/search',
  'group:default/logistics',
  'group:default/data',
  'group:default/identity',
];

/** Users listed in the catalog; 280 users over 7 teams, a fifth of them in two teams, gives ~40–48 per team. */
const CATALOG_USERS = 280;

export const benchUserRef = (name: string | number) =>
  `user:default/bench-${name}`;

/** FNV-1a: a stable, well-spread 32-bit hash, so team sizes come out even for any naming scheme. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The teams of a user: one, and for about one in five people a second one. */
export function benchTeamsOf(userRef: string): string[] {
  const hash = fnv1a(userRef.toLocaleLowerCase('en-US'));
  const primary = hash % BENCH_TEAMS.length;
  const teams = [BENCH_TEAMS[primary]];
  if ((hash >>> 8) % 5 === 0) {
    const offset = 1 + ((hash >>> 16) % (BENCH_TEAMS.length - 1));
    teams.push(BENCH_TEAMS[(primary + offset) % BENCH_TEAMS.length]);
  }
  return teams.sort();
}

/** Groups (with hasMember relations, which the audience resolver counts) and their users, for catalogServiceMock. */
export function benchCatalogEntities(): Entity[] {
  const users = Array.from({ length: CATALOG_USERS }, (_, i) =>
    benchUserRef(i),
  );
  const groups: Entity[] = BENCH_TEAMS.map(teamRef => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: parseEntityRef(teamRef).name, namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: users
      .filter(user => benchTeamsOf(user).includes(teamRef))
      .map(targetRef => ({ type: 'hasMember', targetRef })),
  }));
  const userEntities: Entity[] = users.map(ref => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: parseEntityRef(ref).name, namespace: 'default' },
    spec: {},
    relations: benchTeamsOf(ref).map(targetRef => ({
      type: 'memberOf',
      targetRef,
    })),
  }));
  return [...groups, ...userEntities];
}
