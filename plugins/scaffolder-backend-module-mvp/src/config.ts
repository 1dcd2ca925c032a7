import { RootConfigService } from '@backstage/backend-plugin-api';

/**
 * The limits `mvp:scope` enforces, read from `mvp.*` in app-config.
 *
 * @public
 */
export interface MvpSettings {
  /** Most features an MVP may start with (`mvp.maxFeatures`, default 3). */
  maxFeatures: number;
  /** Longest time-box of an MVP, in weeks (`mvp.maxTimeboxWeeks`, default 8). */
  maxTimeboxWeeks: number;
  /** Whether `mvp:scope` only accepts needs shared by several teams (`mvp.requireSharedNeed`, default true). */
  requireSharedNeed: boolean;
}

export const DEFAULT_MVP_SETTINGS: MvpSettings = {
  maxFeatures: 3,
  maxTimeboxWeeks: 8,
  requireSharedNeed: true,
};

function invalid(config: RootConfigService, key: string, expected: string) {
  return new Error(
    `Invalid config: ${key} must be ${expected}; got ${JSON.stringify(
      config.getOptional(key),
    )}`,
  );
}

function positiveInteger(
  config: RootConfigService,
  key: string,
  fallback: number,
): number {
  const expected = 'a whole number of at least 1';
  let value: number | undefined;
  try {
    // Also accepts numbers given as strings, e.g. from ${MVP_MAX_FEATURES}.
    value = config.getOptionalNumber(key);
  } catch {
    throw invalid(config, key, expected);
  }
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw invalid(config, key, expected);
  }
  return value;
}

/**
 * Reads and checks the `mvp` config block, failing start-up with a message that names the bad key.
 *
 * @public
 */
export function readMvpSettings(config: RootConfigService): MvpSettings {
  let requireSharedNeed: boolean | undefined;
  try {
    requireSharedNeed = config.getOptionalBoolean('mvp.requireSharedNeed');
  } catch {
    throw invalid(config, 'mvp.requireSharedNeed', 'true or false');
  }
  return {
    maxFeatures: positiveInteger(
      config,
      'mvp.maxFeatures',
      DEFAULT_MVP_SETTINGS.maxFeatures,
    ),
    maxTimeboxWeeks: positiveInteger(
      config,
      'mvp.maxTimeboxWeeks',
      DEFAULT_MVP_SETTINGS.maxTimeboxWeeks,
    ),
    requireSharedNeed:
      requireSharedNeed ?? DEFAULT_MVP_SETTINGS.requireSharedNeed,
  };
}
