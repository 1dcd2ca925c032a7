import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  Document,
  isMap,
  isScalar,
  parseAllDocuments,
  Parser,
  Scalar,
  ToStringOptions,
} from 'yaml';

/** Which entity of a (multi-document) catalog file to edit. */
export interface EntitySelector {
  /** e.g. `system:default/parcel-tracking`; kind, namespace and name must match. */
  entityRef?: string;
  kind?: string;
  name?: string;
  /** Without entityRef: only entities of these kinds are matched by kind and name. */
  kinds?: readonly string[];
}

/** The most entity refs a "no entity matches" message lists. */
const MAX_LISTED_REFS = 5;

export interface CatalogEdit {
  /** Annotations to set under metadata.annotations (existing ones with the same value are left alone). */
  annotations: Record<string, string>;
  /** Other scalar fields to set, as paths, e.g. `[['spec', 'lifecycle'], 'experimental']`. */
  fields: Array<[string[], string]>;
  /** Values that must stay strings for every YAML reader (dates, "true"): written single-quoted. */
  quoted?: (value: string) => boolean;
}

export interface CatalogEditResult {
  text: string;
  changed: boolean;
  /** The edited entity, as a full entity ref. */
  entityRef: string;
}

interface Candidate {
  index: number;
  kind: string;
  namespace: string;
  name: string;
}

