#!/usr/bin/env node
// "Ask the platform" checks: a real MCP client (@modelcontextprotocol/sdk, Streamable HTTP) against the example
// backend's /api/mcp-actions/v1, signed in as the example guest. It lists the tools, calls every read tool of the
// suite and compares each answer with the same figures from the HTTP API, checks that a caller without the
// permission is refused, and that no answer holds a figure, a team or a free text below the anonymity threshold.
//
// Run by scripts/smoke.mjs (so CI runs it). On its own, against a fresh built backend on a spare port:
//   yarn build:backend && node scripts/mcp-checks.mjs [--port 7451]
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { assert, createChecks, eventually } from './checks.mjs';
import { guestToken, startBuiltBackend } from './example-backend.mjs';

/**
 * A static external-access token for the refusal check: it may reach the MCP plugin, but needs-discovery only
 * with a permission that is not needs-discovery.results.read (so it may not read survey results).
 */
export const RESTRICTED_TOKEN = 'smoke-mcp-restricted-token-not-for-production';
export const mcpCheckConfig = {
  backend: {
    auth: {
      externalAccess: [
        {
          type: 'static',
          options: {
            token: RESTRICTED_TOKEN,
            subject: 'smoke-restricted-assistant',
          },
          accessRestrictions: [
            { plugin: 'mcp-actions' },
            {
              plugin: 'needs-discovery',
              permission: ['needs-discovery.response.submit'],
            },
          ],
        },
      ],
    },
  },
};

const FAMILIES = ['needs-discovery', 'thinness-scorecard', 'habit-metrics'];

async function connect(baseUrl, token) {
  const client = new Client({
    name: 'platform-product-smoke',
    version: '1.0.0',
  });
  const transport = new StreamableHTTPClientTransport(
    new URL(`${baseUrl}/api/mcp-actions/v1`),
    { requestInit: { headers: { Authorization: `Bearer ${token}` } } },
  );
  await client.connect(transport);
  return client;
}

/** Calls a tool and returns its structured answer; throws with the tool's message when it reports an error. */
async function call(client, name, args = {}) {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) {
    throw new Error(
      `${name} answered with an error: ${result.content?.[0]?.text}`,
    );
  }
  assert(result.structuredContent, `${name} gave no structured answer`);
  return result.structuredContent;
}

function same(actual, expected, what) {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(
      `${what} differs between MCP and the HTTP API:\n  MCP:  ${JSON.stringify(
        actual,
      ).slice(0, 600)}\n  HTTP: ${JSON.stringify(expected).slice(0, 600)}`,
    );
  }
}

/** Every figure in a survey's results obeys k: nothing drawn from fewer than k respondents, no free text. */
export function assertAnonymous(results, label) {
  const k = results.anonymityThreshold;
  assert(k >= 3, `${label}: anonymity threshold ${k}`);
  for (const need of results.needs) {
    if (need.respondents < k) {
      assert(
        need.suppressed &&
          need.priorityScore === null &&
          need.meanPain === null,
        `${label}: need ${need.needId} shows figures from ${need.respondents} < k=${k} respondents`,
      );
    }
  }
  for (const team of results.teams ?? []) {
    assert(
      team.respondents >= k,
      `${label}: team ${team.teamRef} shown with ${team.respondents} < k=${k} respondents`,
    );
  }
  for (const question of results.questions ?? []) {
    if (question.respondents < k) {
      assert(
        question.suppressed &&
          !question.texts &&
          !question.choices &&
          !question.nps &&
          !question.ranking,
        `${label}: question ${question.questionId} shows answers of ${question.respondents} < k=${k} respondents`,
      );
    }
  }
  const text = JSON.stringify(results);
  assert(
    !/user:[a-z0-9-]+\/[a-z0-9-]+/i.test(text),
    `${label}: the answer names a user`,
  );
}

const withoutTime = ({ computedAt, ...rest }) => rest;

