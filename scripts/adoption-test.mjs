#!/usr/bin/env node
// The adoption test: installs the suite into a fresh Backstage the way a company does, by the README alone.
//
//  1. `release:pack` builds, packs and checks every public package (dist-release/*.tgz).
//  2. verdaccio (from npm) runs on 127.0.0.1 as the company's internal registry; the tarballs are published to it.
//  3. `@backstage/create-app@0.9.2 --skip-install` makes a fresh app, pinned to Backstage 1.55.0.
//  4. The README's "Install into your Backstage" blocks marked `<!-- adoption-test: … -->` are applied literally, in
//     order (the only substitution: the README's example registry address becomes the local verdaccio's).
//  5. Checks: `yarn tsc` in the app, the app builds, its backend starts with the suite's four backend packages, each
//     plugin's main route answers 200 for the signed-in guest, the four mvp:* actions are listed, and /needs,
//     /habits and /thinness render in Chromium at 1440 px without console errors.
//
// Results go to .data/adoption-results.json (added to CI's summary). The fresh app's pins (package.json
// resolutions and yarn.lock after `pin-backstage-release.mjs --until-stable`) and Yarn's package cache are kept in
// $ADOPTION_CACHE_DIR (default /var/tmp/platform-product-kit-adoption) between runs on one machine.
//
//   yarn test:adoption [--skip-tsc]
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cp,
  mkdir,
  readdir,
  readFile,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';
import { assert, createChecks, eventually } from './checks.mjs';
import { guestToken } from './example-backend.mjs';
import { assertAccessible, settled } from '../e2e/axe.mjs';

const execFileAsync = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const work = resolve(root, '.data/adoption');
const appDir = join(work, 'acme');
const cacheDir =
  process.env.ADOPTION_CACHE_DIR ?? '/var/tmp/platform-product-kit-adoption';
const registryPort = Number(process.env.ADOPTION_REGISTRY_PORT ?? 4873);
const backendPort = Number(process.env.ADOPTION_BACKEND_PORT ?? 7117);
const registryUrl = `http://127.0.0.1:${registryPort}`;
const baseUrl = `http://localhost:${backendPort}`;
const CREATE_APP = '@backstage/create-app@0.9.2';
const RELEASE_DAY = '2026-09-16'; // Backstage 1.55.0
const VERDACCIO = 'verdaccio@6.10.3';
const README_REGISTRY = 'https://npm.internal.example.com';
const checks = createChecks('adoption');
const started = Date.now();
const children = [];

const log = message =>
  console.log(
    `[adoption ${((Date.now() - started) / 1000).toFixed(0)} s] ${message}`,
  );

/** The environment for commands in the fresh app: none of this repository's Yarn settings leak into it. */
function appEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|YARN_|BERRY_)/i.test(key) && key !== 'npm_config_nodedir') {
      continue;
    }
    if (['PROJECT_CWD', 'INIT_CWD', 'NODE_OPTIONS'].includes(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    // CI=true makes Yarn installs immutable; a fresh app must write its lockfile.
    YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    // Yarn 4.13 (the app's own) sometimes crashes on a retried request ("onCancel handler was attached after the
    // promise settled"); a failed request fails the step instead.
    YARN_HTTP_RETRY: '0',
    YARN_ENABLE_GLOBAL_CACHE: 'false',
    YARN_CACHE_FOLDER: join(cacheDir, 'yarn-cache'),
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_PROGRESS_BARS: 'false',
    ...extra,
  };
}

