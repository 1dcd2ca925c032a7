import {
  createValidatedOpenApiRouterFromGeneratedEndpointMap,
  type internal,
} from '@backstage/backend-openapi-utils';
import {
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  clarifyValidationErrors,
  requireRefOfKind,
  requireText,
} from '@platform-product/common';
import {
  MyResponse,
  needsDiscoveryNeedUpdatePermission,
  needsDiscoveryResponseSubmitPermission,
  needsDiscoveryResultsReadPermission,
  needsDiscoverySurveyCreatePermission,
  needsDiscoverySurveyManagePermission,
  resultsToCsv,
  SURVEY_LIMITS,
  isValidId,
  validateAnswers,
} from '@platform-product/plugin-needs-discovery-common';
import express from 'express';
import { StoredResponse } from '../database/NeedsStore';
import { EndpointMap, spec } from '../schema/openapi.generated';
import { NeedsRegistry } from './NeedsRegistry';
import { SurveyNotifier } from './SurveyNotifier';
import {
  createSurveyAccess,
  inAudience,
  SurveyAccessOptions,
} from './surveyAccess';

export interface RouterOptions extends SurveyAccessOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  registry: NeedsRegistry;
  notifier: SurveyNotifier;
}

function toMyResponse(response: StoredResponse): MyResponse {
  return {
    surveyId: response.surveyId,
    answers: response.answers,
    teams: response.teams,
    submittedAt: response.submittedAt,
    updatedAt: response.updatedAt,
  };
}

function invalid(what: string, errors: string[]): InputError {
  return new InputError(`${what}: ${errors.join('; ')}`);
}

/** The longest survey id: the `nd_surveys.id` column (the store writes UUIDs). */
const SURVEY_ID_MAX_LENGTH = 64;

/**
 * A path id checked before any database call: the suite's text rule (no NUL, control character or lone surrogate,
 * which PostgreSQL refuses and SQLite stores), then kebab-case within its column. The spec's pattern answers such a
 * request first (`request/params/id must match pattern …`); this is the same rule again where the value is used, so
 * that no path reaches the store unchecked whatever the validator is configured to do.
 */
function requirePathId(
  value: string,
  what: string,
  maxLength: number,
  isValid: (id: string) => boolean,
) {
  const id = requireText(value, what, { maxLength });
  if (!isValid(id)) {
    throw new InputError(
      `${what} must be kebab-case (lowercase letters and digits joined by single hyphens, e.g. need-fast-setup); got ${JSON.stringify(
        id.slice(0, 80),
      )}`,
    );
  }
  return id;
}
const surveyIdOf = (value: string) =>
  requirePathId(value, 'survey id', SURVEY_ID_MAX_LENGTH, id =>
    /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id),
  );
