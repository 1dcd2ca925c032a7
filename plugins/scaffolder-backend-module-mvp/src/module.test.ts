import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  createTemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
// The integration test runs the real needs-discovery backend behind the actions (a dev dependency only).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import needsDiscoveryPlugin from '@platform-product/plugin-needs-discovery-backend';
// The same for the real thinness-scorecard backend behind mvp:launch's refresh.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import thinnessScorecardPlugin from '@platform-product/plugin-thinness-scorecard-backend';
import { habitMetricsServiceRef } from '@platform-product/plugin-habit-metrics-node';
import { SurveyDefinition } from '@platform-product/plugin-needs-discovery-common';
import { needsDiscoveryServiceRef } from '@platform-product/plugin-needs-discovery-node';
import {
  CapabilityDetail,
  Scorecard,
} from '@platform-product/plugin-thinness-scorecard-common';
import { thinnessScorecardServiceRef } from '@platform-product/plugin-thinness-scorecard-node';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import {
  mockHabits,
  mockNeeds,
  mockScorecard,
  need as registeredNeed,
} from './__testUtils__/mocks';
import { scaffolderModuleMvp } from './module';

jest.setTimeout(120_000);

const templateDir = resolve(
  __dirname,
  '../../../examples/templates/platform-capability-mvp',
);
const templatePath = join(templateDir, 'template.yaml');

// A small org: two teams of two, and the platform team.
const members: Record<string, string[]> = {
  'group:default/checkout': ['ann', 'ben'],
  'group:default/billing': ['eve', 'fay'],
  'group:default/platform-team': ['pat'],
};
const userRef = (name: string) => `user:default/${name}`;
const teamsOf = (ref: string) =>
  Object.entries(members)
    .filter(([, names]) => names.some(n => userRef(n) === ref))
    .map(([team]) => team);

async function catalogEntities(): Promise<Entity[]> {
  const template = parse(await readFile(templatePath, 'utf8')) as Entity;
  return [
    ...Object.entries(members).map(([team, names]) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: team.split('/')[1], namespace: 'default' },
      spec: { type: 'team', children: [] },
      relations: names.map(n => ({ type: 'hasMember', targetRef: userRef(n) })),
    })),
    ...Object.values(members)
      .flat()
      .map(name => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name, namespace: 'default' },
        spec: {},
        relations: teamsOf(userRef(name)).map(targetRef => ({
          type: 'memberOf',
          targetRef,
        })),
      })),
    {
      ...template,
      metadata: {
        ...template.metadata,
        namespace: 'default',
        annotations: {
          'backstage.io/managed-by-location': `file:${templatePath}`,
        },
      },
    },
  ];
}

/**
 * Stand-in for the example backend's `platform-product:publish:local` (packages/backend, not a dependency of this
 * package): like it, outputs remoteUrl and catalogInfoUrl and, in a dry run or here, no entityRef.
 */
const publishStub = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'test-publish-local',
  register(reg) {
    reg.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(
          createTemplateAction({
            id: 'platform-product:publish:local',
            supportsDryRun: true,
            schema: {
              input: { repoName: z => z.string() },
              output: {
                remoteUrl: z => z.string(),
                catalogInfoUrl: z => z.string(),
              },
            },
            async handler(ctx) {
              const url = `file:///published/${ctx.input.repoName}`;
              ctx.output('remoteUrl', url);
              ctx.output('catalogInfoUrl', `${url}/catalog-info.yaml`);
            },
          }),
        );
      },
    });
  },
});

const survey: SurveyDefinition = {
  title: 'What slows you down?',
  audience: [],
  anonymityThreshold: 3,
  needs: [
    { id: 'need-test-environments', title: 'Test environments on demand' },
    { id: 'need-cost-reports', title: 'Cost reports per team' },
  ],
  questions: [
    {
      id: 'ratings',
      type: 'need-rating',
      title: 'Rate each need',
      required: true,
    },
  ],
};

const values = {
  need: 'need-test-environments',
  title: 'Preview Environments',
  name: 'preview-environments',
  description: 'One environment per pull request: see it before you merge it.',
  owner: 'group:default/platform-team',
  valueClass: 'differentiating',
  features: [
    'Preview per pull request',
    'Seeded test data',
    'Teardown after merge',
  ],
  successMetric: 'Pull requests with a preview environment: 80%',
  timeboxWeeks: 6,
};

