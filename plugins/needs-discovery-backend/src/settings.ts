import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  DEFAULT_ANONYMITY_THRESHOLD,
  DEFAULT_FREQUENCY_WEIGHTS,
  DEFAULT_SHARED_NEED_MIN_TEAMS,
  FrequencyWeights,
  FREQUENCIES,
  MIN_ANONYMITY_THRESHOLD,
} from '@platform-product/plugin-needs-discovery-common';

export interface NeedsDiscoverySettings {
  sharedNeedMinTeams: number;
  defaultAnonymityThreshold: number;
  frequencyWeights: FrequencyWeights;
  reminderAfterDays: number;
  teamTypes: string[];
  demoData: boolean;
  demoSurveyFile?: string;
}

function positiveInteger(
  config: RootConfigService,
  key: string,
  fallback: number,
  min = 1,
) {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new Error(
      `${key} must be an integer of at least ${min}; got ${value}`,
    );
  }
  return value;
}

/** Reads and checks `needsDiscovery.*`, failing start-up with a clear message on a bad value. */
export function readSettings(
  config: RootConfigService,
): NeedsDiscoverySettings {
  const frequencyWeights = { ...DEFAULT_FREQUENCY_WEIGHTS };
  for (const frequency of FREQUENCIES) {
    const key = `needsDiscovery.frequencyWeights.${frequency}`;
    const weight = config.getOptionalNumber(key);
    if (weight === undefined) continue;
    if (!(weight >= 0 && weight <= 1)) {
      throw new Error(`${key} must be between 0 and 1; got ${weight}`);
    }
    frequencyWeights[frequency] = weight;
  }
  return {
    sharedNeedMinTeams: positiveInteger(
      config,
      'needsDiscovery.sharedNeedMinTeams',
      DEFAULT_SHARED_NEED_MIN_TEAMS,
    ),
    defaultAnonymityThreshold: positiveInteger(
      config,
      'needsDiscovery.defaultAnonymityThreshold',
      DEFAULT_ANONYMITY_THRESHOLD,
      MIN_ANONYMITY_THRESHOLD,
    ),
    frequencyWeights,
    reminderAfterDays: positiveInteger(
      config,
      'needsDiscovery.reminderAfterDays',
      7,
    ),
    teamTypes: config.getOptionalStringArray('needsDiscovery.teamTypes') ?? [
      'team',
    ],
    demoData: config.getOptionalBoolean('needsDiscovery.demoData') ?? false,
    demoSurveyFile: config.getOptionalString('needsDiscovery.demoSurveyFile'),
  };
}
