import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalPublishAction } from './localPublishAction';

describe('platform-product:publish:local', () => {
  let workspacePath: string;
  let publishDirectory: string;

  beforeEach(async () => {
    workspacePath = await mkdtemp(join(tmpdir(), 'ppk-workspace-'));
    publishDirectory = await mkdtemp(join(tmpdir(), 'ppk-published-'));
    await writeFile(
      join(workspacePath, 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: parcel-api\nspec:\n  type: service\n  owner: group:default/checkout\n  lifecycle: experimental\n',
    );
  });

  afterEach(async () => {
    await rm(workspacePath, { recursive: true, force: true });
    await rm(publishDirectory, { recursive: true, force: true });
  });

  function setup() {
    const catalog = catalogServiceMock.mock({
      addLocation: jest.fn(async () => ({
        location: {
          id: '1',
          type: 'file',
          target: 'x',
          entityRef: 'location:default/generated-1',
        },
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'parcel-api', namespace: 'default' },
          },
        ],
        exists: false,
      })),
    });
    const action = createLocalPublishAction({ publishDirectory, catalog });
    return { action, catalog };
  }

  it('copies the workspace and registers its catalog file as a file location', async () => {
    const { action, catalog } = setup();
    const ctx = createMockActionContext({
      workspacePath,
      input: { repoName: 'parcel-api' },
    });
    await action.handler(ctx);

    const published = join(publishDirectory, 'parcel-api', 'catalog-info.yaml');
    expect(await readFile(published, 'utf8')).toContain('name: parcel-api');
    expect(catalog.addLocation).toHaveBeenCalledWith(
      { type: 'file', target: published },
      expect.anything(),
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/parcel-api',
    );
  });

  it('names the entity from the published file when the catalog has not processed it yet', async () => {
    const catalog = catalogServiceMock.mock({
      addLocation: jest.fn(async () => ({
        location: {
          id: '1',
          type: 'file',
          target: 'x',
          entityRef: 'location:default/generated-1',
        },
        entities: [],
        exists: false,
      })),
    });
    const action = createLocalPublishAction({ publishDirectory, catalog });
    const ctx = createMockActionContext({
      workspacePath,
      input: { repoName: 'parcel-api' },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/parcel-api',
    );
  });

  it('changes nothing in a dry run', async () => {
    const { action, catalog } = setup();
    // The mock context leaves isDryRun out, so set it the way the scaffolder does.
    const ctx = {
      ...createMockActionContext({
        workspacePath,
        input: { repoName: 'parcel-api' },
      }),
      isDryRun: true,
    };
    await action.handler(ctx);
    expect(catalog.addLocation).not.toHaveBeenCalled();
    await expect(
      readFile(join(publishDirectory, 'parcel-api', 'catalog-info.yaml')),
    ).rejects.toThrow();
  });

  it('refuses a name that is already published', async () => {
    const { action } = setup();
    await action.handler(
      createMockActionContext({
        workspacePath,
        input: { repoName: 'parcel-api' },
      }),
    );
    await expect(
      action.handler(
        createMockActionContext({
          workspacePath,
          input: { repoName: 'parcel-api' },
        }),
      ),
    ).rejects.toThrow(/already published/);
  });
});
