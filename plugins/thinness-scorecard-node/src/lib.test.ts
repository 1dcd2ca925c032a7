import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { thinnessScorecardServiceRef } from './lib';
import {
  ThinnessScorecardNotInstalledError,
  ThinnessScorecardService,
} from './types';

/** A stand-in thinness-scorecard backend plugin that only lets service principals read the scorecard. */
const fakeThinnessScorecard = createBackendPlugin({
  pluginId: 'thinness-scorecard',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({ httpRouter, httpAuth }) {
        httpRouter.use(async (req, res, next) => {
          if (req.method !== 'GET' || req.path !== '/scorecard') {
            next();
            return;
          }
          try {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            res.json({
              score: null,
              capabilities: [],
              readBy: credentials.principal.subject,
            });
          } catch (error) {
            res.status(403).json({
              error: { name: 'NotAllowedError', message: String(error) },
            });
          }
        });
      },
    });
  },
});

/** A plugin that uses the service, as another backend plugin would. */
function consumer(onInit: (scorecard: ThinnessScorecardService) => void) {
  return createBackendPlugin({
    pluginId: 'consumer',
    register(env) {
      env.registerInit({
        deps: { scorecard: thinnessScorecardServiceRef },
        async init({ scorecard }) {
          onInit(scorecard);
        },
      });
    },
  });
}

describe('thinnessScorecardServiceRef', () => {
  it('by default calls the thinness-scorecard backend as the calling plugin', async () => {
    let scorecard: ThinnessScorecardService | undefined;
    const backend = await startTestBackend({
      features: [fakeThinnessScorecard, consumer(s => (scorecard = s))],
    });
    try {
      expect(await scorecard!.getScorecard()).toEqual({
        score: null,
        capabilities: [],
        readBy: 'plugin:consumer',
      });
    } finally {
      await backend.stop();
    }
  });

  it('reports thinness-scorecard as not installed when the backend does not have it', async () => {
    let scorecard: ThinnessScorecardService | undefined;
    const backend = await startTestBackend({
      features: [consumer(s => (scorecard = s))],
    });
    try {
      await expect(scorecard!.getScorecard()).rejects.toBeInstanceOf(
        ThinnessScorecardNotInstalledError,
      );
      await expect(
        scorecard!.refreshCapability('system:default/x'),
      ).rejects.toBeInstanceOf(ThinnessScorecardNotInstalledError);
    } finally {
      await backend.stop();
    }
  });
});
