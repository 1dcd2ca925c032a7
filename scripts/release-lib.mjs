// What scripts/release-pack.mjs checks in a packed tarball, as one function of the manifest and the file list.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The paths inside a tarball, without the leading `package/`. */
export async function listTarball(tarball) {
  const { stdout } = await run('tar', ['-tzf', tarball], {
    maxBuffer: 1 << 26,
  });
  return stdout
    .split('\n')
    .filter(Boolean)
    .map(p => p.replace(/^package\//, ''));
}

/** The package.json inside a tarball. */
export async function readTarballManifest(tarball) {
  const { stdout } = await run(
    'tar',
    ['-xzOf', tarball, 'package/package.json'],
    {
      maxBuffer: 1 << 24,
    },
  );
  return JSON.parse(stdout);
}

const dependencyFields = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
];

/** Every file path a manifest points at: main, module, types, the exports map, typesVersions, configSchema. */
export function manifestTargets(manifest) {
  const targets = [];
  const add = (field, value) => {
    if (typeof value === 'string') targets.push({ field, path: value });
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        // Backstage marks an entry point's kind with a `backstage` condition (`@backstage/FrontendPlugin`): a tag,
        // not a path.
        if (key !== 'backstage') add(`${field}.${key}`, inner);
      }
    }
  };
  for (const field of ['main', 'module', 'types', 'browser', 'configSchema']) {
    add(field, manifest[field]);
  }
  add('exports', manifest.exports);
  add('typesVersions', manifest.typesVersions);
  return targets;
}

/**
 * The problems a registry user would meet with this tarball: targets missing from it or pointing at sources,
 * `workspace:` ranges, dependencies on packages that are never published, and exact `@backstage/*` pins.
 */
export function checkTarball({ manifest, files, privateNames }) {
  const problems = [];
  const inside = new Set(files);
  for (const { field, path } of manifestTargets(manifest)) {
    const normal = path.replace(/^\.\//, '');
    if (normal.includes('*')) continue;
    if (
      /(^|\/)src\//.test(normal) ||
      /\.tsx?$/.test(normal.replace(/\.d\.ts$/, ''))
    ) {
      problems.push(`${field} points at source: ${path}`);
    } else if (!inside.has(normal)) {
      problems.push(
        `${field} points at a file the tarball does not hold: ${path}`,
      );
    }
  }
  for (const field of dependencyFields) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) {
        problems.push(`${field}.${name} keeps a workspace range: ${range}`);
      }
      if (privateNames.has(name)) {
        problems.push(
          `${field}.${name} is a private package that is never published`,
        );
      }
      if (
        field !== 'devDependencies' &&
        name.startsWith('@backstage/') &&
        /^\d/.test(String(range))
      ) {
        problems.push(
          `${field}.${name} is an exact pin (${range}); publish a caret range`,
        );
      }
    }
  }
  for (const script of Object.keys(manifest.scripts ?? {})) {
    if (/bench/.test(script)) {
      problems.push(`scripts.${script}: benchmarks do not ship`);
    }
  }
  if (!manifest.backstage?.role) problems.push('backstage.role is missing');
  if (manifest.configSchema && !inside.has(manifest.configSchema)) {
    problems.push(
      `configSchema ${manifest.configSchema} is not in the tarball`,
    );
  }
  return problems;
}
