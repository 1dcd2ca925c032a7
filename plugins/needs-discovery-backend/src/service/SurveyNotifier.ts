import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Survey } from '@platform-product/plugin-needs-discovery-common';

/**
 * Tells the audience about surveys through Backstage notifications. A company may run without the notifications
 * plugin: then sending fails and is logged as skipped, and the survey works all the same.
 */
export class SurveyNotifier {
  constructor(
    private readonly options: {
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  async surveyOpened(survey: Survey): Promise<void> {
    await this.send(survey, {
      recipients:
        survey.audience.length > 0
          ? { type: 'entity', entityRef: survey.audience }
          : { type: 'broadcast' },
      title: `New survey: ${survey.title}`,
      description:
        'The platform team wants to know what slows you down. Your answers are only shown as team aggregates.',
    });
  }

  async remind(survey: Survey, userRefs: string[]): Promise<void> {
    if (userRefs.length === 0) return;
    await this.send(survey, {
      recipients: { type: 'entity', entityRef: userRefs },
      title: `Reminder: ${survey.title}`,
      description: survey.closesAt
        ? `The survey closes on ${survey.closesAt.slice(
            0,
            10,
          )}. It takes a few minutes.`
        : 'It takes a few minutes, and only aggregates are ever shown.',
    });
  }

  private async send(
    survey: Survey,
    message: {
      recipients:
        | { type: 'entity'; entityRef: string[] }
        | { type: 'broadcast' };
      title: string;
      description: string;
    },
  ) {
    try {
      await this.options.notifications.send({
        recipients: message.recipients,
        payload: {
          title: message.title,
          description: message.description,
          link: `/needs/surveys/${encodeURIComponent(survey.id)}`,
          topic: 'needs-discovery',
          severity: 'normal',
        },
      });
    } catch (error) {
      this.options.logger.info(
        `Notification "${message.title}" skipped: the notifications plugin is not reachable (${error})`,
      );
    }
  }
}
