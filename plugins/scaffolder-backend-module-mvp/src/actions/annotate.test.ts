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
import { actionContext, logged } from '../__testUtils__/mocks';
import { createMvpAnnotateAction, templatesAnnotation } from './annotate';

// Fixtures are .yaml.txt so that the repository's prettier run leaves their formatting, which is what they test, alone.
const fixture = (name: string) =>
  readFile(join(__dirname, '__fixtures__', `${name}.yaml.txt`), 'utf8');

/** The fixed clock: the review date 2026-09-30 is 41 days away, within the 8-week default time-box. */
const NOW = new Date('2026-08-20T09:00:00Z');

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
  const action = createMvpAnnotateAction({ now: () => NOW });

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
      kind: 'system',
      name: 'preview-environments',
    });
    expect(byKind.ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'system:default/preview-environments',
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
        { kind: 'Component' },
        'InputError',
        'No entity in catalog-info.yaml matches kind Component: it has system:default/preview-environments',
      ],
      [
        'a malformed entity ref',
        { entityRef: 'system:default/' },
        'InputError',
        'entityRef must be an entity ref like system:default/example; got "system:default/"',
      ],
      [
        'a review date that is not a date',
        { reviewDate: '2026-02-30' },
        'InputError',
        'reviewDate must be a date written YYYY-MM-DD, e.g. 2026-08-27; got "2026-02-30"',
      ],
      [
        'an empty success metric',
        { successMetric: ' ' },
        'InputError',
        'successMetric must not be blank',
      ],
      ['an empty need', { need: '' }, 'InputError', 'need must not be empty'],
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

