import { ResponseError } from '@backstage/errors';
import { Answers } from '@platform-product/plugin-needs-discovery-common';
import { NeedsDiscoveryClient } from './NeedsDiscoveryClient';

const baseUrl = 'http://localhost:7007/api/needs-discovery';

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
  const client = new NeedsDiscoveryClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('NeedsDiscoveryClient', () => {
  it('lists surveys from the items envelope', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [{ id: 's1' }] }),
    );
    await expect(client.listSurveys()).resolves.toEqual([{ id: 's1' }]);
    expect(fetch).toHaveBeenCalledWith(`${baseUrl}/surveys`, expect.anything());
  });

  it('encodes ids in paths', async () => {
    const { client, fetch } = setup(jsonResponse(200, { id: 'a/b c' }));
    await client.getSurvey('a/b c');
    expect(fetch.mock.calls[0][0]).toBe(`${baseUrl}/surveys/a%2Fb%20c`);
  });

  it('sends answers as JSON with PUT', async () => {
    const { client, fetch } = setup(jsonResponse(200, { surveyId: 's1' }));
    const answers: Answers = {
      needs: { 'faster-ci': { pain: 4, frequency: 'daily' } },
    };
    await client.submitMyResponse('s1', answers);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/surveys/s1/responses/me`);
    expect(init?.method).toBe('PUT');
    expect(new Headers(init?.headers).get('content-type')).toBe(
      'application/json',
    );
    expect(JSON.parse(String(init?.body))).toEqual({ answers });
  });

  it('returns undefined when the user has no response yet (204)', async () => {
    const { client, fetch } = setup(new Response(null, { status: 204 }));
    await expect(client.getMyResponse('s1')).resolves.toBeUndefined();
    expect(fetch.mock.calls[0][0]).toBe(`${baseUrl}/surveys/s1/responses/me`);
  });

  it('returns the response when there is one', async () => {
    const { client } = setup(
      jsonResponse(200, { surveyId: 's1', answers: {}, teams: [] }),
    );
    await expect(client.getMyResponse('s1')).resolves.toEqual({
      surveyId: 's1',
      answers: {},
      teams: [],
    });
  });

  it('still reads the 404 of an older backend as no response yet, and throws for a missing survey', async () => {
    const { client } = setup(
      jsonResponse(404, {
        error: {
          name: 'NotFoundError',
          message: 'You have not answered this survey yet.',
        },
        response: { statusCode: 404 },
      }),
      jsonResponse(404, {
        error: { name: 'NotFoundError', message: 'No survey with id s2' },
        response: { statusCode: 404 },
      }),
    );
    await expect(client.getMyResponse('s1')).resolves.toBeUndefined();
    await expect(client.getMyResponse('s2')).rejects.toBeInstanceOf(
      ResponseError,
    );
  });

  it('throws a ResponseError carrying the server message', async () => {
    const { client } = setup(
      jsonResponse(400, {
        error: { name: 'InputError', message: 'answers.recommend: required' },
        response: { statusCode: 400 },
      }),
    );
    const error = await client.submitMyResponse('s1', {}).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toBe('answers.recommend: required');
  });

  it('withdraws with DELETE and accepts an empty 204', async () => {
    const { client, fetch } = setup(new Response(null, { status: 204 }));
    await client.withdrawMyResponse('s1');
    expect(fetch.mock.calls[0][1]?.method).toBe('DELETE');
  });

  it('opens, closes and clones with POST', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { id: 's1' }),
      jsonResponse(200, { id: 's1' }),
      jsonResponse(201, { id: 's2', wave: 2 }),
    );
    await client.openSurvey('s1');
    await client.closeSurvey('s1');
    await expect(client.cloneSurvey('s1')).resolves.toEqual({
      id: 's2',
      wave: 2,
    });
    expect(fetch.mock.calls.map(([url, init]) => [url, init?.method])).toEqual([
      [`${baseUrl}/surveys/s1/open`, 'POST'],
      [`${baseUrl}/surveys/s1/close`, 'POST'],
      [`${baseUrl}/surveys/s1/clone`, 'POST'],
    ]);
  });

  it('downloads results as CSV', async () => {
    const { client, fetch } = setup(
      new Response('need,score\nfaster-ci,11\n', {
        status: 200,
        headers: { 'content-type': 'text/csv' },
      }),
    );
    const blob = await client.getResultsCsv('s1');
    expect(await blob.text()).toContain('faster-ci,11');
    expect(fetch.mock.calls[0][0]).toBe(`${baseUrl}/surveys/s1/results.csv`);
  });

  it('patches a need', async () => {
    const { client, fetch } = setup(jsonResponse(200, { id: 'faster-ci' }));
    await client.updateNeed('faster-ci', {
      status: 'in-mvp',
      capabilityRef: 'system:default/ci',
    });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/needs/faster-ci`);
    expect(init?.method).toBe('PATCH');
    expect(JSON.parse(String(init?.body))).toEqual({
      status: 'in-mvp',
      capabilityRef: 'system:default/ci',
    });
  });
});
