import { mockServices } from '@backstage/backend-test-utils';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { callPlugin, errorFromResponse, readErrorBody } from './http';
import { notFound, startServer, unknownDiscovery } from './testUtils';

class AbsentError extends Error {}
const notInstalled = (message: string) => new AbsentError(message);
const auth = mockServices.auth();

describe('callPlugin', () => {
  it('calls the plugin with its own token and reads a Backstage error body', async () => {
    const server = await startServer({
      'POST /api/some-plugin/things': notFound('no such thing'),
    });
    try {
      const { response, url } = await callPlugin(
        {
          pluginId: 'some-plugin',
          discovery: server.discovery,
          auth,
          notInstalled,
        },
        '/things',
        { method: 'POST', body: { a: 1 }, timeoutMs: 2000 },
      );
      expect(url).toMatch(/\/api\/some-plugin\/things$/);
      expect(response.status).toBe(404);
      expect(await readErrorBody(response)).toEqual({
        name: 'NotFoundError',
        message: 'no such thing',
      });
      expect(server.seen).toEqual([
        {
          method: 'POST',
          url: '/api/some-plugin/things',
          authorization: expect.stringMatching(/^Bearer /),
          body: { a: 1 },
        },
      ]);
    } finally {
      await server.close();
    }
  });

  it('reports an unknown plugin with the family error', async () => {
    await expect(
      callPlugin(
        {
          pluginId: 'some-plugin',
          discovery: unknownDiscovery,
          auth,
          notInstalled,
        },
        '/things',
        { timeoutMs: 2000 },
      ),
    ).rejects.toThrow(AbsentError);
  });

  it('gives up after the timeout', async () => {
    const server = await startServer({
      'GET /api/some-plugin/slow': { status: 200, body: {}, delayMs: 500 },
    });
    try {
      await expect(
        callPlugin(
          {
            pluginId: 'some-plugin',
            discovery: server.discovery,
            auth,
            notInstalled,
          },
          '/slow',
          { timeoutMs: 50 },
        ),
      ).rejects.toThrow(ServiceUnavailableError);
    } finally {
      await server.close();
    }
  });
});

describe('errorFromResponse', () => {
  it.each([
    [400, InputError],
    [401, NotAllowedError],
    [403, NotAllowedError],
    [404, NotFoundError],
    [409, ConflictError],
  ])('maps HTTP %i to its Backstage error type', (status, type) => {
    const error = errorFromResponse('some-plugin', 'do it', status, 'nope');
    expect(error).toBeInstanceOf(type);
    expect(error.message).toBe(
      `some-plugin could not do it: nope (HTTP ${status})`,
    );
  });
});
