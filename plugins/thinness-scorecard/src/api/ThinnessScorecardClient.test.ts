import { ResponseError } from '@backstage/errors';
import { ThinnessScorecardClient } from './ThinnessScorecardClient';
import { isBackendMissing, isNotFoundFromPlugin } from './errors';

const baseUrl = 'http://localhost:7007/api/thinness-scorecard';

function jsonResponse(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function setup(...responses: Response[]) {
  const fetch = jest.fn<Promise<Response>, [string, RequestInit?]>();
  for (const response of responses) {
    fetch.mockResolvedValueOnce(response);
  }
  const getBaseUrl = jest.fn(async (_pluginId: string) => baseUrl);
  const client = new ThinnessScorecardClient({
    discoveryApi: { getBaseUrl },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch, getBaseUrl };
}

describe('ThinnessScorecardClient', () => {
  it('reads the scorecard from the plugin base URL', async () => {
    const { client, fetch, getBaseUrl } = setup(
      jsonResponse(200, { score: 72 }),
    );
    await expect(client.getScorecard()).resolves.toEqual({ score: 72 });
    expect(getBaseUrl).toHaveBeenCalledWith('thinness-scorecard');
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/scorecard`);
    expect(init?.method).toBeUndefined();
  });

  it('asks for history with or without a number of days', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { days: 30, items: [] }),
      jsonResponse(200, { days: 90, items: [] }),
    );
    await expect(client.getHistory({ days: 30 })).resolves.toEqual({
      days: 30,
      items: [],
    });
    await client.getHistory();
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      `${baseUrl}/scorecard/history?days=30`,
      `${baseUrl}/scorecard/history`,
    ]);
  });

  it('reads a capability by kind, namespace and name', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { capability: {} }),
      jsonResponse(200, { capability: {} }),
      jsonResponse(200, { capability: {} }),
    );
    await client.getCapability('system:default/event-streaming');
    await client.getCapability({
      kind: 'Component',
      namespace: 'ops',
      name: 'a b',
    });
    await client.getCapability('system:ci', { refresh: true });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      `${baseUrl}/capabilities/system/default/event-streaming`,
      `${baseUrl}/capabilities/Component/ops/a%20b`,
      `${baseUrl}/capabilities/system/default/ci?refresh=true`,
    ]);
  });

  it('refreshes with POST', async () => {
    const { client, fetch } = setup(jsonResponse(200, { score: 80 }));
    await expect(client.refresh()).resolves.toEqual({ score: 80 });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/refresh`);
    expect(init?.method).toBe('POST');
  });

  it('throws a ResponseError carrying the server message', async () => {
    const { client } = setup(
      jsonResponse(403, {
        error: {
          name: 'NotAllowedError',
          message:
            'You may not refresh the scorecard: it needs the thinness-scorecard.refresh permission.',
        },
        response: { statusCode: 403 },
      }),
    );
    const error = await client.refresh().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error.message).toMatch(/thinness-scorecard\.refresh/);
  });

  it('tells a missing plugin from an entity that is not a capability', async () => {
    const { client } = setup(
      new Response(null, { status: 404 }),
      jsonResponse(404, {
        error: {
          name: 'NotFoundError',
          message: 'system:default/x is not a capability on the scorecard',
        },
        response: { statusCode: 404 },
      }),
    );
    const missing = await client.getScorecard().catch(e => e);
    expect(isBackendMissing(missing)).toBe(true);
    expect(isNotFoundFromPlugin(missing)).toBe(false);

    const notCapability = await client
      .getCapability('system:default/x')
      .catch(e => e);
    expect(isNotFoundFromPlugin(notCapability)).toBe(true);
  });
});