/** The parser's message, which quotes the offending line, cut to `max` characters. */
const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max)}…` : text;

const refOf = (c: Candidate) =>
  `${c.kind}:${c.namespace}/${c.name}`.toLocaleLowerCase('en-US');

function candidates(docs: Document[]): Candidate[] {
  const result: Candidate[] = [];
  docs.forEach((doc, index) => {
    if (!isMap(doc.contents)) return;
    const kind = doc.get('kind');
    const name = doc.getIn(['metadata', 'name']);
    const namespace = doc.getIn(['metadata', 'namespace']) ?? 'default';
    if (
      typeof kind === 'string' &&
      typeof name === 'string' &&
      typeof namespace === 'string'
    ) {
      result.push({ index, kind, name, namespace });
    }
  });
  return result;
}

function select(
  fileName: string,
  all: Candidate[],
  selector: EntitySelector,
): Candidate {
  const same = (a: string, b: string) =>
    a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
  let wanted: string;
  let match: Candidate | undefined;
  if (selector.entityRef) {
    let ref;
    try {
      ref = parseEntityRef(selector.entityRef);
    } catch {
      throw new InputError(
        `entityRef "${selector.entityRef}" is not an entity ref; write it as kind:namespace/name, e.g. system:default/parcel-tracking`,
      );
    }
    wanted = selector.entityRef;
    match = all.find(
      c =>
        same(c.kind, ref.kind) &&
        same(c.namespace, ref.namespace) &&
        same(c.name, ref.name),
    );
  } else if (selector.kind || selector.name) {
    wanted = [
      selector.kind && `kind ${selector.kind}`,
      selector.name && `name ${selector.name}`,
    ]
      .filter(Boolean)
      .join(' and ');
    const kinds = selector.kinds;
    match = all.find(
      c =>
        (!kinds || kinds.some(k => same(c.kind, k))) &&
        (!selector.kind || same(c.kind, selector.kind)) &&
        (!selector.name || same(c.name, selector.name)),
    );
  } else {
    wanted = 'a Component or System';
    match = all.find(c => same(c.kind, 'Component') || same(c.kind, 'System'));
  }
  if (!match) {
    const refs = all.slice(0, MAX_LISTED_REFS).map(refOf).join(', ');
    const more =
      all.length > MAX_LISTED_REFS
        ? ` and ${all.length - MAX_LISTED_REFS} more`
        : '';
    const found = all.length ? `it has ${refs}${more}` : 'it has no entities';
    throw new InputError(
      `No entity in ${fileName} matches ${wanted}: ${found}`,
    );
  }
  return match;
}

/** Offsets where each document's own text starts, from the CST; undefined when the stream is unusual. */
function documentOffsets(source: string, count: number): number[] | undefined {
  const offsets: number[] = [];
  for (const token of new Parser().parse(source)) {
    if (token.type === 'directive' || token.type === 'doc-end')
      return undefined;
    if (token.type === 'document') offsets.push(token.offset);
  }
  if (offsets.length !== count) return undefined;
  // Comments above the first document belong to it.
  offsets[0] = 0;
  return offsets;
}

/** The file's own layout, so the rewritten document looks like its neighbours. */
function layoutOf(text: string): ToStringOptions {
  const lines = text
    .split('\n')
    .filter(line => line.trim() && !line.trimStart().startsWith('#'));
  const indents = lines
    .map(line => line.length - line.trimStart().length)
    .filter(n => n > 0);
  const indent = Math.min(...indents, 8);
  return {
    indent: indents.length ? indent : 2,
    // `key:\n- item` rather than `key:\n  - item`
    indentSeq: !/^( *)[^\s#-][^\n]*:[ \t]*\n\1- /m.test(text),
    flowCollectionPadding: /[[{] [^\s\]}]/.test(text),
    // As wide as the widest line, so no string that was on one line gets folded; folded block scalars (>) are
    // re-wrapped at that width.
    lineWidth: Math.max(80, ...text.split('\n').map(l => l.length)),
  };
}

function setScalar(
  doc: Document,
  path: string[],
  value: string,
  quoted: boolean,
): boolean {
  if (doc.getIn(path) === value) return false;
  const existing = doc.getIn(path, true);
  if (isScalar(existing)) {
    // Change the value in place: the node keeps its comments and, where it still fits, its style.
    existing.value = value;
    if (quoted) existing.type = Scalar.QUOTE_SINGLE;
    return true;
  }
  const node = doc.createNode(value) as Scalar;
  if (quoted) node.type = Scalar.QUOTE_SINGLE;
  doc.setIn(path, node);
  return true;
}

/**
 * Edits one entity of a catalog file in place with the yaml Document API: comments, key order, styles and every
 * field it does not set are kept. Other documents of the file are copied byte for byte; only the edited document is
 * re-serialised. Returns the file unchanged (`changed: false`) when every value is already there.
 */
export function editCatalogFile(
  source: string,
  fileName: string,
  selector: EntitySelector,
  edit: CatalogEdit,
): CatalogEditResult {
  const docs = parseAllDocuments(source);
  if (!Array.isArray(docs) || docs.length === 0) {
    throw new InputError(`${fileName} is empty; it has no entity to annotate`);
  }
  const broken = docs.find(doc => doc.errors.length > 0);
  if (broken) {
    throw new InputError(
      `${fileName} is not valid YAML: ${clip(broken.errors[0].message, 300)}`,
    );
  }
  const target = select(fileName, candidates(docs), selector);
  const doc = docs[target.index];
  if (!isMap(doc.get('metadata'))) {
    throw new InputError(
      `The ${refOf(
        target,
      )} entity in ${fileName} has no metadata map to annotate`,
    );
  }
  const quoted = edit.quoted ?? (() => false);
  for (const path of [['metadata', 'annotations'], ['spec']]) {
    const node = doc.getIn(path, true);
    if (node === undefined || isMap(node)) continue;
    if (isScalar(node) && (node.value === null || node.value === '')) {
      // `annotations:` with nothing under it
      doc.setIn(path, doc.createNode({}));
    } else if (
      path.length === 2 ||
      edit.fields.some(([fieldPath]) => fieldPath[0] === path[0])
    ) {
      throw new InputError(
        `${path.join('.')} of the ${refOf(
          target,
        )} entity in ${fileName} is not a map; fix the file by hand`,
      );
    }
  }

  let changed = false;
  for (const [key, value] of Object.entries(edit.annotations)) {
    changed =
      setScalar(doc, ['metadata', 'annotations', key], value, quoted(value)) ||
      changed;
  }
  for (const [path, value] of edit.fields) {
    changed = setScalar(doc, path, value, quoted(value)) || changed;
  }
  if (!changed) return { text: source, changed, entityRef: refOf(target) };

  const offsets = documentOffsets(source, docs.length);
  let text: string;
  if (offsets) {
    const start = offsets[target.index];
    const end = offsets[target.index + 1] ?? source.length;
    text =
      source.slice(0, start) +
      doc.toString(layoutOf(source.slice(start, end))) +
      source.slice(end);
  } else {
    const layout = layoutOf(source);
    text = docs.map(d => d.toString(layout)).join('');
  }
  return { text, changed, entityRef: refOf(target) };
}
