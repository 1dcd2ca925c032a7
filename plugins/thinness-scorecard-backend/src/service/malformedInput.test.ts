import { TestDatabases } from '@backstage/backend-test-utils';
import {
  describeMalformedInput,
  MalformedRequest,
} from '@platform-product/common/testUtils';
import request from 'supertest';
import { as, MANAGER, startScorecardBackend } from '../testing/backend';
import { exampleCatalog } from '../testing/catalog';
import { REFUSED_BASE_URL } from '../testing/fakePlugins';

jest.setTimeout(120_000);

const API = '/api/thinness-scorecard';

type Case = MalformedRequest;

/** Input a person or a script gets wrong, and input meant to break the store: each a 400 that says why. */
const cases: Case[] = [
  {
    name: 'NUL in the capability name',
    method: 'get',
    path: '/capabilities/system/default/%00',
    message: /^capability must not contain a NUL character \(at character 16\)/,
  },
  {
    name: 'NUL in the capability kind',
    method: 'get',
    path: '/capabilities/sys%00tem/default/report-builder',
    message: /^capability must not contain a NUL character \(at character 4\)/,
  },
  {
    name: 'a control character in the namespace',
    method: 'get',
    path: '/capabilities/system/def%1Bault/report-builder',
    message: /^capability must not contain the control character U\+001B/,
  },
  {
    name: 'a path-like namespace',
    method: 'get',
    path: '/capabilities/system/..%2F..%2Fetc/passwd',
    message:
      /^capability must be an entity ref like component:default\/example, with a namespace and name of letters, digits/,
  },
  {
    name: 'a path-like name',
    method: 'get',
    path: '/capabilities/system/default/..',
    message:
      /^capability must be an entity ref like component:default\/example/,
  },
  {
    name: 'SQL in the name',
    method: 'get',
    path: `/capabilities/system/default/${encodeURIComponent(
      "x'; DROP TABLE ts_latest; --",
    )}`,
    message:
      /^capability must be an entity ref like component:default\/example/,
  },
  {
    name: 'a name longer than the catalog allows',
    method: 'get',
    path: `/capabilities/system/default/${'x'.repeat(64)}`,
    message: /name must NOT have more than 63 characters/,
  },
  {
    name: 'a kind that is not a word',
    method: 'get',
    path: '/capabilities/sys-tem/default/report-builder',
    message:
      /^capability must be an entity ref like component:default\/example/,
  },
  ...['0x10', '1e2', '+16', '16.0', ' 16'].map(
    (days): Case => ({
      name: `days=${JSON.stringify(days)}`,
      method: 'get',
      path: `/scorecard/history?days=${encodeURIComponent(days)}`,
      message:
        /^days must be a whole number written in digits, from 1 to 3650; got "/,
    }),
  ),
  {
    name: 'days=-1',
    method: 'get',
    path: '/scorecard/history?days=-1',
    message: /days must be >= 1/,
  },
  {
    name: 'days above the limit',
    method: 'get',
    path: '/scorecard/history?days=3651',
    message: /days must be <= 3650/,
  },
  {
    name: 'refresh=yes',
    method: 'get',
    path: '/capabilities/system/default/report-builder?refresh=yes',
    message: /refresh must be boolean/,
  },
  {
    name: 'an unknown query parameter',
    method: 'get',
    path: '/scorecard?capability=system:default/x',
    message: /Unknown query parameter 'capability'/,
  },
  {
    name: 'an unknown body field on refresh',
    method: 'post',
    path: '/refresh',
    body: { capability: 'system:default/report-builder' },
    message:
      /^The request body has a field this route does not take: "capability"\. It takes no field: send \{\}\.$/,
  },
  {
    name: 'a body of the wrong type on refresh',
    method: 'post',
    path: '/refresh',
    body: ['system:default/report-builder'],
    message: /request\/body must be object/,
  },
];

describeMalformedInput('thinness-scorecard router, malformed input', {
  databases: TestDatabases.create(),
  cases,
  async start(knex) {
    const { server } = await startScorecardBackend({
      knex,
      entities: exampleCatalog(),
      baseUrl: () => REFUSED_BASE_URL,
    });
    return {
      request: c =>
        request(server)[c.method](`${API}${c.path}`).set(as(MANAGER)),
      tables: [
        'ts_latest',
        'ts_snapshots',
        'ts_capability_first_seen',
        'ts_notified_reviews',
      ],
    };
  },
});
