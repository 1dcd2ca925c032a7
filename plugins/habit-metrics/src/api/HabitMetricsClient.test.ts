import { ResponseError } from '@backstage/errors';
import { HabitMetricsClient } from './HabitMetricsClient';

const baseUrl = 'http://localhost:7007/api/habit-metrics';

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
  const discoveryApi = { getBaseUrl: jest.fn(async () => baseUrl) };
  const client = new HabitMetricsClient({
    discoveryApi,
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch, discoveryApi };
}

describe('HabitMetricsClient', () => {
  it('asks discovery for the habit-metrics base URL', async () => {
    const { client, discoveryApi } = setup(
      jsonResponse(200, { habitWeeks: 4, capabilities: [] }),
    );
    await client.getTimeToHabit();
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('habit-metrics');
  });

  it('sends events as a batch and keeps the page-unload flag', async () => {
    const { client, fetch } = setup(
      jsonResponse(202, { accepted: 1, duplicates: 0 }),
    );
    const event = {
      source: 'analytics',
      kind: 'capability-view',
      way: 'new' as const,
      capabilityRef: 'system:default/event-streaming',
      userRef: 'user:default/pat',
    };
    await expect(
      client.sendEvents([event], { keepalive: true }),
    ).resolves.toEqual({ accepted: 1, duplicates: 0 });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/events`);
    expect(init?.method).toBe('POST');
    expect(init?.keepalive).toBe(true);
    expect(new Headers(init?.headers).get('content-type')).toBe(
      'application/json',
    );
    expect(JSON.parse(String(init?.body))).toEqual({ events: [event] });
  });

  it('passes only the given query parameters', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { weeks: [], teams: [] }),
      jsonResponse(200, { weeks: [], teams: [] }),
    );
    await client.getGoldenPath();
    await client.getGoldenPath({
      team: 'group:default/checkout',
      from: '2026-01-05',
      to: '2026-03-30',
    });
    expect(fetch.mock.calls[0][0]).toBe(`${baseUrl}/golden-path`);
    expect(fetch.mock.calls[1][0]).toBe(
      `${baseUrl}/golden-path?team=group%3Adefault%2Fcheckout&from=2026-01-05&to=2026-03-30`,
    );
  });

  it('unwraps the list envelopes', async () => {
    const { client } = setup(
      jsonResponse(200, { capabilities: [{ capabilityRef: 'system:a/b' }] }),
      jsonResponse(200, { weeks: [{ week: '2026-01-05' }] }),
    );
    await expect(client.listAdoption()).resolves.toEqual([
      { capabilityRef: 'system:a/b' },
    ]);
    await expect(
      client.getStickiness({ capability: 'system:default/ci' }),
    ).resolves.toEqual([{ week: '2026-01-05' }]);
  });

  it('asks for adoption of one capability', async () => {
    const { client, fetch } = setup(jsonResponse(200, { weeks: [] }));
    await client.getAdoption({ capability: 'system:default/ci' });
    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/adoption?capability=system%3Adefault%2Fci`,
    );
    expect(() => client.getAdoption({} as any)).toThrow(TypeError);
  });

  it('passes retention, reversion and time-to-habit parameters', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, {}),
      jsonResponse(200, {}),
      jsonResponse(200, {}),
    );
    await client.getRetention({ capability: 'system:default/ci', weeks: 8 });
    await client.getReversions({ minStreak: 3, from: '2026-01-05' });
    await client.getTimeToHabit({ habitWeeks: 6 });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      `${baseUrl}/retention?capability=system%3Adefault%2Fci&weeks=8`,
      `${baseUrl}/reversions?minStreak=3&from=2026-01-05`,
      `${baseUrl}/time-to-habit?habitWeeks=6`,
    ]);
  });

  it('builds team and capability paths from entity refs', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, {}),
      jsonResponse(200, {}),
      jsonResponse(200, {}),
    );
    await client.getTeamHabits('group:default/checkout', {
      from: '2026-01-05',
    });
    await client.getTeamHabits({
      kind: 'Group',
      namespace: 'ops',
      name: 'sre team',
    });
    await client.getCapabilityHabits('System:default/event-streaming');
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      `${baseUrl}/teams/default/checkout?from=2026-01-05`,
      `${baseUrl}/teams/ops/sre%20team`,
      `${baseUrl}/capabilities/system/default/event-streaming`,
    ]);
  });

  it('lists, reads and creates campaigns', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { campaigns: [{ id: 'c1' }] }),
      jsonResponse(200, { campaigns: [] }),
      jsonResponse(200, { campaign: { id: 'c 1' }, activities: [] }),
      jsonResponse(201, { id: 'c2' }),
    );
    await expect(client.listCampaigns()).resolves.toEqual([{ id: 'c1' }]);
    await expect(client.listCampaigns({ status: 'active' })).resolves.toEqual(
      [],
    );
    await client.getCampaign('c 1');
    const input = {
      title: 'Move to streaming',
      capabilityRef: 'system:default/event-streaming',
      goal: { kind: 'active-weeks' as const, activeWeeks: 3, windowWeeks: 4 },
      audience: { source: 'not-adopting' as const },
    };
    await expect(client.createCampaign(input)).resolves.toEqual({ id: 'c2' });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      `${baseUrl}/campaigns`,
      `${baseUrl}/campaigns?status=active`,
      `${baseUrl}/campaigns/c%201`,
      `${baseUrl}/campaigns`,
    ]);
    const init = fetch.mock.calls[3][1];
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('content-type')).toBe(
      'application/json',
    );
    expect(JSON.parse(String(init?.body))).toEqual(input);
  });

  it('changes campaigns, adds activities and answers for oneself', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { id: 'c1', status: 'active' }),
      jsonResponse(201, { id: 'a1' }),
      jsonResponse(200, { activityId: 'a1', status: 'acknowledged' }),
      jsonResponse(200, { asOf: '2026-03-02' }),
    );
    await client.updateCampaign('c1', { status: 'active' });
    await client.addCampaignActivity('c1', {
      kind: 'announcement',
      title: 'Ready',
    });
    await client.putMyParticipation('c1', 'a1', { status: 'acknowledged' });
    await expect(client.getCampaignProgress('c1')).resolves.toEqual({
      asOf: '2026-03-02',
    });
    expect(
      fetch.mock.calls.map(([url, init]) => [
        init?.method ?? 'GET',
        url,
        init?.body === undefined ? undefined : JSON.parse(String(init.body)),
      ]),
    ).toEqual([
      ['PATCH', `${baseUrl}/campaigns/c1`, { status: 'active' }],
      [
        'POST',
        `${baseUrl}/campaigns/c1/activities`,
        { kind: 'announcement', title: 'Ready' },
      ],
      [
        'PUT',
        `${baseUrl}/campaigns/c1/activities/a1/participation/me`,
        { status: 'acknowledged' },
      ],
      ['GET', `${baseUrl}/campaigns/c1/progress`, undefined],
    ]);
  });

  it('throws a ResponseError carrying the server message', async () => {
    const { client } = setup(
      jsonResponse(403, {
        error: {
          name: 'NotAllowedError',
          message: 'You may not read habit metrics',
        },
        response: { statusCode: 403 },
      }),
    );
    const error = await client.getReversions().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error.message).toBe('You may not read habit metrics');
  });
});
