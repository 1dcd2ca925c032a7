#!/usr/bin/env node
// Turns each backend plugin's src/schema/openapi.yaml into src/schema/openapi.generated.ts: the spec object the router
// validates requests against, a TypeScript type for each component schema, and the `EndpointMap` that types the
// router's handlers (`createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>` from
// @backstage/backend-openapi-utils: keys like '#get|/surveys/{id}', '#_delete|/surveys/{id}/responses/me', each with
// the operation's path and query parameters, its JSON request body and its 2xx response). With --check it fails
// when a generated file is out of date (run by ./kit test).
import { readFile, writeFile } from 'node:fs/promises';
import { glob } from 'node:fs/promises';
import { resolve } from 'node:path';
import YAML from 'yaml';

const root = resolve(import.meta.dirname, '..');

// ---------------------------------------------------------------------------------------------------------------
// OpenAPI 3.1 → TypeScript. Covers what our specs use: $ref, type (also as a list, e.g. [string, 'null']), enum,
// const, properties/required, additionalProperties, items, allOf, oneOf/anyOf. Anything else becomes `unknown`.
// ---------------------------------------------------------------------------------------------------------------

/** Names a schema may not take as a type without hiding a global one (the Backstage generator prefixes "Model"). */
const GLOBAL_NAMES = new Set([
  'Array',
  'Boolean',
  'Date',
  'Error',
  'Function',
  'Map',
  'Number',
  'Object',
  'Promise',
  'Record',
  'Request',
  'Response',
  'Set',
  'String',
  'Symbol',
]);
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];

function typeName(name) {
  const id = name
    .replace(/[^A-Za-z0-9_$]+(.)?/g, (_, c = '') => c.toUpperCase())
    .replace(/^[^A-Za-z_$]/, c => `_${c}`);
  return GLOBAL_NAMES.has(id) ? `Model${id}` : id;
}

function operationName(operationId) {
  return typeName(operationId.charAt(0).toUpperCase() + operationId.slice(1));
}

function propertyKey(key) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

function comment(description, indent) {
  if (!description) return [];
  const text = String(description).replace(/\s+/g, ' ').trim();
  return [`${indent}/** ${text.replace(/\*\//g, '*\\/')} */`];
}

/** Follows a local $ref (#/components/<section>/<name>), also through a chain of them. */
function deref(spec, value, file) {
  let current = value;
  for (let hops = 0; current && current.$ref; hops += 1) {
    const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(current.$ref);
    const target = match && spec.components?.[match[1]]?.[match[2]];
    if (!target || hops > 10) {
      throw new Error(`${file}: cannot resolve ${current.$ref}`);
    }
    current = target;
  }
  return current;
}

/** Wraps a type in parentheses when it is a union or an intersection at its top level. */
function parenthesised(type) {
  let depth = 0;
  for (const char of type) {
    if ('{(<['.includes(char)) depth += 1;
    else if ('})>]'.includes(char)) depth -= 1;
    else if (depth === 0 && (char === '|' || char === '&')) return `(${type})`;
  }
  return type;
}

function literal(value) {
  return value === null ? 'null' : JSON.stringify(value);
}

function tsType(spec, schema, indent, file) {
  if (schema === undefined || schema === true) return 'unknown';
  if (schema === false) return 'never';
  if (schema.$ref) {
    const match = /^#\/components\/schemas\/([^/]+)$/.exec(schema.$ref);
    if (!match || !spec.components?.schemas?.[match[1]]) {
      throw new Error(`${file}: cannot resolve ${schema.$ref}`);
    }
    return typeName(match[1]);
  }
  if (schema.const !== undefined) return literal(schema.const);
  if (Array.isArray(schema.enum)) {
    return [...new Set(schema.enum.map(literal))].join(' | ') || 'never';
  }
  const parts = [];
  if (schema.allOf) {
    parts.push(
      schema.allOf
        .map(part => parenthesised(tsType(spec, part, indent, file)))
        .join(' & '),
    );
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    parts.push(
      alternatives.map(part => tsType(spec, part, indent, file)).join(' | '),
    );
  }
  let types = [];
  if (Array.isArray(schema.type)) types = schema.type;
  else if (schema.type) types = [schema.type];
  else if (schema.properties || schema.additionalProperties !== undefined) {
    types = ['object'];
  } else if (schema.items) types = ['array'];
  if (types.length > 0) {
    parts.push(
      types
        .map(type => singleType(spec, type, schema, indent, file))
        .join(' | '),
    );
  }
  if (parts.length === 0) return 'unknown';
  return parts.length === 1 ? parts[0] : parts.map(parenthesised).join(' & ');
}

function singleType(spec, type, schema, indent, file) {
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `Array<${tsType(spec, schema.items, indent, file)}>`;
    case 'object':
      return objectType(spec, schema, indent, file);
    default:
      throw new Error(`${file}: unknown schema type ${type}`);
  }
}

