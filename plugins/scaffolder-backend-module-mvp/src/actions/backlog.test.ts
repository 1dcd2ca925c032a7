import {
  mkdir,
  mkdtemp,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionContext, logged } from '../__testUtils__/mocks';
import { createMvpBacklogAction } from './backlog';

/** The fixed clock: the review dates below are 4 and about 6.5 weeks away, within the 8-week default. */
const NOW = new Date('2026-03-16T09:00:00Z');

const input = {
  title: 'Preview Environments',
  entityRef: 'system:default/preview-environments',
  owner: 'group:default/platform-team',
  need: {
    id: 'need-test-environments',
    title: 'Test environments on demand',
    teams: 4,
    shared: true,
  },
  features: [
    'Preview per pull request',
    'Seeded test data',
    'Teardown after merge',
  ],
  deferred: ['Cost report per team'],
  successMetric: 'Pull requests with a preview environment',
  reviewDate: '2026-04-13',
  timeboxWeeks: 6,
};

const expected = `# MVP: Preview Environments

The scope decision for this platform capability, written when it was created from a template (\`mvp:backlog\`).
Change the scope through a new decision, not by quietly growing this list.

- Capability: \`system:default/preview-environments\`
- Owner: \`group:default/platform-team\`

## The need

**Test environments on demand** (\`need-test-environments\` in needs-discovery), reported by 4 teams in the latest survey. It is a **shared** need.

## Scope (3 features)

1. Preview per pull request
2. Seeded test data
3. Teardown after merge

## Deferred

- Cost report per team

## Success metric

Pull requests with a preview environment

## Review

Time-box: 6 weeks. Review date: **2026-04-13**.

How the review works: on the review date the owner and the platform team look at the success metric and decide to keep the capability (take it out of \`experimental\`), change course with a new scope, or retire it. Deferred features come back only if the next needs-discovery survey wave shows teams still need them.
`;

describe('mvp:backlog', () => {
  let root: string;
  let workspacePath: string;
  const action = createMvpBacklogAction({ now: () => NOW });

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'mvp-backlog-'));
    workspacePath = join(root, 'workspace');
    await mkdir(workspacePath);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes the decision record to MVP.md', async () => {
    const ctx = actionContext({ input, workspacePath });
    await action.handler(ctx);
    expect(await readFile(join(workspacePath, 'MVP.md'), 'utf8')).toBe(
      expected,
    );
    expect(ctx.output).toHaveBeenCalledWith('path', 'MVP.md');
  });

  it('overwrites the record on a re-run with the same result', async () => {
    await writeFile(
      join(workspacePath, 'MVP.md'),
      'an older draft, much longer than the record '.repeat(100),
    );
    await action.handler(actionContext({ input, workspacePath }));
    await action.handler(actionContext({ input, workspacePath }));
    expect(await readFile(join(workspacePath, 'MVP.md'), 'utf8')).toBe(
      expected,
    );
  });

  it('writes to another path and says when nothing is deferred or the need is not shared', async () => {
    const ctx = actionContext({
      input: {
        title: 'Cost reports',
        need: {
          id: 'need-cost-reports',
          title: 'Cost reports',
          teams: 1,
          shared: false,
        },
        features: ['Monthly cost per team  and   per service'],
        successMetric: 'Teams reading their report monthly',
        reviewDate: '2026-05-01',
        path: 'docs/decisions/MVP.md',
      },
      workspacePath,
    });
    await action.handler(ctx);
    const text = await readFile(
      join(workspacePath, 'docs/decisions/MVP.md'),
      'utf8',
    );
    expect(text).toContain(
      '**Cost reports** (`need-cost-reports` in needs-discovery), reported by 1 team in the latest survey. It is **not** marked shared by needs-discovery.',
    );
    expect(text).toContain(
      '## Scope (1 feature)\n\n1. Monthly cost per team and per service\n',
    );
    expect(text).toContain('## Deferred\n\nNothing deferred.\n');
    expect(text).toContain('Review date: **2026-05-01**.');
    expect(text).not.toContain('Owner');
    expect(ctx.output).toHaveBeenCalledWith('path', 'docs/decisions/MVP.md');
  });

  it('writes in a dry run too: the dry-run workspace is throwaway and the preview shows the record', async () => {
    await action.handler(
      actionContext({ input, workspacePath, isDryRun: true }),
    );
    expect(await readFile(join(workspacePath, 'MVP.md'), 'utf8')).toBe(
      expected,
    );
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'a path outside the workspace',
      { path: '../MVP.md' },
      'NotAllowedError',
      'The path "../MVP.md" points outside the workspace; give a file inside it',
    ],
    [
      'an absolute path',
      { path: '/tmp/MVP.md' },
      'NotAllowedError',
      'The path "/tmp/MVP.md" is absolute; give a path relative to the workspace',
    ],
    [
      'a review date that is not a date',
      { reviewDate: 'next spring' },
      'InputError',
      'reviewDate must be a date written YYYY-MM-DD, e.g. 2026-03-23; got "next spring"',
    ],
    [
      'an empty success metric',
      { successMetric: '' },
      'InputError',
      'successMetric must not be empty',
    ],
  ])('refuses %s', async (_case, extra, name, message) => {
    await expect(
      action.handler(
        actionContext({ input: { ...input, ...extra }, workspacePath }),
      ),
    ).rejects.toMatchObject({ name, message });
    await expect(readFile(join(root, 'MVP.md'))).rejects.toThrow();
  });

  it('refuses to write through a symlink', async () => {
    await writeFile(join(root, 'target.md'), 'not yours\n');
    await symlink(join(root, 'target.md'), join(workspacePath, 'MVP.md'));
    await expect(
      action.handler(actionContext({ input, workspacePath })),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'The path "MVP.md" goes through a symbolic link (MVP.md); the MVP actions only touch real files inside the workspace',
    });
    await mkdir(join(root, 'docs'));
    await symlink(join(root, 'docs'), join(workspacePath, 'docs'));
    await expect(
      action.handler(
        actionContext({
          input: { ...input, path: 'docs/MVP.md' },
          workspacePath,
        }),
      ),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(await readFile(join(root, 'target.md'), 'utf8')).toBe('not yours\n');
    await expect(readFile(join(root, 'docs', 'MVP.md'))).rejects.toThrow();
  });
});

