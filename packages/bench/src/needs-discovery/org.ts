import { Entity, parseEntityRef } from '@backstage/catalog-model';

/**
 * The organisation the benchmark runs against: seven teams of roughly 35–50 people. Membership is a pure function
 * of the user ref, so the mocked catalog and the mocked user info agree without sharing state, and every
 * `user:default/bench-<i>` the load generator invents belongs to one or two of the teams. (The seeded responses are
 * anonymous rows and draw their teams directly.)
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

/** Users listed in the catalog: 250 over 7 teams, a fifth of them in two, gives teams of 36 to 50. */
const CATALOG_USERS = 250;

export const benchUserRef = (name: string | number) =>
  `user:default/bench-${name}`;

/**
 * FNV-1a with a murmur3 finaliser: stable and well spread in every bit, so team sizes come out even for any naming
 * scheme (plain FNV-1a leaves the low bits of similar names correlated).
 */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The teams of a user: one, and for about one in five people a second one. */
export function benchTeamsOf(userRef: string): string[] {
  const hash = stableHash(userRef.toLocaleLowerCase('en-US'));
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
