#!/usr/bin/env node
// Resilience test (README, "Resilience"): the built example backend on a throw-away PostgreSQL cluster, which is
// stopped and started again in the middle of a burst of survey answers and habit events. Checks that every write
// the backend acknowledged (2xx) is there afterwards, and that the suite's plugins answer again within 10 s of the
// database coming back. Writes its checks to .data/resilience-results.json for .ci/run's summary.
//
//   yarn build:backend && node scripts/resilience.mjs
//
// Needs PostgreSQL's server binaries (initdb, pg_ctl: $KIT_PG_BIN, `pg_config --bindir` or
// /usr/lib/postgresql/*/bin); without them it says so and skips, which fails when KIT_REQUIRE_POSTGRES=1 (CI).
// The cluster listens on the first free port from 5544 to 5560, the backend on 7301 ($KIT_RESILIENCE_PORT).
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assert, createChecks, eventually } from './checks.mjs';
import { guestToken, startBuiltBackend } from './example-backend.mjs';

const root = resolve(import.meta.dirname, '..');
const RESULTS = resolve(root, '.data/resilience-results.json');
const BACKEND_PORT = Number(process.env.KIT_RESILIENCE_PORT ?? 7301);
/** How long PostgreSQL stays down in the middle of the burst. */
const OUTAGE_MS = 2_000;
/** The longest the backend may take to answer again once PostgreSQL is back. */
const RECOVERY_LIMIT_MS = 10_000;
const SURVEYS = 40;
const WORKERS = 4;
const PAUSE_BETWEEN_WRITES_MS = 80;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const sleep = ms => new Promise(r => setTimeout(r, ms));

const checks = createChecks('resilience');

function findPostgresBinaries() {
  const candidates = [];
  if (process.env.KIT_PG_BIN) candidates.push(process.env.KIT_PG_BIN);
  try {
    candidates.push(
      execFileSync('pg_config', ['--bindir'], { stdio: 'pipe' })
        .toString()
        .trim(),
    );
  } catch {
    // no pg_config on the PATH
  }
  if (existsSync('/usr/lib/postgresql')) {
    for (const version of readdirSync('/usr/lib/postgresql').sort(
      (a, b) => Number(b) - Number(a),
    )) {
      candidates.push(`/usr/lib/postgresql/${version}/bin`);
    }
  }
  return candidates.find(
    dir => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')),
  );
}

async function skip(reason) {
  const required = process.env.KIT_REQUIRE_POSTGRES === '1';
  console.log(
    `\n*** resilience test SKIPPED: ${reason}${
      required ? ' (KIT_REQUIRE_POSTGRES=1: this fails the run)' : ''
    }\n`,
  );
  if (required) checks.fail('PostgreSQL server binaries are installed', reason);
  await checks.write(RESULTS);
  process.exit(required ? 1 : 0);
}

async function isFree(port) {
  return new Promise(resolvePort => {
    const server = net.createServer();
    server.once('error', () => resolvePort(false));
    server.listen(port, '127.0.0.1', () =>
      server.close(() => resolvePort(true)),
    );
  });
}

