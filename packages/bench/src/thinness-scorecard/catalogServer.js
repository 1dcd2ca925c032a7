/*
 * The benchmark's catalog: a synthetic catalog served over HTTP the way the Backstage catalog backend serves it, in
 * a process of its own so that its memory does not count against the scorecard's.
 *
 * Serves, under /api/catalog:
 *   GET  /entities/by-query   filter (repeated sets; same key in a set = any of; case-insensitive; relations.<type>,
 *                             metadata.annotations.<name>), fields projection, limit, cursor (stateless, replayable)
 *   POST /entities/by-refs    {entityRefs, fields}
 *   GET  /entity-facets       facet (repeated), filter as above: distinct values and entity counts
 * and, standing in for the other plugins, GET /api/needs-discovery/needs, GET /api/habit-metrics/adoption and
 * GET /api/habit-metrics/capabilities/:kind/:namespace/:name. GET /__requests returns (and clears) the catalog
 * requests made so far, so the benchmark can replay them as its floor.
 *
 * Plain CommonJS with no dependencies: it runs under `node` directly (forked by scorecard.bench.ts), not under Jest.
 * Sizes come from argv as JSON: {entities, capabilities, teams, templates, seed}.
 */
/* eslint-disable no-restricted-syntax */
const http = require('node:http');

const options = JSON.parse(process.argv[2] || '{}');
const TOTAL = options.entities || 100000;
const CAPABILITIES = options.capabilities || 60;
const TEAMS = options.teams || 400;
const TEMPLATES = options.templates || 20;
const DEPARTMENTS = 40;

