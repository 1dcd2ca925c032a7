import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { SurveyDefinition } from '@platform-product/plugin-needs-discovery-common';
import { DatabaseNeedsStore } from '../database/DatabaseNeedsStore';
import { AudienceResolver } from './AudienceResolver';
import { sendDueReminders } from './reminders';
import { RespondentHasher } from './RespondentHasher';
import { SurveyNotifier } from './SurveyNotifier';

const definition: SurveyDefinition = {
  title: 'What slows you down?',
  audience: ['group:default/checkout'],
  anonymityThreshold: 3,
  needs: [{ id: 'need-logs', title: 'Searchable logs' }],
  questions: [{ id: 'ratings', type: 'need-rating', title: 'Rate' }],
};

describe('sendDueReminders', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'reminds only members who have not answered, once (%p)',
    async databaseId => {
      const store = await DatabaseNeedsStore.create({
        database: mockServices.database({
          knex: await databases.init(databaseId),
        }),
      });
      const hasher = new RespondentHasher('a-test-key-of-sufficient-length');
      const members = [
        'user:default/ann',
        'user:default/ben',
        'user:default/cat',
      ];
      const audience = {
        resolve: async () => ({ teams: [], size: 3, members }),
      } as unknown as AudienceResolver;
      const send = jest.fn(async () => {});
      const notifier = new SurveyNotifier({
        notifications: { send },
        logger: mockServices.logger.mock(),
      });
      const draft = await store.createSurvey({
        definition,
        createdBy: 'user:default/pat',
      });
      const survey = (await store.transitionSurvey(
        draft.id,
        'draft',
        'open',
        new Date('2026-11-01T09:00:00Z'),
      ))!;
      await store.upsertResponse({
        survey,
        respondentHash: hasher.hash(survey.id, 'user:default/ben'),
        teams: ['group:default/checkout'],
        answers: { ratings: { 'need-logs': { pain: 3, frequency: 'weekly' } } },
      });
      const options = {
        store,
        audience,
        hasher,
        notifier,
        logger: mockServices.logger.mock(),
        reminderAfterDays: 7,
      };

      expect(
        await sendDueReminders({
          ...options,
          now: new Date('2026-11-05T00:00:00Z'),
        }),
      ).toBe(0);
      expect(send).not.toHaveBeenCalled();

      expect(
        await sendDueReminders({
          ...options,
          now: new Date('2026-11-09T00:00:00Z'),
        }),
      ).toBe(2);
      expect(send).toHaveBeenCalledWith(
        expect.objectContaining({
          recipients: {
            type: 'entity',
            entityRef: ['user:default/ann', 'user:default/cat'],
          },
        }),
      );

      expect(
        await sendDueReminders({
          ...options,
          now: new Date('2026-11-10T00:00:00Z'),
        }),
      ).toBe(0);
      expect(send).toHaveBeenCalledTimes(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'sends a reminder once when two replicas run at the same moment (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // Started one after the other, as replicas are: the first runs the migrations.
      const replicas = [];
      for (let r = 0; r < 2; r++) {
        replicas.push(
          await DatabaseNeedsStore.create({
            database: mockServices.database({ knex }),
          }),
        );
      }
      const [store] = replicas;
      const survey = (await store.transitionSurvey(
        (
          await store.createSurvey({
            definition,
            createdBy: 'user:default/pat',
          })
        ).id,
        'draft',
        'open',
        new Date('2026-11-01T09:00:00Z'),
      ))!;
      const send = jest.fn(async () => {});
      const run = (replica: DatabaseNeedsStore) =>
        sendDueReminders({
          store: replica,
          audience: {
            resolve: async () => ({
              teams: [],
              size: 2,
              members: ['user:default/ann', 'user:default/ben'],
            }),
          } as unknown as AudienceResolver,
          hasher: new RespondentHasher('a-test-key-of-sufficient-length'),
          notifier: new SurveyNotifier({
            notifications: { send },
            logger: mockServices.logger.mock(),
          }),
          logger: mockServices.logger.mock(),
          reminderAfterDays: 7,
          now: new Date('2026-11-09T00:00:00Z'),
        });

      const reminded = await Promise.all([...replicas, ...replicas].map(run));
      expect(reminded.sort()).toEqual([0, 0, 0, 2]);
      expect(send).toHaveBeenCalledTimes(1);
      expect(send).toHaveBeenCalledWith(
        expect.objectContaining({
          recipients: {
            type: 'entity',
            entityRef: ['user:default/ann', 'user:default/ben'],
          },
          payload: expect.objectContaining({
            link: `/needs/surveys/${survey.id}`,
          }),
        }),
      );
    },
  );

  it('tries again on the next run when the audience cannot be read', async () => {
    const store = await DatabaseNeedsStore.create({
      database: mockServices.database({
        knex: await databases.init('SQLITE_3'),
      }),
    });
    const draft = await store.createSurvey({
      definition,
      createdBy: 'user:default/pat',
    });
    await store.transitionSurvey(
      draft.id,
      'draft',
      'open',
      new Date('2026-11-01T09:00:00Z'),
    );
    const resolve = jest
      .fn()
      .mockRejectedValueOnce(new Error('catalog unavailable'))
      .mockResolvedValue({ teams: [], size: 1, members: ['user:default/ann'] });
    const send = jest.fn(async () => {});
    const logger = mockServices.logger.mock();
    const options = {
      store,
      audience: { resolve } as unknown as AudienceResolver,
      hasher: new RespondentHasher('a-test-key-of-sufficient-length'),
      notifier: new SurveyNotifier({ notifications: { send }, logger }),
      logger,
      reminderAfterDays: 7,
    };

    expect(
      await sendDueReminders({
        ...options,
        now: new Date('2026-11-09T00:00:00Z'),
      }),
    ).toBe(0);
    expect(send).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/catalog unavailable/),
    );
    expect(
      await sendDueReminders({
        ...options,
        now: new Date('2026-11-09T01:00:00Z'),
      }),
    ).toBe(1);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('logs and carries on when the notifications plugin is absent', async () => {
    const logger = mockServices.logger.mock();
    const notifier = new SurveyNotifier({
      notifications: {
        send: async () => {
          throw new Error('404 Not Found');
        },
      },
      logger,
    });
    await expect(
      notifier.surveyOpened({ id: 's', title: 'T', audience: [] } as any),
    ).resolves.toBeUndefined();
    expect(logger.info).toHaveBeenCalledWith(expect.stringMatching(/skipped/));
  });
});
