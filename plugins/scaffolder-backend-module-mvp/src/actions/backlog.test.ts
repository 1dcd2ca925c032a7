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
import { actionContext } from '../__testUtils__/mocks';
import { createMvpBacklogAction } from './backlog';

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
  const action = createMvpBacklogAction();

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
        features: ['Monthly cost per team\nand per service'],
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
      'reviewDate must be a date written YYYY-MM-DD, e.g. 2026-09-30; got "next spring"',
    ],
    [
      'an empty success metric',
      { successMetric: '' },
      'InputError',
      'successMetric is empty; name the one metric the MVP must move',
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
