import { LoggerService } from '@backstage/backend-plugin-api';
import { NeedsStore } from '../database/NeedsStore';
import { AudienceResolver } from './AudienceResolver';
import { RespondentHasher } from './RespondentHasher';
import { SurveyNotifier } from './SurveyNotifier';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reminds the audience members who have not answered, once per survey, `reminderAfterDays` after it opened.
 * Who answered is found by hashing each member's ref: the responses themselves never name anyone.
 *
 * Each survey's reminder is claimed in the database before it is sent, so that replicas running this at the same
 * moment (the scheduler's lock lost) send it once: the one whose claim was written sends it, the others skip it.
 * When the audience or its answers cannot be read, the claim is released and the next run tries again. A failed
 * send is logged as skipped by the notifier and not retried: a reminder goes out at most once.
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
    if (!(await store.claimReminder(survey.id, now))) {
      logger.debug(`Survey ${survey.id} is reminded by another replica`);
      continue;
    }
    let pending: string[];
    try {
      const { members } = await audience.resolve(survey.audience);
      const hashes = new Map(
        members.map(ref => [hasher.hash(survey.id, ref), ref]),
      );
      const answered = await store.findRespondents(survey.id, [
        ...hashes.keys(),
      ]);
      pending = [...hashes]
        .filter(([hash]) => !answered.has(hash))
        .map(([, ref]) => ref);
    } catch (error) {
      await store.releaseReminder(survey.id, now);
      logger.warn(
        `Could not remind the audience of survey ${survey.id}; the next run tries again: ${error}`,
      );
      continue;
    }
    await notifier.remind(survey, pending);
    logger.info(
      `Reminded ${pending.length} audience members of survey ${survey.id} who have not answered`,
    );
    reminded += pending.length;
  }
  return reminded;
}
