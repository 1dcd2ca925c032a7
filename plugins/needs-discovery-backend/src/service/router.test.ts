import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  BackstageCredentials,
  BackstageServicePrincipal,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { SurveyDefinition } from '@platform-product/plugin-needs-discovery-common';
import {
  corpusSurvey,
  malformedAnswerBodies,
} from '@platform-product/plugin-needs-discovery-common/testing';
import request from 'supertest';
import { needsDiscoveryPlugin } from '../plugin';

jest.setTimeout(120_000);

// The example org of these tests: four teams of three to four people, a manager, and someone with no rights.
const members: Record<string, string[]> = {
  'group:default/checkout': ['ann', 'ben', 'cat', 'dan'],
  'group:default/billing': ['eve', 'fay', 'gus'],
  'group:default/mobile': ['hal', 'ivy', 'jon'],
  'group:default/platform-team': ['pat'],
};
const userRef = (name: string) => `user:default/${name}`;
const teamsOf = (ref: string) =>
  Object.entries(members)
    .filter(([, names]) => names.some(n => userRef(n) === ref))
    .map(([team]) => team);

const catalogEntities: Entity[] = [
  ...Object.entries(members).map(([team, names]) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: team.split('/')[1], namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: names.map(n => ({ type: 'hasMember', targetRef: userRef(n) })),
  })),
  ...Object.values(members)
    .flat()
    .concat(['nobody'])
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
];

// Platform capabilities naming needs (the catalog scan runs at start-up in these tests).
const capabilityEntity = (
  name: string,
  title: string,
  needId: string,
  lifecycle: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name,
    namespace: 'default',
    title,
    annotations: {
      'platform-product.io/capability': 'true',
      'platform-product.io/need': needId,
    },
  },
  spec: { owner: 'group:default/platform-team', lifecycle },
});
catalogEntities.push(
  capabilityEntity('log-shipping', 'Log Shipping', 'need-logs', 'production'),
  capabilityEntity(
    'preview-environments',
    'Preview Environments',
    'need-test-envs',
    'experimental',
  ),
);

/** Permissions a test has taken away, as `<user ref> <permission name>`. */
const revoked = new Set<string>();

/**
 * pat manages, nobody may do nothing, everyone else may read and respond. Services are decided as Backstage's
 * permissions service decides them: allowed, unless their token's access restrictions leave the permission out.
 */
function decide(credentials: BackstageCredentials, permissionName: string) {
  const service = credentials.principal as Partial<BackstageServicePrincipal>;
  if (service.type === 'service') {
    const names = service.accessRestrictions?.permissionNames;
    return !names || names.includes(permissionName)
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  }
  const principal = credentials.principal as { userEntityRef?: string };
  if (revoked.has(`${principal.userEntityRef} ${permissionName}`)) {
    return AuthorizeResult.DENY;
  }
  if (principal.userEntityRef === userRef('nobody'))
    return AuthorizeResult.DENY;
  if (principal.userEntityRef === userRef('pat')) return AuthorizeResult.ALLOW;
  return [
    'needs-discovery.results.read',
    'needs-discovery.response.submit',
  ].includes(permissionName)
    ? AuthorizeResult.ALLOW
    : AuthorizeResult.DENY;
}

const definition: SurveyDefinition = {
  title: 'What slows you down?',
  description: 'Five minutes, aggregates only.',
  audience: [],
  anonymityThreshold: 3,
  needs: [
    { id: 'need-fast-setup', title: 'Fast service setup' },
    { id: 'need-deploys', title: 'Reliable deploys' },
  ],
  questions: [
    {
      id: 'ratings',
      type: 'need-rating',
      title: 'Rate each need',
      required: true,
    },
    { id: 'slows', type: 'free-text', title: 'What slows you down?' },
  ],
};

const as = (name: string) => ({
  Authorization: mockCredentials.user.header(userRef(name)),
});
const asService = { Authorization: mockCredentials.service.header() };