function objectType(spec, schema, indent, file) {
  const properties = Object.entries(schema.properties ?? {});
  const extra = schema.additionalProperties;
  if (properties.length === 0) {
    if (extra === false) return 'Record<string, never>';
    if (extra && extra !== true) {
      return `{ [key: string]: ${tsType(spec, extra, indent, file)} }`;
    }
    // A free-form object: `object` rather than an index signature, so that interfaces are assignable to it.
    return 'object';
  }
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const lines = ['{'];
  for (const [key, property] of properties) {
    lines.push(...comment(property?.description, inner));
    lines.push(
      `${inner}${propertyKey(key)}${required.has(key) ? '' : '?'}: ${tsType(
        spec,
        property,
        inner,
        file,
      )};`,
    );
  }
  if (extra !== undefined && extra !== false) {
    lines.push(`${inner}[key: string]: unknown;`);
  }
  lines.push(`${indent}}`);
  return lines.join('\n');
}

/** The parameters of an operation, its path item's first, overridden by the operation's own (by in and name). */
function parametersOf(spec, pathItem, operation, file) {
  const byKey = new Map();
  for (const parameter of [
    ...(pathItem.parameters ?? []),
    ...(operation.parameters ?? []),
  ]) {
    const resolved = deref(spec, parameter, file);
    byKey.set(`${resolved.in}:${resolved.name}`, resolved);
  }
  return [...byKey.values()];
}

function parametersType(spec, parameters, indent, file) {
  const lines = ['{'];
  for (const parameter of parameters) {
    lines.push(...comment(parameter.description, `${indent}  `));
    const optional = parameter.in === 'path' || parameter.required ? '' : '?';
    lines.push(
      `${indent}  ${propertyKey(parameter.name)}${optional}: ${tsType(
        spec,
        parameter.schema,
        `${indent}  `,
        file,
      )};`,
    );
  }
  lines.push(`${indent}}`);
  return lines.join('\n');
}

/** The schema of a request body or response: its JSON content, else its only content; undefined without content. */
function contentSchema(content) {
  if (!content) return undefined;
  if (content['application/json']) {
    return { schema: content['application/json'].schema ?? true };
  }
  const [first] = Object.values(content);
  return first ? { schema: first.schema ?? true } : undefined;
}

function typesOf(spec, file) {
  const lines = [];
  const schemaNames = new Set();
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    const type = typeName(name);
    if (schemaNames.has(type)) {
      throw new Error(`${file}: two schemas are both named ${type}`);
    }
    schemaNames.add(type);
    lines.push(...comment(schema?.description, ''));
    lines.push(`export type ${type} = ${tsType(spec, schema, '', file)};`, '');
  }
  const endpoints = [];
  for (const [path, pathItem] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      if (!operation.operationId) {
        throw new Error(`${file}: ${method} ${path} has no operationId`);
      }
      const name = operationName(operation.operationId);
      if (schemaNames.has(name) || endpoints.some(e => e.name === name)) {
        throw new Error(
          `${file}: operation type ${name} clashes with another type`,
        );
      }
      const members = [];
      const parameters = parametersOf(spec, pathItem, operation, file);
      for (const location of ['path', 'query']) {
        const ofLocation = parameters.filter(p => p.in === location);
        if (ofLocation.length > 0) {
          members.push(
            `  ${location}: ${parametersType(spec, ofLocation, '  ', file)};`,
          );
        }
      }
      if (operation.requestBody) {
        const body = contentSchema(
          deref(spec, operation.requestBody, file).content,
        );
        if (body) {
          members.push(`  body: ${tsType(spec, body.schema, '  ', file)};`);
        }
      }
      const responses = [];
      for (const [status, response] of Object.entries(
        operation.responses ?? {},
      )) {
        if (!/^2(\d\d|XX)$/i.test(status)) continue;
        const content = contentSchema(deref(spec, response, file).content);
        const type = content
          ? tsType(spec, content.schema, '  ', file)
          : 'void';
        if (!responses.includes(type)) responses.push(type);
      }
      members.push(`  response: ${responses.join(' | ') || 'void'};`);
      lines.push(
        ...comment(operation.description ?? operation.summary, ''),
        `export type ${name} = {`,
        ...members,
        '};',
        '',
      );
      const key = `#${method === 'delete' ? '_delete' : method}|${path}`;
      endpoints.push({ key, name });
    }
  }
  lines.push(
    '/** Every operation of the spec, keyed as `createValidatedOpenApiRouterFromGeneratedEndpointMap` expects. */',
    'export type EndpointMap = {',
    ...endpoints.map(({ key, name }) => `  '${key}': ${name};`),
    '};',
    '',
  );
  return lines;
}

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
    ...typesOf(spec, file),
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
