import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Scorecard } from '@platform-product/plugin-thinness-scorecard-common';
import { ScorecardStore } from '../database/ScorecardStore';

/**
 * Tells the owner of a capability, once per review date, that its MVP review date has passed. The claim in the
 * database makes it once across replicas and restarts. Without the notifications plugin the notice degrades to a
 * log line, and the scorecard works all the same.
 */
export class ReviewNotifier {
  constructor(
    private readonly options: {
      store: ScorecardStore;
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /** Notifies the owners of overdue reviews not notified before; returns how many were sent (or logged). */
  async notifyOverdueReviews(
    scorecard: Scorecard,
    now: Date = new Date(),
  ): Promise<number> {
    const { store, notifications, logger } = this.options;
    let sent = 0;
    for (const capability of scorecard.capabilities) {
      if (
        !capability.reviewOverdue ||
        !capability.mvpReviewDate ||
        !capability.owner
      ) {
        continue;
      }
      const claimed = await store.claimReviewNotification(
        capability.entityRef.toLocaleLowerCase('en-US'),
        capability.mvpReviewDate,
        now,
      );
      if (!claimed) continue;
      sent += 1;
      const title = `MVP review overdue: ${capability.title}`;
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: capability.owner },
          payload: {
            title,
            description: `The MVP review date of ${capability.title} was ${
              capability.mvpReviewDate
            }: decide whether to keep or kill it. The scorecard says ${
              capability.verdict
            }: ${capability.reasons[0] ?? ''}`.trim(),
            link: '/thinness',
            topic: 'thinness-scorecard',
            severity: 'high',
            scope: `thinness-scorecard:review:${capability.entityRef}:${capability.mvpReviewDate}`,
          },
        });
      } catch (error) {
        logger.info(
          `Notification "${title}" to ${capability.owner} skipped: the notifications plugin is not reachable (${error})`,
        );
      }
    }
    return sent;
  }
}
