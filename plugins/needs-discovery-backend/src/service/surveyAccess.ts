import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { createPermissionGate, parseRefOfKind } from '@platform-product/common';
import {
  needsDiscoverySurveyManagePermission,
  Survey,
  SurveyDefinition,
  SurveySummary,
  validateSurveyDefinition,
} from '@platform-product/plugin-needs-discovery-common';
import { NeedsStore } from '../database/NeedsStore';
import { RespondentHasher } from './RespondentHasher';
import { ResultsService } from './ResultsService';

export interface SurveyAccessOptions {
  auth: AuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  store: NeedsStore;
  hasher: RespondentHasher;
  results: ResultsService;
  defaultAnonymityThreshold: number;
}

/** Whether a survey is for these teams: an empty audience is everyone. */
export function inAudience(survey: Survey, teams: string[]): boolean {
  return (
    survey.audience.length === 0 ||
    survey.audience.some(ref => teams.includes(ref))
  );
}

/**
 * Who may see and do what with surveys, once for the HTTP routes and the actions: the permission checks (every
 * caller asks the permission framework, services included: the MVP scaffolder actions, other plugins, MCP clients),
 * the caller's teams, the surveys the caller may see, their results and a survey definition's rules.
 */
export function createSurveyAccess(options: SurveyAccessOptions) {
  const {
    auth,
    userInfo,
    permissions,
    store,
    hasher,
    results,
    defaultAnonymityThreshold,
  } = options;
  const { isAllowed, authorize } = createPermissionGate(permissions);

  /** A user's teams: the well-formed group refs among their ownership refs (the suite's ref rule). */
  async function teamsOf(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<string[]> {
    const info = await userInfo.getUserInfo(credentials);
    return info.ownershipEntityRefs
      .map(ref => parseRefOfKind(ref, { kinds: ['group'] }).ref)
      .filter((ref): ref is string => ref !== undefined)
      .sort();
  }

  /**
   * The surveys the caller may see, with their respondent counts and whether the caller answered: every survey for
   * a survey manager; otherwise no drafts, and for a user only the surveys of their audience. `userTeams` is the
   * user's teams, undefined for a service.
   */
  async function listSurveys(credentials: BackstageCredentials): Promise<{
    surveys: SurveySummary[];
    userTeams?: string[];
  }> {
    const canManage = await isAllowed(
      credentials,
      needsDiscoverySurveyManagePermission,
    );
    const user = auth.isPrincipal(credentials, 'user')
      ? credentials
      : undefined;
    const userTeams = user ? await teamsOf(user) : [];
    const visible = (await store.listSurveys()).filter(
      survey =>
        canManage ||
        (survey.status !== 'draft' && (!user || inAudience(survey, userTeams))),
    );
    const counts = await store.countResponses(visible.map(s => s.id));
    const surveys: SurveySummary[] = [];
    for (const survey of visible) {
      const answeredByMe =
        user && survey.status !== 'draft'
          ? Boolean(
              await store.getResponse(
                survey.id,
                hasher.hash(survey.id, user.principal.userEntityRef),
              ),
            )
          : false;
      surveys.push({
        ...survey,
        respondents: counts.get(survey.id) ?? 0,
        answeredByMe,
      });
    }
    return { surveys, userTeams: user ? userTeams : undefined };
  }

  /** A survey the caller may see; drafts are invisible (404) without manage permission. */
  async function visibleSurvey(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<Survey> {
    const survey = await store.getSurvey(id);
    if (
      !survey ||
      (survey.status === 'draft' &&
        !(await isAllowed(credentials, needsDiscoverySurveyManagePermission)))
    ) {
      throw new NotFoundError(`No survey with id ${id}`);
    }
    return survey;
  }

  /** A survey's results; a draft has none yet (409). */
  async function resultsOf(survey: Survey) {
    if (survey.status === 'draft') {
      throw new ConflictError('A draft has no results yet; open it first.');
    }
    return results.getResults(survey);
  }

  /** A survey definition by the suite's rules, or a 400 that lists every problem. */
  function validDefinition(body: unknown): SurveyDefinition {
    const { value, errors } = validateSurveyDefinition(body, {
      defaultAnonymityThreshold,
    });
    if (!value) {
      throw new InputError(`The survey is not valid: ${errors.join('; ')}`);
    }
    return value;
  }

  /** The user who creates a survey, or undefined when a service does. */
  function creatorOf(credentials: BackstageCredentials): string | undefined {
    return auth.isPrincipal(credentials, 'user')
      ? credentials.principal.userEntityRef
      : undefined;
  }

  return {
    isAllowed,
    authorize,
    teamsOf,
    listSurveys,
    visibleSurvey,
    resultsOf,
    validDefinition,
    creatorOf,
  };
}
