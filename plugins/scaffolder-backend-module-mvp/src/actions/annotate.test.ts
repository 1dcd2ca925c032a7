import {
  mkdir,
  mkdtemp,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { actionContext } from '../__testUtils__/mocks';
import { createMvpAnnotateAction } from './annotate';

// Fixtures are .yaml.txt so that the repository's prettier run leaves their formatting, which is what they test, alone.
const fixture = (name: string) =>
  readFile(join(__dirname, '__fixtures__', `${name}.yaml.txt`), 'utf8');

const input = {
  need: 'need-test-environments',
  valueClass: 'differentiating',
  reviewDate: '2026-09-30',
  successMetric:
    'Pull requests with a preview environment: 80% by the review date',
};

describe('mvp:annotate', () => {
  let root: string;
  let workspacePath: string;
  const action = createMvpAnnotateAction();

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'mvp-annotate-'));
    workspacePath = join(root, 'workspace');
    await mkdir(workspacePath);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function annotate(
    source: string,
    extra: Record<string, unknown> = {},
    options: { isDryRun?: boolean; path?: string } = {},
  ) {
    const path = options.path ?? 'catalog-info.yaml';
    await mkdir(join(workspacePath, path, '..'), { recursive: true });
    await writeFile(join(workspacePath, path), source);
    const ctx = actionContext({
      input: { ...input, ...extra },
      workspacePath,
      isDryRun: options.isDryRun,
    });
    await action.handler(ctx);
    return { ctx, text: await readFile(join(workspacePath, path), 'utf8') };
  }

  it.each<[string, Record<string, unknown>, string]>([
    ['commented', {}, 'system:default/preview-environments'],
    [
      'multi-doc',
      { entityRef: 'system:default/preview-environments' },
      'system:default/preview-environments',
    ],
    ['flow-style', {}, 'component:default/parcel-events'],
    ['unknown-fields', {}, 'component:default/report-builder'],
  ])(
    'edits %s in place, keeping comments, order and unknown fields',
    async (name, extra, entityRef) => {
      const { ctx, text } = await annotate(await fixture(name), extra);
      expect(text).toBe(await fixture(`${name}.expected`));
      expect(ctx.output).toHaveBeenCalledWith('entityRef', entityRef);
      expect(ctx.output).toHaveBeenCalledWith('path', 'catalog-info.yaml');
      expect(ctx.output).toHaveBeenCalledWith('changed', true);
    },
  );

  it('keeps every other document of a multi-document file byte for byte', async () => {
    const source = await fixture('multi-doc');
    const { text } = await annotate(source, {
      entityRef: 'system:default/preview-environments',
    });
    const [before, after] = [source, text].map(t => t.split('\n---\n'));
    expect(after).toHaveLength(4);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[3]).toBe(before[3]);
    const docs = parseAllDocuments(text) as any[];
    expect(docs[0].toJS().metadata.annotations).toBeUndefined();
    expect(docs[1].toJS()).toMatchObject({
      kind: 'System',
      metadata: {
        annotations: {
          'platform-product.io/capability': 'true',
          'platform-product.io/need': 'need-test-environments',
          'platform-product.io/value-class': 'differentiating',
          'platform-product.io/mvp-review-date': '2026-09-30',
          'platform-product.io/success-metric':
            'Pull requests with a preview environment: 80% by the review date',
        },
      },
      spec: { lifecycle: 'experimental' },
    });
  });

  it('keeps the values of unknown fields, anchors and dates as they were', async () => {
    const source = await fixture('unknown-fields');
    const { text } = await annotate(source);
    const [before] = parseAllDocuments(source) as any[];
    const [after] = parseAllDocuments(text) as any[];
    const expected = before.toJS();
    expected.metadata.annotations = expect.any(Object);
    expected.spec.lifecycle = 'experimental';
    expect(after.toJS()).toEqual(expected);
    expect(after.toJS().spec['x-review-copy']).toEqual({
      by: 'group:default/architecture',
      on: '2026-01-12',
    });
  });

  it('selects the entity by kind and name, and defaults to the first Component or System', async () => {
    const source = await fixture('multi-doc');
    const byKind = await annotate(source, {
      kind: 'resource',
      name: 'preview-cluster',
    });
    expect(byKind.ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'resource:default/preview-cluster',
    );
    const byDefault = await annotate(source);
    expect(byDefault.ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/preview-controller',
    );
  });

  it('writes the golden-path templates as a comma-separated list of refs', async () => {
    const { text } = await annotate(await fixture('unknown-fields'), {
      templates: ['preview-environment', 'template:default/preview-seed'],
    });
    expect(text).toContain(
      'platform-product.io/templates: template:default/preview-environment,template:default/preview-seed\n',
    );
  });

  it('leaves the file alone when everything is already there', async () => {
    const expected = await fixture('commented.expected');
    const { ctx, text } = await annotate(expected);
    expect(text).toBe(expected);
    expect(ctx.output).toHaveBeenCalledWith('changed', false);
    const before = (await stat(join(workspacePath, 'catalog-info.yaml')))
      .mtimeMs;
    await new Promise(resolve => setTimeout(resolve, 20));
    await action.handler(actionContext({ input, workspacePath }));
    expect((await stat(join(workspacePath, 'catalog-info.yaml'))).mtimeMs).toBe(
      before,
    );
  });

  it('edits another file given by path', async () => {
    const { ctx, text } = await annotate(
      await fixture('flow-style'),
      { path: 'catalog/entities.yaml' },
      { path: 'catalog/entities.yaml' },
    );
    expect(text).toBe(await fixture('flow-style.expected'));
    expect(ctx.output).toHaveBeenCalledWith('path', 'catalog/entities.yaml');
  });

  it('still edits the workspace in a dry run, which is how template previews show the result', async () => {
    const { text } = await annotate(
      await fixture('commented'),
      {},
      { isDryRun: true },
    );
    expect(text).toBe(await fixture('commented.expected'));
  });

  describe('refuses', () => {
    beforeEach(async () => {
      await writeFile(join(root, 'outside.yaml'), 'kind: System\n');
      await writeFile(
        join(workspacePath, 'catalog-info.yaml'),
        await fixture('commented'),
      );
      await mkdir(join(workspacePath, 'docs'));
    });

    async function refused(extra: Record<string, unknown>) {
      const ctx = actionContext({
        input: { ...input, ...extra },
        workspacePath,
      });
      const error = await action.handler(ctx).then(
        () => undefined,
        e => e,
      );
      expect(await readFile(join(root, 'outside.yaml'), 'utf8')).toBe(
        'kind: System\n',
      );
      return error;
    }

    it.each<[string, Record<string, unknown>, string, string]>([
      [
        'a path outside the workspace',
        { path: '../outside.yaml' },
        'NotAllowedError',
        'The path "../outside.yaml" points outside the workspace; give a file inside it',
      ],
      [
        'a path that climbs out through a folder',
        { path: 'docs/../../outside.yaml' },
        'NotAllowedError',
        'The path "docs/../../outside.yaml" points outside the workspace; give a file inside it',
      ],
      [
        'an absolute path',
        { path: '/etc/passwd' },
        'NotAllowedError',
        'The path "/etc/passwd" is absolute; give a path relative to the workspace',
      ],
      [
        'a folder',
        { path: 'docs' },
        'InputError',
        'The path "docs" is not a file',
      ],
      [
        'a missing file',
        { path: 'nope.yaml' },
        'InputError',
        'nope.yaml is not in the workspace; fetch a skeleton with a catalog file (fetch:template) or write one (catalog:write) before mvp:annotate',
      ],
      [
        'the workspace itself',
        { path: '.' },
        'InputError',
        'The path "." is the workspace itself; give a file inside it',
      ],
      [
        'an entity that is not in the file',
        { entityRef: 'component:default/nope' },
        'InputError',
        'No entity in catalog-info.yaml matches component:default/nope: it has system:default/preview-environments',
      ],
      [
        'a kind that is not in the file',
        { kind: 'API' },
        'InputError',
        'No entity in catalog-info.yaml matches kind API: it has system:default/preview-environments',
      ],
      [
        'a malformed entity ref',
        { entityRef: 'system:default/' },
        'InputError',
        'entityRef "system:default/" is not an entity ref; write it as kind:namespace/name, e.g. system:default/parcel-tracking',
      ],
      [
        'a review date that is not a date',
        { reviewDate: '2026-02-30' },
        'InputError',
        'reviewDate must be a date written YYYY-MM-DD, e.g. 2026-09-30; got "2026-02-30"',
      ],
      [
        'an empty success metric',
        { successMetric: ' ' },
        'InputError',
        'successMetric is empty; name the one metric the MVP must move',
      ],
      [
        'an empty need',
        { need: '' },
        'InputError',
        'need is empty; give the need id',
      ],
    ])('%s', async (_case, extra, name, message) => {
      expect(await refused(extra)).toMatchObject({ name, message });
      expect(
        await readFile(join(workspacePath, 'catalog-info.yaml'), 'utf8'),
      ).toBe(await fixture('commented'));
    });

    it('a symlink at the target, even to a file inside the workspace', async () => {
      await symlink(
        join(root, 'outside.yaml'),
        join(workspacePath, 'linked.yaml'),
      );
      await symlink(
        join(workspacePath, 'catalog-info.yaml'),
        join(workspacePath, 'inner-link.yaml'),
      );
      expect(await refused({ path: 'linked.yaml' })).toMatchObject({
        name: 'NotAllowedError',
        message:
          'The path "linked.yaml" goes through a symbolic link (linked.yaml); the MVP actions only touch real files inside the workspace',
      });
      expect(await refused({ path: 'inner-link.yaml' })).toMatchObject({
        name: 'NotAllowedError',
      });
    });

    it('a symlinked folder on the way', async () => {
      await mkdir(join(root, 'elsewhere'));
      await writeFile(
        join(root, 'elsewhere', 'catalog-info.yaml'),
        'kind: System\n',
      );
      await symlink(join(root, 'elsewhere'), join(workspacePath, 'sub'));
      expect(await refused({ path: 'sub/catalog-info.yaml' })).toMatchObject({
        name: 'NotAllowedError',
        message:
          'The path "sub/catalog-info.yaml" goes through a symbolic link (sub); the MVP actions only touch real files inside the workspace',
      });
      expect(
        await readFile(join(root, 'elsewhere', 'catalog-info.yaml'), 'utf8'),
      ).toBe('kind: System\n');
    });

    it('a file that is not valid YAML', async () => {
      await writeFile(join(workspacePath, 'bad.yaml'), 'kind: [System\n');
      expect(await refused({ path: 'bad.yaml' })).toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/^bad\.yaml is not valid YAML: /),
      });
    });

    it('a file without entities', async () => {
      await writeFile(
        join(workspacePath, 'group.yaml'),
        'kind: Group\nmetadata:\n  name: platform-team\n',
      );
      expect(await refused({ path: 'group.yaml' })).toMatchObject({
        name: 'InputError',
        message:
          'No entity in group.yaml matches a Component or System: it has group:default/platform-team',
      });
      await writeFile(join(workspacePath, 'empty.yaml'), '# nothing yet\n');
      expect(await refused({ path: 'empty.yaml' })).toMatchObject({
        name: 'InputError',
        message: 'empty.yaml is empty; it has no entity to annotate',
      });
    });
  });
});
