import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { RegisteredNeed } from '@platform-product/plugin-needs-discovery-common';
import { needsDiscoveryServiceRef } from './lib';
import {
  NeedsDiscoveryNotInstalledError,
  NeedsDiscoveryService,
} from './types';

const need: RegisteredNeed = {
  id: 'need-a',
  title: 'A',
  status: 'open',
  capabilityRef: null,
  latestSurveyId: null,
  latestScore: null,
  shared: false,
  teams: 0,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** A stand-in needs-discovery backend plugin that only lets service principals list needs. */
const fakeNeedsDiscovery = createBackendPlugin({
  pluginId: 'needs-discovery',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({ httpRouter, httpAuth }) {
        const callers: string[] = [];
        httpRouter.use(async (req, res, next) => {
          if (req.method === 'GET' && req.path === '/callers') {
            res.json(callers);
            return;
          }
          if (req.method !== 'GET' || req.path !== '/needs') {
            next();
            return;
          }
          try {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            callers.push(credentials.principal.subject);
            res.json({ items: [need] });
          } catch (error) {
            res.status(403).json({
              error: { name: 'NotAllowedError', message: String(error) },
            });
          }
        });
        httpRouter.addAuthPolicy({
          path: '/callers',
          allow: 'unauthenticated',
        });
      },
    });
  },
});

/** A plugin that uses the service, as another backend plugin would. */
function consumer(onInit: (needs: NeedsDiscoveryService) => void) {
  return createBackendPlugin({
    pluginId: 'consumer',
    register(env) {
      env.registerInit({
        deps: { needs: needsDiscoveryServiceRef },
        async init({ needs }) {
          onInit(needs);
        },
      });
    },
  });
}

describe('needsDiscoveryServiceRef', () => {
  it('by default calls the needs-discovery backend as the calling plugin', async () => {
    let needs: NeedsDiscoveryService | undefined;
    const backend = await startTestBackend({
      features: [fakeNeedsDiscovery, consumer(n => (needs = n))],
    });
    try {
      expect(await needs!.listNeeds()).toEqual([need]);
      const callers = await fetch(
        `http://localhost:${backend.server.port()}/api/needs-discovery/callers`,
      ).then(r => r.json());
      expect(callers).toEqual(['plugin:consumer']);
    } finally {
      await backend.stop();
    }
  });

  it('reports needs-discovery as not installed when the backend does not have it', async () => {
    let needs: NeedsDiscoveryService | undefined;
    const backend = await startTestBackend({
      features: [consumer(n => (needs = n))],
    });
    try {
      await expect(needs!.listNeeds()).rejects.toBeInstanceOf(
        NeedsDiscoveryNotInstalledError,
      );
      await expect(needs!.getNeed('need-a')).rejects.toThrow(
        /^needs-discovery is not installed in this Backstage/,
      );
    } finally {
      await backend.stop();
    }
  });
});
