import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  describeMalformedInput,
  MalformedRequest,
} from '@platform-product/common/testUtils';
import request from 'supertest';
import { startHabitBackend } from '../testing/backend';

jest.setTimeout(120_000);

const BASE = '/api/habit-metrics';
const asService = { Authorization: mockCredentials.service.header() };

const valid = {
  source: 'ci',
  kind: 'deploy',
  way: 'new',
  teamRef: 'group:default/checkout',
};

type Case = MalformedRequest;

const event = (fields: object): Pick<Case, 'method' | 'path' | 'body'> => ({
  method: 'post',
  path: '/events',
  body: { ...valid, ...fields },
});

/** Input a person or a script gets wrong, and input meant to break the store: each a 400 that says why. */
const cases: Case[] = [
  // Every stored string of an event.
  {
    name: 'NUL in source',
    ...event({ source: 'c\u0000i' }),
    message:
      /^Nothing was recorded, the events are not valid: source must start with a lowercase letter or digit/,
  },
  {
    name: 'NUL in kind',
    ...event({ kind: 'deploy\u0000' }),
    message:
      /^Nothing was recorded, the events are not valid: kind must start with a lowercase letter or digit/,
  },
  {
    name: 'NUL in teamRef',
    ...event({ teamRef: 'group:default/check\u0000out' }),
    message:
      /^Nothing was recorded, the events are not valid: teamRef must not contain a NUL character \(at character 20\)/,
  },
  {
    name: 'NUL in capabilityRef',
    ...event({ capabilityRef: 'system:default/\u0000' }),
    message:
      /^Nothing was recorded, the events are not valid: capabilityRef must not contain a NUL character/,
  },
  {
    name: 'NUL in templateRef',
    ...event({ templateRef: 'template:default/\u0000x' }),
    message:
      /^Nothing was recorded, the events are not valid: templateRef must not contain a NUL character/,
  },
  {
    name: 'NUL in idempotencyKey',
    ...event({ idempotencyKey: 'run-1\u0000' }),
    message:
      /^Nothing was recorded, the events are not valid: idempotencyKey must not contain a NUL character \(at character 6\)/,
  },
  {
    name: 'a lone surrogate in idempotencyKey',
    ...event({ idempotencyKey: 'run-\ud800' }),
    message:
      /^Nothing was recorded, the events are not valid: idempotencyKey must be well-formed Unicode text: it contains a lone UTF-16 surrogate/,
  },
  {
    name: 'a lone surrogate in capabilityRef',
    ...event({ capabilityRef: 'system:default/x\udc00' }),
    message:
      /^Nothing was recorded, the events are not valid: capabilityRef must be well-formed Unicode text/,
  },
  {
    name: 'a 300 KB capabilityRef',
    ...event({ capabilityRef: `system:default/${'x'.repeat(300_000)}` }),
    message:
      /^Nothing was recorded, the events are not valid: capabilityRef must be at most 255 characters long; it has 300015/,
  },
  {
    name: 'SQL as capabilityRef',
    ...event({ capabilityRef: "system:default/x'; DROP TABLE hm_events; --" }),
    message:
      /^Nothing was recorded, the events are not valid: capabilityRef must be an entity ref like component:default\/example, with a namespace and name/,
  },
  {
    name: 'a path-like capabilityRef',
    ...event({ capabilityRef: 'system:../x' }),
    message:
      /^Nothing was recorded, the events are not valid: capabilityRef must be an entity ref like component:default\/example, with a namespace and name/,
  },
  {
    name: 'a templateRef of the wrong kind',
    ...event({ templateRef: 'system:default/node-service' }),
    message:
      /^Nothing was recorded, the events are not valid: templateRef must refer to a template, like template:default\/example; got a system/,
  },
  {
    name: 'a teamRef of the wrong kind',
    ...event({ teamRef: 'user:default/ann' }),
    message:
      /^Nothing was recorded, the events are not valid: teamRef must refer to a group, like group:default\/example; got a user/,
  },
  {
    name: 'an unknown body field',
    ...event({ team: 'group:default/checkout' }),
    message: /event has unknown key "team"/,
  },
  {
    name: 'an unknown field next to events',
    method: 'post',
    path: '/events',
    body: { events: [valid], dryRun: true },
    message: /body has unknown key "dryRun" next to "events"/,
  },
  // Query parameters.
  {
    name: 'NUL in team',
    method: 'get',
    path: '/golden-path?team=%00',
    message:
      /^team must not contain a NUL character \(at character 1\); expected an entity ref like group:default\/example/,
  },
  {
    name: 'a path-like team',
    method: 'get',
    path: '/golden-path?team=../x',
    message:
      /^team must be an entity ref like group:default\/example, with a namespace and name/,
  },
  {
    name: 'a team of the wrong kind',
    method: 'get',
    path: '/golden-path?team=system:default/checkout',
    message:
      /^team must refer to a group, like group:default\/example; got a system/,
  },
  {
    name: 'NUL in capability',
    method: 'get',
    path: '/stickiness?capability=system:default/x%00',
    message: /^capability must not contain a NUL character \(at character 17\)/,
  },
  {
    name: 'SQL as capability',
    method: 'get',
    path: `/adoption?capability=${encodeURIComponent(
      "system:default/x'; DROP TABLE hm_events; --",
    )}`,
    message:
      /^capability must be an entity ref like component:default\/example, with a namespace and name/,
  },
  {
    name: 'a capability without a kind',
    method: 'get',
    path: '/retention?capability=event-streaming',
    message:
      /^capability must be an entity ref like component:default\/example; got "event-streaming"/,
  },
  {
    name: 'an empty capability',
    method: 'get',
    path: '/retention?capability=',
    message: /Empty value found for query parameter 'capability'/,
  },
  {
    name: 'a long capability',
    method: 'get',
    path: `/retention?capability=system:default/${'x'.repeat(1000)}`,
    message: /capability must NOT have more than 255 characters/,
  },
  {
    name: 'a template of the wrong kind',
    method: 'get',
    path: '/adoption?template=system:default/node-service',
    message:
      /^template must refer to a template, like template:default\/example; got a system/,
  },
  ...[
    ['/retention', 'weeks', '0x10', 26],
    ['/retention', 'weeks', '1e1', 26],
    ['/retention', 'weeks', '+5', 26],
    ['/reversions', 'minStreak', '0x10', 52],
    ['/time-to-habit', 'habitWeeks', '1e1', 52],
    ['/time-to-habit', 'habitWeeks', '4.0', 52],
  ].map(
    ([path, name, value, max]): Case => ({
      name: `${name}=${value}`,
      method: 'get',
      path: `${path}?${name}=${encodeURIComponent(String(value))}`,
      message: new RegExp(
        `^${name} must be a whole number written in digits, from 1 to ${max}; got "${String(
          value,
        ).replace('+', '\\+')}"`,
      ),
    }),
  ),
  {
    name: 'weeks=-1',
    method: 'get',
    path: '/retention?weeks=-1',
    message: /weeks must be >= 1/,
  },
  {
    name: 'a date that is not YYYY-MM-DD',
    method: 'get',
    path: '/golden-path?from=2026-1-5',
    message: /^from is not in the expected form: First week \(a date/,
  },
  {
    name: 'an unknown query parameter',
    method: 'get',
    path: '/summary?team=group:default/checkout',
    message: /Unknown query parameter 'team'/,
  },
  // Path parameters.
  {
    name: 'NUL in a team path',
    method: 'get',
    path: '/teams/default/%00',
    message: /^team must not contain a NUL character \(at character 15\)/,
  },
  {
    name: 'a path-like team path',
    method: 'get',
    path: '/teams/default/..',
    message:
      /^team must be an entity ref like group:default\/example, with a namespace and name/,
  },
  {
    name: 'NUL in a capability path',
    method: 'get',
    path: '/capabilities/system/default/%00',
    message: /^capability must not contain a NUL character \(at character 16\)/,
  },
  {
    name: 'NUL in a capability kind',
    method: 'get',
    path: '/capabilities/sys%00tem/default/x',
    message: /^capability must not contain a NUL character \(at character 4\)/,
  },
  {
    name: 'a path-like capability namespace',
    method: 'get',
    path: '/capabilities/system/..%2Fx/y',
    message:
      /^capability must be an entity ref like component:default\/example, with a namespace and name/,
  },
];

describeMalformedInput('habit-metrics router, malformed input', {
  databases: TestDatabases.create(),
  cases,
  async start(knex) {
    const { server } = await startHabitBackend(knex);
    return {
      request: c =>
        request(server)[c.method](`${BASE}${c.path}`).set(asService),
      tables: ['hm_events', 'hm_components'],
      // The same events without the mistakes are recorded: the battery is not refused for some other reason.
      async afterwards() {
        await request(server)
          .post(`${BASE}/events`)
          .set(asService)
          .send({ ...valid, capabilityRef: 'system:default/event-streaming' })
          .expect(202);
      },
    };
  },
});
