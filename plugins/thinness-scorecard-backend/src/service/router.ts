import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  ScorecardHistory,
  thinnessScorecardReadPermission,
  thinnessScorecardRefreshPermission,
} from '@platform-product/plugin-thinness-scorecard-common';
import express from 'express';
import { spec } from '../schema/openapi.generated';
import { ScorecardService } from './ScorecardService';

export interface RouterOptions {
  logger: LoggerService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  service: ScorecardService;
}

export const DEFAULT_HISTORY_DAYS = 90;

function booleanQuery(value: unknown): boolean {
  if (value === undefined) return false;
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0' || value === '') {
    return false;
  }
  throw new InputError('refresh must be true or false');
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { auth, httpAuth, permissions, service } = options;
  // The spec validates request shapes; handlers work with the -common types, so the router is used untyped.
  const router = createValidatedOpenApiRouter(spec, {
    middleware: [express.json({ limit: '16kb' })],
  }) as unknown as express.Router;

  const credentialsOf = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  /** Backend callers (other plugins, scripts with a service token) act for the platform and are trusted. */
  async function authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission,
    action: string,
  ) {
    if (auth.isPrincipal(credentials, 'service')) return;
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${action}: it needs the ${permission.name} permission.`,
      );
    }
  }

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
    const raw = req.query.days;
    const days = raw === undefined ? DEFAULT_HISTORY_DAYS : Number(raw);
    if (!Number.isInteger(days) || days < 1 || days > 3650) {
      throw new InputError('days must be a whole number from 1 to 3650');
    }
    const body: ScorecardHistory = { days, items: await service.history(days) };
    res.json(body);
  });

  router.get('/capabilities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await credentialsOf(req);
    const refresh = booleanQuery(req.query.refresh);
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
    const { kind, namespace, name } = req.params;
    const entityRef = stringifyEntityRef({ kind, namespace, name });
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

  return router;
}
