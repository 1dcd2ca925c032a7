#!/usr/bin/env node
// Fails when yarn.lock holds more than one version of a @backstage/* package, or one that is not pinned in the
// root package.json's resolutions: both mean packages of two Backstage releases are mixed, which breaks start-up.
// Fix with: node scripts/pin-backstage-release.mjs <release day> && yarn install
import { readFile } from 'node:fs/promises';

const lock = await readFile('yarn.lock', 'utf8');
const pins =
  JSON.parse(await readFile('package.json', 'utf8')).resolutions ?? {};
const versions = new Map();
for (const [, name, version] of lock.matchAll(
  /resolution: "(@backstage\/[^@"]+)@npm:([^"]+)"/g,
)) {
  versions.set(name, new Set([...(versions.get(name) ?? []), version]));
}

const problems = [];
for (const [name, found] of versions) {
  if (found.size > 1)
    problems.push(`${name}: several versions (${[...found].join(', ')})`);
  else if (!pins[name]) problems.push(`${name}: not pinned in resolutions`);
  else if (!found.has(pins[name]))
    problems.push(`${name}: lockfile has ${[...found]}, pinned ${pins[name]}`);
}
if (problems.length > 0) {
  console.error(
    `yarn.lock mixes Backstage releases:\n  ${problems.join('\n  ')}`,
  );
  console.error(
    'Run: node scripts/pin-backstage-release.mjs 2026-09-16 && yarn install',
  );
  process.exit(1);
}
console.log(
  `Backstage release check: ${versions.size} @backstage packages, one version each`,
);
