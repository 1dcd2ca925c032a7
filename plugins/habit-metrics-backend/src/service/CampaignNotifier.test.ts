import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { DatabaseCampaignStore } from '../database/CampaignStore';
import { DatabaseHabitStore } from '../database/DatabaseHabitStore';
import {
  GOLDEN_PATH,
  orgEntities,
  teamRef,
  userRef,
} from '../testing/fixtures';
import { CampaignNotifier } from './CampaignNotifier';
import { CampaignService } from './CampaignService';
import { MetricsService } from './MetricsService';
import { TeamResolver } from './TeamResolver';

jest.setTimeout(60_000);

// Mondays of the campaign's weeks: it starts in W0.
const W0 = '2026-11-02';
const W1 = '2026-11-09';
const W2 = '2026-11-16';
const W3 = '2026-11-23';
const at = (week: string, time = '09:00:00') => new Date(`${week}T${time}Z`);

/** The example org, with a title on checkout so that messages name teams as people know them. */
const entities = orgEntities.map(entity =>
  entity.kind === 'Group' && entity.metadata.name === 'checkout'
    ? { ...entity, metadata: { ...entity.metadata, title: 'Checkout Team' } }
    : entity,
);

type Sent = {
  recipients: { type: string; entityRef: string };
  payload: {
    title: string;
    description: string;
    link: string;
    scope: string;
  };
};