/** A PostgreSQL cluster of its own in a temporary directory, run as the postgres user when we are root. */
async function createCluster(bin) {
  const asRoot = process.getuid?.() === 0;
  const runAs = asRoot ? ['runuser', '-u', 'postgres', '--'] : [];
  // Asynchronous, so that the writers keep writing while PostgreSQL stops and starts.
  const run = async (tool, args) => {
    const [command, ...rest] = [...runAs, join(bin, tool), ...args];
    try {
      await promisify(execFile)(command, rest, { encoding: 'utf8' });
    } catch (error) {
      throw new Error(
        `${tool} ${args.join(' ')} failed: ${error.stderr || error.message}`,
      );
    }
  };
  let port;
  for (let candidate = 5544; candidate <= 5560 && !port; candidate++) {
    if (await isFree(candidate)) port = candidate;
  }
  if (!port) throw new Error('no free port for PostgreSQL in 5544–5560');
  const dir = await mkdtemp(join(tmpdir(), 'kit-resilience-pg-'));
  if (asRoot) {
    // initdb refuses to run as root: the cluster belongs to postgres.
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    await chown(dir, uid, gid);
  }
  await run('initdb', [
    '-D',
    dir,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
  ]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`;
  return {
    port,
    start: () =>
      run('pg_ctl', [
        '-D',
        dir,
        '-o',
        options,
        '-l',
        join(dir, 'log'),
        '-w',
        'start',
      ]),
    stop: (mode = 'fast') =>
      run('pg_ctl', ['-D', dir, '-m', mode, '-w', 'stop']),
    async remove() {
      try {
        await run('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // not running
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const bin = findPostgresBinaries();
if (!bin) {
  await skip(
    'no PostgreSQL server binaries (initdb, pg_ctl) in $KIT_PG_BIN, `pg_config --bindir` or /usr/lib/postgresql/*/bin; install the PostgreSQL server (e.g. apt-get install postgresql) to run it',
  );
}
if (!existsSync(resolve(root, 'packages/backend/dist/bundle.tar.gz'))) {
  checks.fail(
    'the built example backend exists',
    'packages/backend/dist/bundle.tar.gz is missing: run `yarn build:backend` first',
  );
  await checks.write(RESULTS);
  process.exit(1);
}

let cluster;
let backend;
// Interrupted: leave no PostgreSQL server or backend behind (pg_ctl daemonizes the server).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await backend?.stop().catch(() => {});
    await cluster?.remove().catch(() => {});
    process.exit(130);
  });
}
try {
  await checks.check(
    `a throw-away PostgreSQL cluster starts (${bin})`,
    async () => {
      cluster = await createCluster(bin);
      await cluster.start();
      console.log(`PostgreSQL on 127.0.0.1:${cluster.port} after ${elapsed()}`);
    },
  );
  if (!cluster) throw new Error('no cluster');

  await checks.check('the built backend starts on it', async () => {
    backend = await startBuiltBackend({
      port: BACKEND_PORT,
      dataDir: '.data/resilience',
      extraConfig: {
        backend: {
          database: {
            client: 'pg',
            connection: {
              host: '127.0.0.1',
              port: cluster.port,
              user: 'postgres',
            },
          },
        },
      },
    });
  });
  if (!backend) throw new Error('no backend');
  await runScenario(backend.baseUrl);
} catch (error) {
  if (checks.failed === 0) checks.fail('the resilience scenario runs', error);
} finally {
  if (checks.failed > 0 && backend) {
    console.log(
      `--- backend output (last lines)\n${backend.output().slice(-6000)}`,
    );
  }
  await backend?.stop();
  await cluster?.remove();
  console.log(`resilience test took ${elapsed()}`);
  await checks.write(RESULTS);
}
process.exit(checks.failed > 0 ? 1 : 0);

async function runScenario(baseUrl) {
  let token;
  const call = async (method, path, body) => {
    try {
      const res = await fetch(`${baseUrl}/api${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(20_000),
      });
      const text = await res.text();
      let json;
      try {
        json = JSON.parse(text);
      } catch {
        json = text;
      }
      return { status: res.status, ok: res.ok, body: json };
    } catch (error) {
      return { status: 0, ok: false, body: String(error) };
    }
  };
  const runId = `r${Date.now().toString(36)}`;

  // Set-up: open surveys to answer, once the catalog has made the guest a platform-team member (who may manage).
  const surveyIds = [];
  await checks.check(`set-up: ${SURVEYS} open surveys`, async () => {
    const definition = i => ({
      title: `Resilience ${runId} ${i}`,
      audience: [],
      anonymityThreshold: 3,
      needs: [{ id: 'need-logs', title: 'Searchable logs' }],
      questions: [
        { id: 'ratings', type: 'need-rating', title: 'Rate the need' },
        { id: 'note', type: 'free-text', title: 'Anything else?' },
      ],
    });
    await eventually(
      async () => {
        token = await guestToken(baseUrl);
        const res = await call(
          'POST',
          '/needs-discovery/surveys',
          definition(0),
        );
        assert(
          res.ok,
          `creating a survey answered ${res.status}: ${JSON.stringify(
            res.body,
          )}`,
        );
        surveyIds.push(res.body.id);
      },
      180_000,
      2_000,
    );
    for (let i = 1; i < SURVEYS; i++) {
      const res = await call('POST', '/needs-discovery/surveys', definition(i));
      assert(res.ok, `creating a survey answered ${res.status}`);
      surveyIds.push(res.body.id);
    }
    for (const id of surveyIds) {
      const res = await call('POST', `/needs-discovery/surveys/${id}/open`);
      assert(
        res.ok,
        `opening a survey answered ${res.status}: ${JSON.stringify(res.body)}`,
      );
    }
  });
  if (surveyIds.length < SURVEYS) throw new Error('set-up failed');

  // The burst: WORKERS writers, one survey answer for every four habit events, each write unique, until
  // PostgreSQL has been stopped, started again, the backend answers again, and three more seconds have passed.
  const writes = [];
  let next = 0;
  let stopAt = Infinity;
  const nextWrite = () => {
    const n = next++;
    if (n % 5 === 0) {
      // The surveys in turn; a survey answered again keeps the later answer (one response per person).
      const surveyIndex = (n / 5) % surveyIds.length;
      const answers = {
        ratings: {
          'need-logs': { pain: 1 + (n % 5), frequency: 'weekly' },
        },
        note: `answer ${runId} ${n}`,
      };
      return {
        type: 'answer',
        surveyId: surveyIds[surveyIndex],
        answers,
        send: () =>
          call(
            'PUT',
            `/needs-discovery/surveys/${surveyIds[surveyIndex]}/responses/me`,
            { answers },
          ),
      };
    }
    const event = {
      source: 'resilience',
      kind: 'capability-view',
      way: 'new',
      capabilityRef: 'system:default/event-streaming',
      teamRef: 'group:default/platform-team',
      idempotencyKey: `${runId}-${n}`,
    };
    return {
      type: 'event',
      event,
      send: () => call('POST', '/habit-metrics/events', event),
    };
  };
  const writer = async () => {
    while (Date.now() < stopAt) {
      const write = nextWrite();
      write.sentAt = Date.now();
      const res = await write.send();
      write.doneAt = Date.now();
      write.status = res.status;
      write.ok = res.ok;
      write.error = res.ok ? undefined : JSON.stringify(res.body).slice(0, 300);
      writes.push(write);
      await sleep(PAUSE_BETWEEN_WRITES_MS);
    }
  };
  const probes = [
    '/needs-discovery/surveys',
    '/habit-metrics/summary',
    '/thinness-scorecard/scorecard/history',
  ];
  const allAnswer = async () =>
    (await Promise.all(probes.map(path => call('GET', path)))).every(r => r.ok);

  console.log(`burst starts after ${elapsed()}`);
  const writers = Array.from({ length: WORKERS }, writer);
  await sleep(2_500);
  const downAt = Date.now();
  await cluster.stop('fast');
  console.log(
    `PostgreSQL stopped after ${elapsed()}, ${writes.length} writes done`,
  );
  await sleep(OUTAGE_MS);
  await cluster.start();
  const upAt = Date.now();
  console.log(`PostgreSQL back after ${elapsed()}`);
  let recoveredAt;
  while (Date.now() - upAt < 60_000) {
    if (await allAnswer()) {
      recoveredAt = Date.now();
      break;
    }
    await sleep(200);
  }
  stopAt = Date.now() + 3_000;
  await Promise.all(writers);

  const acknowledged = writes.filter(w => w.ok);
  const failed = writes.filter(w => !w.ok);
  console.log(
    `${writes.length} writes: ${acknowledged.length} acknowledged, ${
      failed.length
    } not (${[...new Set(failed.map(w => w.status))].join(', ')}); down ${
      upAt - downAt
    } ms`,
  );

  await checks.check(
    `the suite's plugins answer again within ${
      RECOVERY_LIMIT_MS / 1000
    } s of PostgreSQL coming back`,
    async () => {
      assert(recoveredAt, 'they did not answer within 60 s');
      const took = recoveredAt - upAt;
      console.log(`    answered again ${took} ms after PostgreSQL was back`);
      assert(
        took <= RECOVERY_LIMIT_MS,
        `they answered again only after ${took} ms`,
      );
    },
  );

  await checks.check(
    'writes were acknowledged before and after the restart',
    async () => {
      for (const type of ['answer', 'event']) {
        const before = acknowledged.filter(
          w => w.type === type && w.doneAt < downAt,
        );
        const after = acknowledged.filter(
          w => w.type === type && w.sentAt > (recoveredAt ?? upAt),
        );
        assert(
          before.length > 0 && after.length > 0,
          `${type}s acknowledged: ${before.length} before the restart, ${after.length} after`,
        );
      }
      // Writes after the backend answered again are acknowledged: no connection left broken in the pool.
      const lateFailures = failed.filter(
        w => w.sentAt > (recoveredAt ?? upAt) + 1_000,
      );
      assert(
        lateFailures.length === 0,
        `${lateFailures.length} writes failed more than 1 s after the backend answered again, e.g. ${lateFailures[0]?.status} ${lateFailures[0]?.error}`,
      );
    },
  );

  token = await guestToken(baseUrl);
  await checks.check('every acknowledged survey answer is stored', async () => {
    // Per survey, the stored answer is its last acknowledged one, or one sent after it (a write the backend
    // committed but could not acknowledge); never an earlier one, never none.
    const answered = [
      ...new Set(
        acknowledged.filter(w => w.type === 'answer').map(w => w.surveyId),
      ),
    ];
    const missing = [];
    for (const surveyId of answered) {
      const ofSurvey = writes.filter(
        w => w.type === 'answer' && w.surveyId === surveyId,
      );
      const lastAcknowledged = Math.max(
        ...ofSurvey.filter(w => w.ok).map(w => w.sentAt),
      );
      const allowed = ofSurvey
        .filter(w => w.sentAt >= lastAcknowledged)
        .map(w => JSON.stringify(w.answers));
      const res = await call(
        'GET',
        `/needs-discovery/surveys/${surveyId}/responses/me`,
      );
      if (!res.ok || !allowed.includes(JSON.stringify(res.body.answers))) {
        missing.push(
          `${surveyId}: ${res.status} ${JSON.stringify(res.body).slice(
            0,
            200,
          )}`,
        );
      }
    }
    console.log(
      `    ${answered.length - missing.length} of ${
        answered.length
      } surveys hold their last acknowledged answer (${
        acknowledged.filter(w => w.type === 'answer').length
      } acknowledged answers)`,
    );
    assert(
      missing.length === 0,
      `missing or different:\n${missing.join('\n')}`,
    );
  });

  await checks.check('every acknowledged habit event is stored', async () => {
    const events = acknowledged
      .filter(w => w.type === 'event')
      .map(w => w.event);
    // Sent again, a stored event is a duplicate of itself (its idempotency key is recorded), never accepted anew.
    let duplicates = 0;
    for (let i = 0; i < events.length; i += 200) {
      const batch = events.slice(i, i + 200);
      const res = await call('POST', '/habit-metrics/events', {
        events: batch,
      });
      assert(
        res.ok,
        `replaying events answered ${res.status}: ${JSON.stringify(res.body)}`,
      );
      duplicates += res.body.duplicates;
    }
    console.log(`    ${duplicates} of ${events.length} found`);
    assert(
      duplicates === events.length,
      `${events.length - duplicates} acknowledged events are not stored`,
    );
  });
}
