import { DiscoveryService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  notFound,
  startServer,
  unknownDiscovery,
} from '@platform-product/common/testUtils';
import { DefaultThinnessScorecardService } from './DefaultThinnessScorecardService';
import { ThinnessScorecardNotInstalledError } from './types';

const API = '/api/thinness-scorecard';

// The service passes thinness-scorecard's answers through; only their outline is checked.
const capability = {
  entityRef: 'system:default/event-streaming',
  verdict: 'keep',
  reasons: ['It is used.'],
};
const scorecard = {
  score: 72,
  notScored: null,
  subscores: [],
  capabilities: [capability],
  computedAt: '2026-11-27T06:00:00.000Z',
};
const detail = {
  capability,
  verdictHistory: [],
  adoption: null,
  computedAt: '2026-11-27T06:00:00.000Z',
};

describe('DefaultThinnessScorecardService', () => {
  const auth = mockServices.auth({ pluginId: 'needs-discovery' });
  let server: Awaited<ReturnType<typeof startServer>> | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const serviceFor = (
    discovery: DiscoveryService,
    options: { timeoutMs?: number; refreshTimeoutMs?: number } = {},
  ) => DefaultThinnessScorecardService.create({ discovery, auth, ...options });

  it('reads and refreshes the scorecard and a capability with a service token for thinness-scorecard', async () => {
    server = await startServer({
      [`GET ${API}/scorecard`]: { status: 200, body: scorecard },
      [`POST ${API}/refresh`]: { status: 200, body: scorecard },
      [`GET ${API}/capabilities/system/default/event-streaming`]: {
        status: 200,
        body: detail,
      },
      [`GET ${API}/capabilities/system/default/event-streaming?refresh=true`]: {
        status: 200,
        body: detail,
      },
    });
    const service = serviceFor(server.discovery);
    expect(await service.getScorecard()).toEqual(scorecard);
    expect(await service.refreshScorecard()).toEqual(scorecard);
    expect(
      await service.getCapability('System:default/event-streaming'),
    ).toEqual(detail);
    expect(
      await service.refreshCapability({
        kind: 'system',
        namespace: 'default',
        name: 'event-streaming',
      }),
    ).toEqual(detail);
    expect(server.seen.map(s => `${s.method} ${s.url}`)).toEqual([
      `GET ${API}/scorecard`,
      `POST ${API}/refresh`,
      `GET ${API}/capabilities/system/default/event-streaming`,
      `GET ${API}/capabilities/system/default/event-streaming?refresh=true`,
    ]);
    for (const { authorization } of server.seen) {
      expect(authorization).toMatch(/^Bearer mock-service-token:/);
      expect(authorization).toContain('"sub":"plugin:needs-discovery"');
      expect(authorization).toContain('"target":"thinness-scorecard"');
    }
  });

  it('returns undefined for an entity that is not a capability, and encodes the ref', async () => {
    server = await startServer({
      [`GET ${API}/capabilities/component/team%2Fa/x%20y`]: notFound(
        'component:team/a/x y is not a capability',
      ),
      [`GET ${API}/capabilities/component/team%2Fa/x%20y?refresh=true`]:
        notFound('component:team/a/x y is not a capability'),
    });
    const service = serviceFor(server.discovery);
    const ref = { kind: 'Component', namespace: 'team/a', name: 'x y' };
    expect(await service.getCapability(ref)).toBeUndefined();
    expect(await service.refreshCapability(ref)).toBeUndefined();
  });

  it('refuses a malformed entity ref without calling thinness-scorecard', async () => {
    server = await startServer({});
    await expect(
      serviceFor(server.discovery).getCapability('event-streaming'),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'event-streaming is not an entity ref; write it as kind:namespace/name, e.g. system:default/event-streaming',
    });
    expect(server.seen).toEqual([]);
  });

  it('says thinness-scorecard is not installed on an empty 404, when nothing listens, or discovery does not know it', async () => {
    server = await startServer({});
    const service = serviceFor(server.discovery);
    const empty = await service.getScorecard().catch(e => e);
    expect(empty).toBeInstanceOf(ThinnessScorecardNotInstalledError);
    expect(empty.message).toMatch(
      /^thinness-scorecard is not installed in this Backstage \(http:\/\/127\.0\.0\.1:\d+\/api\/thinness-scorecard\/scorecard answered 404\); add @platform-product\/plugin-thinness-scorecard-backend to the backend$/,
    );
    await expect(
      service.getCapability('system:default/x'),
    ).rejects.toBeInstanceOf(ThinnessScorecardNotInstalledError);
    await server.close();

    // A server that never answered anything: its address refuses connections once closed.
    server = await startServer({});
    const { discovery } = server;
    await server.close();
    server = undefined;
    const refused = await serviceFor(discovery)
      .refreshScorecard()
      .catch(e => e);
    expect(refused).toBeInstanceOf(ThinnessScorecardNotInstalledError);
    expect(refused.message).toMatch(
      /^Could not reach thinness-scorecard at .*\/refresh: ECONNREFUSED$/,
    );
    await expect(
      serviceFor(unknownDiscovery).getScorecard(),
    ).rejects.toBeInstanceOf(ThinnessScorecardNotInstalledError);
  });

  it("keeps the meaning and the message of thinness-scorecard's errors", async () => {
    server = await startServer({
      [`POST ${API}/refresh`]: {
        status: 403,
        body: {
          error: {
            name: 'NotAllowedError',
            message:
              'Refreshing needs the thinness-scorecard.refresh permission',
          },
        },
      },
      [`GET ${API}/capabilities/system/default/x`]: {
        status: 400,
        body: { error: { name: 'InputError', message: 'kind is too long' } },
      },
      [`GET ${API}/scorecard`]: { status: 500, body: 'database on fire' },
    });
    const service = serviceFor(server.discovery);
    await expect(service.refreshScorecard()).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'thinness-scorecard could not refresh the scorecard: Refreshing needs the thinness-scorecard.refresh permission (HTTP 403)',
    });
    await expect(
      service.getCapability('system:default/x'),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'thinness-scorecard could not read system:default/x: kind is too long (HTTP 400)',
    });
    await expect(service.getScorecard()).rejects.toThrow(
      'thinness-scorecard could not read the scorecard: "database on fire" (HTTP 500)',
    );
  });

  it('rejects answers of the wrong shape', async () => {
    server = await startServer({
      [`GET ${API}/scorecard`]: { status: 200, body: { score: 3 } },
      [`GET ${API}/capabilities/system/default/x`]: { status: 200, body: [] },
    });
    const service = serviceFor(server.discovery);
    await expect(service.getScorecard()).rejects.toThrow(
      'thinness-scorecard could not read the scorecard: it gave an answer of an unexpected shape',
    );
    await expect(service.getCapability('system:default/x')).rejects.toThrow(
      'thinness-scorecard could not read system:default/x: it gave an answer of an unexpected shape',
    );
  });

  it('waits longer for a recompute than for a read', async () => {
    server = await startServer({
      [`GET ${API}/scorecard`]: { status: 200, body: scorecard, delayMs: 200 },
      [`POST ${API}/refresh`]: { status: 200, body: scorecard, delayMs: 200 },
    });
    const service = serviceFor(server.discovery, {
      timeoutMs: 50,
      refreshTimeoutMs: 5000,
    });
    await expect(service.getScorecard()).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /^thinness-scorecard did not answer GET .*\/scorecard in time$/,
      ),
    });
    expect(await service.refreshScorecard()).toEqual(scorecard);
  });

  it('never puts a token into an error message', async () => {
    server = await startServer({
      [`GET ${API}/scorecard`]: {
        status: 401,
        body: { error: { name: 'AuthenticationError', message: 'bad token' } },
      },
      [`POST ${API}/refresh`]: {
        status: 409,
        body: { error: { name: 'ConflictError', message: 'busy' } },
      },
    });
    const service = serviceFor(server.discovery);
    const errors = await Promise.all([
      service.getScorecard().catch(e => e),
      service.refreshScorecard().catch(e => e),
      service.getCapability('system:default/x').catch(e => e),
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