async function sh(
  command,
  args,
  { cwd = appDir, env = appEnv(), timeoutMs = 20 * 60_000 } = {},
) {
  const label = `${command} ${args.join(' ')}`;
  const t0 = Date.now();
  try {
    const { stdout } = await execFileAsync(command, args, {
      cwd,
      env,
      maxBuffer: 1 << 28,
      timeout: timeoutMs,
    });
    log(`${label} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    return stdout;
  } catch (error) {
    const out = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    throw new Error(
      `${label} failed (exit ${error.code}):\n${out
        .split('\n')
        .slice(-60)
        .join('\n')}`,
    );
  }
}

function startProcess(name, command, args, { cwd, env }) {
  const child = spawn(command, args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output = [];
  const keep = chunk => {
    output.push(chunk.toString());
    if (output.length > 600) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise(r => child.on('exit', code => r(code)));
  const handle = {
    name,
    child,
    exited,
    output: () => output.join(''),
    async stop() {
      if (child.exitCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }, 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  children.push(handle);
  return handle;
}

async function waitFor(handle, url, timeoutMs) {
  const t0 = Date.now();
  for (;;) {
    if (handle.child.exitCode !== null) {
      throw new Error(
        `${handle.name} exited with ${handle.child.exitCode}:\n${handle
          .output()
          .slice(-6000)}`,
      );
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - t0 > timeoutMs) {
      throw new Error(
        `${handle.name} not ready after ${timeoutMs / 1000} s:\n${handle
          .output()
          .slice(-6000)}`,
      );
    }
    await new Promise(r => setTimeout(r, 1000));
  }
}

/** The README's install steps: each fenced block right after an `<!-- adoption-test: ACTION ARGS -->` marker. */
export function readGuideSteps(readme) {
  const steps = [];
  const marker =
    /<!-- adoption-test: (\S+)(?: (\S+))?(?: (.+?))? -->\s*\n\s*```(\w+)\n([\s\S]*?)\n```/g;
  for (const m of readme.matchAll(marker)) {
    steps.push({
      action: m[1],
      target: m[2],
      argument: m[3],
      language: m[4],
      body: m[5],
    });
  }
  return steps;
}

/** Deep-merges YAML mappings; lists are concatenated without duplicates. */
function mergeYaml(base, addition) {
  if (Array.isArray(base) && Array.isArray(addition)) {
    return [...base, ...addition.filter(x => !base.includes(x))];
  }
  if (
    base &&
    addition &&
    typeof base === 'object' &&
    typeof addition === 'object'
  ) {
    const out = { ...base };
    for (const [k, v] of Object.entries(addition)) {
      out[k] = k in out ? mergeYaml(out[k], v) : v;
    }
    return out;
  }
  return addition;
}

function localise(text) {
  return text
    .replaceAll(README_REGISTRY, registryUrl)
    .replaceAll(new URL(README_REGISTRY).hostname, '127.0.0.1');
}

async function applyStep(step) {
  const body = localise(step.body);
  switch (step.action) {
    case 'merge-yaml': {
      const file = join(appDir, step.target);
      const current =
        YAML.parse(await readFile(file, 'utf8').catch(() => '')) ?? {};
      // Keep the app's ${VAR} placeholders as they are: YAML.parse leaves them as plain strings.
      await writeFile(
        file,
        YAML.stringify(mergeYaml(current, YAML.parse(body))),
      );
      log(`merged the README block into ${step.target}`);
      return;
    }
    case 'run': {
      for (const line of body.split('\n').filter(l => l.trim())) {
        const [command, ...args] = line.trim().split(/\s+/);
        await sh(command, args);
      }
      return;
    }
    case 'insert-before': {
      const file = join(appDir, step.target);
      const source = await readFile(file, 'utf8');
      const anchor = step.argument;
      assert(
        source.includes(anchor),
        `${step.target} has no "${anchor}" to insert the README's lines before`,
      );
      await writeFile(
        file,
        source.replace(anchor, `${body.trim()}\n\n${anchor}`),
      );
      log(`inserted the README's lines into ${step.target}`);
      return;
    }
    default:
      throw new Error(`unknown adoption-test action "${step.action}"`);
  }
}

async function startRegistry() {
  const toolsDir = join(cacheDir, 'tools');
  const bin = join(toolsDir, 'node_modules/.bin/verdaccio');
  if (!(await stat(bin).catch(() => null))) {
    await mkdir(toolsDir, { recursive: true });
    await writeFile(
      join(toolsDir, 'package.json'),
      '{"name":"adoption-tools","private":true}\n',
    );
    await sh(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', VERDACCIO],
      { cwd: toolsDir, env: process.env },
    );
  }
  const dir = join(work, 'verdaccio');
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'config.yaml'),
    YAML.stringify({
      storage: join(dir, 'storage'),
      auth: { htpasswd: { file: join(dir, 'htpasswd'), max_users: 100 } },
      uplinks: {},
      packages: {
        '@platform-product/*': { access: '$all', publish: '$authenticated' },
        '**': { access: '$all', publish: '$authenticated' },
      },
      listen: `127.0.0.1:${registryPort}`,
      log: { type: 'stdout', format: 'pretty', level: 'warn' },
    }),
  );
  const registry = startProcess(
    'verdaccio',
    bin,
    ['--config', join(dir, 'config.yaml')],
    { cwd: dir, env: process.env },
  );
  await waitFor(registry, `${registryUrl}/-/ping`, 60_000);
  const res = await fetch(
    `${registryUrl}/-/user/org.couchdb.user:adoption-ci`,
    {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'adoption-ci',
        password: `pw-${Date.now()}`,
        type: 'user',
        roles: [],
        date: new Date().toISOString(),
      }),
    },
  );
  const { token } = await res.json();
  assert(token, `verdaccio gave no token (${res.status})`);
  const npmrc = join(dir, '.npmrc');
  await writeFile(npmrc, `//127.0.0.1:${registryPort}/:_authToken=${token}\n`);
  return npmrc;
}

