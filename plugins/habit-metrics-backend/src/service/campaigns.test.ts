import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { habitMetricsPlugin } from '../plugin';
import {
  GOLDEN_PATH,
  orgEntities,
  teamRef,
  userRef,
} from '../testing/fixtures';

jest.setTimeout(120_000);

const BASE = '/api/habit-metrics';
const as = (name: string) => ({
  Authorization: mockCredentials.user.header(userRef(name)),
});
const asService = { Authorization: mockCredentials.service.header() };

/** pat organises (manage); everyone but nobody reads and takes part; reader only reads. */
function decide(credentials: BackstageCredentials, permissionName: string) {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
  };
  if (principal.type === 'service') return AuthorizeResult.ALLOW;
  const user = principal.userEntityRef;
  if (user === userRef('nobody')) return AuthorizeResult.DENY;
  if (permissionName === 'habit-metrics.campaigns.manage') {
    return user === userRef('pat')
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  }
  if (user === userRef('reader')) {
    return permissionName === 'habit-metrics.read'
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  }
  return AuthorizeResult.ALLOW;
}

const newCampaign = {
  title: 'Ship services on the golden path',
  capabilityRef: GOLDEN_PATH,
  templates: ['template:default/node-service'],
  goal: { kind: 'active-weeks', activeWeeks: 3, windowWeeks: 4 },
  audience: {
    source: 'groups',
    groups: ['group:default/checkout', 'billing'],
  },
  champions: [{ teamRef: 'group:default/checkout', userRef: 'ann' }],
  targetDate: '2027-03-31',
};

/** Bad input on every campaign route: each a 400 that says why. */
const malformed: {
  name: string;
  method: 'post' | 'patch' | 'put' | 'get';
  path: (id: string, activityId: string) => string;
  body?: unknown;
  message: RegExp;
}[] = [
  {
    name: 'NUL in title',
    method: 'post',
    path: () => '/campaigns',
    body: { ...newCampaign, title: 'Ship\u0000' },
    message: /^title must not contain a NUL character \(at character 5\)/,
  },
  {
    name: 'a capability that is not a ref',
    method: 'post',
    path: () => '/campaigns',
    body: { ...newCampaign, capabilityRef: 'system:../x' },
    message: /^capabilityRef must be an entity ref/,
  },
  {
    name: 'a user as an audience group',
    method: 'post',
    path: () => '/campaigns',
    body: {
      ...newCampaign,
      audience: { source: 'groups', groups: ['user:default/ann'] },
    },
    message: /^audience\.groups\[0\] must refer to a group/,
  },
  {
    name: 'a goal that cannot be reached',
    method: 'post',
    path: () => '/campaigns',
    body: {
      ...newCampaign,
      goal: { kind: 'active-weeks', activeWeeks: 5, windowWeeks: 4 },
    },
    message:
      /^goal\.activeWeeks \(5\) cannot be more than goal\.windowWeeks \(4\)/,
  },
  {
    name: 'a champion outside the team',
    method: 'post',
    path: () => '/campaigns',
    body: {
      ...newCampaign,
      champions: [{ teamRef: 'group:default/checkout', userRef: 'dan' }],
    },
    message: /is not a member of group:default\/checkout in the catalog/,
  },
  {
    name: 'an impossible target date',
    method: 'post',
    path: () => '/campaigns',
    body: { ...newCampaign, targetDate: '2027-02-30' },
    message: /^targetDate must be a real date/,
  },
  {
    name: 'an unknown field',
    method: 'post',
    path: () => '/campaigns',
    body: { ...newCampaign, owner: 'me' },
    message: /owner/,
  },
  {
    name: 'a campaign id that is not a UUID',
    method: 'get',
    path: () => '/campaigns/not-an-id',
    message: /id/,
  },
  {
    name: 'NUL in a patched title',
    method: 'patch',
    path: id => `/campaigns/${id}`,
    body: { title: '\u0000' },
    message: /^title must not contain a NUL character/,
  },
  {
    name: 'a session without a start',
    method: 'post',
    path: id => `/campaigns/${id}/activities`,
    body: { kind: 'training-session', title: 'Intro' },
    message: /^A training-session needs startsAt/,
  },
  {
    name: 'a link that is not an address',
    method: 'post',
    path: id => `/campaigns/${id}/activities`,
    body: {
      kind: 'announcement',
      title: 'Hello',
      link: 'ftp://files.example.com/x',
    },
    message: /^link must be an http\(s\) address/,
  },
  {
    name: 'a learning-path step with a control character',
    method: 'post',
    path: id => `/campaigns/${id}/activities`,
    body: {
      kind: 'learning-path',
      title: 'Learn',
      steps: [{ title: 'a\u0007', link: 'https://docs' }],
    },
    message:
      /^steps\[0\]\.title must not contain the control character U\+0007/,
  },
  {
    name: 'a status that does not fit the activity',
    method: 'put',
    path: (id, activityId) =>
      `/campaigns/${id}/activities/${activityId}/participation/me`,
    body: { status: 'going' },
    message: /^A announcement takes status acknowledged; got going/,
  },
];

