import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { SurveyDefinition } from '@platform-product/plugin-needs-discovery-common';
import {
  describeMalformedInput,
  MalformedRequest,
} from '@platform-product/common/testUtils';
import request from 'supertest';
import { needsDiscoveryPlugin } from '../plugin';

jest.setTimeout(120_000);

const BASE = '/api/needs-discovery';
const asAnn = {
  Authorization: mockCredentials.user.header('user:default/ann'),
};
const asService = { Authorization: mockCredentials.service.header() };

const definition: SurveyDefinition = {
  title: 'What slows you down?',
  audience: [],
  anonymityThreshold: 3,
  needs: [
    { id: 'need-fast-setup', title: 'Fast service setup' },
    { id: 'need-deploys', title: 'Reliable deploys' },
  ],
  questions: [
    { id: 'ratings', type: 'need-rating', title: 'Rate each need' },
    { id: 'slows', type: 'free-text', title: 'What slows you down?' },
    {
      id: 'tool',
      type: 'single-choice',
      title: 'Your CI',
      options: ['Jenkins', 'GitHub Actions'],
    },
  ],
};

interface Case extends MalformedRequest {
  /** `{survey}` stands for the id of the open survey. */
  path: string;
  /** A user's call (answers are a person's); a service's otherwise. */
  asUser?: boolean;
}

// The validator's pattern message, said from the parameter's description (clarifyValidationErrors).
const KEBAB =
  /^id is not in the expected form: A (survey|need) id.*lowercase letters and digits joined by single hyphens/;
const survey = (fields: object) => ({ ...definition, ...fields });
const create = (fields: object): Pick<Case, 'method' | 'path' | 'body'> => ({
  method: 'post',
  path: '/surveys',
  body: survey(fields),
});
const patchNeed = (body: object): Pick<Case, 'method' | 'path' | 'body'> => ({
  method: 'patch',
  path: '/needs/need-deploys',
  body,
});
const answer = (
  answers: object,
): Pick<Case, 'method' | 'path' | 'body' | 'asUser'> => ({
  method: 'put',
  path: '/surveys/{survey}/responses/me',
  body: { answers },
  asUser: true,
});

