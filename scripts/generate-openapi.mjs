#!/usr/bin/env node
// Turns each backend plugin's src/schema/openapi.yaml into src/schema/openapi.generated.ts, the object the router
// validates requests against. With --check it fails when a generated file is out of date (run by ./kit test).
import { readFile, writeFile } from 'node:fs/promises';
import { glob } from 'node:fs/promises';
import { resolve } from 'node:path';
import YAML from 'yaml';

const root = resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
let stale = 0;
for await (const file of glob('plugins/*-backend/src/schema/openapi.yaml', {
  cwd: root,
})) {
  const spec = YAML.parse(await readFile(resolve(root, file), 'utf8'));
  const target = resolve(
    root,
    file.replace(/openapi\.yaml$/, 'openapi.generated.ts'),
  );
  const content = [
    '// Generated from openapi.yaml by scripts/generate-openapi.mjs: edit the YAML, then run `yarn openapi:generate`.',
    '/* eslint-disable */',
    `export const spec = ${JSON.stringify(spec, null, 2)} as const;`,
    '',
  ].join('\n');
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current === content) continue;
  if (check) {
    console.error(`${target} is out of date: run yarn openapi:generate`);
    stale += 1;
  } else {
    await writeFile(target, content);
    console.log(`wrote ${target}`);
  }
}
process.exit(stale > 0 ? 1 : 0);
