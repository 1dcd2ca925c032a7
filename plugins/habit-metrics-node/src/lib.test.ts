import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { habitMetricsServiceRef } from './lib';
import { HabitMetricsNotInstalledError, HabitMetricsService } from './types';

/** A stand-in habit-metrics backend plugin that only lets service principals in. */
const fakeHabitMetrics = createBackendPlugin({
  pluginId: 'habit-metrics',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({ httpRouter, httpAuth }) {
        httpRouter.use(async (req, res, next) => {
          const route = `${req.method} ${req.path}`;
          if (route !== 'GET /adoption' && route !== 'POST /events') {
            next();
            return;
          }
          try {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            if (route === 'POST /events') {
              res.status(202).json({ accepted: 1, duplicates: 0 });
              return;
            }
            res.json({
              capabilities: [
                {
                  capabilityRef: credentials.principal.subject,
                  templateRef: null,
                  totalTeams: null,
                  weeks: [],
                },
              ],
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
function consumer(onInit: (habits: HabitMetricsService) => void) {
  return createBackendPlugin({
    pluginId: 'consumer',
    register(env) {
      env.registerInit({
        deps: { habits: habitMetricsServiceRef },
        async init({ habits }) {
          onInit(habits);
        },
      });
    },
  });
}

describe('habitMetricsServiceRef', () => {
  it('by default calls the habit-metrics backend as the calling plugin', async () => {
    let habits: HabitMetricsService | undefined;
    const backend = await startTestBackend({
      features: [fakeHabitMetrics, consumer(h => (habits = h))],
    });
    try {
      // The stand-in answers with the caller's subject as the capability ref.
      expect(await habits!.listAdoption()).toEqual([
        expect.objectContaining({ capabilityRef: 'plugin:consumer' }),
      ]);
      expect(
        await habits!.recordEvent({
          source: 'test',
          kind: 'template-run',
          way: 'new',
          teamRef: 'group:default/a',
        }),
      ).toEqual({ installed: true, recorded: true });
    } finally {
      await backend.stop();
    }
  });

  it('reports habit-metrics as not installed when the backend does not have it', async () => {
    let habits: HabitMetricsService | undefined;
    const backend = await startTestBackend({
      features: [consumer(h => (habits = h))],
    });
    try {
      await expect(habits!.listAdoption()).rejects.toBeInstanceOf(
        HabitMetricsNotInstalledError,
      );
      await expect(
        habits!.getCapabilityHabits('system:default/x'),
      ).rejects.toBeInstanceOf(HabitMetricsNotInstalledError);
      expect(
        await habits!.recordEvent({
          source: 'test',
          kind: 'template-run',
          way: 'new',
          teamRef: 'group:default/a',
        }),
      ).toEqual({ installed: false, recorded: false });
    } finally {
      await backend.stop();
    }
  });
});
