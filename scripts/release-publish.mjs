#!/usr/bin/env node
// Publishes the tarballs that `yarn release:pack` built and checked (dist-release/*.tgz) — exactly those files, so
// what was checked is what ships. Uses npm's own registry settings and credentials (.npmrc, NPM_CONFIG_*).
//
//   yarn release:pack && yarn release:publish                                  # the registry npm is set up for
//   yarn release:publish --registry https://npm.internal.example.com/          # an internal registry
//   yarn release:publish --dry-run
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'dist-release');
const argv = process.argv.slice(2);
const registryIndex = argv.indexOf('--registry');
const registry = registryIndex >= 0 ? argv[registryIndex + 1] : undefined;

const tarballs = (await readdir(outDir).catch(() => []))
  .filter(f => f.endsWith('.tgz'))
  .sort();
if (tarballs.length === 0) {
  console.error('no tarballs in dist-release/: run `yarn release:pack` first');
  process.exit(1);
}
for (const file of tarballs) {
  const args = ['publish', join(outDir, file), '--access', 'public'];
  if (registry) args.push('--registry', registry);
  if (argv.includes('--dry-run')) args.push('--dry-run');
  try {
    await run('npm', args, { maxBuffer: 1 << 24 });
    console.log(`published ${file}${registry ? ` to ${registry}` : ''}`);
  } catch (error) {
    console.error(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    console.error(`publishing ${file} failed`);
    process.exit(1);
  }
}
