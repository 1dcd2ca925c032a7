import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  Campaign,
  CampaignGoal,
  campaignTeamStates,
  CampaignTeamProgress,
  weekStartOf,
} from '@platform-product/plugin-habit-metrics-common';
import {
  CampaignNotificationKind,
  DatabaseCampaignStore,
} from '../database/CampaignStore';
import { CampaignService } from './CampaignService';

/** What one run of the notifier sent. */
export interface CampaignNotifierResult {
  announcements: number;
  reminders: number;
  nudges: number;
  /** True when the notifications plugin could not be reached: the run stopped and the next run tries again. */
  skipped: boolean;
}

/**
 * Tells the audience teams of active campaigns about them through Backstage notifications, one message per team
 * addressed to the team's Group entity (the notifications backend sends it to the team's members):
 *
 * - an announcement once per team, when the campaign is active;
 * - then once a week, from the week after the announcement: a reminder to a team none of whose members has taken
 *   part yet, or a nudge to a team that has taken part but not reached the goal;
 * - nothing more, not even the announcement, to a team once it has reached the campaign's goal in any week since
 *   the start (`firstGoalWeek` of `campaignTeamStates`): the week it reaches it gets none.
 *
 * Each message is claimed in the database (campaign, team, kind, week) before it is sent, so replicas running this
 * at the same moment send it once. When the notifications plugin is not installed or not reachable, the claim is
 * withdrawn, the run logs it and stops, and a later run sends what is due then.
 */