async function directoryContents(dir: string) {
  const files: { path: string; base64Content: string }[] = [];
  for (const entry of await readdir(dir, {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.push({
      path: relative(templateDir, path),
      base64Content: (await readFile(path)).toString('base64'),
    });
  }
  return files;
}

/** The example org's users and their teams, as the catalog would give them. */
const userInfoMock = () =>
  mockServices.userInfo.mock({
    getUserInfo: async credentials => {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...teamsOf(ref)],
      };
    },
  }).factory;

/** POSTs a task of the example template as `as`, waits for it to end, and returns its status and log messages. */
async function runTask(baseUrl: string, as: string) {
  const headers = {
    Authorization: mockCredentials.user.header(userRef(as)),
    'Content-Type': 'application/json',
  };
  const created = await fetch(`${baseUrl}/api/scaffolder/v2/tasks`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      templateRef: 'template:default/platform-capability-mvp',
      values,
    }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  let task: { status: string } = { status: 'open' };
  for (
    let i = 0;
    i < 200 && !['completed', 'failed'].includes(task.status);
    i++
  ) {
    await new Promise(r => setTimeout(r, 100));
    task = await fetch(`${baseUrl}/api/scaffolder/v2/tasks/${id}`, {
      headers,
    }).then(r => r.json());
  }
  const events = (await fetch(
    `${baseUrl}/api/scaffolder/v2/tasks/${id}/events`,
    { headers },
  ).then(r => r.json())) as { body: { message?: string } }[];
  return {
    status: task.status,
    messages: events.map(e => e.body.message ?? ''),
  };
}

describe('the module with mock needs-discovery, habit-metrics and thinness-scorecard services', () => {
  it('gives the actions the services of its deps', async () => {
    const needs = mockNeeds([
      registeredNeed('need-test-environments', {
        title: 'Test environments on demand',
        teams: 2,
      }),
    ]);
    const habits = mockHabits();
    const scorecard = mockScorecard();
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleMvp,
        publishStub,
        createServiceFactory({
          service: needsDiscoveryServiceRef,
          deps: {},
          factory: () => needs,
        }),
        createServiceFactory({
          service: habitMetricsServiceRef,
          deps: {},
          factory: () => habits,
        }),
        createServiceFactory({
          service: thinnessScorecardServiceRef,
          deps: {},
          factory: () => scorecard,
        }),
        catalogServiceMock.factory({ entities: await catalogEntities() }),
        userInfoMock(),
      ],
    });
    try {
      const result = await runTask(
        `http://localhost:${backend.server.port()}`,
        'pat',
      );
      expect(result).toMatchObject({ status: 'completed' });
      expect(needs.getNeed).toHaveBeenCalledWith('need-test-environments');
      expect(needs.updateNeed).toHaveBeenCalledWith('need-test-environments', {
        status: 'in-mvp',
        capabilityRef: 'system:default/preview-environments',
      });
      expect(habits.recordEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          kind: 'mvp-launch',
          capabilityRef: 'system:default/preview-environments',
          teamRef: 'group:default/platform-team',
        }),
      );
      expect(result.messages).toContainEqual(
        expect.stringContaining(
          'Recorded the launch of system:default/preview-environments in habit-metrics',
        ),
      );
      expect(scorecard.refreshCapability).toHaveBeenCalledWith(
        'system:default/preview-environments',
      );
      expect(result.messages).toContainEqual(
        expect.stringContaining(
          'The thinness scorecard shows system:default/preview-environments now',
        ),
      );
    } finally {
      await backend.stop();
    }
  });
});

/**
 * A catalog that gains entities while the backend runs, as the real one does some seconds after a location is
 * registered. Every plugin gets the same one.
 */
function growingCatalog(initial: Entity[]) {
  let entities = initial;
  let current = catalogServiceMock({ entities });
  const methods = current as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  // Every catalog method, forwarded to the catalog of the moment.
  const catalog = Object.fromEntries(
    Object.getOwnPropertyNames(Object.getPrototypeOf(current))
      .filter(
        name => name !== 'constructor' && typeof methods[name] === 'function',
      )
      .map(name => [
        name,
        (...args: unknown[]) =>
          (current as unknown as typeof methods)[name](...args),
      ]),
  ) as unknown as CatalogService;
  return {
    add(added: Entity[]) {
      entities = [...entities, ...added];
      current = catalogServiceMock({ entities });
    },
    factory: createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => catalog,
    }),
  };
}