/** Input a person or a script gets wrong, and input meant to break the store: each a 400 that says why. */
const cases: Case[] = [
  // Path ids, on every route that takes one.
  ...[
    ['get', '/surveys/%00'],
    ['put', '/surveys/%00'],
    ['post', '/surveys/%00/open'],
    ['post', '/surveys/%00/close'],
    ['post', '/surveys/%00/clone'],
    ['get', '/surveys/%00/responses/me'],
    ['put', '/surveys/%00/responses/me'],
    ['delete', '/surveys/%00/responses/me'],
    ['get', '/surveys/%00/results'],
    ['get', '/surveys/%00/results.csv'],
    ['get', '/needs/%00'],
    ['patch', '/needs/%00'],
  ].map(
    ([method, path]): Case => ({
      name: `NUL as the id of ${method.toUpperCase()} ${path}`,
      method: method as Case['method'],
      path,
      body: method === 'put' ? definition : { status: 'served' },
      asUser: path.includes('/responses/'),
      message: KEBAB,
    }),
  ),
  {
    name: 'a path-like survey id',
    method: 'get',
    path: '/surveys/..%2F..%2Fetc/results',
    message: KEBAB,
  },
  {
    name: 'a need id in capitals',
    method: 'get',
    path: '/needs/Need-Deploys',
    message: KEBAB,
  },
  {
    name: 'a survey id longer than its column',
    method: 'get',
    path: `/surveys/${'a'.repeat(65)}`,
    message: /request\/params\/id must NOT have more than 64 characters/,
  },
  // Every stored string of a survey.
  {
    name: 'NUL in the title',
    ...create({ title: 'Slow\u0000' }),
    message:
      /^The survey is not valid: title must not contain a NUL character \(at character 5\)/,
  },
  {
    name: 'a lone surrogate in the description',
    ...create({ description: 'Five minutes \ud800' }),
    message:
      /^The survey is not valid: description must be well-formed Unicode text: it contains a lone UTF-16 surrogate/,
  },
  {
    name: 'NUL in a need title',
    ...create({
      needs: [
        { id: 'need-fast-setup', title: 'Fast\u0000setup' },
        { id: 'need-deploys', title: 'Reliable deploys' },
      ],
    }),
    message:
      /needs\[0\] \("need-fast-setup"\): title must not contain a NUL character/,
  },
  {
    name: 'NUL in a need id',
    ...create({
      needs: [
        { id: 'need-fast\u0000', title: 'Fast setup' },
        { id: 'need-deploys', title: 'Reliable deploys' },
      ],
    }),
    message: /needs\[0\] \("need-fast\\u0000"\): id must be kebab-case/,
  },
  {
    name: 'NUL in an option',
    ...create({
      questions: [
        { id: 'ratings', type: 'need-rating', title: 'Rate each need' },
        {
          id: 'tool',
          type: 'single-choice',
          title: 'Your CI',
          options: ['Jenkins\u0000', 'GitHub Actions'],
        },
      ],
    }),
    message: /questions\[1\] \("tool"\).*must not contain a NUL character/,
  },
  {
    name: 'a control character in a question title',
    ...create({
      questions: [
        { id: 'ratings', type: 'need-rating', title: 'Rate\u001b[31m each' },
      ],
    }),
    message:
      /questions\[0\] \("ratings"\): title must not contain the control character U\+001B/,
  },
  {
    name: 'a path-like group in the audience',
    ...create({ audience: ['group:../x'] }),
    message: /audience\[0\] must be a group ref like "group:default\/checkout"/,
  },
  {
    name: 'a user in the audience',
    ...create({ audience: ['user:default/ann'] }),
    message: /audience\[0\] must be a group ref/,
  },
  {
    name: 'a 300 KB group ref in the audience',
    ...create({ audience: [`group:default/${'x'.repeat(300_000)}`] }),
    message:
      /request\/body\/audience\/0 must NOT have more than 255 characters/,
  },
  {
    name: 'a title longer than its column',
    ...create({ title: 'x'.repeat(201) }),
    message: /request\/body\/title must NOT have more than 200 characters/,
  },
  {
    name: 'k as a string',
    ...create({ anonymityThreshold: '5' }),
    message: /request\/body\/anonymityThreshold must be integer/,
  },
  {
    name: 'an unknown survey field',
    ...create({ anonymityTreshold: 5 }),
    message:
      /^The request body has a field this route does not take: "anonymityTreshold"\. It takes "title", /,
  },
  // The need registry.
  {
    name: 'NUL in capabilityRef',
    ...patchNeed({ status: 'served', capabilityRef: 'system:default/x\u0000' }),
    message:
      /^capabilityRef must not contain a NUL character \(at character 17\)/,
  },
  {
    name: 'a lone surrogate in capabilityRef',
    ...patchNeed({ status: 'served', capabilityRef: 'system:default/\udc00' }),
    message: /^capabilityRef must be well-formed Unicode text/,
  },
  {
    name: 'a 300 KB capabilityRef',
    ...patchNeed({
      status: 'served',
      capabilityRef: `system:default/${'x'.repeat(300_000)}`,
    }),
    message:
      /request\/body\/capabilityRef must NOT have more than 255 characters/,
  },
  {
    name: 'SQL as capabilityRef',
    ...patchNeed({
      status: 'served',
      capabilityRef: "system:default/x'; DROP TABLE nd_needs; --",
    }),
    message:
      /^capabilityRef must be an entity ref like component:default\/example, with a namespace and name/,
  },
  {
    name: 'a path-like capabilityRef',
    ...patchNeed({ status: 'served', capabilityRef: 'system:../x' }),
    message:
      /^capabilityRef must be an entity ref like component:default\/example, with a namespace and name/,
  },
  {
    name: 'a capabilityRef without a kind',
    ...patchNeed({ status: 'served', capabilityRef: 'event-streaming' }),
    message:
      /^capabilityRef must be an entity ref like component:default\/example/,
  },
  {
    name: 'an unknown status',
    ...patchNeed({ status: 'done' }),
    message:
      /request\/body\/status must be equal to one of the allowed values: open, in-mvp, served, declined/,
  },
  {
    name: 'an unknown need field',
    ...patchNeed({ status: 'served', note: 'by CI' }),
    message:
      /^The request body has a field this route does not take: "note"\. It takes "status", "capabilityRef"\.$/,
  },
  // Answers.
  {
    name: 'NUL in a free-text answer',
    ...answer({ slows: 'waiting\u0000' }),
    message:
      /^Some answers are not valid: answers\["slows"\] must not contain a NUL character \(at character 8\)/,
  },
  {
    name: 'a lone surrogate in a free-text answer',
    ...answer({ slows: '\ud83d waiting' }),
    message:
      /^Some answers are not valid: answers\["slows"\] must be well-formed Unicode text/,
  },
  {
    name: 'NUL in a choice',
    ...answer({ tool: 'Jenkins\u0000' }),
    message: /answers\["tool"\] must be one of "Jenkins", "GitHub Actions"/,
  },
  {
    name: 'a rating as a string',
    ...answer({
      ratings: { 'need-deploys': { pain: '4', frequency: 'weekly' } },
    }),
    message:
      /answers\["ratings"\]\["need-deploys"\]\.pain must be an integer 1–5/,
  },
  {
    name: 'an unknown field next to answers',
    method: 'put',
    path: '/surveys/{survey}/responses/me',
    body: { answers: { slows: 'waiting' }, anonymous: true },
    asUser: true,
    message:
      /^The request body has a field this route does not take: "anonymous"\. It takes "answers"\.$/,
  },
];