describe('mvp:annotate with hostile input', () => {
  let root: string;
  let workspacePath: string;
  const action = createMvpAnnotateAction({ now: () => NOW });

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'mvp-annotate-hostile-'));
    workspacePath = join(root, 'workspace');
    await mkdir(workspacePath);
    await writeFile(
      join(workspacePath, 'catalog-info.yaml'),
      await fixture('multi-doc'),
    );
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function run(
    extra: Record<string, unknown>,
    secrets?: Record<string, string>,
  ) {
    const ctx = actionContext({
      input: {
        ...input,
        entityRef: 'system:default/preview-environments',
        ...extra,
      },
      workspacePath,
      secrets,
    });
    const error = await action.handler(ctx).then(
      () => undefined,
      (e: Error) => e,
    );
    return { ctx, error };
  }

  it('states its shape rules in the schema the scaffolder checks first', () => {
    const schema = action.schema!.input as any;
    expect(schema.properties.need).toMatchObject({
      maxLength: 100,
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
    });
    const kind = new RegExp(schema.properties.kind.pattern, 'u');
    for (const accepted of ['System', 'system', 'COMPONENT', 'Component']) {
      expect(kind.test(accepted)).toBe(true);
    }
    for (const refused of ['Resource', 'Group', 'systems', ' System']) {
      expect(kind.test(refused)).toBe(false);
    }
    expect(schema.properties.reviewDate).toMatchObject({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    });
    expect(schema.properties.templates).toMatchObject({
      maxItems: 20,
      items: { type: 'string', maxLength: 255 },
    });
    expect(schema.properties.path).toMatchObject({
      minLength: 1,
      maxLength: 1024,
    });
    expect(schema.properties.successMetric).toMatchObject({
      minLength: 1,
      maxLength: 500,
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a user as a template',
      { templates: ['user:default/bob'] },
      'templates item 1 must refer to a template, like template:default/example; got a user ("user:default/bob")',
    ],
    [
      'a comma that smuggles a second template into the annotation',
      { templates: ['template:default/a,template:default/b'] },
      'templates item 1 must be an entity ref like template:default/example, with a namespace and name of letters, digits, "-", "_" and "."; got "template:default/a,template:default/b"',
    ],
    [
      'a comma in a bare template name',
      { templates: ['preview, other'] },
      'templates item 1 must be an entity ref like template:default/example, with a namespace and name of letters, digits, "-", "_" and "."; got "preview, other"',
    ],
    [
      'a blank template',
      { templates: ['preview-environment', ' '] },
      'templates item 2 must not be blank; expected an entity ref like template:default/example',
    ],
    [
      'the same template twice',
      {
        templates: [
          'preview-environment',
          'Template:default/preview-environment',
        ],
      },
      'templates lists the same template more than once (item 2: "template:default/preview-environment"); list each golden path once',
    ],
    [
      '21 templates',
      { templates: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      'templates has 21 items; at most 20 are allowed',
    ],
    [
      'a group as the capability',
      { entityRef: 'group:default/platform-team' },
      'entityRef must refer to a system or a component, like system:default/example; got a group ("group:default/platform-team")',
    ],
    [
      'a kind that is not a capability',
      { entityRef: undefined, kind: 'Resource', name: 'preview-cluster' },
      'kind must be Component or System, the kinds of a platform capability; got "Resource"',
    ],
    [
      'a name that only another kind has',
      { entityRef: undefined, name: 'preview-cluster' },
      'No entity in catalog-info.yaml matches name preview-cluster: it has component:default/preview-controller, system:default/preview-environments, resource:default/preview-cluster',
    ],
    [
      'a name that climbs folders',
      { entityRef: undefined, name: '../etc' },
      'name must be an entity name of letters, digits, "-", "_" and ".", starting and ending with a letter or digit; got "../etc"',
    ],
    [
      'a need id that is not one',
      { need: 'need test' },
      'need must be a need id from needs-discovery: lower-case letters and digits in words joined by "-", like need-test-environments; got "need test"',
    ],
    [
      'a success metric with a NUL character',
      { successMetric: 'Pull\u0000requests' },
      'successMetric must not contain a NUL character (at character 5)',
    ],
    [
      'a review date today (2026-08-20 in UTC)',
      { reviewDate: '2026-08-20' },
      'reviewDate must be after today (2026-08-20, UTC): the review is the end of a time-box that has yet to run; got 2026-08-20, today. Take the reviewDate output of mvp:scope from the same task',
    ],
    [
      'a review date in the past',
      { reviewDate: '2025-01-01' },
      'reviewDate must be after today (2026-08-20, UTC): the review is the end of a time-box that has yet to run; got 2025-01-01, in the past. Take the reviewDate output of mvp:scope from the same task',
    ],
    [
      'a review date one day past the longest time-box',
      { reviewDate: '2026-10-16' },
      'reviewDate must be at most 8 weeks from today (mvp.maxTimeboxWeeks), that is 2026-10-15 at the latest; got 2026-10-16',
    ],
    [
      'a path with a NUL character',
      { path: 'catalog-info.yaml\u0000.txt' },
      'The path "catalog-info.yaml\\u0000.txt" must not contain a NUL character (at character 18); give a file path inside the workspace',
    ],
    [
      'a path of 1025 characters',
      { path: `${'a/'.repeat(512)}b` },
      'The path "a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/…" must be at most 1024 characters long; it has 1025; give a file path inside the workspace',
    ],
  ])('refuses %s, before touching the file', async (_case, extra, message) => {
    const { error } = await run(extra);
    expect(error).toMatchObject({ name: 'InputError', message });
    expect(
      await readFile(join(workspacePath, 'catalog-info.yaml'), 'utf8'),
    ).toBe(await fixture('multi-doc'));
  });

  it('accepts tomorrow and a date exactly 8 weeks away', async () => {
    for (const reviewDate of ['2026-08-21', '2026-10-15']) {
      const { error, ctx } = await run({ reviewDate });
      expect(error).toBeUndefined();
      expect(ctx.output).toHaveBeenCalledWith('changed', true);
    }
  });

  it('writes 20 templates, each a canonical ref', () => {
    const names = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect(templatesAnnotation(names).split(',')).toEqual(
      names.map(n => `template:default/${n}`),
    );
    expect(templatesAnnotation([])).toBe('');
  });

  it('never writes a secret value of the task into its log, nor into its error messages', async () => {
    const secrets = {
      backstageToken: 'a-backstage-token',
      need: 'need-test-environments',
    };
    const { ctx, error } = await run({}, secrets);
    expect(error).toBeUndefined();
    const lines = logged(ctx.logger);
    expect(lines).toEqual([
      'info: ["Marked system:default/preview-environments in catalog-info.yaml as an MVP capability for need \\"***\\", review on 2026-09-30"]',
    ]);

    const refused = await run(
      { path: 'secret-plans/catalog.yaml' },
      { path: 'secret-plans/catalog.yaml' },
    );
    expect(refused.error?.message).toBe(
      '*** is not in the workspace; fetch a skeleton with a catalog file (fetch:template) or write one (catalog:write) before mvp:annotate',
    );
  });
});
