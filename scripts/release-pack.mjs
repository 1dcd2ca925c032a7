#!/usr/bin/env node
// Builds and packs every public package of the suite into dist-release/, then checks each tarball the way a
// registry's user will meet it: the manifest points only at files inside the tarball, no `workspace:` range is
// left, and nothing depends on a package that is never published. Exits non-zero when a tarball fails a check.
//
//   yarn release:pack                 # yarn tsc, build, pack, check (what a release publishes)
//   yarn release:pack --skip-tsc      # when `yarn tsc` has just run (CI)
//   yarn release:pack --check-only    # check the tarballs already in dist-release/
//
// Publishing is `yarn release:publish` (scripts/release-publish.mjs): it publishes exactly these tarballs.
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  checkTarball,
  listTarball,
  readTarballManifest,
} from './release-lib.mjs';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'dist-release');
const args = new Set(process.argv.slice(2));

async function workspaces() {
  const found = [];
  for (const group of ['plugins', 'packages']) {
    for (const entry of await readdir(join(root, group))) {
      const dir = join(root, group, entry);
      const text = await readFile(join(dir, 'package.json'), 'utf8').catch(
        () => null,
      );
      if (text) found.push({ dir, manifest: JSON.parse(text) });
    }
  }
  return found;
}

async function yarn(argv, cwd = root) {
  try {
    await run('yarn', argv, { cwd, maxBuffer: 1 << 26 });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`yarn ${argv.join(' ')} failed in ${cwd}`);
  }
}

const all = await workspaces();
const privateNames = new Set(
  all.filter(w => w.manifest.private).map(w => w.manifest.name),
);
const publicPackages = all.filter(w => !w.manifest.private);

if (!args.has('--check-only')) {
  if (!args.has('--skip-tsc')) {
    console.log('yarn tsc (the builds read their types from dist-types/)');
    await yarn(['tsc']);
  }
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const { dir, manifest } of publicPackages) {
    const started = Date.now();
    await yarn(['build'], dir);
    // yarn pack runs the package's prepack (backstage-cli package prepack rewrites main, types and exports to
    // dist/) and postpack (restores the manifest), and turns workspace: ranges into real versions.
    await yarn(['pack', '--out', join(outDir, '%s-%v.tgz')], dir);
    console.log(
      `packed ${manifest.name}@${manifest.version} (${(
        (Date.now() - started) /
        1000
      ).toFixed(1)} s)`,
    );
  }
}

const tarballs = (await readdir(outDir).catch(() => []))
  .filter(f => f.endsWith('.tgz'))
  .map(f => join(outDir, f));
let failures = 0;
for (const tarball of tarballs) {
  const files = await listTarball(tarball);
  const manifest = await readTarballManifest(tarball);
  const problems = checkTarball({ manifest, files, privateNames });
  if (problems.length) {
    failures += 1;
    console.log(`✗ ${manifest.name}@${manifest.version}`);
    for (const p of problems) console.log(`    ${p}`);
  } else {
    console.log(
      `✓ ${manifest.name}@${manifest.version}: ${files.length} files, manifest points inside the tarball`,
    );
  }
}
const missing = publicPackages
  .map(w => w.manifest.name)
  .filter(
    name =>
      !tarballs.some(t =>
        t.includes(`${name.replace('@', '').replace('/', '-')}-`),
      ),
  );
for (const name of missing) {
  failures += 1;
  console.log(`✗ ${name}: no tarball in dist-release/`);
}
console.log(
  `${tarballs.length} tarballs in dist-release/, ${failures} with problems`,
);
process.exit(failures ? 1 : 0);
