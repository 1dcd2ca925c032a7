import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import {
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  ScorecardHistory,
  thinnessScorecardReadPermission,
  thinnessScorecardRefreshPermission,
} from '@platform-product/plugin-thinness-scorecard-common';
import {
  clarifyValidationErrors,
  createPermissionGate,
  requireDecimalQueryParameter,
  requireRefOfKind,
} from '@platform-product/common';
import express from 'express';
import { EndpointMap, spec } from '../schema/openapi.generated';
import { ScorecardService } from './ScorecardService';

export interface RouterOptions {
  logger: LoggerService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  service: ScorecardService;
}

export const DEFAULT_HISTORY_DAYS = 90;
/** The longest history a caller may ask for: ten years of daily snapshots. */
export const MAX_HISTORY_DAYS = 3650;

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, service } = options;
  // Typed from the spec (src/schema/openapi.yaml → openapi.generated.ts): the validator has checked and coerced
  // path, query and body before a handler runs.
  const router =
    createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(spec, {
      middleware: [express.json({ limit: '16kb' })],
    });

  const credentialsOf = (req: Parameters<HttpAuthService['credentials']>[0]) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  /**
   * Every caller asks the permission framework, services included: it allows plain service calls and applies the
   * access restrictions of external access tokens (`backend.auth.externalAccess`).
   */
  const { authorize } = createPermissionGate(permissions);

  router.get('/scorecard', async (req, res) => {
    const credentials = await credentialsOf(req);
    await authorize(
      credentials,
      thinnessScorecardReadPermission,
      'read the scorecard',
    );
    res.json(await service.getScorecard());
  });

  router.get('/scorecard/history', async (req, res) => {
    const credentials = await credentialsOf(req);
    await authorize(
      credentials,
      thinnessScorecardReadPermission,
      'read the scorecard',
    );
    const days =
      requireDecimalQueryParameter(req, 'days', {
        min: 1,
        max: MAX_HISTORY_DAYS,
      }) ?? DEFAULT_HISTORY_DAYS;
    const body: ScorecardHistory = { days, items: await service.history(days) };
    res.json(body);
  });

  router.get('/capabilities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await credentialsOf(req);
    const refresh = req.query.refresh ?? false;
    // The path is read as one entity ref by the suite's ref rule before anything is looked up.
    const { kind, namespace, name } = req.params;
    const entityRef = requireRefOfKind(
      `${kind}:${namespace}/${name}`,
      'capability',
      { kinds: [] },
    );
    await authorize(
      credentials,
      thinnessScorecardReadPermission,
      'read the scorecard',
    );
    if (refresh) {
      await authorize(
        credentials,
        thinnessScorecardRefreshPermission,
        'refresh the scorecard',
      );
    }
    const detail = await service.capabilityDetail(entityRef, { refresh });
    if (!detail) {
      throw new NotFoundError(
        `${entityRef} is not a capability on the scorecard (annotation platform-product.io/capability: "true")`,
      );
    }
    res.json(detail);
  });

  router.post('/refresh', async (req, res) => {
    const credentials = await credentialsOf(req);
    await authorize(
      credentials,
      thinnessScorecardRefreshPermission,
      'refresh the scorecard',
    );
    res.json(await service.recompute());
  });

  // The validator's pattern and unknown-field messages, said so that a person can act on them.
  router.use(clarifyValidationErrors(spec));
  return router;
}