const TABLES = [
  'nd_surveys',
  'nd_responses',
  'nd_response_teams',
  'nd_need_ratings',
  'nd_answer_items',
  'nd_needs',
];

describeMalformedInput('needs-discovery router, malformed input', {
  databases: TestDatabases.create(),
  cases,
  async start(knex) {
    const { server } = await startTestBackend({
      features: [
        needsDiscoveryPlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            needsDiscovery: {
              respondentKey: 'a-test-key-of-sufficient-length',
            },
          },
        }),
        catalogServiceMock.factory({ entities: [] }),
        mockServices.userInfo.mock({
          getUserInfo: async credentials => {
            const ref = (credentials.principal as { userEntityRef: string })
              .userEntityRef;
            return {
              userEntityRef: ref,
              ownershipEntityRefs: [ref, 'group:default/checkout'],
            };
          },
        }).factory,
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({ result: AuthorizeResult.ALLOW })) as any,
        }).factory,
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async () => {} }),
        }),
      ],
    });
    const created = await request(server)
      .post(`${BASE}/surveys`)
      .set(asService)
      .send(definition)
      .expect(201);
    const surveyId = created.body.id;
    await request(server)
      .post(`${BASE}/surveys/${surveyId}/open`)
      .set(asService)
      .expect(200);
    return {
      request: c =>
        request(server)
          [c.method](`${BASE}${c.path.replace('{survey}', surveyId)}`)
          .set(c.asUser ? asAnn : asService),
      tables: TABLES,
      // The same answer without the mistake is stored: the battery is not refused for some other reason.
      async afterwards() {
        await request(server)
          .put(`${BASE}/surveys/${surveyId}/responses/me`)
          .set(asAnn)
          .send({ answers: { slows: 'waiting', tool: 'Jenkins' } })
          .expect(200);
      },
    };
  },
});
