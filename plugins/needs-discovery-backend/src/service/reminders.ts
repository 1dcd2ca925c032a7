import { LoggerService } from '@backstage/backend-plugin-api';
import { NeedsStore } from '../database/NeedsStore';
import { AudienceResolver } from './AudienceResolver';
import { RespondentHasher } from './RespondentHasher';
import { SurveyNotifier } from './SurveyNotifier';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reminds the audience members who have not answered, once per survey, `reminderAfterDays` after it opened.
 * Who answered is found by hashing each member's ref: the responses themselves never name anyone.
 */
export async function sendDueReminders(options: {
  store: NeedsStore;
  audience: AudienceResolver;
  hasher: RespondentHasher;
  notifier: SurveyNotifier;
  logger: LoggerService;
  reminderAfterDays: number;
  now?: Date;
}): Promise<number> {
  const { store, audience, hasher, notifier, logger, reminderAfterDays } =
    options;
  const now = options.now ?? new Date();
  const due = await store.listSurveysDueForReminder(
    new Date(now.getTime() - reminderAfterDays * DAY_MS),
  );
  let reminded = 0;
  for (const survey of due) {
    const { members } = await audience.resolve(survey.audience);
    const hashes = new Map(
      members.map(ref => [hasher.hash(survey.id, ref), ref]),
    );
    const answered = await store.findRespondents(survey.id, [...hashes.keys()]);
    const pending = [...hashes]
      .filter(([hash]) => !answered.has(hash))
      .map(([, ref]) => ref);
    await notifier.remind(survey, pending);
    await store.markReminded(survey.id, now);
    logger.info(
      `Reminded ${pending.length} audience members of survey ${survey.id} who have not answered`,
    );
    reminded += pending.length;
  }
  return reminded;
}
