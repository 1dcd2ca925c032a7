import { stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  defaultEntityPresentation,
  EntityPresentationApi,
  EntityRefPresentation,
  EntityRefPresentationSnapshot,
} from '@backstage/plugin-catalog-react';
import {
  DEFAULT_FREQUENCY_WEIGHTS,
  Survey,
  SurveyResults,
  SurveySummary,
} from '@platform-product/plugin-needs-discovery-common';
import { NeedsDiscoveryApi } from '../api';

/** A ResponseError as the client throws it for a Backstage error body. */
export async function responseError(
  statusCode: number,
  message: string,
  name = 'InputError',
): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name, message },
    response: { statusCode },
  });
  return ResponseError.fromResponse({
    ok: false,
    status: statusCode,
    statusText: 'Error',
    redirected: false,
    type: 'basic',
    url: 'http://localhost/api/needs-discovery',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => body,
  });
}

/** Every API method as a jest mock; tests override the ones they use. */
export function mockNeedsDiscoveryApi(): jest.Mocked<NeedsDiscoveryApi> {
  return {
    listSurveys: jest.fn().mockResolvedValue([]),
    getSurvey: jest.fn(),
    createSurvey: jest.fn(),
    updateSurvey: jest.fn(),
    openSurvey: jest.fn(),
    closeSurvey: jest.fn(),
    cloneSurvey: jest.fn(),
    getMyResponse: jest.fn().mockResolvedValue(undefined),
    submitMyResponse: jest.fn(),
    withdrawMyResponse: jest.fn(),
    getResults: jest.fn(),
    getResultsCsv: jest.fn(),
    listNeeds: jest.fn().mockResolvedValue([]),
    getNeed: jest.fn(),
    updateNeed: jest.fn(),
  };
}

export const survey: Survey = {
  id: 'dev-experience-2025',
  title: 'Developer experience 2025',
  description: 'What slows you down?',
  audience: ['group:default/checkout', 'group:default/payments'],
  anonymityThreshold: 5,
  closesAt: '2030-01-31T17:00:00.000Z',
  needs: [
    {
      id: 'faster-ci',
      title: 'Faster CI feedback',
      description: 'Builds that finish in minutes',
    },
    { id: 'self-service-db', title: 'Self-service databases' },
    { id: 'preview-envs', title: 'Preview environments' },
  ],
  questions: [
    { id: 'needs', type: 'need-rating', title: 'Rate each need' },
    {
      id: 'role',
      type: 'single-choice',
      title: 'Your role',
      options: ['Developer', 'SRE'],
    },
    {
      id: 'tools',
      type: 'multi-choice',
      title: 'Tools you use',
      options: ['Jenkins', 'GitHub Actions', 'Argo CD'],
      maxSelections: 2,
    },
    { id: 'top', type: 'ranking', title: 'Most important', max: 2 },
    {
      id: 'other',
      type: 'free-text',
      title: 'Anything else?',
      maxLength: 100,
    },
    {
      id: 'recommend',
      type: 'nps',
      title: 'Would you recommend the platform?',
    },
  ],
  status: 'open',
  wave: 2,
  previousSurveyId: 'dev-experience-2024',
  createdBy: 'user:default/pat',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  openedAt: '2025-01-02T00:00:00.000Z',
  closedAt: null,
  demo: false,
};

export function summaryOf(
  base: Survey,
  extra: Partial<SurveySummary> = {},
): SurveySummary {
  return { ...base, respondents: 12, answeredByMe: false, ...extra };
}

/** Catalog titles of the example teams: a display name, a title, and none (payments). */
export const TEAM_TITLES: Record<string, string> = {
  'group:default/checkout': 'Checkout Squad',
  'group:default/billing': 'Billing & Invoicing',
};

