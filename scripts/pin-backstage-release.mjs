#!/usr/bin/env node
// Pins every @backstage/* package in yarn.lock to the version that shipped with one Backstage release.
//
// Backstage packages depend on each other with caret ranges, so a plain install mixes in packages of a newer
// release as soon as they are published, and a mixed set breaks backend start-up. This script looks up, for each
// @backstage package in the lockfile, the newest version published by the release day, and writes them all as
// `resolutions` in the root package.json. Run `yarn install` afterwards.
//
//   node scripts/pin-backstage-release.mjs 2026-09-16   # Backstage 1.55.0
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
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

async function releaseVersion(name) {
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

const lock = await readFile('yarn.lock', 'utf8');
const names = [
  ...new Set(
    [...lock.matchAll(/resolution: "(@backstage\/[^@"]+)@npm:/g)].map(
      m => m[1],
    ),
  ),
].sort();

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
console.log(
  `pinned ${
    Object.keys(pins).length
  } @backstage packages to the release of ${releaseDay}`,
);
