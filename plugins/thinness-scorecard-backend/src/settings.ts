import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  DEFAULT_SCORE_WEIGHTS,
  DEFAULT_SURFACE_PER_TEAM_TARGET,
  DEFAULT_VERDICT_RULES,
  ScoreWeights,
  SUBSCORE_IDS,
  VerdictRules,
} from '@platform-product/plugin-thinness-scorecard-common';

/** A catalog filter: each object's keys must all match; a list matches any of its objects. */
export type CapabilityFilter = Record<string, string | string[]>[];

export interface ThinnessScorecardSettings {
  teamTypes: string[];
  includeCapabilityOwners: boolean;
  capabilityFilter: CapabilityFilter | undefined;
  rules: VerdictRules;
  weights: ScoreWeights;
  surfacePerTeamTarget: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
  demoData: boolean;
  notifyOverdueReviews: boolean;
}

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 20 },
};

const PREFIX = 'thinnessScorecard';

function share(config: RootConfigService, key: string, fallback: number) {
  const value = config.getOptionalNumber(`${PREFIX}.${key}`) ?? fallback;
  if (!(value >= 0 && value <= 1)) {
    throw new Error(
      `${PREFIX}.${key} must be a share between 0 and 1; got ${value}`,
    );
  }
  return value;
}

function readFilter(config: RootConfigService): CapabilityFilter | undefined {
  const key = `${PREFIX}.capabilityFilter`;
  const raw = config.getOptional(key);
  if (raw === undefined) return undefined;
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) return undefined;
  return list.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new Error(
        `${key}${
          Array.isArray(raw) ? `[${index}]` : ''
        } must be an object of catalog filter keys to values`,
      );
    }
    const filter: Record<string, string | string[]> = {};
    for (const [field, value] of Object.entries(item)) {
      if (typeof value === 'string') {
        filter[field] = value;
      } else if (
        Array.isArray(value) &&
        value.length > 0 &&
        value.every(v => typeof v === 'string')
      ) {
        filter[field] = value as string[];
      } else {
        throw new Error(
          `${key}: the value of ${field} must be a string or a non-empty list of strings`,
        );
      }
    }
    return filter;
  });
}

/** Reads and checks `thinnessScorecard.*`, failing start-up with a clear message on a bad value. */
export function readSettings(
  config: RootConfigService,
): ThinnessScorecardSettings {
  const adoptionFloor = share(
    config,
    'rules.adoptionFloor',
    DEFAULT_VERDICT_RULES.adoptionFloor,
  );
  const investAdoption = share(
    config,
    'rules.investAdoption',
    DEFAULT_VERDICT_RULES.investAdoption,
  );
  if (investAdoption < adoptionFloor) {
    throw new Error(
      `${PREFIX}.rules.investAdoption (${investAdoption}) must not be below ${PREFIX}.rules.adoptionFloor (${adoptionFloor})`,
    );
  }
  const graceDays =
    config.getOptionalNumber(`${PREFIX}.rules.graceDays`) ??
    DEFAULT_VERDICT_RULES.graceDays;
  if (!Number.isInteger(graceDays) || graceDays < 0) {
    throw new Error(
      `${PREFIX}.rules.graceDays must be a whole number of days ≥ 0; got ${graceDays}`,
    );
  }

  const weights = { ...DEFAULT_SCORE_WEIGHTS };
  for (const id of SUBSCORE_IDS) {
    const key = `${PREFIX}.weights.${id}`;
    const weight = config.getOptionalNumber(key);
    if (weight === undefined) continue;
    if (!(weight >= 0) || !Number.isFinite(weight)) {
      throw new Error(`${key} must be a number ≥ 0; got ${weight}`);
    }
    weights[id] = weight;
  }
  if (SUBSCORE_IDS.every(id => weights[id] === 0)) {
    throw new Error(`${PREFIX}.weights: at least one weight must be above 0`);
  }

  const surfacePerTeamTarget =
    config.getOptionalNumber(`${PREFIX}.surfacePerTeamTarget`) ??
    DEFAULT_SURFACE_PER_TEAM_TARGET;
  if (!(surfacePerTeamTarget > 0) || !Number.isFinite(surfacePerTeamTarget)) {
    throw new Error(
      `${PREFIX}.surfacePerTeamTarget must be a number above 0; got ${surfacePerTeamTarget}`,
    );
  }

  const teamTypes = config.getOptionalStringArray(`${PREFIX}.teamTypes`) ?? [
    'team',
  ];
  if (teamTypes.length === 0) {
    throw new Error(`${PREFIX}.teamTypes must list at least one group type`);
  }

  const scheduleConfig = config.getOptionalConfig(`${PREFIX}.schedule`);
  return {
    teamTypes,
    includeCapabilityOwners:
      config.getOptionalBoolean(`${PREFIX}.includeCapabilityOwners`) ?? false,
    capabilityFilter: readFilter(config),
    rules: { adoptionFloor, investAdoption, graceDays },
    weights,
    surfacePerTeamTarget,
    schedule: scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_SCHEDULE,
    demoData: config.getOptionalBoolean(`${PREFIX}.demoData`) ?? false,
    notifyOverdueReviews:
      config.getOptionalBoolean(`${PREFIX}.notifyOverdueReviews`) ?? true,
  };
}
