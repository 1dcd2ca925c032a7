// Starts the *built* example backend (packages/backend/dist/bundle.tar.gz, from `yarn build:backend`) with fresh
// SQLite files, serving the built app on the same port. Used by the smoke test and the browser tests.
import { spawn } from 'node:child_process';
import {
  mkdir,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');

export async function startBuiltBackend({
  port = 7007,
  log = console.log,
  // More configuration, read after the rest (e.g. the MCP checks' external access token).
  extraConfig,
  // Where the bundle is unpacked and its SQLite files live (emptied first).
  dataDir = '.data/smoke',
} = {}) {
  const dir = resolve(root, dataDir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  // Unpacked inside the repository so third-party modules resolve from the root node_modules.
  execFileSync('tar', [
    'xzf',
    resolve(root, 'packages/backend/dist/bundle.tar.gz'),
    '-C',
    dir,
  ]);
  await linkBundledWorkspaces(dir);
  const baseUrl = `http://localhost:${port}`;
  const configFile = resolve(dir, 'app-config.smoke.yaml');
  await writeFile(
    configFile,
    JSON.stringify({
      app: { baseUrl },
      backend: {
        baseUrl,
        listen: { port },
        cors: { origin: baseUrl },
        database: {
          client: 'better-sqlite3',
          connection: { directory: resolve(dir, 'sqlite') },
        },
      },
      auth: {
        providers: {
          guest: {
            userEntityRef: 'user:default/guest',
            dangerouslyAllowOutsideDevelopment: true,
          },
        },
      },
      needsDiscovery: {
        demoSurveyFile: resolve(
          root,
          'examples/surveys/developer-needs-2026-spring.yaml',
        ),
      },
      platformProduct: {
        examplePublish: { directory: resolve(dir, 'published') },
      },
      catalog: {
        locations: [
          { type: 'file', target: resolve(root, 'examples/all.yaml') },
          { type: 'file', target: resolve(root, 'catalog-info.yaml') },
        ],
      },
    }),
  );
  const extraConfigArgs = [];
  if (extraConfig) {
    const extraFile = resolve(dir, 'app-config.extra.yaml');
    await writeFile(extraFile, JSON.stringify(extraConfig));
    extraConfigArgs.push('--config', extraFile);
  }
  const backendDir = resolve(dir, 'packages/backend');
  const child = spawn(
    process.execPath,
    [
      'dist/index.cjs.js',
      '--config',
      resolve(root, 'app-config.yaml'),
      '--config',
      configFile,
      ...extraConfigArgs,
    ],
    {
      cwd: backendDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  const output = [];
  const keep = chunk => {
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise(resolveExit =>
    child.on('exit', code => resolveExit(code)),
  );

  const started = Date.now();
  for (;;) {
    const code = await Promise.race([
      exited,
      new Promise(r => setTimeout(() => r('waiting'), 500)),
    ]);
    if (code !== 'waiting') {
      throw new Error(
        `backend exited with ${code} before it was ready:\n${output.join('')}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 180_000) {
      child.kill('SIGKILL');
      throw new Error(`backend not ready after 180 s:\n${output.join('')}`);
    }
  }
  log(
    `backend ready at ${baseUrl} after ${(
      (Date.now() - started) /
      1000
    ).toFixed(1)} s`,
  );

  return {
    baseUrl,
    output: () => output.join(''),
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The bundle holds the built workspace packages (packages/*, plugins/*). Link them into the bundle's own
 * node_modules so the backend loads those builds, as a deployment's `yarn workspaces focus --production` would,
 * instead of the TypeScript sources the repository's node_modules point at.
 */
async function linkBundledWorkspaces(dir) {
  for (const group of ['packages', 'plugins']) {
    const names = await readdir(resolve(dir, group)).catch(() => []);
    for (const name of names) {
      const pkgDir = resolve(dir, group, name);
      const { name: pkgName } = JSON.parse(
        await readFile(resolve(pkgDir, 'package.json'), 'utf8'),
      );
      const link = resolve(dir, 'node_modules', pkgName);
      await mkdir(dirname(link), { recursive: true });
      await symlink(pkgDir, link, 'dir');
    }
  }
}

/** A user token for the example instance's guest, as the app's sign-in gets it. */
export async function guestToken(baseUrl) {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok)
    throw new Error(`guest sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()).backstageIdentity.token;
}
