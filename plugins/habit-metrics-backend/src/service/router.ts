import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import {
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  addWeeks,
  DEFAULT_RETENTION_WEEKS,
  habitMetricsCampaignManagePermission,
  habitMetricsCampaignParticipatePermission,
  habitMetricsEventsWritePermission,
  habitMetricsReadPermission,
  HabitEventInput,
  validateHabitEventBatch,
  WeekStart,
  weeksBetween,
  weekStartOf,
} from '@platform-product/plugin-habit-metrics-common';
import {
  clarifyValidationErrors,
  createPermissionGate,
  requireDecimalQueryParameter,
  requireRefOfKind,
} from '@platform-product/common';
import express from 'express';
import { HabitStore, NewHabitEvent } from '../database/HabitStore';
import { normaliseRef } from '../refs';
import { EndpointMap, spec } from '../schema/openapi.generated';
import { CampaignService } from './CampaignService';
import { CapabilityIndex } from './CapabilityIndex';
import { MetricsService, WeekRange } from './MetricsService';
import { TeamResolver } from './TeamResolver';

export interface RouterOptions {
  logger: LoggerService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: HabitStore;
  teams: TeamResolver;
  capabilities: CapabilityIndex;
  metrics: MetricsService;
  campaigns: CampaignService;
}

/** Weeks shown when the caller gives no range: half a year up to the current week. */
const DEFAULT_RANGE_WEEKS = 26;
/** Longest range a caller may ask for: three years. */
const MAX_RANGE_WEEKS = 156;

/** The week of a YYYY-MM-DD date given as a query parameter (the spec has checked the pattern). */
function weekOfDate(value: string, name: string): WeekStart {
  try {
    return weekStartOf(value);
  } catch {
    throw new InputError(
      `${name} must be a date written YYYY-MM-DD, e.g. 2026-01-05; got ${value}`,
    );
  }
}

/** from/to snapped to their weeks, defaulting to the last 26 weeks up to the current one. */
export function readRange(
  query: { from?: string; to?: string },
  now = new Date(),
): WeekRange {
  const to = query.to ? weekOfDate(query.to, 'to') : weekStartOf(now);
  const from = query.from
    ? weekOfDate(query.from, 'from')
    : addWeeks(to, -(DEFAULT_RANGE_WEEKS - 1));
  const span = weeksBetween(from, to) + 1;
  if (span < 1) {
    throw new InputError(
      `from (week of ${from}) must not be after to (week of ${to})`,
    );
  }
  if (span > MAX_RANGE_WEEKS) {
    throw new InputError(
      `The range from ${from} to ${to} spans ${span} weeks; at most ${MAX_RANGE_WEEKS} weeks may be asked for at once`,
    );
  }
  return { from, to };
}

/**
 * A ref parameter read by the suite's one ref rule (`requireRefOfKind`: no NUL, control character or lone
 * surrogate, the catalog's name rules, the kind the parameter means), in the lower-case form this plugin stores.
 * `kind` undefined: any kind, written with the ref (`capability`); otherwise that kind, which may be left out.
 */