/** A fresh create-app app, pinned to the release; the pins are cached, keyed by what decides them. */
async function createPinnedApp() {
  await rm(appDir, { recursive: true, force: true });
  await sh('npx', ['-y', CREATE_APP, '--skip-install', '--path', appDir], {
    cwd: work,
    env: appEnv({ BACKSTAGE_APP_NAME: 'acme' }),
  });
  const pinScript = await readFile(
    join(root, 'scripts/pin-backstage-release.mjs'),
  );
  const key = createHash('sha256')
    .update(CREATE_APP)
    .update(RELEASE_DAY)
    .update(pinScript)
    .update(await readFile(join(appDir, 'package.json')))
    .update(await readFile(join(appDir, 'packages/app/package.json')))
    .update(await readFile(join(appDir, 'packages/backend/package.json')))
    .digest('hex')
    .slice(0, 16);
  const pinsDir = join(cacheDir, `pins-${key}`);
  if (await stat(join(pinsDir, 'package.json')).catch(() => null)) {
    await cp(join(pinsDir, 'package.json'), join(appDir, 'package.json'));
    await cp(join(pinsDir, 'yarn.lock'), join(appDir, 'yarn.lock'));
    log(`reused the pinned manifest and lockfile from ${pinsDir}`);
  } else {
    await sh('node', [
      join(root, 'scripts/pin-backstage-release.mjs'),
      RELEASE_DAY,
      '--until-stable',
    ]);
    await mkdir(pinsDir, { recursive: true });
    await cp(join(appDir, 'package.json'), join(pinsDir, 'package.json'));
    await cp(join(appDir, 'yarn.lock'), join(pinsDir, 'yarn.lock'));
  }
  // The suite's own packages are republished every run under the same version: a cached archive from an earlier
  // run would be installed instead of what was just published (Yarn trusts its cache for a locator that the
  // lockfile does not pin yet).
  const yarnCache = join(cacheDir, 'yarn-cache');
  for (const file of await readdir(yarnCache).catch(() => [])) {
    if (file.startsWith('@platform-product-')) {
      await rm(join(yarnCache, file), { force: true });
    }
  }
  // Backstage 1.55.0's better-sqlite3 range predates Node 24; 13 builds on it.
  const manifest = JSON.parse(
    await readFile(join(appDir, 'package.json'), 'utf8'),
  );
  manifest.resolutions = {
    ...manifest.resolutions,
    'better-sqlite3': '^13.2.0',
  };
  await writeFile(
    join(appDir, 'package.json'),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
}

async function browserChecks() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  const reportDir = resolve(root, 'e2e-test-report');
  await mkdir(reportDir, { recursive: true });
  try {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      // the backend's CSP forbids inline scripts; axe-core is injected as one
      bypassCSP: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const errors = [];
    page.on('console', msg => {
      if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', error =>
      errors.push(`${page.url()}: ${error.message}`),
    );
    await page.goto(baseUrl);
    // create-app's sign-in page offers the guest provider; waitFor, since isVisible does not wait.
    const enter = page.getByRole('button', { name: 'Enter' });
    await enter.waitFor({ timeout: 60_000 });
    await enter.click();
    await enter.waitFor({ state: 'detached' });
    for (const [path, heading] of [
      ['/needs', /needs|survey/i],
      ['/habits', /habit/i],
      ['/thinness', /thin/i],
    ]) {
      await checks.check(
        `${path} renders in Chromium with no console error or serious axe violation`,
        async () => {
          errors.length = 0;
          await page.goto(`${baseUrl}${path}`);
          const shot = join(reportDir, `adoption${path.replace('/', '-')}.png`);
          await page.getByRole('heading', { name: heading }).first().waitFor();
          await page.waitForLoadState('networkidle').catch(() => {});
          await settled(page);
          await page.screenshot({ path: shot, fullPage: true });
          const text = await page.locator('main').innerText();
          assert(
            !/is not a function|Cannot find module|Something went wrong/i.test(
              text,
            ),
            `${path} shows an error:\n${text.slice(0, 800)}`,
          );
          assert(
            errors.length === 0,
            `console errors on ${path}:\n${errors.join('\n')}`,
          );
          await assertAccessible(page, path);
        },
      );
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  // --reuse-app: re-run the checks against the app a previous run installed (for working on the checks themselves).
  if (process.argv.includes('--reuse-app')) {
    await stat(join(appDir, 'node_modules')).catch(() => {
      throw new Error(`--reuse-app: no installed app in ${appDir}`);
    });
    return await checkApp();
  }
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await mkdir(cacheDir, { recursive: true });

  await checks.check(
    'every public package packs into a tarball whose manifest points only inside it',
    () =>
      sh(
        'node',
        [
          join(root, 'scripts/release-pack.mjs'),
          ...(process.argv.includes('--skip-tsc') ? ['--skip-tsc'] : []),
        ],
        { cwd: root, env: process.env },
      ),
  );
  if (checks.failed) return;

  let npmrc;
  await checks.check(
    'the tarballs publish to a local registry (verdaccio)',
    async () => {
      npmrc = await startRegistry();
      await sh(
        'node',
        [
          join(root, 'scripts/release-publish.mjs'),
          '--registry',
          `${registryUrl}/`,
        ],
        { cwd: root, env: { ...process.env, NPM_CONFIG_USERCONFIG: npmrc } },
      );
      const res = await fetch(
        `${registryUrl}/@platform-product%2Fplugin-needs-discovery-backend`,
      );
      assert(
        res.ok,
        `the registry does not serve what was published (${res.status})`,
      );
    },
  );
  if (checks.failed) return;

  await checks.check(
    `a fresh app from ${CREATE_APP}, pinned to Backstage 1.55.0`,
    createPinnedApp,
  );
  if (checks.failed) return;

  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const steps = readGuideSteps(readme);
  await checks.check(
    `the README's ${steps.length} install steps apply to the fresh app as written`,
    async () => {
      assert(
        steps.length >= 5,
        `only ${steps.length} marked steps in the README`,
      );
      for (const step of steps) await applyStep(step);
      await sh('yarn', ['install']);
    },
  );
  if (checks.failed) return;
  await checkApp();
}

async function checkApp() {
  await checks.check('yarn tsc passes in the app', () => sh('yarn', ['tsc']));

  await checks.check('the app builds (yarn workspace app build)', () =>
    sh('yarn', ['workspace', 'app', 'build']),
  );

  // The backend serves the built app on one port; its own config is the app's, plus where to listen.
  const localConfig = join(appDir, 'app-config.adoption.yaml');
  await writeFile(
    localConfig,
    YAML.stringify({
      app: { baseUrl },
      backend: {
        baseUrl,
        listen: { port: backendPort },
        cors: { origin: baseUrl },
      },
    }),
  );
  let backend;
  await checks.check(
    'the backend starts with the four backend packages',
    async () => {
      backend = startProcess(
        'backend',
        'yarn',
        [
          'workspace',
          'backend',
          'start',
          '--config',
          '../../app-config.yaml',
          '--config',
          '../../app-config.adoption.yaml',
        ],
        {
          cwd: appDir,
          env: appEnv({
            NEEDS_DISCOVERY_RESPONDENT_KEY: 'adoption-test-respondent-key',
          }),
        },
      );
      await waitFor(
        backend,
        `${baseUrl}/.backstage/health/v1/readiness`,
        300_000,
      );
      const output = backend.output();
      for (const id of [
        'needs-discovery',
        'habit-metrics',
        'thinness-scorecard',
      ]) {
        assert(
          !new RegExp(`Plugin '${id}' startup failed`).test(output),
          `${id} failed to start:\n${output.slice(-4000)}`,
        );
      }
    },
  );
  if (!backend || backend.child.exitCode !== null || checks.failed > 0) return;

  let token;
  await checks.check('the guest signs in', async () => {
    token = await guestToken(baseUrl);
  });
  const get = path =>
    fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  for (const path of [
    '/api/needs-discovery/surveys',
    '/api/needs-discovery/needs',
    '/api/habit-metrics/adoption',
    '/api/thinness-scorecard/scorecard',
  ]) {
    await checks.check(`GET ${path} answers 200 for the guest`, () =>
      eventually(async () => {
        const res = await get(path);
        assert(
          res.status === 200,
          `${res.status}: ${(await res.text()).slice(0, 500)}`,
        );
      }, 60_000),
    );
  }
  await checks.check(
    'the scaffolder lists mvp:scope, mvp:annotate, mvp:backlog and mvp:launch',
    async () => {
      const res = await get('/api/scaffolder/v2/actions');
      assert(res.ok, `actions: ${res.status}`);
      const ids = (await res.json()).map(a => a.id);
      for (const id of [
        'mvp:scope',
        'mvp:annotate',
        'mvp:backlog',
        'mvp:launch',
      ]) {
        assert(
          ids.includes(id),
          `${id} is not listed (${ids
            .filter(i => i.startsWith('mvp'))
            .join(', ')})`,
        );
      }
    },
  );
  await browserChecks().catch(error =>
    checks.fail('Chromium opens the app', error),
  );
}

try {
  await main();
} catch (error) {
  checks.fail('the adoption test ran to its end', error);
} finally {
  for (const child of children.reverse()) await child.stop().catch(() => {});
  await checks.write(resolve(root, '.data/adoption-results.json'));
  log('done');
}
process.exit(checks.failed > 0 ? 1 : 0);