describe('CampaignNotifier', () => {
  const databases = TestDatabases.create();

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const database = mockServices.database({
      knex: await databases.init(databaseId),
    });
    const store = await DatabaseHabitStore.create({ database });
    const campaigns = await DatabaseCampaignStore.create({ database });
    const service = new CampaignService({
      campaigns,
      store,
      // The notifier reads progress only: neither the catalog's teams nor the metrics are asked.
      teams: {} as TeamResolver,
      metrics: {} as MetricsService,
      habitWeeks: 4,
      reversionStreakWeeks: 3,
    });
    const sent: Sent[] = [];
    const send = jest.fn(async (notification: unknown) => {
      sent.push(notification as Sent);
    });
    const logger = mockServices.logger.mock();
    const notifier = (notifications: NotificationService = { send }) =>
      new CampaignNotifier({
        campaigns,
        service,
        notifications,
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        logger,
      });
    const draft = await campaigns.createCampaign(
      {
        title: 'Ship services on the golden path',
        description: '',
        capabilityRef: GOLDEN_PATH,
        templates: [],
        goal: { kind: 'active-weeks', activeWeeks: 2, windowWeeks: 2 },
        audience: {
          source: 'groups',
          groups: ['checkout', 'billing', 'mobile'].map(teamRef),
        },
        targetDate: '2027-03-31',
        teams: ['billing', 'checkout', 'mobile'].map(name => ({
          teamRef: teamRef(name),
          championRef: null,
        })),
        createdBy: userRef('pat'),
      },
      at(W0, '07:00:00'),
    );
    const campaign = (await campaigns.updateCampaign(
      draft.id,
      'draft',
      { status: 'active' },
      at(W0, '08:00:00'),
    ))!;
    const activity = await campaigns.addActivity(campaign.id, {
      kind: 'announcement',
      title: 'Why the golden path',
      description: '',
      startsAt: null,
      capacity: null,
      link: null,
      steps: [],
      createdBy: userRef('pat'),
    });
    const billingActiveIn = (week: string) =>
      store.recordEvents([
        {
          source: 'test',
          kind: 'template-run',
          way: 'new',
          capabilityRef: GOLDEN_PATH,
          templateRef: 'template:default/node-service',
          teamRefs: [teamRef('billing')],
          at: at(week, '06:00:00'),
          idempotencyKey: null,
        },
      ]);
    const sentTo = () =>
      sent
        .splice(0)
        .map(n => `${n.recipients.entityRef} ${n.payload.title.split(':')[0]}`)
        .sort();
    return {
      campaigns,
      campaign,
      activity,
      notifier,
      send,
      sent,
      sentTo,
      logger,
      billingActiveIn,
    };
  }

  it.each(databases.eachSupportedId())(
    'announces once per team, reminds non-engaged teams, nudges engaged ones and stops at the goal (%p)',
    async databaseId => {
      const {
        campaigns,
        campaign,
        activity,
        notifier,
        sent,
        sentTo,
        billingActiveIn,
      } = await setup(databaseId);
      const run = (now: Date) => notifier().run(now);

      // W0: one announcement per audience team, addressed to the team (its members), once.
      expect(await run(at(W0))).toEqual({
        announcements: 3,
        reminders: 0,
        nudges: 0,
        skipped: false,
      });
      const checkout = sent.find(
        n => n.recipients.entityRef === teamRef('checkout'),
      )!;
      expect(checkout).toEqual({
        recipients: { type: 'entity', entityRef: 'group:default/checkout' },
        payload: expect.objectContaining({
          title:
            'New campaign for Checkout Team: Ship services on the golden path',
          link: `/habits/campaigns/${campaign.id}`,
          topic: 'habit-campaigns',
          scope: `habit-campaign:${campaign.id}:group:default/checkout`,
        }),
      });
      expect(checkout.payload.description).toContain(
        'Your team Checkout Team is in the campaign "Ship services on the golden path" because the platform team chose it for this campaign.',
      );
      expect(checkout.payload.description).toContain(
        'The goal: using service-golden-path in at least 2 of any 2 weeks in a row, by 2027-03-31.',
      );
      expect(sentTo()).toEqual([
        'group:default/billing New campaign for billing',
        'group:default/checkout New campaign for Checkout Team',
        'group:default/mobile New campaign for mobile',
      ]);
      // Later the same week: nothing more (no reminder in the week of the announcement).
      await run(at(W0, '18:00:00'));
      expect(sentTo()).toEqual([]);

      // W1: ann (checkout) acknowledged, billing used the capability once (1 of 2 weeks: not at the goal).
      await campaigns.upsertParticipation({
        activityId: activity.id,
        campaignId: campaign.id,
        userRef: userRef('ann'),
        teamRefs: [teamRef('checkout')],
        status: 'acknowledged',
        stepsDone: [],
      });
      await billingActiveIn(W1);
      expect(await run(at(W1))).toEqual({
        announcements: 0,
        reminders: 2,
        nudges: 1,
        skipped: false,
      });
      const reminder = sent.find(
        n => n.recipients.entityRef === teamRef('mobile'),
      )!;
      expect(reminder.payload.description).toMatch(
        /^Your team mobile is in the campaign "Ship services on the golden path" because .*Nobody in mobile has taken part yet.*These weekly messages stop once mobile reaches the goal\.$/,
      );
      expect(reminder.payload.link).toBe(`/habits/campaigns/${campaign.id}`);
      expect(sentTo()).toEqual([
        'group:default/billing Reminder',
        'group:default/checkout Keep going',
        'group:default/mobile Reminder',
      ]);
      // Once per team and week.
      await run(at(W1, '15:00:00'));
      expect(sentTo()).toEqual([]);

      // W2: billing is active again, 2 of 2 weeks: it reaches the goal this week and gets nothing, from this week on.
      await billingActiveIn(W2);
      await run(at(W2));
      expect(sentTo()).toEqual([
        'group:default/checkout Keep going',
        'group:default/mobile Reminder',
      ]);
      // W3: billing is no longer at the goal (inactive), but it reached it: still nothing.
      await run(at(W3));
      expect(sentTo()).toEqual([
        'group:default/checkout Keep going',
        'group:default/mobile Reminder',
      ]);
      expect(
        (await campaigns.notificationsSent(campaign.id)).filter(
          n => n.teamRef === teamRef('billing'),
        ),
      ).toEqual([
        expect.objectContaining({ kind: 'announcement', week: W0 }),
        expect.objectContaining({ kind: 'reminder', week: W1 }),
      ]);

      // A campaign that has ended sends nothing.
      await campaigns.updateCampaign(campaign.id, 'active', {
        status: 'completed',
      });
      expect(await run(at('2026-11-30'))).toEqual({
        announcements: 0,
        reminders: 0,
        nudges: 0,
        skipped: false,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'sends each message once when two replicas run at the same moment (%p)',
    async databaseId => {
      const { notifier, sentTo } = await setup(databaseId);
      const [a, b] = [notifier(), notifier()];
      await Promise.all([a.run(at(W0)), b.run(at(W0))]);
      expect(sentTo()).toEqual([
        'group:default/billing New campaign for billing',
        'group:default/checkout New campaign for Checkout Team',
        'group:default/mobile New campaign for mobile',
      ]);
      await Promise.all([a.run(at(W1)), b.run(at(W1)), a.run(at(W1))]);
      expect(sentTo()).toEqual([
        'group:default/billing Reminder',
        'group:default/checkout Reminder',
        'group:default/mobile Reminder',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'logs and skips when the notifications plugin is not installed, and sends on a later run (%p)',
    async databaseId => {
      const { campaigns, campaign, notifier, sentTo, logger } = await setup(
        databaseId,
      );
      const failing = {
        send: jest.fn(async () => {
          throw new Error(
            'Failed to send notifications: Request failed with status 404',
          );
        }),
      };
      expect(await notifier(failing).run(at(W0))).toEqual({
        announcements: 0,
        reminders: 0,
        nudges: 0,
        skipped: true,
      });
      expect(failing.send).toHaveBeenCalledTimes(1);
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Campaign notifications skipped: the notifications plugin is not installed or not reachable/,
        ),
      );
      expect(await campaigns.notificationsSent(campaign.id)).toEqual([]);

      await notifier().run(at(W0, '10:00:00'));
      expect(sentTo()).toHaveLength(3);
    },
  );
});
