import { DiscoveryService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { RegisteredNeed } from '@platform-product/plugin-needs-discovery-common';
import {
  notFound,
  startServer,
  unknownDiscovery,
} from '@platform-product/common/testUtils';
import { DefaultNeedsDiscoveryService } from './DefaultNeedsDiscoveryService';
import { NeedsDiscoveryNotInstalledError } from './types';

const registered: RegisteredNeed = {
  id: 'need-test-environments',
  title: 'Test environments',
  status: 'open',
  capabilityRef: null,
  latestSurveyId: 's1',
  latestScore: 9.5,
  shared: true,
  teams: 3,
  updatedAt: '2026-03-01T00:00:00.000Z',
};

describe('DefaultNeedsDiscoveryService', () => {
  const auth = mockServices.auth({ pluginId: 'scaffolder' });
  let server: Awaited<ReturnType<typeof startServer>> | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const serviceFor = (
    discovery: DiscoveryService,
    options: { timeoutMs?: number } = {},
  ) => DefaultNeedsDiscoveryService.create({ discovery, auth, ...options });

  it('reads, lists and updates needs with a service token for needs-discovery', async () => {
    server = await startServer({
      'GET /api/needs-discovery/needs/need-test-environments': {
        status: 200,
        body: registered,
      },
      'GET /api/needs-discovery/needs': {
        status: 200,
        body: { items: [registered] },
      },
      'PATCH /api/needs-discovery/needs/need-test-environments': {
        status: 200,
        body: {
          ...registered,
          status: 'in-mvp',
          capabilityRef: 'system:default/x',
        },
      },
    });
    const needs = serviceFor(server.discovery);
    expect(await needs.getNeed('need-test-environments')).toEqual(registered);
    expect(await needs.listNeeds()).toEqual([registered]);
    expect(
      await needs.updateNeed('need-test-environments', {
        status: 'in-mvp',
        capabilityRef: 'system:default/x',
      }),
    ).toMatchObject({ status: 'in-mvp', capabilityRef: 'system:default/x' });
    expect(server.seen.map(s => [s.method, s.url, s.body])).toEqual([
      ['GET', '/api/needs-discovery/needs/need-test-environments', undefined],
      ['GET', '/api/needs-discovery/needs', undefined],
      [
        'PATCH',
        '/api/needs-discovery/needs/need-test-environments',
        { status: 'in-mvp', capabilityRef: 'system:default/x' },
      ],
    ]);
    for (const { authorization } of server.seen) {
      expect(authorization).toMatch(/^Bearer mock-service-token:/);
      expect(authorization).toContain('"sub":"plugin:scaffolder"');
      expect(authorization).toContain('"target":"needs-discovery"');
    }
  });

  it('sends only the status when no capability is given, and null to clear it', async () => {
    server = await startServer({
      'PATCH /api/needs-discovery/needs/need-x': {
        status: 200,
        body: { ...registered, id: 'need-x', status: 'declined' },
      },
    });
    const needs = serviceFor(server.discovery);
    await needs.updateNeed('need-x', { status: 'declined' });
    await needs.updateNeed('need-x', { status: 'open', capabilityRef: null });
    expect(server.seen.map(s => s.body)).toEqual([
      { status: 'declined' },
      { status: 'open', capabilityRef: null },
    ]);
  });

  it('returns undefined for a need that is not there, and encodes the id', async () => {
    server = await startServer({
      'GET /api/needs-discovery/needs/a%2Fb': notFound('No need with id a/b'),
    });
    expect(await serviceFor(server.discovery).getNeed('a/b')).toBeUndefined();
  });

  it('says updating a need that is not there is a NotFoundError', async () => {
    server = await startServer({
      'PATCH /api/needs-discovery/needs/need-x': notFound(
        'No need with id need-x',
      ),
    });
    await expect(
      serviceFor(server.discovery).updateNeed('need-x', {
        status: 'in-mvp',
        capabilityRef: 'system:default/x',
      }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        'needs-discovery could not mark need "need-x" in-mvp: it has no need with that id',
    });
  });

  it('says needs-discovery is not installed on an empty 404', async () => {
    server = await startServer({});
    const needs = serviceFor(server.discovery);
    const error = await needs.getNeed('need-x').catch(e => e);
    expect(error).toBeInstanceOf(NeedsDiscoveryNotInstalledError);
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toMatch(
      /^needs-discovery is not installed in this Backstage \(http:\/\/127\.0\.0\.1:\d+\/api\/needs-discovery\/needs\/need-x answered 404\); add @platform-product\/plugin-needs-discovery-backend to the backend$/,
    );
    await expect(needs.listNeeds()).rejects.toBeInstanceOf(
      NeedsDiscoveryNotInstalledError,
    );
  });

  it('says the registry is missing when GET /needs answers a NotFoundError', async () => {
    server = await startServer({
      'GET /api/needs-discovery/needs': notFound('Not found'),
    });
    await expect(
      serviceFor(server.discovery).listNeeds(),
    ).rejects.toBeInstanceOf(NeedsDiscoveryNotInstalledError);
  });

  it("keeps the meaning and the message of needs-discovery's errors", async () => {
    server = await startServer({
      'PATCH /api/needs-discovery/needs/need-x': {
        status: 403,
        body: {
          error: {
            name: 'NotAllowedError',
            message:
              'You may not change needs: it needs the needs-discovery.need.update permission.',
          },
        },
      },
      'PATCH /api/needs-discovery/needs/need-busy': {
        status: 409,
        body: { error: { name: 'ConflictError', message: 'busy' } },
      },
      'PATCH /api/needs-discovery/needs/need-bad': {
        status: 400,
        body: {
          error: { name: 'InputError', message: 'status must be one of …' },
        },
      },
      'GET /api/needs-discovery/needs': {
        status: 500,
        body: 'database on fire',
      },
      'GET /api/needs-discovery/needs/need-html': {
        status: 502,
        body: undefined,
      },
    });
    const needs = serviceFor(server.discovery);
    const update = { status: 'in-mvp' as const, capabilityRef: 'system:a/b' };
    await expect(needs.updateNeed('need-x', update)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'needs-discovery could not mark need "need-x" in-mvp: You may not change needs: it needs the needs-discovery.need.update permission. (HTTP 403)',
    });
    await expect(needs.updateNeed('need-busy', update)).rejects.toMatchObject({
      name: 'ConflictError',
      message:
        'needs-discovery could not mark need "need-busy" in-mvp: busy (HTTP 409)',
    });
    await expect(needs.updateNeed('need-bad', update)).rejects.toMatchObject({
      name: 'InputError',
    });
    await expect(needs.listNeeds()).rejects.toThrow(
      'needs-discovery could not list needs: "database on fire" (HTTP 500)',
    );
    await expect(needs.getNeed('need-html')).rejects.toThrow(
      'needs-discovery could not read need "need-html": Bad Gateway (HTTP 502)',
    );
  });

  it('rejects answers of the wrong shape', async () => {
    server = await startServer({
      'GET /api/needs-discovery/needs': {
        status: 200,
        body: { unexpected: 1 },
      },
      'GET /api/needs-discovery/needs/need-x': { status: 200, body: [1, 2] },
    });
    const needs = serviceFor(server.discovery);
    await expect(needs.listNeeds()).rejects.toThrow(
      'needs-discovery could not list needs: it gave an answer of an unexpected shape',
    );
    await expect(needs.getNeed('need-x')).rejects.toThrow(
      'needs-discovery could not read need "need-x": it gave an answer of an unexpected shape',
    );
  });

  it('says when needs-discovery cannot be reached or discovery does not know it', async () => {
    server = await startServer({});
    const { discovery } = server;
    await server.close();
    server = undefined;
    const refused = await serviceFor(discovery)
      .listNeeds()
      .catch(e => e);
    expect(refused).toBeInstanceOf(NeedsDiscoveryNotInstalledError);
    expect(refused.message).toMatch(
      /^Could not reach needs-discovery at http:\/\/127\.0\.0\.1:\d+\/api\/needs-discovery\/needs: ECONNREFUSED$/,
    );
    await expect(
      serviceFor(unknownDiscovery).getNeed('need-x'),
    ).rejects.toThrow(
      new NeedsDiscoveryNotInstalledError(
        'Discovery does not know the needs-discovery plugin: no endpoint for needs-discovery',
      ),
    );
  });

  it('gives up after the timeout with a ServiceUnavailableError', async () => {
    server = await startServer({
      'GET /api/needs-discovery/needs': {
        status: 200,
        body: { items: [] },
        delayMs: 500,
      },
    });
    const error = await serviceFor(server.discovery, { timeoutMs: 50 })
      .listNeeds()
      .catch(e => e);
    expect(error).not.toBeInstanceOf(NeedsDiscoveryNotInstalledError);
    expect(error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /^needs-discovery did not answer GET http:\/\/127\.0\.0\.1:\d+\/api\/needs-discovery\/needs in time$/,
      ),
    });
  });

  it('never puts a token into an error message', async () => {
    server = await startServer({
      'GET /api/needs-discovery/needs': {
        status: 401,
        body: { error: { name: 'AuthenticationError', message: 'bad token' } },
      },
      'PATCH /api/needs-discovery/needs/need-x': {
        status: 409,
        body: { error: { name: 'ConflictError', message: 'busy' } },
      },
    });
    const needs = serviceFor(server.discovery);
    const errors = await Promise.all([
      needs.listNeeds().catch(e => e),
      needs.getNeed('need-y').catch(e => e),
      needs
        .updateNeed('need-x', { status: 'in-mvp', capabilityRef: 'system:a/b' })
        .catch(e => e),
    ]);
    const texts = errors.map(e => `${String(e)} ${JSON.stringify(e)}`);
    const tokens = server.seen.map(s =>
      s.authorization!.replace(/^Bearer /, ''),
    );
    expect(tokens).toHaveLength(3);
    for (const token of tokens) {
      expect(texts.join('\n')).not.toContain(token);
    }
    expect(texts.join('\n')).not.toMatch(/Bearer|mock-service-token/);
  });
});