const answers = new Map<string, Record<string, unknown>>();

describe('habit-metrics campaigns', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function start() {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          habitMetricsPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              habitMetrics: {
                ingestion: {
                  scaffolder: { enabled: false },
                  catalog: { enabled: false },
                },
              },
            },
          }),
          catalogServiceMock.factory({ entities: orgEntities }),
          mockServices.permissions.mock({
            authorize: async (requests, options) =>
              requests.map(r => ({
                result: decide(
                  options!.credentials,
                  (r as { permission: { name: string } }).permission.name,
                ),
              })) as any,
          }).factory,
        ],
      });
      return { server, knex };
    }

    it('runs a campaign: create, start, add activities, take part, progress', async () => {
      const { server } = await start();
      const api = request(server);

      // Only the platform team creates campaigns.
      const refused = await api
        .post(`${BASE}/campaigns`)
        .set(as('ann'))
        .send(newCampaign);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(
        /habit-metrics\.campaigns\.manage/,
      );

      const created = await api
        .post(`${BASE}/campaigns`)
        .set(as('pat'))
        .send(newCampaign);
      expect(created.status).toBe(201);
      const campaign = created.body;
      expect(campaign).toMatchObject({
        status: 'draft',
        capabilityRef: GOLDEN_PATH,
        createdBy: userRef('pat'),
        startedAt: null,
        audience: {
          source: 'groups',
          groups: [teamRef('billing'), teamRef('checkout')],
        },
        teams: [
          { teamRef: teamRef('billing'), championRef: null },
          { teamRef: teamRef('checkout'), championRef: userRef('ann') },
        ],
      });

      // A draft has no progress yet, and cannot jump to completed.
      expect(
        (
          await api
            .get(`${BASE}/campaigns/${campaign.id}/progress`)
            .set(as('ann'))
        ).status,
      ).toBe(409);
      const jump = await api
        .patch(`${BASE}/campaigns/${campaign.id}`)
        .set(as('pat'))
        .send({ status: 'completed' });
      expect(jump.status).toBe(409);
      expect(jump.body.error.message).toMatch(
        /only become active or cancelled, not completed/,
      );

      const announcement = await api
        .post(`${BASE}/campaigns/${campaign.id}/activities`)
        .set(as('pat'))
        .send({
          kind: 'announcement',
          title: 'The golden path is ready',
          link: '/create',
        });
      expect(announcement.status).toBe(201);
      const session = await api
        .post(`${BASE}/campaigns/${campaign.id}/activities`)
        .set(as('pat'))
        .send({
          kind: 'training-session',
          title: 'Your first service in 30 minutes',
          startsAt: '2027-01-12T10:00:00+01:00',
          capacity: 20,
          link: 'https://meet.example.com/golden-path',
        });
      expect(session.status).toBe(201);
      expect(session.body.startsAt).toBe('2027-01-12T09:00:00.000Z');

      // Nobody takes part in a draft.
      const early = await api
        .put(
          `${BASE}/campaigns/${campaign.id}/activities/${announcement.body.id}/participation/me`,
        )
        .set(as('ann'))
        .send({ status: 'acknowledged' });
      expect(early.status).toBe(409);

      const started = await api
        .patch(`${BASE}/campaigns/${campaign.id}`)
        .set(as('pat'))
        .send({ status: 'active' });
      expect(started.status).toBe(200);
      expect(started.body.startedAt).not.toBeNull();

      // The audience is fixed once active.
      const reaim = await api
        .patch(`${BASE}/campaigns/${campaign.id}`)
        .set(as('pat'))
        .send({ audience: { source: 'not-adopting' } });
      expect(reaim.status).toBe(409);

      const mine = await api
        .put(
          `${BASE}/campaigns/${campaign.id}/activities/${announcement.body.id}/participation/me`,
        )
        .set(as('ann'))
        .send({ status: 'acknowledged' });
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({
        status: 'acknowledged',
        attended: false,
      });
      await api
        .put(
          `${BASE}/campaigns/${campaign.id}/activities/${session.body.id}/participation/me`,
        )
        .set(as('ben'))
        .send({ status: 'going' })
        .expect(200);
      // Services never take part: participation is a person's own.
      expect(
        (
          await api
            .put(
              `${BASE}/campaigns/${campaign.id}/activities/${session.body.id}/participation/me`,
            )
            .set(asService)
            .send({ status: 'going' })
        ).status,
      ).toBe(403);
      expect(
        (
          await api
            .put(
              `${BASE}/campaigns/${campaign.id}/activities/${session.body.id}/participation/me`,
            )
            .set(as('reader'))
            .send({ status: 'going' })
        ).status,
      ).toBe(403);

      // A person sees their own answers; only the organiser sees who is going.
      const annView = await api
        .get(`${BASE}/campaigns/${campaign.id}`)
        .set(as('ann'));
      expect(annView.status).toBe(200);
      expect(annView.body.myParticipation).toHaveLength(1);
      expect(annView.body.rsvps).toBeUndefined();
      expect(JSON.stringify(annView.body)).not.toContain(userRef('ben'));
      const patView = await api
        .get(`${BASE}/campaigns/${campaign.id}`)
        .set(as('pat'));
      expect(patView.body.rsvps).toEqual([
        { activityId: session.body.id, going: [userRef('ben')], attended: [] },
      ]);

      // Team level only.
      const progress = await api
        .get(`${BASE}/campaigns/${campaign.id}/progress`)
        .set(as('reader'));
      expect(progress.status).toBe(200);
      expect(progress.body.states).toEqual({
        'not-reached': 0,
        engaged: 2,
        adopting: 0,
        'habit-formed': 0,
        reverted: 0,
      });
      expect(progress.body.activities[0]).toMatchObject({
        acknowledged: 1,
        engagedTeams: 1,
        teams: 2,
        teamRate: 0.5,
      });
      expect(progress.body.effect).toMatchObject({ tooSmallToConclude: true });
      expect(JSON.stringify(progress.body)).not.toMatch(/user:default/);

      const list = await api
        .get(`${BASE}/campaigns?status=active`)
        .set(as('dan'));
      expect(list.body.campaigns.map((c: { id: string }) => c.id)).toEqual([
        campaign.id,
      ]);

      const done = await api
        .patch(`${BASE}/campaigns/${campaign.id}`)
        .set(as('pat'))
        .send({ status: 'completed' });
      expect(done.body).toMatchObject({ status: 'completed' });
      expect(done.body.endedAt).not.toBeNull();
      const frozen = await api
        .patch(`${BASE}/campaigns/${campaign.id}`)
        .set(as('pat'))
        .send({ title: 'Again' });
      expect(frozen.status).toBe(409);
    });

    it('answers each malformed campaign request with a 400 that says why', async () => {
      const { server, knex } = await start();
      const api = request(server);
      const { body: campaign } = await api
        .post(`${BASE}/campaigns`)
        .set(asService)
        .send(newCampaign)
        .expect(201);
      const { body: activity } = await api
        .post(`${BASE}/campaigns/${campaign.id}/activities`)
        .set(asService)
        .send({ kind: 'announcement', title: 'Hello' })
        .expect(201);
      await api
        .patch(`${BASE}/campaigns/${campaign.id}`)
        .set(asService)
        .send({ status: 'active' })
        .expect(200);
      const seen: Record<string, unknown> = {};
      const wrong: object[] = [];
      for (const c of malformed) {
        const call = api[c.method](
          `${BASE}${c.path(campaign.id, activity.id)}`,
        ).set(c.method === 'put' ? as('ann') : asService);
        const res = await (c.body === undefined
          ? call
          : call.send(c.body as object));
        const answer = {
          status: res.status,
          name: res.body?.error?.name,
          message: res.body?.error?.message,
        };
        seen[c.name] = answer;
        if (answer.status !== 400 || !c.message.test(String(answer.message))) {
          wrong.push({ case: c.name, expected: String(c.message), ...answer });
        }
      }
      expect(wrong).toEqual([]);
      answers.set(databaseId, seen);
      const [{ count }] = await knex('hm_campaigns').count({ count: '*' });
      expect(Number(count)).toBe(1);
      const [{ count: people }] = await knex('hm_campaign_participation').count(
        {
          count: '*',
        },
      );
      expect(Number(people)).toBe(0);
    });
  });

  it('gives the same answers to bad input on every database', () => {
    const [first, ...others] = [...answers.values()];
    expect(first).toBeDefined();
    for (const other of others) expect(other).toEqual(first);
  });
});