describe('mvp:backlog with hostile input', () => {
  let root: string;
  let workspacePath: string;
  const action = createMvpBacklogAction({ now: () => NOW });

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'mvp-backlog-hostile-'));
    workspacePath = join(root, 'workspace');
    await mkdir(workspacePath);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function run(
    extra: Record<string, unknown>,
    secrets?: Record<string, string>,
  ) {
    const ctx = actionContext({
      input: { ...input, ...extra },
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
    expect(schema.properties.title).toMatchObject({
      minLength: 1,
      maxLength: 200,
    });
    expect(schema.properties.features).toMatchObject({
      minItems: 1,
      maxItems: 50,
    });
    expect(schema.properties.deferred).toMatchObject({ maxItems: 50 });
    expect(schema.properties.need.properties).toMatchObject({
      id: { maxLength: 100, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
      title: { minLength: 1, maxLength: 200 },
      teams: { type: 'integer', minimum: 0 },
    });
    expect(schema.properties.timeboxWeeks).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 8,
    });
  });

  const need = input.need;
  it.each<[string, Record<string, unknown>, string]>([
    ['an empty title', { title: '' }, 'title must not be empty'],
    ['a blank title', { title: '   ' }, 'title must not be blank'],
    [
      'a title with a NUL character',
      { title: 'Preview\u0000' },
      'title must not contain a NUL character (at character 8)',
    ],
    [
      'a title of 201 characters',
      { title: 't'.repeat(201) },
      'title must be at most 200 characters long; it has 201',
    ],
    [
      'an empty need id',
      { need: { ...need, id: '' } },
      'need.id must not be empty',
    ],
    [
      'a need id that is not one',
      { need: { ...need, id: 'Need_1' } },
      'need.id must be a need id from needs-discovery: lower-case letters and digits in words joined by "-", like need-test-environments; got "Need_1"',
    ],
    [
      'a blank need title',
      { need: { ...need, title: ' ' } },
      'need.title must not be blank',
    ],
    [
      'a negative team count',
      { need: { ...need, teams: -1 } },
      'need.teams must be a whole number from 0 to 100000; got "-1"',
    ],
    [
      'a fractional team count',
      { need: { ...need, teams: 1.5 } },
      'need.teams must be a whole number from 0 to 100000; got "1.5"',
    ],
    [
      'no need',
      { need: 'need-test-environments' },
      'need must be the need as mvp:scope outputs it: { id, title, teams, shared }',
    ],
    [
      'no features',
      { features: [] },
      'features has 0 items; at least 1 is needed.',
    ],
    [
      'blank features',
      { features: ['ok', ' ', '', '\t'] },
      'features item 2 must not be blank. features item 3 must not be empty. features item 4 must be a single line without tabs.',
    ],
    [
      '51 deferred features',
      { deferred: Array.from({ length: 51 }, (_, i) => `Later ${i}`) },
      'deferred has 51 items; at most 50 are allowed.',
    ],
    [
      'a feature both in scope and deferred',
      { deferred: ['seeded TEST data'] },
      'A feature is listed more than once (features and deferred together, item 4); list each feature once, in scope or deferred',
    ],
    [
      'a user as the owner',
      { owner: 'user:default/bob' },
      'owner must refer to a group, like group:default/example; got a user ("user:default/bob")',
    ],
    [
      'a group as the capability',
      { entityRef: 'group:default/platform-team' },
      'entityRef must refer to a system or a component, like system:default/example; got a group ("group:default/platform-team")',
    ],
    [
      'a blank success metric',
      { successMetric: ' ' },
      'successMetric must not be blank',
    ],
    [
      'a review date today (2026-03-16 in UTC)',
      { reviewDate: '2026-03-16' },
      'reviewDate must be after today (2026-03-16, UTC): the review is the end of a time-box that has yet to run; got 2026-03-16, today. Take the reviewDate output of mvp:scope from the same task',
    ],
    [
      'a review date in the past',
      { reviewDate: '2026-03-01' },
      'reviewDate must be after today (2026-03-16, UTC): the review is the end of a time-box that has yet to run; got 2026-03-01, in the past. Take the reviewDate output of mvp:scope from the same task',
    ],
    [
      'a time-box over mvp.maxTimeboxWeeks',
      { timeboxWeeks: 9 },
      'timeboxWeeks must be a whole number from 1 to 8; got "9"',
    ],
    [
      'a path with a NUL character',
      { path: 'MVP\u0000.md' },
      'The path "MVP\\u0000.md" must not contain a NUL character (at character 4); give a file path inside the workspace',
    ],
    [
      'a path that climbs out through a folder',
      { path: 'docs/../../MVP.md' },
      'The path "docs/../../MVP.md" points outside the workspace; give a file inside it',
    ],
  ])('refuses %s and writes nothing', async (_case, extra, message) => {
    const { error } = await run(extra);
    expect(error).toMatchObject({ message });
    expect(error?.name).toMatch(/^(InputError|NotAllowedError)$/);
    await expect(readFile(join(workspacePath, 'MVP.md'))).rejects.toThrow();
    await expect(readFile(join(root, 'MVP.md'))).rejects.toThrow();
  });

  it('refuses 100,000 features with their count, in a short message', async () => {
    const features = Array.from({ length: 100_000 }, (_, i) => `Feature ${i}`);
    const { error, ctx } = await run({ features });
    expect(error).toMatchObject({
      name: 'InputError',
      message: 'features has 100000 items; at most 50 are allowed.',
    });
    expect(logged(ctx.logger)).toEqual([]);
  });

  it('names at most ten bad positions of a long list', async () => {
    const { error } = await run({
      features: ['ok', ...Array.from({ length: 49 }, () => ' ')],
    });
    expect(error?.message).toBe(
      'features items 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 39 more must not be blank.',
    );
  });

  it('accepts tomorrow, a date exactly 8 weeks away, 50 features, and a team written without its kind', async () => {
    const features = Array.from({ length: 50 }, (_, i) => `Feature ${i + 1}`);
    for (const reviewDate of ['2026-03-17', '2026-05-11']) {
      const { error } = await run({
        reviewDate,
        features,
        owner: 'platform-team',
        entityRef: 'Component:default/preview-environments',
      });
      expect(error).toBeUndefined();
      const text = await readFile(join(workspacePath, 'MVP.md'), 'utf8');
      expect(text).toContain(`Review date: **${reviewDate}**.`);
      expect(text).toContain('- Owner: `group:default/platform-team`');
      expect(text).toContain(
        '- Capability: `component:default/preview-environments`',
      );
      expect(text).toContain('50. Feature 50\n');
    }
    expect((await run({ reviewDate: '2026-05-12' })).error?.message).toBe(
      'reviewDate must be at most 8 weeks from today (mvp.maxTimeboxWeeks), that is 2026-05-11 at the latest; got 2026-05-12',
    );
  });

  it('never writes a secret value of the task into its log, nor into its error messages', async () => {
    const secrets = {
      backstageToken: 'a-backstage-token',
      path: 'docs/acquisition-of-rival.md',
    };
    const { ctx, error } = await run(
      { path: 'docs/acquisition-of-rival.md' },
      secrets,
    );
    expect(error).toBeUndefined();
    expect(logged(ctx.logger)).toEqual([
      'info: ["Wrote the MVP decision record to ***"]',
    ]);

    const refused = await run(
      { path: '../acquisition-of-rival.md' },
      { path: 'acquisition-of-rival' },
    );
    expect(refused.error?.message).toBe(
      'The path "../***.md" points outside the workspace; give a file inside it',
    );
  });
});
