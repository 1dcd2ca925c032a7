import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogLocationsExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { resolve } from 'node:path';
import { createLocalPublishAction } from './localPublishAction';

/** Registers the example-only `platform-product:publish:local` action. */
export const examplePublishScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'platform-product-example-publish',
  register(reg) {
    reg.registerInit({
      deps: {
        actions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ actions, config, catalog }) {
        const publishDirectory = resolve(
          config.getOptionalString(
            'platformProduct.examplePublish.directory',
          ) ?? '../../.data/published',
        );
        actions.addActions(
          createLocalPublishAction({ publishDirectory, catalog }),
        );
      },
    });
  },
});

/** Lets the catalog register `file` locations, which the example publish action creates. */
export const exampleFileLocationsCatalogModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform-product-example-file-locations',
  register(reg) {
    reg.registerInit({
      deps: { locations: catalogLocationsExtensionPoint },
      async init({ locations }) {
        locations.setAllowedLocationTypes(['url', 'file']);
      },
    });
  },
});