const needIdOf = (value: string) =>
  requirePathId(value, 'need id', SURVEY_LIMITS.idMaxLength, isValidId);

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, store, hasher, results, registry, notifier } = options;
  // Typed from the spec (src/schema/openapi.yaml → openapi.generated.ts): the validator has checked and coerced
  // path, query and body before a handler runs.
  const router =
    createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(spec, {
      // Large enough for a long survey or a response full of free text; anything larger is not a person's answer.
      middleware: [express.json({ limit: '512kb' })],
    });

  type AnyRequest = Parameters<HttpAuthService['credentials']>[0];
  const credentialsOf = (req: AnyRequest) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const userCredentialsOf = (req: AnyRequest) =>
    httpAuth.credentials(req, { allow: ['user'] });

  // The permission checks, the caller's teams and the surveys the caller may see: the same for the actions.
  const access = createSurveyAccess(options);
  const { authorize, teamsOf, validDefinition } = access;

  /** A survey the caller may see (the path id checked first); drafts are invisible (404) without manage permission. */
  const visibleSurvey = (id: string, credentials: BackstageCredentials) =>
    access.visibleSurvey(surveyIdOf(id), credentials);

  async function surveyToManage(id: string, credentials: BackstageCredentials) {
    await authorize(
      credentials,
      needsDiscoverySurveyManagePermission,
      'manage surveys',
    );
    const survey = await store.getSurvey(surveyIdOf(id));
    if (!survey) throw new NotFoundError(`No survey with id ${id}`);
    return survey;
  }

  async function openForResponses(
    id: string,
    credentials: BackstageCredentials,
  ) {
    const survey = await visibleSurvey(id, credentials);
    if (survey.status !== 'open') {
      throw new ConflictError(
        `The survey "${survey.title}" is ${survey.status}; responses can only be changed while it is open.`,
      );
    }
    if (survey.closesAt && Date.parse(survey.closesAt) < Date.now()) {
      throw new ConflictError(
        `The survey "${survey.title}" closed on ${survey.closesAt}.`,
      );
    }
    return survey;
  }

  router.get('/surveys', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { surveys } = await access.listSurveys(credentials);
    res.json({ items: surveys });
  });

  router.post('/surveys', async (req, res) => {
    const credentials = await credentialsOf(req);
    await authorize(
      credentials,
      needsDiscoverySurveyCreatePermission,
      'create surveys',
    );
    const definition = validDefinition(req.body);
    const createdBy = access.creatorOf(credentials) ?? 'service';
    res.status(201).json(await store.createSurvey({ definition, createdBy }));
  });

  router.get('/surveys/:id', async (req, res) => {
    const credentials = await credentialsOf(req);
    res.json(await visibleSurvey(req.params.id, credentials));
  });

  router.put('/surveys/:id', async (req, res) => {
    const credentials = await credentialsOf(req);
    const survey = await surveyToManage(req.params.id, credentials);
    if (survey.status !== 'draft') {
      throw new ConflictError(
        `The survey is ${survey.status}; only drafts can be edited. Clone it to start a new wave.`,
      );
    }
    const definition = validDefinition(req.body);
    const updated = await store.updateDraft(survey.id, definition);
    if (!updated) {
      throw new ConflictError('The survey was opened while you edited it.');
    }
    res.json(updated);
  });

  router.post('/surveys/:id/open', async (req, res) => {
    const credentials = await credentialsOf(req);
    const survey = await surveyToManage(req.params.id, credentials);
    const opened = await store.transitionSurvey(survey.id, 'draft', 'open');
    if (!opened) {
      throw new ConflictError(
        `The survey is ${survey.status}; only a draft can be opened.`,
      );
    }
    await store.registerNeeds(opened.needs);
    await notifier.surveyOpened(opened);
    res.json(opened);
  });

  router.post('/surveys/:id/close', async (req, res) => {
    const credentials = await credentialsOf(req);
    const survey = await surveyToManage(req.params.id, credentials);
    const closed = await store.transitionSurvey(survey.id, 'open', 'closed');
    if (!closed) {
      throw new ConflictError(
        `The survey is ${survey.status}; only an open survey can be closed.`,
      );
    }
    await results.recordInRegistry(closed);
    res.json(closed);
  });

  router.post('/surveys/:id/clone', async (req, res) => {
    const credentials = await credentialsOf(req);
    const survey = await surveyToManage(req.params.id, credentials);
    if (survey.status !== 'closed') {
      throw new ConflictError(
        'Only a closed survey can start a new wave; close it first.',
      );
    }
    const {
      title,
      description,
      audience,
      anonymityThreshold,
      needs,
      questions,
    } = survey;
    const clone = await store.createSurvey({
      definition: {
        title,
        ...(description ? { description } : {}),
        audience,
        anonymityThreshold,
        closesAt: null,
        needs,
        questions,
      },
      createdBy: access.creatorOf(credentials) ?? survey.createdBy,
      wave: survey.wave + 1,
      previousSurveyId: survey.id,
    });
    res.status(201).json(clone);
  });

  router.get('/surveys/:id/responses/me', async (req, res) => {
    const credentials = await userCredentialsOf(req);
    const survey = await visibleSurvey(req.params.id, credentials);
    const response = await store.getResponse(
      survey.id,
      hasher.hash(survey.id, credentials.principal.userEntityRef),
    );
    if (!response) {
      // Not answered yet is an expected state, not an error: no body, and no 404 in the browser's console.
      res.status(204).end();
      return;
    }
    res.json(toMyResponse(response));
  });

  router.put('/surveys/:id/responses/me', async (req, res) => {
    const credentials = await userCredentialsOf(req);
    await authorize(
      credentials,
      needsDiscoveryResponseSubmitPermission,
      'answer surveys',
    );
    const survey = await openForResponses(req.params.id, credentials);
    const teams = await teamsOf(credentials);
    if (!inAudience(survey, teams)) {
      throw new NotAllowedError(
        `This survey is for ${survey.audience.join(
          ', ',
        )}; you are not a member of those teams in the catalog.`,
      );
    }
    const { value: answers, errors } = validateAnswers(
      survey,
      req.body.answers,
    );
    if (!answers) throw invalid('Some answers are not valid', errors);
    const stored = await store.upsertResponse({
      survey,
      respondentHash: hasher.hash(
        survey.id,
        credentials.principal.userEntityRef,
      ),
      teams,
      answers,
    });
    res.json(toMyResponse(stored));
  });

  router.delete('/surveys/:id/responses/me', async (req, res) => {
    const credentials = await userCredentialsOf(req);
    // Withdrawing an answer changes the results as much as giving one.
    await authorize(
      credentials,
      needsDiscoveryResponseSubmitPermission,
      'withdraw survey answers',
    );
    const survey = await openForResponses(req.params.id, credentials);
    const deleted = await store.deleteResponse(
      survey.id,
      hasher.hash(survey.id, credentials.principal.userEntityRef),
    );
    if (!deleted) {
      throw new NotFoundError('You have not answered this survey.');
    }
    res.status(204).end();
  });

  async function readableResults(
    id: string,
    credentials: BackstageCredentials,
  ) {
    await authorize(
      credentials,
      needsDiscoveryResultsReadPermission,
      'read survey results',
    );
    return access.resultsOf(await visibleSurvey(id, credentials));
  }

  router.get('/surveys/:id/results', async (req, res) => {
    const credentials = await credentialsOf(req);
    res.json(await readableResults(req.params.id, credentials));
  });

  router.get('/surveys/:id/results.csv', async (req, res) => {
    const credentials = await credentialsOf(req);
    const surveyResults = await readableResults(req.params.id, credentials);
    res
      .type('text/csv')
      .attachment(`survey-${surveyResults.surveyId}-results.csv`)
      .send(resultsToCsv(surveyResults));
  });

  router.get('/needs', async (req, res) => {
    await credentialsOf(req);
    res.json({ items: await registry.listNeeds() });
  });

  router.get('/needs/:id', async (req, res) => {
    await credentialsOf(req);
    const needId = needIdOf(req.params.id);
    const need = await registry.getNeed(needId);
    if (!need) throw new NotFoundError(`No need with id ${needId}`);
    res.json(need);
  });

  // TypedRouter types get, post, put and delete; a PATCH handler takes its types from the same EndpointMap.
  const updateNeed: internal.EndpointMapRequestHandler<
    EndpointMap,
    '/needs/{id}',
    'patch'
  > = async (req, res) => {
    const credentials = await credentialsOf(req);
    await authorize(
      credentials,
      needsDiscoveryNeedUpdatePermission,
      'change needs',
    );
    const needId = needIdOf(req.params.id);
    // The spec has checked status against the statuses, the ref's length and refused unknown fields; the ref is
    // read by the suite's ref rule (any kind, but written with it): system:default/event-streaming.
    const body = req.body;
    const capabilityRef =
      typeof body.capabilityRef === 'string'
        ? requireRefOfKind(body.capabilityRef, 'capabilityRef', { kinds: [] })
        : body.capabilityRef;
    const need = await registry.updateNeed(needId, {
      status: body.status,
      capabilityRef,
    });
    if (!need) throw new NotFoundError(`No need with id ${needId}`);
    res.json(need);
  };
  router.patch('/needs/:id', updateNeed);

  // The validator's pattern and unknown-field messages, said so that a person can act on them.
  router.use(clarifyValidationErrors(spec));
  return router;
}
