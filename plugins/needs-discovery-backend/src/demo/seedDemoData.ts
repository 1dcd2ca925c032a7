import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Answers,
  FREQUENCIES,
  NeedRatingAnswer,
  parseSurveyYaml,
  Survey,
  SurveyDefinition,
} from '@platform-product/plugin-needs-discovery-common';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { NeedsStore } from '../database/NeedsStore';
import { RespondentHasher } from '../service/RespondentHasher';
import { ResultsService } from '../service/ResultsService';

/** The example org is small (3–5 people a team): k = 3 lets its team breakdowns show. */
const DEMO_ANONYMITY_THRESHOLD = 3;
const DEMO_USER_MINIMUM = 10;
/** The signed-in demo user answers neither wave, so the open one is theirs to answer. */
const DEMO_SKIPPED_USER = 'user:default/guest';
/** The nd_settings key whose value names the one seeding run that seeds the demo. */
const DEMO_CLAIM_SETTING = 'demo-data-seeded-by';

const FIRST_WAVE = {
  opened: Date.parse('2026-03-02T09:00:00Z'),
  closed: Date.parse('2026-03-23T17:00:00Z'),
};
const SECOND_WAVE_OPENED = Date.parse('2026-11-02T09:00:00Z');

/** How much each need hurts across the org; needs not listed sit in the middle. */
const BASE_PAIN: Record<string, number> = {
  'need-fast-service-setup': 4.1,
  'need-reliable-deploys': 3.8,
  'need-test-environments': 3.5,
  'need-observability': 3.3,
  'need-secrets-handling': 2.4,
  'need-event-streaming': 2.9,
  'need-data-access': 1.9,
};
const UNLISTED_NEED_PAIN = 1.6;
/** Between the waves the golden path eased service setup, and test environments got worse. */
const SECOND_WAVE_SHIFT: Record<string, number> = {
  'need-fast-service-setup': -1.4,
  'need-test-environments': 0.6,
};

const FREE_TEXT_POOL = [
  'Waiting days for a new repository and pipeline before writing any code.',
  'Flaky deploys on Friday afternoons; we roll back by hand.',
  'We cannot see logs and traces of a request across services in one place.',
  'Getting a database credential takes a ticket and a week.',
  'Shared staging is always broken by someone else.',
  'Too many ways to publish an event; nobody knows which one is supported.',
  'Reading data from another team means asking them for a CSV export.',
  'Onboarding a new colleague takes two weeks of setup.',
];