function refParameter(
  value: string | undefined,
  name: string,
  kind?: string,
): string | undefined {
  if (value === undefined) return undefined;
  return requireRefOfKind(
    value,
    name,
    kind ? { kinds: [kind], defaultKind: kind } : { kinds: [] },
  ).toLocaleLowerCase('en-US');
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    auth,
    httpAuth,
    permissions,
    store,
    teams,
    capabilities,
    metrics,
    campaigns,
  } = options;
  // Typed from the spec (src/schema/openapi.yaml → openapi.generated.ts): the validator has checked and coerced
  // path, query and body before a handler runs.
  const router =
    createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(spec, {
      // A full batch of 500 events is far below this; anything larger is not a batch of events.
      middleware: [express.json({ limit: '1mb' })],
    });

  type AnyRequest = Parameters<HttpAuthService['credentials']>[0];
  const credentialsOf = (req: AnyRequest) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  /**
   * Every caller asks the permission framework, services included (CI bridges, other plugins, the MVP scaffolder
   * actions): it allows plain service calls and applies the access restrictions of external access tokens
   * (`backend.auth.externalAccess`).
   */
  const { authorize, isAllowed } = createPermissionGate(permissions);

  async function reader(req: AnyRequest) {
    const credentials = await credentialsOf(req);
    await authorize(
      credentials,
      habitMetricsReadPermission,
      'read habit metrics',
    );
  }

  router.post('/events', async (req, res) => {
    const credentials = await credentialsOf(req);
    await authorize(
      credentials,
      habitMetricsEventsWritePermission,
      'send habit events',
    );
    const now = new Date();
    const { value: inputs, errors } = validateHabitEventBatch(req.body, {
      now,
    });
    if (!inputs) {
      throw new InputError(
        `Nothing was recorded, the events are not valid: ${errors.join('; ')}`,
      );
    }
    const batch = Object.prototype.hasOwnProperty.call(req.body, 'events');
    const nameOf = (index: number) => (batch ? `events[${index}]` : 'event');

    // A signed-in user speaks for themselves and their own teams only; services are trusted.
    const user = auth.isPrincipal(credentials, 'user')
      ? normaliseRef(credentials.principal.userEntityRef)!
      : undefined;
    const teamsByUser = await teams.teamsOfUsers([
      ...(user ? [user] : []),
      ...inputs.flatMap(e => (e.userRef && !e.teamRef ? [e.userRef] : [])),
    ]);
    const forbidden: string[] = [];
    const problems: string[] = [];
    const events: NewHabitEvent[] = [];
    for (const [index, input] of inputs.entries()) {
      const name = nameOf(index);
      if (user && input.userRef && input.userRef !== user) {
        forbidden.push(
          `${name}.userRef is ${input.userRef}, but you may only send your own activity`,
        );
        continue;
      }
      if (
        user &&
        input.teamRef &&
        !(teamsByUser.get(user) ?? []).includes(input.teamRef)
      ) {
        forbidden.push(
          `${name}.teamRef is ${input.teamRef}, but you are not a member of that team in the catalog`,
        );
        continue;
      }
      const teamRefs = input.teamRef
        ? [input.teamRef]
        : teamsByUser.get(input.userRef!) ?? [];
      if (teamRefs.length === 0) {
        problems.push(
          `${name}.userRef ${input.userRef} is not a member of any team in the catalog, so the event cannot be counted for a team; send a teamRef instead`,
        );
        continue;
      }
      events.push(await toEvent(input, teamRefs, now));
    }
    if (forbidden.length > 0) {
      throw new NotAllowedError(
        `Nothing was recorded: ${forbidden.join('; ')}`,
      );
    }
    if (problems.length > 0) {
      throw new InputError(`Nothing was recorded: ${problems.join('; ')}`);
    }
    // The user ref goes no further than this handler.
    res.status(202).json(await store.recordEvents(events, now));
  });

  async function toEvent(
    input: HabitEventInput,
    teamRefs: string[],
    now: Date,
  ): Promise<NewHabitEvent> {
    const templateRef = input.templateRef ?? null;
    return {
      source: input.source,
      kind: input.kind,
      way: input.way,
      capabilityRef:
        input.capabilityRef ??
        (await capabilities.capabilityOfTemplate(templateRef)),
      templateRef,
      teamRefs,
      at: input.at ? new Date(input.at) : now,
      // Scoped by source, and apart from the keys of the plugin's own ingestion (scaffolder-task:, catalog-component:).
      idempotencyKey: input.idempotencyKey
        ? `event:${input.source}:${input.idempotencyKey}`
        : null,
    };
  }

  router.get('/summary', async (req, res) => {
    await reader(req);
    res.json(await metrics.summary());
  });

  router.get('/golden-path', async (req, res) => {
    await reader(req);
    const { query } = req;
    const teamRef = refParameter(query.team, 'team', 'group');
    res.json(
      await metrics.goldenPath({
        ...readRange(query),
        ...(teamRef ? { teamRef } : {}),
      }),
    );
  });

  router.get('/adoption', async (req, res) => {
    await reader(req);
    const { query } = req;
    const range = readRange(query);
    const capabilityRef = refParameter(query.capability, 'capability');
    const templateRef = refParameter(query.template, 'template', 'template');
    if (!capabilityRef && !templateRef) {
      res.json({ capabilities: await metrics.adoptionOfAll(range) });
      return;
    }
    res.json(await metrics.adoption({ ...range, capabilityRef, templateRef }));
  });

  router.get('/retention', async (req, res) => {
    await reader(req);
    const { query } = req;
    res.json(
      await metrics.retention({
        capabilityRef: refParameter(query.capability, 'capability'),
        weeks:
          requireDecimalQueryParameter(req, 'weeks', { min: 1, max: 26 }) ??
          DEFAULT_RETENTION_WEEKS,
      }),
    );
  });

  router.get('/stickiness', async (req, res) => {
    await reader(req);
    const { query } = req;
    res.json(
      await metrics.stickiness({
        ...readRange(query),
        capabilityRef: refParameter(query.capability, 'capability'),
      }),
    );
  });

  router.get('/reversions', async (req, res) => {
    await reader(req);
    const { query } = req;
    res.json(
      await metrics.reversions({
        ...readRange(query),
        minStreakWeeks: requireDecimalQueryParameter(req, 'minStreak', {
          min: 1,
          max: 52,
        }),
      }),
    );
  });

  router.get('/time-to-habit', async (req, res) => {
    await reader(req);
    res.json(
      await metrics.timeToHabit({
        habitWeeks: requireDecimalQueryParameter(req, 'habitWeeks', {
          min: 1,
          max: 52,
        }),
      }),
    );
  });

  router.get('/teams/:namespace/:name', async (req, res) => {
    await reader(req);
    const { namespace, name } = req.params;
    const teamRef = refParameter(
      `group:${namespace}/${name}`,
      'team',
      'group',
    )!;
    const habits = await metrics.team(teamRef, readRange(req.query));
    if (!habits) throw new NotFoundError(`No team ${teamRef}`);
    res.json(habits);
  });

  router.get('/capabilities/:kind/:namespace/:name', async (req, res) => {
    await reader(req);
    const { kind, namespace, name } = req.params;
    const capabilityRef = refParameter(
      `${kind}:${namespace}/${name}`,
      'capability',
    )!;
    const habits = await metrics.capability(
      capabilityRef,
      readRange(req.query),
    );
    if (!habits) {
      throw new NotFoundError(
        `${capabilityRef} is not a platform capability in the catalog and no activity names it`,
      );
    }
    res.json(habits);
  });

  // Campaigns. Reading needs habit-metrics.read; creating and changing, habit-metrics.campaigns.manage; taking
  // part, habit-metrics.campaigns.participate, and only ever for oneself.
  type Credentials = Awaited<ReturnType<typeof credentialsOf>>;
  const userOf = (credentials: Credentials) =>
    auth.isPrincipal(credentials, 'user')
      ? normaliseRef(credentials.principal.userEntityRef)!
      : undefined;
  const callerRef = (credentials: Credentials) =>
    userOf(credentials) ??
    (auth.isPrincipal(credentials, 'service')
      ? credentials.principal.subject
      : 'unknown');

  router.get('/campaigns', async (req, res) => {
    await reader(req);
    res.json({ campaigns: await campaigns.list(req.query.status) });
  });

  router.post('/campaigns', async (req, res) => {
    const credentials = await credentialsOf(req);
    await authorize(
      credentials,
      habitMetricsCampaignManagePermission,
      'create campaigns',
    );
    res
      .status(201)
      .json(await campaigns.create(req.body, callerRef(credentials)));
  });

  router.get('/campaigns/:id', async (req, res) => {
    const credentials = await credentialsOf(req);
    await authorize(
      credentials,
      habitMetricsReadPermission,
      'read habit metrics',
    );
    res.json(
      await campaigns.detail(req.params.id, {
        userRef: userOf(credentials),
        organiser: await isAllowed(
          credentials,
          habitMetricsCampaignManagePermission,
        ),
      }),
    );
  });

  router.patch('/campaigns/:id', async (req, res) => {
    const credentials = await credentialsOf(req);
    await authorize(
      credentials,
      habitMetricsCampaignManagePermission,
      'change campaigns',
    );
    res.json(await campaigns.update(req.params.id, req.body));
  });

  router.post('/campaigns/:id/activities', async (req, res) => {
    const credentials = await credentialsOf(req);
    await authorize(
      credentials,
      habitMetricsCampaignManagePermission,
      'add campaign activities',
    );
    res
      .status(201)
      .json(
        await campaigns.addActivity(
          req.params.id,
          req.body,
          callerRef(credentials),
        ),
      );
  });

  router.put(
    '/campaigns/:id/activities/:activityId/participation/me',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      await authorize(
        credentials,
        habitMetricsCampaignParticipatePermission,
        'take part in campaigns',
      );
      res.json(
        await campaigns.participate(
          req.params.id,
          req.params.activityId,
          userOf(credentials)!,
          req.body,
        ),
      );
    },
  );

  router.get('/campaigns/:id/progress', async (req, res) => {
    await reader(req);
    res.json(await campaigns.progress(req.params.id));
  });

  // The validator's pattern and unknown-field messages, said so that a person can act on them.
  router.use(clarifyValidationErrors(spec));
  return router;
}