export async function runMcpChecks({ baseUrl, checks }) {
  const token = await guestToken(baseUrl);
  const http = async path => {
    const res = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert(res.ok, `GET ${path} answered ${res.status}`);
    return res.json();
  };
  const client = await connect(baseUrl, token);
  try {
    await checks.check(
      'MCP: the guest sees 2+ tools of each family, plus the catalog and scaffolder',
      async () => {
        const { tools } = await client.listTools();
        const names = tools.map(t => t.name);
        for (const family of FAMILIES) {
          const own = names.filter(n => n.startsWith(`${family}.`));
          assert(own.length >= 2, `${family}: tools ${own.join(', ')}`);
        }
        assert(
          names.some(n => n.startsWith('catalog.')) &&
            names.some(n => n.startsWith('scaffolder.')),
          `no catalog or scaffolder tools among ${names.join(', ')}`,
        );
        for (const tool of tools.filter(t =>
          FAMILIES.some(f => t.name.startsWith(`${f}.`)),
        )) {
          assert(
            tool.description.length >= 80 && tool.annotations?.title,
            `${tool.name} has no title or a thin description`,
          );
        }
        const draft = tools.find(
          t => t.name === 'needs-discovery.create-survey-draft',
        );
        assert(
          draft?.annotations?.readOnlyHint === false,
          'create-survey-draft is not marked as a write',
        );
        assert(
          tools
            .filter(t => /\.(get|list|explain)-/.test(t.name))
            .filter(t => FAMILIES.some(f => t.name.startsWith(`${f}.`)))
            .every(t => t.annotations?.readOnlyHint === true),
          'a read tool is not marked readOnly',
        );
      },
    );

    await checks.check(
      'MCP: needs-discovery answers match the HTTP API, and k holds',
      () =>
        eventually(async () => {
          const { surveys } = await call(
            client,
            'needs-discovery.list-surveys',
          );
          const { items } = await http('/api/needs-discovery/surveys');
          same(
            surveys.map(s => [s.id, s.status, s.respondents, s.answeredByMe]),
            items.map(s => [s.id, s.status, s.respondents, s.answeredByMe]),
            'list-surveys',
          );
          const closed = items.filter(s => s.status !== 'draft');
          assert(closed.length >= 2, `${closed.length} surveys with results`);
          for (const survey of closed) {
            const viaMcp = await call(
              client,
              'needs-discovery.get-survey-results',
              { surveyId: survey.id },
            );
            const viaHttp = await http(
              `/api/needs-discovery/surveys/${survey.id}/results`,
            );
            same(
              withoutTime(viaMcp),
              withoutTime(viaHttp),
              `results of ${survey.id}`,
            );
            assertAnonymous(viaMcp, `results of ${survey.title}`);
          }
          const demo = items.find(s => s.status === 'closed' && s.demo);
          const demoResults = await call(
            client,
            'needs-discovery.get-survey-results',
            { surveyId: demo.id },
          );
          assert(demoResults.priorityCase?.needId, 'no priority case');
          const { needs } = await call(client, 'needs-discovery.list-needs');
          const registry = await http('/api/needs-discovery/needs');
          same(needs, registry.items, 'list-needs');
        }, 120_000),
    );

    await checks.check(
      'MCP: thinness-scorecard answers match the HTTP API',
      () =>
        eventually(async () => {
          const card = await call(client, 'thinness-scorecard.get-scorecard', {
            days: 90,
          });
          const scorecard = await http('/api/thinness-scorecard/scorecard');
          const history = await http(
            '/api/thinness-scorecard/scorecard/history?days=90',
          );
          same(
            [card.score, card.verdicts, card.productTeams, card.adoptingTeams],
            [
              scorecard.score,
              scorecard.verdicts,
              scorecard.productTeams,
              scorecard.adoptingTeams,
            ],
            'get-scorecard',
          );
          same(
            card.subscores.map(s => [s.id, s.value, s.weight]),
            scorecard.subscores.map(s => [s.id, s.value, s.weight]),
            'sub-scores',
          );
          same(
            [card.history.points, card.history.last?.score],
            [history.items.length, history.items.at(-1)?.score],
            'history summary',
          );
          const explained = await call(
            client,
            'thinness-scorecard.explain-subscore',
            { subscore: 'adoption' },
          );
          same(
            explained,
            scorecard.subscores.find(s => s.id === 'adoption'),
            'explain-subscore adoption',
          );
          const { capabilities } = await call(
            client,
            'thinness-scorecard.list-capabilities',
          );
          same(
            capabilities.map(c => [c.entityRef, c.verdict, c.share]),
            scorecard.capabilities.map(c => [
              c.entityRef,
              c.verdict,
              c.consumers.share,
            ]),
            'list-capabilities',
          );
          const disposable = await call(
            client,
            'thinness-scorecard.list-capabilities',
            { verdict: 'dispose' },
          );
          const target = disposable.capabilities[0];
          assert(target, 'no capability to dispose of');
          const verdict = await call(
            client,
            'thinness-scorecard.get-capability-verdict',
            { capabilityRef: target.entityRef },
          );
          const [kind, rest] = target.entityRef.split(':');
          const detail = await http(
            `/api/thinness-scorecard/capabilities/${kind}/${rest}`,
          );
          same(verdict.capability, detail.capability, 'capability verdict');
          same(verdict.verdictHistory, detail.verdictHistory, 'verdicts');
        }, 120_000),
    );

    await checks.check('MCP: habit-metrics answers match the HTTP API', () =>
      eventually(async () => {
        const habits = await call(client, 'habit-metrics.get-platform-habits');
        const goldenPath = await http('/api/habit-metrics/golden-path');
        same(habits.goldenPath.weeks, goldenPath.weeks, 'golden-path weeks');
        const adoption = await http('/api/habit-metrics/adoption');
        same(
          habits.adoption,
          adoption.capabilities.map(a => ({
            capabilityRef: a.capabilityRef,
            figures: a.figures,
          })),
          'adoption',
        );
        const retention = await http('/api/habit-metrics/retention');
        same(habits.retention, retention, 'retention');
        const reversions = await http('/api/habit-metrics/reversions');
        same(habits.reversions.teams, reversions.teams, 'reversions');
        same(
          habits.timeToHabit,
          await http('/api/habit-metrics/time-to-habit'),
          'time to habit',
        );
        const team = await call(client, 'habit-metrics.get-team-habits', {
          teamRef: 'group:default/checkout',
        });
        same(
          team,
          await http('/api/habit-metrics/teams/default/checkout'),
          'team checkout',
        );
        const capabilityRef = adoption.capabilities.find(
          a => a.figures.adopters > 0,
        )?.capabilityRef;
        assert(capabilityRef, 'no adopted capability');
        const capability = await call(
          client,
          'habit-metrics.get-capability-habits',
          { capabilityRef },
        );
        const [kind, rest] = capabilityRef.split(':');
        same(
          capability,
          await http(`/api/habit-metrics/capabilities/${kind}/${rest}`),
          `capability ${capabilityRef}`,
        );
      }, 120_000),
    );

    await checks.check(
      'MCP: a caller without needs-discovery.results.read is refused',
      async () => {
        const res = await fetch(`${baseUrl}/api/mcp-actions/v1`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json, text/event-stream',
          },
          body: JSON.stringify({
            jsonrpc: '2.0',
            id: 1,
            method: 'tools/list',
          }),
        });
        assert(
          res.status === 401,
          `an anonymous MCP request answered ${res.status}`,
        );
        const restricted = await connect(baseUrl, RESTRICTED_TOKEN);
        try {
          const { tools } = await restricted.listTools();
          assert(
            !tools.some(t => t.name.startsWith('needs-discovery.')),
            `the restricted caller sees ${tools.map(t => t.name).join(', ')}`,
          );
          const { surveys } = await call(
            client,
            'needs-discovery.list-surveys',
            { filter: 'closed' },
          );
          const result = await restricted.callTool({
            name: 'needs-discovery.get-survey-results',
            arguments: { surveyId: surveys[0].id },
          });
          assert(
            result.isError && !result.structuredContent,
            `the restricted caller got ${JSON.stringify(result).slice(0, 300)}`,
          );
          // The action itself, called directly with the same token: the permission framework refuses it too.
          const direct = await fetch(
            `${baseUrl}/api/needs-discovery/.backstage/actions/v1/actions/needs-discovery:get-survey-results/invoke`,
            {
              method: 'POST',
              headers: {
                Authorization: `Bearer ${RESTRICTED_TOKEN}`,
                'Content-Type': 'application/json',
              },
              body: JSON.stringify({ surveyId: surveys[0].id }),
            },
          );
          const body = await direct.text();
          assert(
            [403, 404].includes(direct.status) &&
              !body.includes('priorityCase'),
            `the restricted caller's direct call answered ${direct.status}: ${body}`,
          );
        } finally {
          await restricted.close();
        }
      },
    );
  } finally {
    await client.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(import.meta.dirname, '..');
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 7451;
  const checks = createChecks('mcp');
  const backend = await startBuiltBackend({
    port,
    extraConfig: mcpCheckConfig,
    dataDir: '.data/mcp-checks',
  });
  try {
    // The demos seed in the background; wait for the last one (the scorecard history) like the smoke test.
    await eventually(
      async () => {
        const res = await fetch(
          `${backend.baseUrl}/api/thinness-scorecard/scorecard/history?days=90`,
          {
            headers: {
              Authorization: `Bearer ${await guestToken(backend.baseUrl)}`,
            },
          },
        );
        assert(
          res.ok && (await res.json()).items?.length >= 60,
          'demo not seeded',
        );
      },
      300_000,
      5000,
    );
    await runMcpChecks({ baseUrl: backend.baseUrl, checks });
  } catch (error) {
    checks.fail('mcp run', error);
  } finally {
    await backend.stop();
  }
  if (checks.failed > 0) {
    console.log(backend.output().split('\n').slice(-60).join('\n'));
  }
  await checks.write(resolve(root, '.data/mcp-results.json'));
  process.exit(checks.failed > 0 ? 1 : 0);
}