/**
 * Stand-in for `platform-product:publish:local` that, like a real publish and `catalog:register`, lets the catalog
 * have the workspace's `catalog-info.yaml` (as mvp:annotate left it) a little later: after `delayMs`.
 */
function publishAndRegisterStub(
  catalog: ReturnType<typeof growingCatalog>,
  delayMs: number,
) {
  return createBackendModule({
    pluginId: 'scaffolder',
    moduleId: 'test-publish-and-register',
    register(reg) {
      reg.registerInit({
        deps: { scaffolder: scaffolderActionsExtensionPoint },
        async init({ scaffolder }) {
          scaffolder.addActions(
            createTemplateAction({
              id: 'platform-product:publish:local',
              supportsDryRun: true,
              schema: {
                input: { repoName: z => z.string() },
                output: {
                  remoteUrl: z => z.string(),
                  catalogInfoUrl: z => z.string(),
                },
              },
              async handler(ctx) {
                const url = `file:///published/${ctx.input.repoName}`;
                const entities = parseAllDocuments(
                  await readFile(
                    join(ctx.workspacePath, 'catalog-info.yaml'),
                    'utf8',
                  ),
                ).map(doc => doc.toJS() as Entity);
                // The relations the catalog's processor derives from spec.owner and spec.system.
                const registered = entities.map(entity => {
                  const spec = (entity.spec ?? {}) as {
                    owner?: string;
                    system?: string;
                  };
                  return {
                    ...entity,
                    metadata: { namespace: 'default', ...entity.metadata },
                    relations: [
                      ...(spec.owner
                        ? [{ type: 'ownedBy', targetRef: spec.owner }]
                        : []),
                      ...(spec.system
                        ? [
                            {
                              type: 'partOf',
                              targetRef: `system:default/${spec.system}`,
                            },
                          ]
                        : []),
                    ],
                  };
                });
                setTimeout(() => catalog.add(registered), delayMs);
                ctx.output('remoteUrl', url);
                ctx.output('catalogInfoUrl', `${url}/catalog-info.yaml`);
              },
            }),
          );
        },
      });
    },
  });
}

describe('the module with the real thinness-scorecard backend', () => {
  it('puts a capability that the catalog only just got on the scorecard when the task ends', async () => {
    // One capability is on the scorecard before the template runs.
    const catalog = growingCatalog([
      ...(await catalogEntities()),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: {
          name: 'event-streaming',
          namespace: 'default',
          annotations: { 'platform-product.io/capability': 'true' },
        },
        spec: { owner: 'group:default/platform-team' },
        relations: [
          { type: 'ownedBy', targetRef: 'group:default/platform-team' },
        ],
      },
    ]);
    const needs = mockNeeds([
      registeredNeed('need-test-environments', {
        title: 'Test environments on demand',
        teams: 2,
      }),
    ]);
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleMvp,
        // The catalog has the new entities 0.5 s after the publish step: mvp:launch's first refresh is too early.
        publishAndRegisterStub(catalog, 500),
        thinnessScorecardPlugin,
        createServiceFactory({
          service: needsDiscoveryServiceRef,
          deps: {},
          factory: () => needs,
        }),
        createServiceFactory({
          service: habitMetricsServiceRef,
          deps: {},
          factory: () => mockHabits(),
        }),
        catalog.factory,
        userInfoMock(),
      ],
    });
    const baseUrl = `http://localhost:${backend.server.port()}`;
    const get = async (path: string) => {
      const response = await fetch(`${baseUrl}/api/thinness-scorecard${path}`, {
        headers: { Authorization: mockCredentials.user.header(userRef('pat')) },
      });
      return { status: response.status, body: await response.json() };
    };
    try {
      const before = (await get('/scorecard')).body as Scorecard;
      expect(before.capabilities.map(c => c.entityRef)).toEqual([
        'system:default/event-streaming',
      ]);

      const result = await runTask(baseUrl, 'pat');
      expect(result).toMatchObject({ status: 'completed' });
      expect(result.messages).toContainEqual(
        expect.stringContaining(
          'The catalog has not processed system:default/preview-environments with need "need-test-environments" yet; asking the thinness scorecard again in 2 s',
        ),
      );
      expect(result.messages).toContainEqual(
        expect.stringContaining(
          'The thinness scorecard shows system:default/preview-environments now',
        ),
      );

      // The scorecard (stored, not recomputed on this read) and the capability's card show it now.
      const after = (await get('/scorecard')).body as Scorecard;
      expect(after.computedAt).not.toBe(before.computedAt);
      const launched = after.capabilities.find(
        c => c.entityRef === 'system:default/preview-environments',
      );
      expect(launched).toMatchObject({
        lifecycle: 'experimental',
        valueClass: 'differentiating',
        need: { id: 'need-test-environments', status: 'in-mvp' },
      });
      expect(after.capabilities).toHaveLength(2);
      const card = await get(
        '/capabilities/system/default/preview-environments',
      );
      expect(card.status).toBe(200);
      expect((card.body as CapabilityDetail).capability.need).toMatchObject({
        id: 'need-test-environments',
        status: 'in-mvp',
      });
    } finally {
      await backend.stop();
    }
  });
});