describe('needs-discovery router', () => {
  const databases = TestDatabases.create();
  const notifications = { send: jest.fn(async () => {}) };

  async function startBackend(
    databaseId: Parameters<typeof databases.init>[0],
    config: Record<string, unknown> = {},
    /** `backend.auth.externalAccess`: when given, Backstage's own auth, httpAuth and permissions services run. */
    externalAccess?: object[],
  ) {
    const knex = await databases.init(databaseId);
    const { server } = await startTestBackend({
      features: [
        needsDiscoveryPlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            needsDiscovery: {
              respondentKey: 'a-test-key-of-sufficient-length',
              ...config,
            },
            ...(externalAccess
              ? { backend: { auth: { externalAccess } } }
              : {}),
          },
        }),
        catalogServiceMock.factory({ entities: catalogEntities }),
        // Runs the scheduled tasks once at start-up, the catalog scan among them.
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
        mockServices.userInfo.mock({
          getUserInfo: async credentials => {
            const ref = (credentials.principal as { userEntityRef: string })
              .userEntityRef;
            return {
              userEntityRef: ref,
              ownershipEntityRefs: [ref, ...teamsOf(ref)],
            };
          },
        }).factory,
        ...(externalAccess
          ? [
              authServiceFactory,
              httpAuthServiceFactory,
              // Backstage's permissions service: with permission.enabled off, only access restrictions decide.
              mockServices.permissions.factory(),
            ]
          : [
              mockServices.permissions.mock({
                authorize: async (requests, options) =>
                  requests.map(r => ({
                    result: decide(
                      options!.credentials,
                      (r as { permission: { name: string } }).permission.name,
                    ),
                  })) as any,
              }).factory,
            ]),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => notifications,
        }),
      ],
    });
    return { server, knex };
  }

  async function openedSurvey(
    server: any,
    overrides: Partial<SurveyDefinition> = {},
  ) {
    const created = await request(server)
      .post('/api/needs-discovery/surveys')
      .set(as('pat'))
      .send({ ...definition, ...overrides });
    expect(created.status).toBe(201);
    const opened = await request(server)
      .post(`/api/needs-discovery/surveys/${created.body.id}/open`)
      .set(as('pat'));
    expect(opened.status).toBe(200);
    return opened.body;
  }

  const answer = (
    server: any,
    surveyId: string,
    name: string,
    answers: object,
  ) =>
    request(server)
      .put(`/api/needs-discovery/surveys/${surveyId}/responses/me`)
      .set(as(name))
      .send({ answers });

  const rating = (pain: number) => ({
    ratings: {
      'need-fast-setup': { pain, frequency: 'daily' },
      'need-deploys': { pain: 2, frequency: 'monthly' },
    },
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('answers 401 on every route without credentials or with a bad token', async () => {
      const { server } = await startBackend(databaseId);
      const routes: [string, string][] = [
        ['get', '/surveys'],
        ['post', '/surveys'],
        ['get', '/surveys/x'],
        ['put', '/surveys/x'],
        ['post', '/surveys/x/open'],
        ['post', '/surveys/x/close'],
        ['post', '/surveys/x/clone'],
        ['get', '/surveys/x/responses/me'],
        ['put', '/surveys/x/responses/me'],
        ['delete', '/surveys/x/responses/me'],
        ['get', '/surveys/x/results'],
        ['get', '/surveys/x/results.csv'],
        ['get', '/needs'],
        ['get', '/needs/x'],
        ['patch', '/needs/x'],
      ];
      for (const [method, path] of routes) {
        for (const header of [
          mockCredentials.none.header(),
          mockCredentials.user.invalidHeader(),
        ]) {
          const res = await (request(server) as any)
            [method](`/api/needs-discovery${path}`)
            .set('Authorization', header);
          expect({ method, path, status: res.status }).toEqual({
            method,
            path,
            status: 401,
          });
        }
      }
    });

    it('answers 403 without permission and changes nothing', async () => {
      const { server } = await startBackend(databaseId);
      const survey = await openedSurvey(server);
      const denied: [string, string, object?][] = [
        ['post', '/surveys', definition],
        ['put', `/surveys/${survey.id}`, definition],
        ['post', `/surveys/${survey.id}/close`],
        ['post', `/surveys/${survey.id}/clone`],
        ['put', `/surveys/${survey.id}/responses/me`, { answers: rating(4) }],
        ['delete', `/surveys/${survey.id}/responses/me`],
        ['get', `/surveys/${survey.id}/results`],
        ['get', `/surveys/${survey.id}/results.csv`],
        ['patch', '/needs/need-deploys', { status: 'served' }],
      ];
      for (const [method, path, body] of denied) {
        const res = await (request(server) as any)
          [method](`/api/needs-discovery${path}`)
          .set(as('nobody'))
          .send(body);
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
      }
      // A developer may answer but not manage.
      const manage = await request(server)
        .post(`/api/needs-discovery/surveys/${survey.id}/close`)
        .set(as('ann'));
      expect(manage.status).toBe(403);
      const list = await request(server)
        .get('/api/needs-discovery/surveys')
        .set(as('pat'));
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({
        status: 'open',
        respondents: 0,
      });
    });

    it('lets nobody withdraw an answer without needs-discovery.response.submit', async () => {
      const { server } = await startBackend(databaseId);
      const survey = await openedSurvey(server);
      expect((await answer(server, survey.id, 'ann', rating(4))).status).toBe(
        200,
      );
      const mine = `/api/needs-discovery/surveys/${survey.id}/responses/me`;
      revoked.add(`${userRef('ann')} needs-discovery.response.submit`);
      try {
        const withdrawn = await request(server).delete(mine).set(as('ann'));
        expect(withdrawn.status).toBe(403);
        expect(withdrawn.body.error).toEqual({
          name: 'NotAllowedError',
          message:
            'You may not withdraw survey answers: it needs the needs-discovery.response.submit permission.',
        });
      } finally {
        revoked.clear();
      }
      // the answer is still there, and with the permission back it can be withdrawn
      expect((await request(server).get(mine).set(as('ann'))).status).toBe(200);
      expect((await request(server).delete(mine).set(as('ann'))).status).toBe(
        204,
      );
      expect((await request(server).get(mine).set(as('ann'))).status).toBe(204);
    });

    it('applies the access restrictions of an external access token and lets unrestricted services in', async () => {
      const { server } = await startBackend(databaseId, {}, [
        {
          type: 'static',
          options: {
            token: 'mvp-launcher-token-0123',
            subject: 'mvp-launcher',
          },
          accessRestrictions: [
            {
              plugin: 'needs-discovery',
              permission: 'needs-discovery.need.update',
            },
          ],
        },
        {
          type: 'static',
          options: { token: 'survey-bot-token-0123', subject: 'survey-bot' },
        },
      ]);
      const launcher = { Authorization: 'Bearer mvp-launcher-token-0123' };
      const bot = { Authorization: 'Bearer survey-bot-token-0123' };
      const api = '/api/needs-discovery';

      // a token without restrictions may create and open a survey
      const created = await request(server)
        .post(`${api}/surveys`)
        .set(bot)
        .send(definition);
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect(
        (await request(server).post(`${api}/surveys/${id}/open`).set(bot))
          .status,
      ).toBe(200);

      // needs-discovery.need.update only: it marks a need...
      const marked = await request(server)
        .patch(`${api}/needs/need-deploys`)
        .set(launcher)
        .send({ status: 'in-mvp' });
      expect(marked.status).toBe(200);
      expect(marked.body).toMatchObject({ id: 'need-deploys' });
      // ...and is refused everything that asks for another permission
      const denied: [string, string, string, object?][] = [
        ['post', '/surveys', 'needs-discovery.survey.create', definition],
        ['put', `/surveys/${id}`, 'needs-discovery.survey.manage', definition],
        ['post', `/surveys/${id}/close`, 'needs-discovery.survey.manage'],
        ['post', `/surveys/${id}/clone`, 'needs-discovery.survey.manage'],
        ['get', `/surveys/${id}/results`, 'needs-discovery.results.read'],
        ['get', `/surveys/${id}/results.csv`, 'needs-discovery.results.read'],
      ];
      for (const [method, path, permission, body] of denied) {
        const res = await (request(server) as any)
          [method](`${api}${path}`)
          .set(launcher)
          .send(body);
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
        expect(res.body.error.message).toContain(
          `it needs the ${permission} permission`,
        );
      }
      // without survey.manage it does not see drafts
      const draft = await request(server)
        .post(`${api}/surveys`)
        .set(bot)
        .send(definition);
      expect(
        (
          await request(server)
            .get(`${api}/surveys/${draft.body.id}`)
            .set(launcher)
        ).status,
      ).toBe(404);
      expect(
        (await request(server).get(`${api}/surveys/${draft.body.id}`).set(bot))
          .status,
      ).toBe(200);

      // the unrestricted token reads results and closes the survey
      expect(
        (await request(server).get(`${api}/surveys/${id}/results`).set(bot))
          .status,
      ).toBe(200);
      expect(
        (await request(server).post(`${api}/surveys/${id}/close`).set(bot))
          .status,
      ).toBe(200);
      // and an unknown token is no one
      expect(
        (
          await request(server)
            .get(`${api}/needs`)
            .set({ Authorization: 'Bearer not-a-configured-token' })
        ).status,
      ).toBe(401);
    });

    it('runs a survey from draft to results, protecting respondents', async () => {
      const { server } = await startBackend(databaseId);
      const draft = await request(server)
        .post('/api/needs-discovery/surveys')
        .set(as('pat'))
        .send(definition);
      expect(draft.status).toBe(201);
      expect(draft.body).toMatchObject({
        status: 'draft',
        wave: 1,
        anonymityThreshold: 3,
      });

      // Drafts are invisible to developers.
      expect(
        (
          await request(server)
            .get(`/api/needs-discovery/surveys/${draft.body.id}`)
            .set(as('ann'))
        ).status,
      ).toBe(404);
      expect(
        (await answer(server, draft.body.id, 'ann', rating(4))).status,
      ).toBe(404);

      const opened = await request(server)
        .post(`/api/needs-discovery/surveys/${draft.body.id}/open`)
        .set(as('pat'));
      expect(opened.body.status).toBe('open');
      expect(notifications.send).toHaveBeenCalledWith(
        expect.objectContaining({ recipients: { type: 'broadcast' } }),
      );
      expect(
        (
          await request(server)
            .put(`/api/needs-discovery/surveys/${draft.body.id}`)
            .set(as('pat'))
            .send(definition)
        ).status,
      ).toBe(409);

      // checkout: 3 respondents (= k), billing: 2 (< k), mobile: 1.
      for (const name of ['ann', 'ben', 'cat']) {
        const res = await answer(server, draft.body.id, name, {
          ...rating(4),
          slows: `<script>alert('${name}')</script>`,
        });
        expect(res.status).toBe(200);
      }
      for (const name of ['eve', 'fay']) {
        expect(
          (await answer(server, draft.body.id, name, rating(5))).status,
        ).toBe(200);
      }
      expect(
        (await answer(server, draft.body.id, 'hal', rating(3))).status,
      ).toBe(200);

      const mine = await request(server)
        .get(`/api/needs-discovery/surveys/${draft.body.id}/responses/me`)
        .set(as('ann'));
      expect(mine.status).toBe(200);
      expect(mine.body.answers.slows).toBe("<script>alert('ann')</script>");
      expect(mine.body.teams).toEqual(['group:default/checkout']);
      // Nobody else can read ann's answers: each caller only ever gets their own, and "not answered yet" is
      // an empty 204, not an error.
      const others = await request(server)
        .get(`/api/needs-discovery/surveys/${draft.body.id}/responses/me`)
        .set(as('dan'));
      expect(others.status).toBe(204);
      expect(others.text).toBe('');
      const managerMine = await request(server)
        .get(`/api/needs-discovery/surveys/${draft.body.id}/responses/me`)
        .set(as('pat'));
      expect(managerMine.status).toBe(204);
      // A survey the caller cannot see is still a 404.
      const missing = await request(server)
        .get('/api/needs-discovery/surveys/no-such-survey/responses/me')
        .set(as('dan'));
      expect(missing.status).toBe(404);

      const results = await request(server)
        .get(`/api/needs-discovery/surveys/${draft.body.id}/results`)
        .set(as('ben'));
      expect(results.status).toBe(200);
      expect(results.body.respondents).toBe(6);
      expect(results.body.teams.map((t: any) => t.teamRef)).toEqual([
        'group:default/checkout',
      ]);
      expect(results.body.suppressedTeams).toBe(3);
      const fastSetup = results.body.needs.find(
        (n: any) => n.needId === 'need-fast-setup',
      );
      expect(fastSetup).toMatchObject({
        respondents: 6,
        teams: 3,
        shared: true,
        suppressed: false,
      });
      expect(results.body.priorityCase).toMatchObject({
        needId: 'need-fast-setup',
      });
      expect(JSON.stringify(results.body)).not.toMatch(/user:default/);
      const text = results.body.questions.find(
        (q: any) => q.questionId === 'slows',
      );
      expect(text.texts).toHaveLength(3);

      const csv = await request(server)
        .get(`/api/needs-discovery/surveys/${draft.body.id}/results.csv`)
        .set(as('ben'));
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.text).toContain('need-fast-setup');
      expect(csv.text).not.toMatch(/script|user:default|billing/);

      // Withdrawing one checkout answer drops checkout below k: its figures disappear.
      expect(
        (
          await request(server)
            .delete(
              `/api/needs-discovery/surveys/${draft.body.id}/responses/me`,
            )
            .set(as('cat'))
        ).status,
      ).toBe(204);
      const after = await request(server)
        .get(`/api/needs-discovery/surveys/${draft.body.id}/results`)
        .set(as('ben'));
      expect(after.body.teams).toEqual([]);
      expect(after.body.suppressedTeams).toBe(4);

      const closed = await request(server)
        .post(`/api/needs-discovery/surveys/${draft.body.id}/close`)
        .set(as('pat'));
      expect(closed.body.status).toBe('closed');
      expect(
        (await answer(server, draft.body.id, 'dan', rating(4))).status,
      ).toBe(409);

      const need = await request(server)
        .get('/api/needs-discovery/needs/need-fast-setup')
        .set(as('ann'));
      expect(need.body).toMatchObject({
        status: 'open',
        latestSurveyId: draft.body.id,
        shared: true,
      });

      const wave2 = await request(server)
        .post(`/api/needs-discovery/surveys/${draft.body.id}/clone`)
        .set(as('pat'));
      expect(wave2.status).toBe(201);
      expect(wave2.body).toMatchObject({
        status: 'draft',
        wave: 2,
        previousSurveyId: draft.body.id,
      });
    });

    it('computes results with the configured settings and reports them', async () => {
      const { server } = await startBackend(databaseId, {
        sharedNeedMinTeams: 3,
        frequencyWeights: { daily: 0.8 },
      });
      const survey = await openedSurvey(server);
      const read = async () => {
        const res = await request(server)
          .get(`/api/needs-discovery/surveys/${survey.id}/results`)
          .set(as('ben'));
        expect(res.status).toBe(200);
        return res.body;
      };
      // Two teams (checkout twice, billing) report need-fast-setup: one short of the configured 3.
      for (const name of ['ann', 'ben', 'eve']) {
        expect((await answer(server, survey.id, name, rating(4))).status).toBe(
          200,
        );
      }
      const before = await read();
      expect(before.settings).toEqual({
        sharedNeedMinTeams: 3,
        frequencyWeights: {
          daily: 0.8,
          weekly: 0.6,
          monthly: 0.3,
          rarely: 0.1,
        },
        anonymityThreshold: 3,
        reportingPain: 3,
        topNeedsPerTeam: 3,
      });
      const fastSetup = (body: any) =>
        body.needs.find((n: any) => n.needId === 'need-fast-setup');
      expect(fastSetup(before)).toMatchObject({
        teams: 2,
        frequencyWeight: 0.8,
        priorityScore: 6.4,
        shared: false,
      });
      expect(before.priorityCase).toBeNull();

      // A third team reaches the threshold exactly: the need is shared and becomes the priority case.
      expect((await answer(server, survey.id, 'hal', rating(4))).status).toBe(
        200,
      );
      const after = await read();
      expect(fastSetup(after)).toMatchObject({
        teams: 3,
        priorityScore: 9.6,
        shared: true,
      });
      expect(after.priorityCase).toMatchObject({ needId: 'need-fast-setup' });
    });

    it('lets a service mark a need as served by a capability', async () => {
      const { server } = await startBackend(databaseId);
      await openedSurvey(server);
      const res = await request(server)
        .patch('/api/needs-discovery/needs/need-deploys')
        .set(asService)
        .send({
          status: 'in-mvp',
          capabilityRef: 'System:default/continuous-delivery',
        });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'in-mvp',
        capabilityRef: 'system:default/continuous-delivery',
      });
      const bad = await request(server)
        .patch('/api/needs-discovery/needs/need-deploys')
        .set(asService)
        .send({ status: 'finished' });
      expect(bad.status).toBe(400);
      expect(
        (
          await request(server)
            .patch('/api/needs-discovery/needs/nope')
            .set(asService)
            .send({ status: 'served' })
        ).status,
      ).toBe(404);
    });

    it('derives need statuses from the catalog and scores from the latest results', async () => {
      const { server } = await startBackend(databaseId);
      const survey = await openedSurvey(server, {
        needs: [
          ...definition.needs,
          { id: 'need-logs', title: 'Searchable logs' },
          { id: 'need-test-envs', title: 'Test environments' },
        ],
      });
      const needs = async () => {
        const res = await request(server)
          .get('/api/needs-discovery/needs')
          .set(as('ann'));
        expect(res.status).toBe(200);
        return Object.fromEntries(
          (res.body.items as any[]).map(n => [n.id, n]),
        ) as Record<string, any>;
      };
      const scores = async () => {
        const res = await request(server)
          .get(`/api/needs-discovery/surveys/${survey.id}/results`)
          .set(as('ann'));
        return Object.fromEntries(
          (res.body.needs as any[]).map(n => [n.needId, n.priorityScore]),
        );
      };

      const before = await needs();
      expect(before['need-logs']).toMatchObject({
        status: 'served',
        capabilityRef: 'system:default/log-shipping',
        capabilityTitle: 'Log Shipping',
        statusSource: 'catalog',
      });
      expect(before['need-test-envs']).toMatchObject({
        status: 'in-mvp',
        capabilityRef: 'system:default/preview-environments',
        capabilityTitle: 'Preview Environments',
      });
      expect(before['need-deploys']).toMatchObject({
        status: 'open',
        capabilityRef: null,
        statusSource: 'recorded',
      });
      const one = await request(server)
        .get('/api/needs-discovery/needs/need-logs')
        .set(asService);
      expect(one.body).toEqual(before['need-logs']);

      // The registry's score is the results' score, before and right after each answer.
      for (const [name, pain] of [
        ['ann', 4],
        ['eve', 5],
        ['hal', 3],
        ['ben', 5],
      ] as const) {
        expect(
          (await answer(server, survey.id, name, rating(pain))).status,
        ).toBe(200);
        const [registry, results] = [await needs(), await scores()];
        for (const needId of ['need-fast-setup', 'need-deploys']) {
          expect(registry[needId].latestSurveyId).toBe(survey.id);
          expect(registry[needId].latestScore).toBe(results[needId]);
        }
      }
      const last = await needs();
      expect(last['need-fast-setup'].latestScore).toBeGreaterThan(0);

      // A PATCH (mvp:launch) shows at once.
      const patched = await request(server)
        .patch('/api/needs-discovery/needs/need-fast-setup')
        .set(asService)
        .send({ status: 'in-mvp', capabilityRef: 'system:default/fast-lane' });
      expect(patched.body).toMatchObject({
        status: 'in-mvp',
        capabilityRef: 'system:default/fast-lane',
        statusSource: 'recorded',
        latestScore: last['need-fast-setup'].latestScore,
      });
      expect((await needs())['need-fast-setup'].status).toBe('in-mvp');
    });

    it('keeps one response after 50 concurrent submissions by one user', async () => {
      const { server, knex } = await startBackend(databaseId);
      const survey = await openedSurvey(server);
      const statuses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          answer(server, survey.id, 'ann', rating((i % 5) + 1)),
        ),
      );
      expect(statuses.map(r => r.status)).toEqual(new Array(50).fill(200));
      expect(
        Number((await knex('nd_responses').count({ c: '*' }).first())?.c),
      ).toBe(1);
    });

    it('rejects every malformed body with 400 and stores nothing', async () => {
      const { server, knex } = await startBackend(databaseId);
      const survey = await openedSurvey(server, {
        needs: corpusSurvey.needs,
        questions: corpusSurvey.questions,
      });
      expect(malformedAnswerBodies.length).toBeGreaterThanOrEqual(50);
      for (const { name, body } of malformedAnswerBodies) {
        const res = await answer(server, survey.id, 'ann', body as object);
        expect({ name, status: res.status }).toEqual({ name, status: 400 });
        expect(res.body.error.message).toBeTruthy();
      }
      // Bodies that are not even {answers: {...}} are refused by the OpenAPI validation.
      for (const body of [
        [],
        'text',
        { answers: [] },
        { answers: {}, extra: 1 },
      ]) {
        const res = await request(server)
          .put(`/api/needs-discovery/surveys/${survey.id}/responses/me`)
          .set(as('ann'))
          .send(body as object);
        expect(res.status).toBe(400);
      }
      expect(
        Number((await knex('nd_responses').count({ c: '*' }).first())?.c),
      ).toBe(0);
    });

    it('lists every invalid answer in one 400 message', async () => {
      const { server } = await startBackend(databaseId);
      const survey = await openedSurvey(server);
      const res = await answer(server, survey.id, 'ann', {
        ratings: { 'need-fast-setup': { pain: 9, frequency: 'hourly' } },
        nope: 1,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/pain/);
      expect(res.body.error.message).toMatch(/frequency/);
      expect(res.body.error.message).toMatch(/nope/);
    });

    it('rejects an invalid survey definition with every problem', async () => {
      const { server } = await startBackend(databaseId);
      const res = await request(server)
        .post('/api/needs-discovery/surveys')
        .set(as('pat'))
        .send({
          ...definition,
          anonymityThreshold: 2,
          needs: [{ id: 'Bad Id', title: '' }],
        });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/anonymityThreshold/);
      expect(res.body.error.message).toMatch(/Bad Id/);
      const list = await request(server)
        .get('/api/needs-discovery/surveys')
        .set(as('pat'));
      expect(list.body.items).toEqual([]);
    });

    it('limits a survey to its audience', async () => {
      const { server } = await startBackend(databaseId);
      const survey = await openedSurvey(server, {
        audience: ['group:default/billing'],
      });
      expect((await answer(server, survey.id, 'eve', rating(3))).status).toBe(
        200,
      );
      expect((await answer(server, survey.id, 'ann', rating(3))).status).toBe(
        403,
      );
      const annList = await request(server)
        .get('/api/needs-discovery/surveys')
        .set(as('ann'));
      expect(annList.body.items).toEqual([]);
      const eveList = await request(server)
        .get('/api/needs-discovery/surveys')
        .set(as('eve'));
      expect(eveList.body.items[0]).toMatchObject({
        id: survey.id,
        answeredByMe: true,
      });
    });
  });
});
