#!/usr/bin/env node
// "Ask the platform" checks: a real MCP client (@modelcontextprotocol/sdk, Streamable HTTP) against the example
// backend's /api/mcp-actions/v1, signed in as the example guest. It lists the tools, calls every read tool of the
// suite and compares each answer with the same figures from the HTTP API, checks that a caller without the
// permission is refused, and that no answer holds a figure, a team or a free text below the anonymity threshold.
//
// Run by scripts/smoke.mjs (so CI runs it). On its own, against a fresh built backend on a spare port:
//   yarn build:backend && node scripts/mcp-checks.mjs [--port 7451] [--data-dir .data/mcp-checks]
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
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

// The scaffolder's dry-run log lines carry terminal colours ("\u001b[32minfo\u001b[39m: ...").
// eslint-disable-next-line no-control-regex
const plain = text => String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '');

/**
 * The files of a template as the dry-run tool wants them ({ path, content }, relative to the template's folder).
 * scaffolder.dry-run-template (scaffolder-backend 4.1.0) runs the template YAML it is given against these files
 * only, and no MCP tool of this release serves a template's files; an assistant reads them from the template's
 * source, which the catalog entity names (backstage.io/managed-by-location). In the example instance that is a
 * file: location in this repository.
 */
async function templateFiles(entity) {
  const location =
    entity.metadata.annotations?.['backstage.io/managed-by-location'] ?? '';
  assert(
    location.startsWith('file:'),
    `the template's location is ${location}, not a file in this repository`,
  );
  const dir = dirname(location.slice('file:'.length));
  const files = [];
  for (const entry of await readdir(dir, {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (path === 'template.yaml') continue;
    files.push({ path, content: await readFile(join(dir, path), 'utf8') });
  }
  return files;
}

/**
 * Item 5 of "Ask the platform": from "what is the priority case?" to a dry run of the MVP template for that need,
 * with MCP tools only (the template's skeleton files aside, see templateFiles). Returns what the README's worked
 * example shows.
 */
export async function runMvpConversation(client) {
  // 1. "What is the priority case?": the latest closed survey that has one.
  const { surveys } = await call(client, 'needs-discovery.list-surveys', {
    filter: 'closed',
  });
  let survey;
  let priorityCase;
  const latestFirst = [...surveys].sort((a, b) =>
    String(b.closesAt ?? '').localeCompare(String(a.closesAt ?? '')),
  );
  for (const candidate of latestFirst) {
    const results = await call(client, 'needs-discovery.get-survey-results', {
      surveyId: candidate.id,
    });
    if (results.priorityCase?.needId) {
      survey = candidate;
      priorityCase = results.priorityCase;
      break;
    }
  }
  assert(priorityCase, 'no closed survey has a priority case');

  // 2. Is the need still open, or does a capability already serve it?
  const needOf = async () =>
    (await call(client, 'needs-discovery.list-needs')).needs.find(
      n => n.id === priorityCase.needId,
    );
  const need = await needOf();
  assert(need, `${priorityCase.needId} is not in list-needs`);
  assert(
    need.status !== 'declined',
    `the priority case ${need.id} is declined; mvp:scope refuses it`,
  );

  // 3. The MVP template and its parameters, from the catalog.
  const { items: templates } = await call(
    client,
    'catalog.query-catalog-entities',
    {
      query: { kind: 'Template', 'spec.type': 'platform-capability' },
      fields: ['kind', 'metadata.name', 'metadata.title'],
    },
  );
  assert(
    templates.some(t => t.metadata.name === 'platform-capability-mvp'),
    `no platform-capability-mvp among the templates ${JSON.stringify(
      templates,
    )}`,
  );
  const template = await call(client, 'catalog.get-catalog-entity', {
    kind: 'Template',
    namespace: 'default',
    name: 'platform-capability-mvp',
  });
  const steps = [template.spec.parameters].flat();
  const properties = Object.assign({}, ...steps.map(s => s.properties ?? {}));
  const required = steps.flatMap(s => s.required ?? []);
  for (const field of [
    'need',
    'title',
    'name',
    'description',
    'owner',
    'valueClass',
    'features',
    'successMetric',
    'timeboxWeeks',
  ]) {
    assert(properties[field], `the template has no parameter ${field}`);
  }
  assert(
    properties.need['ui:field'] === 'NeedPicker' && required.includes('need'),
    'the need parameter is not a required NeedPicker',
  );
  assert(
    properties.secondMvp?.type === 'boolean' &&
      JSON.stringify(steps.map(s => s.dependencies ?? {})).includes(
        'secondMvpReason',
      ),
    'the template has no secondMvp parameter with a secondMvpReason',
  );

  // 4. Plausible values for that need: the schema's defaults, the rest proposed from the need.
  const name = `${need.id.replace(/^need-/, '')}-mvp`.slice(0, 55);
  const values = {
    need: need.id,
    secondMvp: false,
    title: `${need.title} MVP`.slice(0, 80),
    name,
    description: `A first cut at "${need.title}" for the ${need.teams} teams that report it.`,
    owner: properties.owner.default,
    valueClass: properties.valueClass.default,
    features: [
      `The smallest workflow that removes the pain of "${need.title}"`,
      'Onboarding guide for the first two teams',
    ],
    successMetric: `Teams reporting "${need.title}" as painful in the next survey: fewer than ${need.teams}`,
    timeboxWeeks: properties.timeboxWeeks.default,
  };
  assert(
    values.owner && values.valueClass && values.timeboxWeeks,
    'the template no longer gives owner, valueClass and timeboxWeeks defaults',
  );
  const templateYaml = JSON.stringify(template); // JSON is YAML
  const files = await templateFiles(template);
  const dryRun = async (input, withFiles = true) =>
    client.callTool({
      name: 'scaffolder.dry-run-template',
      arguments: { templateYaml, values: input, ...(withFiles && { files }) },
    });

  // Without the template's files the dry run cannot fetch ./content (documented in the README).
  const bare = await dryRun(values, false).catch(error => ({
    isError: true,
    content: [{ text: error.message }],
  }));
  assert(
    bare.isError,
    'the dry run succeeded without the template files: update the README',
  );

  // 5. The dry run. A need a capability already serves (or has in its MVP) is refused unless the second MVP is
  // deliberate: the refusal says how, and mvp:scope's input schema says what secondMvp means.
  let secondMvpReason;
  if (need.status !== 'open') {
    const refused = await dryRun(values);
    const refusal = refused.content?.[0]?.text ?? '';
    assert(
      refused.isError &&
        refusal.includes(need.id) &&
        refusal.includes('secondMvp: true') &&
        refusal.includes('secondMvpReason'),
      `a dry run for the ${need.status} need ${
        need.id
      } was not refused with directions: ${JSON.stringify(refused).slice(
        0,
        400,
      )}`,
    );
    const { actions } = await call(
      client,
      'scaffolder.list-scaffolder-actions',
    );
    const scope = actions.find(a => a.id === 'mvp:scope');
    assert(
      scope?.schema.input.properties?.secondMvp &&
        scope.schema.input.properties.secondMvpReason,
      'mvp:scope does not describe secondMvp and secondMvpReason',
    );
    secondMvpReason = `${
      need.capabilityTitle ?? need.capabilityRef
    } serves it, yet "${need.title}" is still the priority case of ${
      survey.title
    }; this MVP tries a different approach.`;
    Object.assign(values, { secondMvp: true, secondMvpReason });
  }
  const result = await call(client, 'scaffolder.dry-run-template', {
    templateYaml,
    values,
    files,
  });
  assert(result.valid, `the dry run is not valid: ${result.message}`);
  const log = (result.log ?? []).map(l => ({
    ...l,
    message: plain(l.message),
  }));
  const scopeLog = log.filter(l => l.stepId === 'scope');
  assert(
    scopeLog.some(l => l.message.includes(`MVP for need "${need.id}"`)) &&
      scopeLog.some(
        l => l.status === 'completed' && /^Finished step/.test(l.message),
      ),
    `mvp:scope did not accept ${need.id}: ${JSON.stringify(scopeLog).slice(
      0,
      600,
    )}`,
  );
  if (secondMvpReason) {
    assert(
      scopeLog.some(l =>
        l.message.includes(`Second MVP on purpose for need "${need.id}"`),
      ),
      'mvp:scope did not log the deliberate second MVP',
    );
  }
  for (const step of template.spec.steps) {
    assert(
      log.some(l => l.stepId === step.id && l.status === 'completed'),
      `step ${step.id} did not complete in the dry run`,
    );
  }
  const summary = result.output?.text?.[0]?.content ?? '';
  assert(
    summary.includes(`(\`${need.id}\`)`),
    `the template output does not name the need: ${summary}`,
  );

  // 6. A dry run changes nothing: the need keeps its status, the capability is not in the catalog.
  const after = await needOf();
  same(
    [after.status, after.capabilityRef],
    [need.status, need.capabilityRef],
    'the need after the dry run',
  );
  const created = await client.callTool({
    name: 'catalog.get-catalog-entity',
    arguments: { kind: 'System', namespace: 'default', name },
  });
  assert(created.isError, `system:default/${name} exists after a dry run`);
  return { survey, priorityCase, need, values, summary };
}

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
      'MCP: from the priority case to a dry run of the MVP template',
      async () => {
        const { need, values } = await runMvpConversation(client);
        console.log(
          `    priority case ${need.id} (${need.status}${
            values.secondMvp ? ', a deliberate second MVP' : ''
          }): the dry run of template:default/platform-capability-mvp passed`,
        );
      },
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
  // Where the bundle is unpacked (emptied first); a folder of its own for a second run beside another. Outside
  // the repository it needs the repository's node_modules in a parent folder (e.g. a symbolic link).
  const dirArg = process.argv.indexOf('--data-dir');
  const dataDir = dirArg > 0 ? process.argv[dirArg + 1] : '.data/mcp-checks';
  // Another backend on the port would answer the readiness probe in place of ours: refuse to start instead.
  const busy = await fetch(
    `http://localhost:${port}/.backstage/health/v1/readiness`,
  )
    .then(() => true)
    .catch(() => false);
  if (busy) {
    console.error(
      `Port ${port} is already in use; choose another with --port.`,
    );
    process.exit(2);
  }
  const checks = createChecks('mcp');
  const backend = await startBuiltBackend({
    port,
    extraConfig: mcpCheckConfig,
    dataDir,
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