describe('the platform-capability-mvp example template (real needs-discovery backend, no habit-metrics)', () => {
  let baseUrl: string;

  const call = async (
    method: string,
    path: string,
    as: string,
    body?: unknown,
  ) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: mockCredentials.user.header(userRef(as)),
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
    };
  };

  /** Seeding calls, outside any test: throws with the answer when the status is not the expected one. */
  const seed = async (
    method: string,
    path: string,
    as: string,
    body?: unknown,
    status = 200,
  ) => {
    const result = await call(method, path, as, body);
    if (result.status !== status) {
      throw new Error(
        `${method} ${path} answered ${result.status}: ${JSON.stringify(
          result.body,
        )}`,
      );
    }
    return result;
  };

  beforeAll(async () => {
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleMvp,
        publishStub,
        needsDiscoveryPlugin,
        mockServices.rootConfig.factory({
          data: {
            needsDiscovery: {
              respondentKey: 'a-test-key-of-sufficient-length',
            },
          },
        }),
        catalogServiceMock.factory({ entities: await catalogEntities() }),
        userInfoMock(),
      ],
    });
    baseUrl = `http://localhost:${server.port()}`;

    // A closed survey in which both teams report test environments and only checkout reports cost reports.
    const created = await seed(
      'POST',
      '/api/needs-discovery/surveys',
      'pat',
      survey,
      201,
    );
    const id = created.body.id;
    await seed('POST', `/api/needs-discovery/surveys/${id}/open`, 'pat');
    for (const name of ['ann', 'ben', 'eve', 'fay']) {
      const checkout = teamsOf(userRef(name)).includes(
        'group:default/checkout',
      );
      await seed(
        'PUT',
        `/api/needs-discovery/surveys/${id}/responses/me`,
        name,
        {
          answers: {
            ratings: {
              'need-test-environments': { pain: 4, frequency: 'daily' },
              'need-cost-reports': {
                pain: checkout ? 4 : 1,
                frequency: 'monthly',
              },
            },
          },
        },
      );
    }
    await seed('POST', `/api/needs-discovery/surveys/${id}/close`, 'pat');
  });

  it('has a shared and an unshared need in needs-discovery to start from', async () => {
    const registry = await call('GET', '/api/needs-discovery/needs', 'pat');
    expect(registry.body.items).toEqual([
      expect.objectContaining({
        id: 'need-cost-reports',
        shared: false,
        teams: 1,
      }),
      expect.objectContaining({
        id: 'need-test-environments',
        shared: true,
        teams: 2,
        status: 'open',
      }),
    ]);
  });

  async function dryRun(overrides: Partial<typeof values> = {}) {
    return call('POST', '/api/scaffolder/v2/dry-run', 'pat', {
      template: parse(await readFile(templatePath, 'utf8')),
      values: { ...values, ...overrides },
      directoryContents: await directoryContents(join(templateDir, 'content')),
    });
  }

  it('runs in the scaffolder dry run and previews the annotated capability', async () => {
    const { status, body } = await dryRun();
    expect(status).toBe(200);

    const files = Object.fromEntries(
      body.directoryContents.map(
        (f: { path: string; base64Content: string }) => [
          f.path,
          Buffer.from(f.base64Content, 'base64').toString('utf8'),
        ],
      ),
    );
    expect(Object.keys(files).sort()).toEqual([
      'MVP.md',
      'README.md',
      'catalog-info.yaml',
    ]);

    const catalogInfo = files['catalog-info.yaml'];
    // The skeleton's comments survive mvp:annotate.
    expect(catalogInfo).toContain('# The first component of the capability');
    const [system, component] = parseAllDocuments(catalogInfo).map(d =>
      d.toJS(),
    );
    expect(system.metadata).toEqual({
      name: 'preview-environments',
      title: 'Preview Environments',
      description:
        'One environment per pull request: see it before you merge it.',
      tags: ['mvp'],
      annotations: {
        'platform-product.io/capability': 'true',
        'platform-product.io/need': 'need-test-environments',
        'platform-product.io/value-class': 'differentiating',
        'platform-product.io/mvp-review-date':
          expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        'platform-product.io/success-metric':
          'Pull requests with a preview environment: 80%',
      },
    });
    expect(system.spec).toEqual({
      owner: 'group:default/platform-team',
      type: 'platform-capability',
      lifecycle: 'experimental',
    });
    expect(component.metadata.annotations).toBeUndefined();
    expect(component.spec.system).toBe('preview-environments');

    expect(files['MVP.md']).toContain('# MVP: Preview Environments');
    expect(files['MVP.md']).toContain(
      '**Test environments on demand** (`need-test-environments` in needs-discovery), reported by 2 teams in the latest survey. It is a **shared** need.',
    );
    expect(files['README.md']).toContain(
      '**Test environments on demand** (`need-test-environments`), which 2 teams reported',
    );

    const messages: string[] = body.log.map(
      (l: { body: { message: string } }) => l.body.message,
    );
    expect(messages).toContainEqual(
      expect.stringContaining(
        'Dry run: would mark need "need-test-environments" in-mvp with system:default/preview-environments',
      ),
    );
    expect(body.output.links).toEqual([
      { title: 'Source', url: 'file:///published/preview-environments' },
      {
        title: 'Open the capability in the catalog',
        icon: 'catalog',
        entityRef: 'system:default/preview-environments',
      },
    ]);
    expect(body.output.text[0].content).toContain('**Deferred:** nothing');

    // The dry run changed nothing in needs-discovery.
    const need = await call(
      'GET',
      '/api/needs-discovery/needs/need-test-environments',
      'pat',
    );
    expect(need.body).toMatchObject({ status: 'open', capabilityRef: null });
  });

  it.each([
    [
      { need: 'need-cost-reports' },
      'Need "need-cost-reports" is not shared by several teams (reported by 1 team); an MVP should serve a shared need. Top shared needs: need-test-environments (Test environments on demand).',
    ],
    [
      { features: ['a', 'b', 'c', 'd'] },
      'The MVP has 4 features but the budget is 3. Cut or defer: "d" (the last one in your list).',
    ],
  ])('stops the dry run at mvp:scope with %j', async (overrides, message) => {
    const { status, body } = await dryRun(overrides);
    expect(status).toBe(400);
    expect(body.error.message).toContain(message);
  });

  it('runs as a real task: the need becomes in-mvp, and the missing habit-metrics is a warning', async () => {
    const created = await call('POST', '/api/scaffolder/v2/tasks', 'pat', {
      templateRef: 'template:default/platform-capability-mvp',
      values,
    });
    expect(created.status).toBe(201);
    let task: { status: string } = { status: 'open' };
    for (
      let i = 0;
      i < 200 && !['completed', 'failed'].includes(task.status);
      i++
    ) {
      await new Promise(r => setTimeout(r, 100));
      task = (
        await call('GET', `/api/scaffolder/v2/tasks/${created.body.id}`, 'pat')
      ).body;
    }
    const events = await call(
      'GET',
      `/api/scaffolder/v2/tasks/${created.body.id}/events`,
      'pat',
    );
    const messages: string[] = events.body.map(
      (e: { body: { message?: string } }) => e.body.message ?? '',
    );
    expect({ status: task.status, messages }).toMatchObject({
      status: 'completed',
    });
    expect(messages).toContainEqual(
      expect.stringContaining(
        'habit-metrics is not installed in this Backstage',
      ),
    );
    expect(messages).toContainEqual(
      expect.stringContaining(
        'thinness-scorecard is not installed in this Backstage',
      ),
    );
    expect(messages.join('\n')).not.toMatch(/mock-service-token|Bearer/);

    const need = await call(
      'GET',
      '/api/needs-discovery/needs/need-test-environments',
      'pat',
    );
    expect(need.body).toMatchObject({
      status: 'in-mvp',
      capabilityRef: 'system:default/preview-environments',
    });

    // Running the template again for the same capability passes mvp:scope; for another one it does not.
    expect((await dryRun()).status).toBe(200);
    const other = await dryRun({ name: 'previews-two' });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toContain(
      'Need "need-test-environments" (Test environments on demand) is already in an MVP: system:default/preview-environments serves it.',
    );
  });
});
