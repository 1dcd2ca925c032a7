#!/usr/bin/env node
// Smoke test: start the built example backend, check through the catalog API that the example org, capabilities
// and components are there, that the demos are seeded, that an MCP client gets the same figures as the HTTP API
// (scripts/mcp-checks.mjs), then (with --browser) run the browser tests against the app it serves, and stop it.
//
//   yarn build:backend && node scripts/smoke.mjs [--browser]
import { resolve } from 'node:path';
import { assert, createChecks, eventually } from './checks.mjs';
import { guestToken, startBuiltBackend } from './example-backend.mjs';
import { mcpCheckConfig, runMcpChecks } from './mcp-checks.mjs';

const root = resolve(import.meta.dirname, '..');
const withBrowser = process.argv.includes('--browser');
const checks = createChecks('smoke');

let backend;
try {
  backend = await startBuiltBackend({ extraConfig: mcpCheckConfig });
} catch (error) {
  checks.fail('the built backend starts', error);
  await checks.write(resolve(root, '.data/smoke-results.json'));
  process.exit(1);
}

try {
  const { baseUrl } = backend;
  const token = await guestToken(baseUrl);
  const query = async filter => {
    const res = await fetch(
      `${baseUrl}/api/catalog/entities/by-query?limit=1000&${filter
        .map(f => `filter=${encodeURIComponent(f)}`)
        .join('&')}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    assert(res.ok, `catalog query ${filter} answered ${res.status}`);
    return (await res.json()).items;
  };

  await checks.check(
    'the example org: a platform team, 6+ product teams, 25+ users',
    () =>
      eventually(async () => {
        const groups = await query(['kind=group,spec.type=team']);
        const users = await query(['kind=user']);
        assert(
          groups.some(g => g.metadata.name === 'platform-team'),
          'no platform-team group',
        );
        assert(groups.length >= 7, `${groups.length} team groups`);
        assert(users.length >= 25, `${users.length} users`);
      }),
  );

  await checks.check(
    '6+ platform capabilities with platform-product.io annotations',
    () =>
      eventually(async () => {
        const capabilities = await query([
          'metadata.annotations.platform-product.io/capability=true',
        ]);
        assert(capabilities.length >= 6, `${capabilities.length} capabilities`);
        const classes = new Set(
          capabilities.map(
            c => c.metadata.annotations['platform-product.io/value-class'],
          ),
        );
        assert(
          classes.has('commodity') && classes.has('differentiating'),
          `value classes ${[...classes]}`,
        );
      }),
  );

  await checks.check('20+ product components, some made on a golden path', () =>
    eventually(async () => {
      const components = (await query(['kind=component'])).filter(
        c =>
          c.spec.owner !== 'group:default/platform-team' &&
          c.spec.owner !== 'platform-team',
      );
      const golden = components.filter(
        c => c.metadata.annotations?.['backstage.io/source-template'],
      );
      assert(
        components.length >= 20,
        `${components.length} product components`,
      );
      assert(
        golden.length > 0 && golden.length < components.length,
        `${golden.length} made from templates`,
      );
    }),
  );

  await checks.check('a golden-path template', () =>
    eventually(async () => {
      const templates = await query(['kind=template']);
      assert(templates.length >= 1, 'no templates');
    }),
  );

  await checks.check('guest signs in as user:default/guest', async () => {
    const res = await fetch(`${baseUrl}/api/auth/v1/userinfo`, {
      // A fresh token: the first one may predate the catalog's ingestion of the guest.
      headers: { Authorization: `Bearer ${await guestToken(baseUrl)}` },
    });
    assert(res.ok, `userinfo answered ${res.status}`);
    const info = await res.json();
    assert(
      info.claims.sub === 'user:default/guest',
      `signed in as ${info.claims.sub}`,
    );
    assert(
      info.claims.ent.includes('group:default/platform-team'),
      `guest is in ${info.claims.ent}`,
    );
  });

  await checks.check(
    'the node-service golden path runs end to end',
    async () => {
      const auth = { Authorization: `Bearer ${await guestToken(baseUrl)}` };
      const name = `smoke-service-${Date.now().toString(36)}`;
      const created = await fetch(`${baseUrl}/api/scaffolder/v2/tasks`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          templateRef: 'template:default/node-service',
          values: {
            name,
            description: 'Made by the smoke test',
            owner: 'group:default/checkout',
          },
        }),
      });
      const createdBody = await created.text();
      assert(
        created.status === 201,
        `task creation answered ${created.status}: ${createdBody}`,
      );
      const { id } = JSON.parse(createdBody);
      const task = await eventually(async () => {
        const res = await fetch(`${baseUrl}/api/scaffolder/v2/tasks/${id}`, {
          headers: auth,
        });
        const body = await res.json();
        assert(
          ['completed', 'failed', 'cancelled'].includes(body.status),
          `task ${body.status}`,
        );
        return body;
      }, 60_000);
      assert(task.status === 'completed', `task ${task.status}`);
      const entity = await eventually(async () => {
        const res = await fetch(
          `${baseUrl}/api/catalog/entities/by-name/component/default/${name}`,
          {
            headers: auth,
          },
        );
        assert(
          res.ok,
          `the new component is not in the catalog (${res.status})`,
        );
        return res.json();
      }, 60_000);
      assert(
        entity.metadata.annotations['backstage.io/source-template'] ===
          'template:default/node-service',
        'the new component does not carry backstage.io/source-template',
      );
    },
  );

  await checks.check(
    'needs-discovery demo: a closed wave with a priority case, an open wave',
    () =>
      eventually(async () => {
        const auth = { Authorization: `Bearer ${await guestToken(baseUrl)}` };
        const res = await fetch(`${baseUrl}/api/needs-discovery/surveys`, {
          headers: auth,
        });
        assert(res.ok, `surveys answered ${res.status}`);
        const { items } = await res.json();
        const closed = items.find(s => s.status === 'closed' && s.demo);
        assert(
          closed && items.some(s => s.status === 'open' && s.demo),
          'the demo surveys are not seeded yet',
        );
        const results = await (
          await fetch(
            `${baseUrl}/api/needs-discovery/surveys/${closed.id}/results`,
            { headers: auth },
          )
        ).json();
        assert(
          results.priorityCase?.reason,
          'the closed demo survey has no priority case',
        );
      }),
  );

  await checks.check(
    'habit-metrics demo: golden-path weeks with new components and retention cohorts',
    () =>
      eventually(async () => {
        const auth = { Authorization: `Bearer ${await guestToken(baseUrl)}` };
        const goldenPath = await fetch(
          `${baseUrl}/api/habit-metrics/golden-path`,
          {
            headers: auth,
          },
        );
        assert(goldenPath.ok, `golden-path answered ${goldenPath.status}`);
        const { weeks } = await goldenPath.json();
        assert(
          weeks.filter(w => w.newComponents > 0).length >= 10,
          'the habit-metrics demo is not seeded yet',
        );
        const retention = await fetch(
          `${baseUrl}/api/habit-metrics/retention`,
          {
            headers: auth,
          },
        );
        assert(retention.ok, `retention answered ${retention.status}`);
        const { cohorts } = await retention.json();
        assert(cohorts?.length >= 2, `${cohorts?.length} retention cohorts`);
      }, 240_000),
  );

  await checks.check(
    'thinness scorecard: a score and dispose, outsource verdicts with reasons',
    () =>
      eventually(async () => {
        const auth = { Authorization: `Bearer ${await guestToken(baseUrl)}` };
        const res = await fetch(`${baseUrl}/api/thinness-scorecard/scorecard`, {
          headers: auth,
        });
        assert(res.ok, `scorecard answered ${res.status}`);
        const scorecard = await res.json();
        assert(
          scorecard.score >= 0 && scorecard.score <= 100,
          `score ${scorecard.score}`,
        );
        for (const verdict of ['dispose', 'outsource']) {
          const capability = scorecard.capabilities.find(
            c => c.verdict === verdict,
          );
          assert(
            capability?.reasons.length > 0,
            `no ${verdict} verdict with reasons yet`,
          );
        }
        const history = await (
          await fetch(
            `${baseUrl}/api/thinness-scorecard/scorecard/history?days=90`,
            { headers: auth },
          )
        ).json();
        assert(
          history.items?.length >= 60,
          `${history.items?.length} history points`,
        );
        // The demo history waits for the other demos to settle (at most ~2 min after the catalog is ingested).
      }, 240_000),
  );

  // Ask the platform: the suite's evidence over MCP, after the demos above have settled.
  await runMcpChecks({ baseUrl, checks });

  if (withBrowser) {
    const { runBrowserTests } = await import('../e2e/run.mjs');
    await runBrowserTests({ baseUrl, checks });
  }
} catch (error) {
  checks.fail('smoke run', error);
} finally {
  await backend.stop();
}

if (checks.failed > 0) {
  console.log('--- backend output (last lines) ---');
  console.log(backend.output().split('\n').slice(-60).join('\n'));
}
await checks.write(resolve(root, '.data/smoke-results.json'));
process.exit(checks.failed > 0 ? 1 : 0);