/** Small deterministic PRNG (mulberry32), so the demo is the same on every machine. */
function random(seedText: string): () => number {
  let seed = 0;
  for (const char of seedText)
    seed = (Math.imul(seed, 31) + char.charCodeAt(0)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function demoAnswers(
  survey: Survey,
  userRef: string,
  teams: string[],
  wave: number,
): Answers {
  const rng = random(`${userRef}|${wave}`);
  const answers: Answers = {};
  const pains = new Map<string, number>();
  for (const need of survey.needs) {
    // Each team feels each need a little differently; the same team always the same way.
    const teamBias = random(`${teams[0] ?? 'none'}|${need.id}`)() * 1.6 - 0.8;
    const shift = wave > 1 ? SECOND_WAVE_SHIFT[need.id] ?? 0 : 0;
    const raw =
      (BASE_PAIN[need.id] ?? UNLISTED_NEED_PAIN) +
      teamBias +
      shift +
      (rng() - 0.5) * 1.5;
    pains.set(need.id, Math.min(5, Math.max(1, Math.round(raw))));
  }
  for (const question of survey.questions) {
    switch (question.type) {
      case 'need-rating': {
        const ratings: NeedRatingAnswer = {};
        for (const need of survey.needs) {
          if (rng() < 0.12) continue; // some needs are skipped
          const pain = pains.get(need.id)!;
          const frequency =
            pain >= 4
              ? FREQUENCIES[rng() < 0.5 ? 0 : 1]
              : FREQUENCIES[1 + Math.floor(rng() * 3)];
          ratings[need.id] = { pain, frequency };
        }
        answers[question.id] = ratings;
        break;
      }
      case 'single-choice':
        answers[question.id] =
          question.options[Math.floor(rng() * question.options.length)];
        break;
      case 'multi-choice': {
        const picks = question.options.filter(() => rng() < 0.35);
        const max = question.maxSelections ?? question.options.length;
        answers[question.id] = (
          picks.length ? picks : [question.options[0]]
        ).slice(0, max);
        break;
      }
      case 'ranking':
        answers[question.id] = [...pains.entries()]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .slice(0, question.max)
          .map(([needId]) => needId);
        break;
      case 'nps':
        answers[question.id] = Math.min(
          10,
          4 + Math.floor(rng() * 7) + (wave > 1 ? 1 : 0),
        );
        break;
      case 'free-text':
        if (rng() < 0.45) {
          answers[question.id] = question.proposesNeed
            ? FREE_TEXT_POOL[5 + Math.floor(rng() * 3)]
            : FREE_TEXT_POOL[Math.floor(rng() * 5)];
        }
        break;
      default:
    }
  }
  return answers;
}

async function loadDefinition(
  surveyFile: string | undefined,
): Promise<SurveyDefinition> {
  if (!surveyFile) {
    throw new Error(
      'needsDiscovery.demoSurveyFile must point at a survey YAML file when demoData is on',
    );
  }
  const { value, errors } = parseSurveyYaml(await readFile(surveyFile, 'utf8'));
  if (!value)
    throw new Error(
      `${surveyFile} is not a valid survey: ${errors.join('; ')}`,
    );
  return {
    ...value,
    anonymityThreshold: DEMO_ANONYMITY_THRESHOLD,
    description: `${
      value.description ?? ''
    }\n\nDemo data: the example org is small, so this demo shows figures drawn from ${DEMO_ANONYMITY_THRESHOLD} or more people.`.trim(),
  };
}

/**
 * Seeds the example instance's demo: a closed first wave and an open second wave of the example survey, answered
 * deterministically by the catalog's users. Does nothing when a demo survey exists, or while the catalog has not
 * ingested the org yet (the scheduler calls again).
 *
 * Replicas seeding at the same moment (the scheduler's lock lost) seed it once: each first stores its claim in
 * nd_settings (an insert that keeps a value already there), and only the one whose claim was stored seeds. If that
 * one fails before the demo exists, it removes its claim, and a later run tries again.
 */
export async function seedDemoData(options: {
  store: NeedsStore;
  catalog: CatalogService;
  auth: AuthService;
  hasher: RespondentHasher;
  results: ResultsService;
  logger: LoggerService;
  surveyFile?: string;
}): Promise<boolean> {
  const { store, catalog, auth, hasher, results, logger } = options;
  if ((await store.listSurveys()).some(s => s.demo)) return false;

  const { items: users } = await catalog.getEntities(
    {
      filter: { kind: 'user' },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
    },
    { credentials: await auth.getOwnServiceCredentials() },
  );
  if (users.length < DEMO_USER_MINIMUM) {
    logger.info(
      `Demo data waits for the catalog (${users.length} users so far)`,
    );
    return false;
  }
  const people = users
    .map((user: Entity) => ({
      ref: stringifyEntityRef(user),
      teams: (user.relations ?? [])
        .filter(
          r =>
            r.type === RELATION_MEMBER_OF && r.targetRef.startsWith('group:'),
        )
        .map(r => r.targetRef)
        .sort(),
    }))
    .filter(p => p.ref !== DEMO_SKIPPED_USER && p.teams.length > 0)
    .sort((a, b) => (a.ref < b.ref ? -1 : 1));

  const definition = await loadDefinition(options.surveyFile);

  const claim = randomUUID();
  if ((await store.setSettingOnce(DEMO_CLAIM_SETTING, claim)) !== claim) {
    logger.debug('The needs-discovery demo is seeded by another run');
    return false;
  }
  try {
    return await seedClaimed({
      store,
      hasher,
      results,
      logger,
      people,
      definition,
    });
  } catch (error) {
    if (!(await store.listSurveys()).some(s => s.demo)) {
      await store.deleteSetting(DEMO_CLAIM_SETTING, claim);
    }
    throw error;
  }
}

/** The seeding itself, by the one run whose claim was stored. */
async function seedClaimed(options: {
  store: NeedsStore;
  hasher: RespondentHasher;
  results: ResultsService;
  logger: LoggerService;
  people: { ref: string; teams: string[] }[];
  definition: SurveyDefinition;
}): Promise<boolean> {
  const { store, hasher, results, logger, people, definition } = options;
  const createdBy = 'user:default/guest';

  const first = await store.createSurvey({
    definition,
    createdBy,
    demo: true,
    now: new Date(FIRST_WAVE.opened - 86_400_000),
  });
  await store.transitionSurvey(
    first.id,
    'draft',
    'open',
    new Date(FIRST_WAVE.opened),
  );
  await store.registerNeeds(first.needs, new Date(FIRST_WAVE.opened));
  const firstOpen = (await store.getSurvey(first.id))!;
  for (const [index, person] of people.entries()) {
    if (random(`${person.ref}|answers-1`)() > 0.85) continue;
    await store.upsertResponse({
      survey: firstOpen,
      respondentHash: hasher.hash(first.id, person.ref),
      teams: person.teams,
      answers: demoAnswers(firstOpen, person.ref, person.teams, 1),
      now: new Date(FIRST_WAVE.opened + (index + 1) * 3_600_000 * 7),
    });
  }
  const firstClosed = (await store.transitionSurvey(
    first.id,
    'open',
    'closed',
    new Date(FIRST_WAVE.closed),
  ))!;
  await results.recordInRegistry(firstClosed);

  const second = await store.createSurvey({
    definition: {
      ...definition,
      title: /spring/i.test(definition.title)
        ? definition.title.replace(/spring/i, 'autumn')
        : `${definition.title} (wave 2)`,
      closesAt: null,
    },
    createdBy,
    demo: true,
    wave: 2,
    previousSurveyId: first.id,
    now: new Date(SECOND_WAVE_OPENED - 86_400_000),
  });
  await store.transitionSurvey(
    second.id,
    'draft',
    'open',
    new Date(SECOND_WAVE_OPENED),
  );
  const secondOpen = (await store.getSurvey(second.id))!;
  for (const [index, person] of people.entries()) {
    if (random(`${person.ref}|answers-2`)() > 0.7) continue;
    await store.upsertResponse({
      survey: secondOpen,
      respondentHash: hasher.hash(second.id, person.ref),
      teams: person.teams,
      answers: demoAnswers(secondOpen, person.ref, person.teams, 2),
      now: new Date(SECOND_WAVE_OPENED + (index + 1) * 3_600_000 * 5),
    });
  }
  await results.recordInRegistry(secondOpen);
  logger.info(
    `Seeded the needs-discovery demo: surveys ${first.id} (closed) and ${second.id} (open)`,
  );
  return true;
}
