import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { createHmac, randomBytes } from 'node:crypto';
import { NeedsStore } from '../database/NeedsStore';

const GENERATED_KEY_SETTING = 'respondent-key';

/**
 * Turns a user ref into the key a response is stored under: an HMAC of survey id and user ref, so the database
 * alone does not say who answered what, and one person's responses to two surveys cannot be linked by their hashes.
 */
export class RespondentHasher {
  static async create(options: {
    config: RootConfigService;
    store: NeedsStore;
    logger: LoggerService;
  }): Promise<RespondentHasher> {
    const configured = options.config.getOptionalString(
      'needsDiscovery.respondentKey',
    );
    if (configured) {
      if (configured.length < 16) {
        throw new Error(
          'needsDiscovery.respondentKey must be at least 16 characters long',
        );
      }
      return new RespondentHasher(configured);
    }
    // Without a configured key, one is generated once and kept in the plugin's database, so hashes stay stable
    // across restarts and replicas. Configuring the key keeps it out of the database.
    options.logger.warn(
      'needsDiscovery.respondentKey is not set; using a key generated and stored in the plugin database. Set it (as a secret) in production.',
    );
    const key = await options.store.setSettingOnce(
      GENERATED_KEY_SETTING,
      randomBytes(32).toString('hex'),
    );
    return new RespondentHasher(key);
  }

  constructor(private readonly key: string) {}

  hash(surveyId: string, userEntityRef: string): string {
    return createHmac('sha256', this.key)
      .update(`${surveyId}\n${userEntityRef.toLocaleLowerCase('en-US')}`)
      .digest('hex');
  }
}