/** Emits one value on the next tick, then completes: the "catalog" answering. */
function later(
  value: EntityRefPresentationSnapshot,
): EntityRefPresentation['update$'] {
  const observable = {
    subscribe(
      observer:
        | ((v: EntityRefPresentationSnapshot) => void)
        | {
            next?: (v: EntityRefPresentationSnapshot) => void;
            complete?: () => void;
          },
    ) {
      let closed = false;
      const { next, complete } =
        typeof observer === 'function' ? { next: observer } : observer;
      Promise.resolve().then(() => {
        if (!closed) {
          next?.(value);
          complete?.();
        }
      });
      return {
        get closed() {
          return closed;
        },
        unsubscribe() {
          closed = true;
        },
      };
    },
  };
  return observable as unknown as EntityRefPresentation['update$'];
}

/**
 * An entity presentation API that knows the given titles. Like Backstage's default one, it first presents a ref by its
 * short name and gives the title once the "catalog" answers (through `promise` and `update$`); refs it does not know
 * keep their short name.
 */
export function mockEntityPresentationApi(
  titles: Record<string, string> = TEAM_TITLES,
): EntityPresentationApi {
  return {
    forEntity(entityOrRef, context) {
      const ref =
        typeof entityOrRef === 'string'
          ? entityOrRef
          : stringifyEntityRef(entityOrRef);
      const snapshot = defaultEntityPresentation(ref, context);
      const resolved = titles[ref]
        ? { ...snapshot, primaryTitle: titles[ref] }
        : snapshot;
      return {
        snapshot,
        update$: later(resolved),
        promise: Promise.resolve(resolved),
      };
    },
  };
}

export const results: SurveyResults = {
  surveyId: survey.id,
  status: 'closed',
  anonymityThreshold: 5,
  settings: {
    sharedNeedMinTeams: 3,
    frequencyWeights: DEFAULT_FREQUENCY_WEIGHTS,
    anonymityThreshold: 5,
    reportingPain: 3,
    topNeedsPerTeam: 3,
  },
  respondents: 24,
  audienceSize: 40,
  responseRate: 0.6,
  needs: [
    {
      needId: 'faster-ci',
      title: 'Faster CI feedback',
      respondents: 20,
      teams: 3,
      meanPain: 4.1,
      frequencyWeight: 0.9,
      priorityScore: 11.07,
      shared: true,
      suppressed: false,
      previous: {
        surveyId: 'dev-experience-2024',
        priorityScore: 8.5,
        delta: 2.57,
      },
    },
    {
      needId: 'self-service-db',
      title: 'Self-service databases',
      respondents: 9,
      teams: 1,
      meanPain: 3.2,
      frequencyWeight: 0.3,
      priorityScore: 0.96,
      shared: false,
      suppressed: false,
      previous: null,
    },
    {
      needId: 'preview-envs',
      title: 'Preview environments',
      respondents: 3,
      teams: 0,
      meanPain: null,
      frequencyWeight: null,
      priorityScore: null,
      shared: false,
      suppressed: true,
      previous: null,
    },
  ],
  priorityCase: {
    needId: 'faster-ci',
    title: 'Faster CI feedback',
    reason: 'Reported by 3 teams with the highest priority score.',
  },
  teams: [
    {
      teamRef: 'group:default/checkout',
      members: 10,
      respondents: 7,
      responseRate: 0.7,
      topNeeds: [
        {
          needId: 'faster-ci',
          title: 'Faster CI feedback',
          respondents: 7,
          meanPain: 4.4,
        },
      ],
    },
  ],
  suppressedTeams: 2,
  questions: [
    {
      questionId: 'role',
      type: 'single-choice',
      title: 'Your role',
      respondents: 20,
      suppressed: false,
      choices: [
        { option: 'Developer', count: 15 },
        { option: 'SRE', count: 5 },
      ],
    },
    {
      questionId: 'recommend',
      type: 'nps',
      title: 'Would you recommend the platform?',
      respondents: 20,
      suppressed: false,
      nps: { score: 15, promoters: 8, passives: 7, detractors: 5 },
    },
    {
      questionId: 'other',
      type: 'free-text',
      title: 'Anything else?',
      respondents: 6,
      suppressed: false,
      texts: ['<b>not bold</b>', 'More docs please'],
    },
  ],
  previousSurveyId: 'dev-experience-2024',
  computedAt: '2025-03-01T00:00:00.000Z',
};