/** mulberry32: the same catalog on every machine. */
function random(seed) {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = random(options.seed || 42);
const pad = (n, width) => String(n).padStart(width, '0');
const ref = (kind, name) => `${kind.toLowerCase()}:default/${name}`;

// ---------------------------------------------------------------------------------------------------------------
// The synthetic catalog
// ---------------------------------------------------------------------------------------------------------------
const entities = [];
const add = (kind, name, metadata, spec) =>
  entities.push({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', ...metadata },
    spec,
  });

add('Group', 'platform-team', {}, { type: 'team', children: [] });
const teamNames = [];
for (let i = 0; i < TEAMS; i++) {
  const name = `team-${pad(i, 3)}`;
  teamNames.push(name);
  add(
    'Group',
    name,
    { title: `Team ${i}` },
    { type: 'team', parent: `department-${i % DEPARTMENTS}`, children: [] },
  );
}
for (let i = 0; i < DEPARTMENTS; i++) {
  add('Group', `department-${i}`, {}, { type: 'department', children: [] });
}
for (let i = 0; i < TEMPLATES; i++) {
  add(
    'Template',
    `tpl-${pad(i, 2)}`,
    {},
    { type: 'service', owner: 'group:default/platform-team' },
  );
}

const capabilityParts = []; // per capability: [service, library, api]
for (let i = 0; i < CAPABILITIES; i++) {
  const name = `cap-${pad(i, 2)}`;
  const annotations = { 'platform-product.io/capability': 'true' };
  if (i % 10 !== 9) {
    annotations['platform-product.io/value-class'] =
      i % 4 === 3 ? 'commodity' : 'differentiating';
  }
  if (i % 6 !== 5)
    annotations['platform-product.io/need'] = `need-${pad(i, 2)}`;
  if (i < TEMPLATES) {
    annotations['platform-product.io/templates'] = `template:default/tpl-${pad(
      i,
      2,
    )}`;
  }
  if (i % 6 === 0) {
    annotations['platform-product.io/mvp-review-date'] =
      i % 12 === 0 ? '2026-01-15' : '2027-06-30';
  }
  add(
    'System',
    name,
    { title: `Capability ${i}`, annotations },
    {
      owner: 'group:default/platform-team',
      type: 'platform-capability',
      lifecycle: i % 6 === 0 ? 'experimental' : 'production',
    },
  );
  add(
    'Component',
    `${name}-service`,
    {},
    {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/platform-team',
      system: name,
      providesApis: [`${name}-api`],
    },
  );
  add(
    'Component',
    `${name}-lib`,
    {},
    {
      type: 'library',
      lifecycle: 'production',
      owner: 'group:default/platform-team',
      system: name,
      dependsOn: [ref('Component', `${name}-service`)],
    },
  );
  add(
    'API',
    `${name}-api`,
    {},
    {
      type: 'openapi',
      lifecycle: 'production',
      owner: 'group:default/platform-team',
      system: name,
      definition: 'openapi: 3.0.3',
    },
  );
  capabilityParts.push([
    ref('Component', `${name}-service`),
    ref('Component', `${name}-lib`),
    ref('API', `${name}-api`),
  ]);
}

// Product components fill the catalog up to TOTAL. Capability popularity is skewed: each team uses only the first
// 10 to 60 capabilities, and the early ones more, so a few are used everywhere and the tail by a handful of teams
// (candidates for disposal).
const popularCapability = team => {
  const reach = Math.min(CAPABILITIES, 10 + (team % 51));
  return Math.min(CAPABILITIES - 1, Math.floor(reach * rng() ** 1.5));
};
const productStart = entities.length;
const productCount = TOTAL - productStart;
for (let i = 0; i < productCount; i++) {
  const name = `svc-${pad(i, 6)}`;
  const team = Math.floor(rng() * TEAMS);
  const dependsOn = new Set();
  const consumesApis = new Set();
  const uses = 1 + Math.floor(rng() * 3);
  for (let u = 0; u < uses; u++) {
    const [service, lib, api] = capabilityParts[popularCapability(team)];
    const pick = rng();
    if (pick < 0.4) dependsOn.add(lib);
    else if (pick < 0.7) dependsOn.add(service);
    else consumesApis.add(api);
  }
  if (i > 0 && rng() < 0.3) {
    dependsOn.add(ref('Component', `svc-${pad(Math.floor(rng() * i), 6)}`));
  }
  const annotations = {};
  // Made on a golden path: the template of a capability this team reaches.
  const templateOf = popularCapability(team);
  if (templateOf < TEMPLATES && rng() < 0.5) {
    annotations['backstage.io/source-template'] = `template:default/tpl-${pad(
      templateOf,
      2,
    )}`;
  }
  add(
    'Component',
    name,
    { annotations, description: `Product service ${i}` },
    {
      type: 'service',
      lifecycle: 'production',
      owner: `group:default/${teamNames[team]}`,
      dependsOn: [...dependsOn],
      consumesApis: [...consumesApis],
    },
  );
}

// Relations in both directions, as the catalog's processors derive them from spec.
const byRef = new Map();
for (const entity of entities) {
  entity.relations = [];
  entity.metadata.uid = `uid-${byRef.size}`;
  byRef.set(ref(entity.kind, entity.metadata.name), entity);
}
function relate(source, type, reverse, target) {
  source.relations.push({ type, targetRef: target });
  const other = byRef.get(target);
  if (other) {
    other.relations.push({
      type: reverse,
      targetRef: ref(source.kind, source.metadata.name),
    });
  }
}
const full = (value, kind) => (value.includes(':') ? value : ref(kind, value));
for (const entity of entities) {
  const spec = entity.spec || {};
  if (spec.owner)
    relate(entity, 'ownedBy', 'ownerOf', full(spec.owner, 'Group'));
  if (spec.system)
    relate(entity, 'partOf', 'hasPart', full(spec.system, 'System'));
  if (spec.parent)
    relate(entity, 'childOf', 'parentOf', full(spec.parent, 'Group'));
  for (const target of spec.dependsOn || []) {
    relate(entity, 'dependsOn', 'dependencyOf', full(target, 'Component'));
  }
  for (const target of spec.providesApis || []) {
    relate(entity, 'providesApi', 'apiProvidedBy', full(target, 'API'));
  }
  for (const target of spec.consumesApis || []) {
    relate(entity, 'consumesApi', 'apiConsumedBy', full(target, 'API'));
  }
}

// Search rows per entity, as the catalog's search table holds them (lower-cased keys and values).
function searchRows(entity) {
  const rows = new Map();
  const put = (key, value) => {
    const k = key.toLowerCase();
    if (!rows.has(k)) rows.set(k, new Set());
    rows.get(k).add(String(value).toLowerCase());
  };
  put('kind', entity.kind);
  put('metadata.name', entity.metadata.name);
  put('metadata.namespace', entity.metadata.namespace);
  for (const [key, value] of Object.entries(
    entity.metadata.annotations || {},
  )) {
    put(`metadata.annotations.${key}`, value);
  }
  for (const [key, value] of Object.entries(entity.spec || {})) {
    if (typeof value === 'string') put(`spec.${key}`, value);
  }
  for (const relation of entity.relations) {
    put(`relations.${relation.type}`, relation.targetRef);
  }
  return rows;
}
const search = entities.map(searchRows);

// ---------------------------------------------------------------------------------------------------------------
// The API
// ---------------------------------------------------------------------------------------------------------------

/** `filter` query values → sets of {key → allowed values (null = exists)}. */
function parseFilters(values) {
  return values.map(value => {
    const set = new Map();
    for (const part of value.split(',')) {
      const eq = part.indexOf('=');
      const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
      const wanted =
        eq < 0
          ? null
          : part
              .slice(eq + 1)
              .trim()
              .toLowerCase();
      if (!set.has(key)) set.set(key, wanted === null ? null : new Set());
      if (wanted !== null && set.get(key)) set.get(key).add(wanted);
    }
    return set;
  });
}

function matches(index, sets) {
  if (sets.length === 0) return true;
  const rows = search[index];
  return sets.some(set => {
    for (const [key, allowed] of set) {
      const values = rows.get(key);
      if (!values) return false;
      if (allowed && ![...allowed].some(v => values.has(v))) return false;
    }
    return true;
  });
}

/** Keeps only the given dot paths; a segment that is not a key is joined with the next (annotation names). */
function project(entity, fields) {
  if (!fields || fields.length === 0) return entity;
  const out = {};
  for (const field of fields) {
    const parts = field.split('.');
    let source = entity;
    let target = out;
    let i = 0;
    let key = parts[0];
    while (i < parts.length) {
      if (source === null || typeof source !== 'object') break;
      if (!(key in source)) {
        if (i + 1 < parts.length) {
          key = `${key}.${parts[++i]}`;
          continue;
        }
        break;
      }
      if (i === parts.length - 1) {
        target[key] = source[key];
        break;
      }
      target[key] = target[key] || {};
      target = target[key];
      source = source[key];
      key = parts[++i];
    }
  }
  return out;
}

const fieldsOf = params =>
  params
    .getAll('fields')
    .flatMap(value => value.split(','))
    .map(field => field.trim())
    .filter(Boolean);

const filterCache = new Map();
function filtered(filterValues) {
  const cacheKey = JSON.stringify(filterValues);
  if (!filterCache.has(cacheKey)) {
    const sets = parseFilters(filterValues);
    const hits = [];
    for (let i = 0; i < entities.length; i++)
      if (matches(i, sets)) hits.push(i);
    filterCache.set(cacheKey, hits);
  }
  return filterCache.get(cacheKey);
}

function byQuery(params) {
  const fields = fieldsOf(params);
  const limit = Number(params.get('limit') || 1000000);
  let filterValues;
  let offset;
  if (params.get('cursor')) {
    const cursor = JSON.parse(
      Buffer.from(params.get('cursor'), 'base64url').toString(),
    );
    filterValues = cursor.filter;
    offset = cursor.offset;
  } else {
    filterValues = params.getAll('filter');
    offset = Number(params.get('offset') || 0);
  }
  const hits = filtered(filterValues);
  const page = hits.slice(offset, offset + limit);
  const next = offset + limit;
  return {
    items: page.map(i => project(entities[i], fields)),
    totalItems: params.get('totalItems') === 'exclude' ? 0 : hits.length,
    pageInfo:
      next < hits.length
        ? {
            nextCursor: Buffer.from(
              JSON.stringify({ filter: filterValues, offset: next }),
            ).toString('base64url'),
          }
        : {},
  };
}

// The other plugins: needs for most capabilities (every other one shared); weekly adoption for all.
const needs = {
  items: Array.from({ length: CAPABILITIES }, (_, i) => ({
    id: `need-${pad(i, 2)}`,
    title: `Need ${i}`,
    status: 'open',
    capabilityRef: null,
    latestSurveyId: null,
    latestScore: 3,
    shared: i % 2 === 0,
    teams: i % 2 === 0 ? 5 : 1,
    updatedAt: '2026-11-01T00:00:00.000Z',
  })),
};
const weeksOf = i =>
  Array.from({ length: 12 }, (_, w) => {
    const activeTeams = Math.max(
      0,
      Math.round(((60 - i) / 2) * (0.7 + w * 0.03)),
    );
    return {
      week: `2026-W${pad(36 + w, 2)}`,
      activeTeams,
      cumulativeAdopters: activeTeams + w,
      share: activeTeams / TEAMS,
    };
  });
const habitOf = i => ({
  capabilityRef: ref('System', `cap-${pad(i, 2)}`),
  adoption: { weeks: weeksOf(i) },
  activeTeamsLast28Days: teamNames
    .filter((_, t) => (t * 7 + i) % CAPABILITIES < (CAPABILITIES - i) / 3)
    .map(name => `group:default/${name}`),
});

let requests = [];
const send = (res, status, body) => {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const chunks = [];
  req.on('data', chunk => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    try {
      if (url.pathname === '/__requests') {
        send(res, 200, requests);
        requests = [];
        return;
      }
      if (url.pathname.startsWith('/api/catalog/')) {
        requests.push({
          method: req.method,
          path: `${url.pathname}${url.search}`,
          body: body || undefined,
        });
      }
      if (url.pathname === '/api/catalog/entities/by-query') {
        send(res, 200, byQuery(url.searchParams));
      } else if (
        url.pathname === '/api/catalog/entities/by-refs' &&
        req.method === 'POST'
      ) {
        const request = JSON.parse(body || '{}');
        const fields = request.fields || fieldsOf(url.searchParams);
        send(res, 200, {
          items: (request.entityRefs || []).map(r => {
            const entity = byRef.get(String(r).toLowerCase());
            return entity ? project(entity, fields) : null;
          }),
        });
      } else if (url.pathname === '/api/catalog/entity-facets') {
        const hits = filtered(url.searchParams.getAll('filter'));
        const facets = {};
        for (const facet of url.searchParams.getAll('facet')) {
          const counts = new Map();
          for (const i of hits) {
            for (const value of search[i].get(facet.toLowerCase()) || []) {
              counts.set(value, (counts.get(value) || 0) + 1);
            }
          }
          facets[facet] = [...counts].map(([value, count]) => ({
            value,
            count,
          }));
        }
        send(res, 200, { facets });
      } else if (url.pathname === '/api/needs-discovery/needs') {
        send(res, 200, needs);
      } else if (url.pathname === '/api/habit-metrics/adoption') {
        send(res, 200, {
          capabilities: Array.from({ length: CAPABILITIES }, (_, i) => ({
            capabilityRef: ref('System', `cap-${pad(i, 2)}`),
            weeks: weeksOf(i),
          })),
        });
      } else if (url.pathname.startsWith('/api/habit-metrics/capabilities/')) {
        const name = url.pathname.split('/').pop();
        const i = Number(name.replace('cap-', ''));
        if (name.startsWith('cap-') && i >= 0 && i < CAPABILITIES) {
          send(res, 200, habitOf(i));
        } else
          send(res, 404, { error: { name: 'NotFoundError', message: name } });
      } else {
        send(res, 404, {
          error: { name: 'NotFoundError', message: url.pathname },
        });
      }
    } catch (error) {
      send(res, 500, { error: { name: 'Error', message: String(error) } });
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  const counts = {};
  for (const entity of entities)
    counts[entity.kind] = (counts[entity.kind] || 0) + 1;
  const relations = entities.reduce((sum, e) => sum + e.relations.length, 0);
  process.send({
    port: server.address().port,
    entities: entities.length,
    counts,
    relations,
  });
});
