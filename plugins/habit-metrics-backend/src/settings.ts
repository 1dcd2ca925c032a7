import { RootConfigService } from '@backstage/backend-plugin-api';

export interface IngestionSettings {
  enabled: boolean;
  frequencyMinutes: number;
}

export interface HabitMetricsSettings {
  teamTypes: string[];
  /** Count the owners of capabilities as product teams too. */
  includeCapabilityOwners: boolean;
  reversionStreakWeeks: number;
  habitWeeks: number;
  ingestion: {
    scaffolder: IngestionSettings;
    catalog: IngestionSettings;
  };
  /** Seed ~26 weeks of demo history for the catalog's teams and capabilities (example instance only). */
  demoData: boolean;
}

function integerIn(
  config: RootConfigService,
  key: string,
  fallback: number,
  min: number,
  max: number,
) {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${key} must be an integer from ${min} to ${max}; got ${value}`,
    );
  }
  return value;
}

function ingestion(
  config: RootConfigService,
  source: 'scaffolder' | 'catalog',
  defaultMinutes: number,
): IngestionSettings {
  const prefix = `habitMetrics.ingestion.${source}`;
  return {
    enabled: config.getOptionalBoolean(`${prefix}.enabled`) ?? true,
    frequencyMinutes: integerIn(
      config,
      `${prefix}.frequencyMinutes`,
      defaultMinutes,
      1,
      24 * 60,
    ),
  };
}

/** Reads and checks `habitMetrics.*`, failing start-up with a clear message on a bad value. */
export function readSettings(config: RootConfigService): HabitMetricsSettings {
  const teamTypes = config.getOptionalStringArray('habitMetrics.teamTypes') ?? [
    'team',
  ];
  if (teamTypes.length === 0 || teamTypes.some(type => !type.trim())) {
    throw new Error(
      `habitMetrics.teamTypes must list at least one Group spec.type; got ${JSON.stringify(
        teamTypes,
      )}`,
    );
  }
  return {
    teamTypes,
    includeCapabilityOwners:
      config.getOptionalBoolean('habitMetrics.includeCapabilityOwners') ??
      false,
    reversionStreakWeeks: integerIn(
      config,
      'habitMetrics.reversionStreakWeeks',
      3,
      1,
      52,
    ),
    habitWeeks: integerIn(config, 'habitMetrics.habitWeeks', 4, 1, 52),
    ingestion: {
      scaffolder: ingestion(config, 'scaffolder', 5),
      catalog: ingestion(config, 'catalog', 30),
    },
    demoData: config.getOptionalBoolean('habitMetrics.demoData') ?? false,
  };
}
