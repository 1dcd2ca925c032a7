import { Entity } from '@backstage/catalog-model';

// The small example org the tests of this package share. Test-only: nothing in src/ outside tests imports it.

export const userRef = (name: string) => `user:default/${name}`;
export const teamRef = (name: string) => `group:default/${name}`;

/** People and their teams: ben is in two teams, cat in none. */
export const memberships: Record<string, string[]> = {
  ann: ['checkout'],
  ben: ['checkout', 'billing'],
  cat: [],
  dan: ['mobile'],
  pat: ['platform-team'],
};

const groups: Entity[] = [
  ['checkout', 'team'],
  ['billing', 'team'],
  ['mobile', 'team'],
  ['platform-team', 'team'],
  ['northwind', 'organization'],
].map(([name, type]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type, children: [] },
}));

const users: Entity[] = Object.entries(memberships).map(([name, teams]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {},
  relations: teams.map(team => ({
    type: 'memberOf',
    targetRef: teamRef(team),
  })),
}));

export const GOLDEN_PATH = 'system:default/service-golden-path';
export const EVENT_STREAMING = 'system:default/event-streaming';

const systems: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'service-golden-path',
      namespace: 'default',
      annotations: {
        'platform-product.io/capability': 'true',
        'platform-product.io/templates': 'template:default/node-service',
      },
    },
    spec: { owner: 'group:default/platform-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'event-streaming',
      namespace: 'default',
      annotations: {
        'platform-product.io/capability': 'true',
        // Short refs and spaces, as people write them.
        'platform-product.io/templates':
          ' event-consumer , template:default/Event-Producer',
      },
    },
    spec: { owner: 'group:default/platform-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'billing-core', namespace: 'default' },
    spec: { owner: 'group:default/billing' },
  },
];

/** A Component; `template` adds backstage.io/source-template (made on a golden path). */
export function component(
  name: string,
  owner: string,
  template?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(template
        ? { annotations: { 'backstage.io/source-template': template } }
        : {}),
    },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

export const orgEntities: Entity[] = [...groups, ...users, ...systems];
