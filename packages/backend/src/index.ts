/*
 * The Platform Product Kit example backend: a small but real Backstage with the suite's plugins installed the same
 * way a company installs them (`backend.add(...)`).
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  exampleFileLocationsCatalogModule,
  examplePublishScaffolderModule,
} from './examplePublish/examplePublishModule';
import { examplePermissionPolicyModule } from './permissions/examplePolicyModule';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: the guest provider, resolved to user:default/guest in examples/org.yaml.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(exampleFileLocationsCatalogModule);

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// Example only: there is no Git host, so templates publish to .data/published.
backend.add(examplePublishScaffolderModule);

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(examplePermissionPolicyModule);

backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// AI assistants: every action of backend.actions.pluginSources (app-config.yaml) as an MCP tool, Streamable HTTP at
// /api/mcp-actions/v1, called with the caller's own Backstage token.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Platform Product Kit
backend.add(import('@platform-product/plugin-needs-discovery-backend'));
backend.add(import('@platform-product/plugin-habit-metrics-backend'));
backend.add(import('@platform-product/plugin-thinness-scorecard-backend'));
// mvp:scope, mvp:annotate, mvp:backlog and mvp:launch, used by examples/templates/platform-capability-mvp.
backend.add(import('@platform-product/plugin-scaffolder-backend-module-mvp'));

backend.start();
