#!/usr/bin/env node
// Pins every @backstage/* package in yarn.lock to the version that shipped with one Backstage release.
//
// Backstage packages depend on each other with caret ranges, so a plain install mixes in packages of a newer
// release as soon as they are published, and a mixed set breaks backend start-up. This script looks up, for each
// @backstage package in the lockfile, the newest version published by the release day, and writes them all as
// `resolutions` in the root package.json. Run `yarn install` afterwards.
//
// A fresh app (create-app --skip-install) has no lockfile entries yet: the names then come from the workspaces'
// package.json files as well, and `--until-stable` repeats pin + `yarn install --mode=update-lockfile` until the
// lockfile brings in no @backstage package that is not pinned yet (the transitive ones appear only once resolved).
//
//   node scripts/pin-backstage-release.mjs 2026-09-16                  # Backstage 1.55.0
//   node scripts/pin-backstage-release.mjs 2026-09-16 --until-stable   # a fresh app: pin, resolve, repeat
import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const releaseDay = process.argv[2];
if (!/^\d{4}-\d{2}-\d{2}$/.test(releaseDay ?? '')) {
  console.error('usage: pin-backstage-release.mjs <release day, YYYY-MM-DD>');
  process.exit(2);
}
const cutoff = new Date(`${releaseDay}T23:59:59Z`).getTime();

function compareSemver(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

const releaseVersions = new Map();
function releaseVersion(name) {
  if (!releaseVersions.has(name)) {
    releaseVersions.set(name, lookUpReleaseVersion(name));
  }
  return releaseVersions.get(name);
}

async function lookUpReleaseVersion(name) {
  const { stdout } = await run('npm', ['view', name, 'time', '--json'], {
    maxBuffer: 1 << 24,
  });
  const times = JSON.parse(stdout);
  const candidates = Object.entries(times)
    .filter(
      ([v, t]) => /^\d+\.\d+\.\d+$/.test(v) && new Date(t).getTime() <= cutoff,
    )
    .map(([v]) => v)
    .sort(compareSemver);
  return candidates.at(-1);
}

async function workspaceManifests(root) {
  const rootPkg = JSON.parse(
    await readFile(join(root, 'package.json'), 'utf8'),
  );
  const manifests = [rootPkg];
  for (const pattern of rootPkg.workspaces?.packages ??
    rootPkg.workspaces ??
    []) {
    const dir = pattern.replace(/\/\*$/, '');
    if (dir === pattern) continue;
    for (const entry of await readdir(join(root, dir)).catch(() => [])) {
      const text = await readFile(
        join(root, dir, entry, 'package.json'),
        'utf8',
      ).catch(() => null);
      if (text) manifests.push(JSON.parse(text));
    }
  }
  return manifests;
}

async function backstageNames() {
  const lock = await readFile('yarn.lock', 'utf8').catch(() => '');
  const names = new Set(
    [...lock.matchAll(/resolution: "(@backstage\/[^@"]+)@npm:/g)].map(
      m => m[1],
    ),
  );
  for (const manifest of await workspaceManifests('.')) {
    for (const field of ['dependencies', 'devDependencies']) {
      for (const name of Object.keys(manifest[field] ?? {})) {
        if (name.startsWith('@backstage/')) names.add(name);
      }
    }
  }
  return [...names].sort();
}

async function pinOnce(names) {
  const pins = {};
  const queue = [...names];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let name = queue.shift(); name; name = queue.shift()) {
        const version = await releaseVersion(name);
        if (version) pins[name] = version;
        else
          console.warn(
            `no version of ${name} was published by ${releaseDay}; left unpinned`,
          );
      }
    }),
  );

  const pkg = JSON.parse(await readFile('package.json', 'utf8'));
  const kept = Object.fromEntries(
    Object.entries(pkg.resolutions ?? {}).filter(
      ([k]) => !k.startsWith('@backstage/'),
    ),
  );
  pkg.resolutions = {
    ...kept,
    ...Object.fromEntries(
      Object.keys(pins)
        .sort()
        .map(k => [k, pins[k]]),
    ),
  };
  await writeFile('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
  return pins;
}

let pinned = new Set();
for (let round = 1; ; round++) {
  const names = await backstageNames();
  const pins = await pinOnce(names);
  console.log(
    `pinned ${
      Object.keys(pins).length
    } @backstage packages to the release of ${releaseDay}`,
  );
  const fresh = names.filter(n => !pinned.has(n));
  pinned = new Set(names);
  if (!process.argv.includes('--until-stable') || fresh.length === 0) break;
  if (round > 8) throw new Error('the lockfile did not settle after 8 rounds');
  console.log(
    `round ${round}: ${fresh.length} new names; resolving the lockfile`,
  );
  await run('yarn', ['install', '--mode=update-lockfile'], {
    maxBuffer: 1 << 26,
    env: { ...process.env, YARN_ENABLE_IMMUTABLE_INSTALLS: 'false' },
  });
}