export class CampaignNotifier {
  constructor(
    private readonly options: {
      campaigns: DatabaseCampaignStore;
      service: CampaignService;
      notifications: NotificationService;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async run(now = new Date()): Promise<CampaignNotifierResult> {
    const result: CampaignNotifierResult = {
      announcements: 0,
      reminders: 0,
      nudges: 0,
      skipped: false,
    };
    const active = await this.options.campaigns.listCampaigns({
      status: 'active',
    });
    for (const campaign of active) {
      if (!campaign.startedAt || campaign.teams.length === 0) continue;
      const sent = await this.notifyCampaign(campaign, now, result);
      if (!sent) {
        result.skipped = true;
        break;
      }
    }
    if (
      result.announcements + result.reminders + result.nudges > 0 ||
      result.skipped
    ) {
      this.options.logger.info(
        `Campaign notifications: ${result.announcements} announcements, ${
          result.reminders
        } reminders and ${result.nudges} nudges sent to teams${
          result.skipped ? '; the rest skipped until the next run' : ''
        }`,
      );
    }
    return result;
  }

  /** False when a message could not be sent (the notifications plugin is missing or down). */
  private async notifyCampaign(
    campaign: Campaign,
    now: Date,
    result: CampaignNotifierResult,
  ): Promise<boolean> {
    const { campaigns, service } = this.options;
    const { input } = await service.progressInput(campaign, now);
    const states = campaignTeamStates(input);
    const week = weekStartOf(now);
    const titles = await this.titles([
      campaign.capabilityRef,
      ...campaign.teams.map(t => t.teamRef),
    ]);
    // The week each team was announced to: reminders and nudges start the week after.
    const announcedWeek = new Map(
      (await campaigns.notificationsSent(campaign.id))
        .filter(n => n.kind === 'announcement')
        .map(n => [n.teamRef, weekStartOf(n.sentAt)]),
    );
    for (const team of states) {
      // Reached the goal in some week since the start: nothing more for this team, from that very week on.
      if (team.firstGoalWeek !== null) continue;
      let kind: CampaignNotificationKind;
      let key: string;
      const announced = announcedWeek.get(team.teamRef);
      if (announced === undefined) {
        kind = 'announcement';
        key = input.startWeek;
      } else if (announced < week) {
        kind = team.engaged ? 'nudge' : 'reminder';
        key = week;
      } else {
        continue;
      }
      if (
        !(await campaigns.claimNotification(
          campaign.id,
          team.teamRef,
          kind,
          key,
          now,
        ))
      ) {
        continue; // sent by another replica, or an earlier run this week
      }
      try {
        await this.options.notifications.send({
          recipients: { type: 'entity', entityRef: team.teamRef },
          payload: {
            ...message(kind, campaign, team, titles),
            link: `/habits/campaigns/${encodeURIComponent(campaign.id)}`,
            topic: 'habit-campaigns',
            severity: kind === 'announcement' ? 'normal' : 'low',
            // One entry per campaign and team in a person's inbox: a reminder replaces last week's message.
            scope: `habit-campaign:${campaign.id}:${team.teamRef}`,
          },
        });
      } catch (error) {
        await campaigns.releaseNotification(
          campaign.id,
          team.teamRef,
          kind,
          key,
        );
        this.options.logger.info(
          `Campaign notifications skipped: the notifications plugin is not installed or not reachable (${error}); the next run tries again`,
        );
        return false;
      }
      if (kind === 'announcement') result.announcements++;
      else if (kind === 'reminder') result.reminders++;
      else result.nudges++;
    }
    return true;
  }

  /** Entity titles for the messages; the ref's name when the catalog has none or cannot be read. */
  private async titles(refs: string[]): Promise<Map<string, string>> {
    const result = new Map(refs.map(ref => [ref, nameOf(ref)]));
    try {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        {
          entityRefs: refs,
          fields: ['metadata.name', 'metadata.title', 'spec.profile'],
        },
        { credentials: await this.options.auth.getOwnServiceCredentials() },
      );
      items.forEach((entity, index) => {
        const profile = (
          entity?.spec as { profile?: { displayName?: unknown } }
        )?.profile;
        const title =
          entity?.metadata.title ??
          (typeof profile?.displayName === 'string'
            ? profile.displayName
            : undefined);
        if (title) result.set(refs[index], title);
      });
    } catch (error) {
      this.options.logger.debug(
        `Campaign notifications name entities by ref: the catalog could not be read (${error})`,
      );
    }
    return result;
  }
}

function nameOf(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/** The goal in words, e.g. "active with Service golden path in 3 of 4 weeks in a row". */
export function describeGoal(goal: CampaignGoal, capability: string): string {
  return goal.kind === 'active-weeks'
    ? `using ${capability} in at least ${goal.activeWeeks} of any ${goal.windowWeeks} weeks in a row`
    : `creating at least ${Math.round(
        goal.share * 100,
      )}% of its new components on the golden path (over 4 weeks)`;
}

function message(
  kind: CampaignNotificationKind,
  campaign: Campaign,
  team: CampaignTeamProgress,
  titles: Map<string, string>,
): { title: string; description: string } {
  const teamTitle = titles.get(team.teamRef) ?? team.teamRef;
  const capability =
    titles.get(campaign.capabilityRef) ?? campaign.capabilityRef;
  const because =
    campaign.audience.source === 'not-adopting'
      ? `it had not yet used ${capability} when the campaign was planned`
      : 'the platform team chose it for this campaign';
  const why = `Your team ${teamTitle} is in the campaign "${campaign.title}" because ${because}.`;
  const goal = `The goal: ${describeGoal(campaign.goal, capability)}${
    campaign.targetDate ? `, by ${campaign.targetDate}` : ''
  }.`;
  const stop = `These weekly messages stop once ${teamTitle} reaches the goal.`;
  if (kind === 'announcement') {
    return {
      title: `New campaign for ${teamTitle}: ${campaign.title}`,
      description: `${why} ${goal} Open the campaign for its announcements, sessions and learning path.`,
    };
  }
  if (kind === 'reminder') {
    return {
      title: `Reminder: ${campaign.title}`,
      description: `${why} Nobody in ${teamTitle} has taken part yet: acknowledge the announcement, join a session or start the learning path. ${goal} ${stop}`,
    };
  }
  return {
    title: `Keep going: ${campaign.title}`,
    description: `${why} ${teamTitle} has taken part${
      team.firstActiveWeek ? ` and has started using ${capability}` : ''
    }, and has not reached the goal yet. ${goal} ${stop}`,
  };
}
