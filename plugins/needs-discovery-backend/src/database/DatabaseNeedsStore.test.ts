import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  aggregateResponses,
  Answers,
  AudienceTeam,
  DEFAULT_FREQUENCY_WEIGHTS,
  FREQUENCIES,
  Survey,
  SurveyDefinition,
} from '@platform-product/plugin-needs-discovery-common';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { DatabaseNeedsStore } from './DatabaseNeedsStore';

jest.setTimeout(60_000);

const definition: SurveyDefinition = {
  title: 'What slows you down?',
  audience: [],
  anonymityThreshold: 3,
  needs: [
    { id: 'need-fast-setup', title: 'Fast service setup' },
    { id: 'need-deploys', title: 'Reliable deploys' },
    { id: 'need-logs', title: 'Searchable logs' },
  ],
  questions: [
    { id: 'ratings', type: 'need-rating', title: 'Rate each need' },
    {
      id: 'role',
      type: 'single-choice',
      title: 'Role',
      options: ['dev', 'ops', 'lead'],
    },
    {
      id: 'tools',
      type: 'multi-choice',
      title: 'Tools',
      options: ['ci', 'k8s', 'db'],
    },
    { id: 'top', type: 'ranking', title: 'Top needs', max: 2 },
    { id: 'nps', type: 'nps', title: 'Recommend the platform?' },
    { id: 'slows', type: 'free-text', title: 'What slows you down?' },
  ],
};

const teams = [
  'group:default/checkout',
  'group:default/billing',
  'group:default/mobile',
];
const audienceTeams: AudienceTeam[] = teams.map(teamRef => ({
  teamRef,
  members: 6,
}));

/** Deterministic pseudo-random answers for respondent i. */
function answersFor(i: number): { teams: string[]; answers: Answers } {
  const pick = <T>(list: readonly T[], salt: number) =>
    list[(i * 7 + salt * 3) % list.length];
  const ratings: Record<
    string,
    { pain: number; frequency: (typeof FREQUENCIES)[number] }
  > = {};
  definition.needs.forEach((need, n) => {
    if ((i + n) % 5 === 4) return; // skipped
    ratings[need.id] = {
      pain: ((i * (n + 2)) % 5) + 1,
      frequency: pick(FREQUENCIES, n),
    };
  });
  const answers: Answers = {
    ratings,
    role: pick(['dev', 'ops', 'lead'], 1),
    tools: i % 3 === 0 ? ['ci', 'db'] : ['k8s'],
    top: i % 2 === 0 ? ['need-deploys', 'need-logs'] : ['need-fast-setup'],
    nps: (i * 3) % 11,
  };
  if (i % 2 === 1) answers.slows = `<b>waiting</b> ${i}`;
  const respondentTeams = i % 4 === 0 ? [teams[0], teams[1]] : [pick(teams, 2)];
  return { teams: respondentTeams.sort(), answers };
}

describe('DatabaseNeedsStore', () => {
  const databases = TestDatabases.create();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseNeedsStore.create({
      database: mockServices.database({ knex }),
    });
    return { store, knex };
  }

  async function openSurvey(store: DatabaseNeedsStore): Promise<Survey> {
    const draft = await store.createSurvey({
      definition,
      createdBy: 'user:default/ada',
    });
    return (await store.transitionSurvey(draft.id, 'draft', 'open'))!;
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('keeps a survey through its lifecycle and refuses out-of-order transitions', async () => {
      const { store } = await createStore(databaseId);
      const draft = await store.createSurvey({
        definition,
        createdBy: 'user:default/ada',
      });
      expect(draft).toMatchObject({
        status: 'draft',
        wave: 1,
        previousSurveyId: null,
        demo: false,
      });
      expect(draft.needs).toEqual(definition.needs);
      expect(typeof draft.createdAt).toBe('string');

      const edited = await store.updateDraft(draft.id, {
        ...definition,
        title: 'Renamed',
      });
      expect(edited?.title).toBe('Renamed');
      expect(
        await store.transitionSurvey(draft.id, 'open', 'closed'),
      ).toBeUndefined();
      const opened = await store.transitionSurvey(draft.id, 'draft', 'open');
      expect(opened?.openedAt).not.toBeNull();
      expect(await store.updateDraft(draft.id, definition)).toBeUndefined();
      expect(
        await store.transitionSurvey(draft.id, 'draft', 'open'),
      ).toBeUndefined();
      expect(
        (await store.listSurveys({ statuses: ['open'] })).map(s => s.id),
      ).toEqual([draft.id]);
    });

    it('keeps one response per person and returns it as submitted', async () => {
      const { store, knex } = await createStore(databaseId);
      const survey = await openSurvey(store);
      const first = answersFor(1);
      await store.upsertResponse({ survey, respondentHash: 'h1', ...first });
      const second = answersFor(2);
      const stored = await store.upsertResponse({
        survey,
        respondentHash: 'h1',
        ...second,
      });
      expect(stored).toMatchObject({
        answers: second.answers,
        teams: second.teams,
        revision: 2,
      });
      expect(await knex('nd_responses').count({ c: '*' })).toEqual([
        { c: expect.anything() },
      ]);
      expect(
        Number((await knex('nd_responses').count({ c: '*' }).first())?.c),
      ).toBe(1);
      // The children of the replaced answers are gone too.
      expect(
        Number((await knex('nd_need_ratings').count({ c: '*' }).first())?.c),
      ).toBe(Object.keys((second.answers.ratings as object) ?? {}).length);
    });

    it('leaves one response after 50 concurrent submissions by one person', async () => {
      const { store, knex } = await createStore(databaseId);
      const survey = await openSurvey(store);
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          store.upsertResponse({
            survey,
            respondentHash: 'same-person',
            ...answersFor(i),
          }),
        ),
      );
      expect(results.filter(r => r.status === 'rejected')).toEqual([]);
      expect(
        Number((await knex('nd_responses').count({ c: '*' }).first())?.c),
      ).toBe(1);
      const response = await store.getResponse(survey.id, 'same-person');
      const ratingRows = Number(
        (await knex('nd_need_ratings').count({ c: '*' }).first())?.c,
      );
      expect(ratingRows).toBe(
        Object.keys(response!.answers.ratings as object).length,
      );
    });

    it('computes the same statistics in SQL as the in-memory reference', async () => {
      const { store } = await createStore(databaseId);
      const survey = await openSurvey(store);
      const responses = Array.from({ length: 23 }, (_, i) => answersFor(i));
      for (const [i, response] of responses.entries()) {
        await store.upsertResponse({
          survey,
          respondentHash: `h${i}`,
          ...response,
        });
      }
      const stats = await store.computeStats(survey, {
        weights: DEFAULT_FREQUENCY_WEIGHTS,
        audienceTeams,
      });
      const reference = aggregateResponses(survey, responses, {
        weights: DEFAULT_FREQUENCY_WEIGHTS,
        audienceTeams,
        audienceSize: 18,
      });
      const round = (n: number) => Math.round(n * 1e6) / 1e6;
      expect(stats.respondents).toBe(reference.respondents);
      expect(stats.needs).toEqual(
        reference.needs.map(n => ({ ...n, weightSum: round(n.weightSum) })),
      );
      expect(stats.teams).toEqual(
        reference.teams.map(t => ({
          ...t,
          needs: [...t.needs].sort((a, b) => (a.needId < b.needId ? -1 : 1)),
        })),
      );
      const normalise = (list: typeof stats.questions) =>
        list.map(q => ({
          ...q,
          ...(q.texts ? { texts: [...q.texts].sort() } : {}),
        }));
      expect(normalise(stats.questions)).toEqual(
        normalise(reference.questions),
      );
    });

    it('keeps every figure of existing responses through the upgrade to one-pass results', async () => {
      const { store, knex } = await createStore(databaseId);
      const survey = await openSurvey(store);
      for (let i = 0; i < 23; i++) {
        await store.upsertResponse({
          survey,
          respondentHash: `h${i}`,
          ...answersFor(i),
        });
      }
      const options = { weights: DEFAULT_FREQUENCY_WEIGHTS, audienceTeams };
      const before = await store.computeStats(survey, options);

      // Back to the schema before 20261128000000 (its table and indexes gone; the columns stay, as the rows an
      // older version writes would leave them), then up again: the migration must rebuild the rating counts and
      // team sets.
      const directory = resolvePackagePath(
        '@platform-product/plugin-needs-discovery-backend',
        'migrations',
      );
      // The later migrations first (each down undoes the latest one still applied).
      await knex.migrate.down({ directory });
      await knex.migrate.down({ directory });
      expect(await knex.schema.hasTable('nd_team_sets')).toBe(false);
      await knex('nd_need_ratings').update({ team_set: '' });
      await knex('nd_responses').update({ rated_needs: 0 });
      const upgraded = await DatabaseNeedsStore.create({
        database: mockServices.database({ knex }),
      });
      expect(await upgraded.computeStats(survey, options)).toEqual(before);

      // And responses written after the upgrade count as before.
      await upgraded.upsertResponse({
        survey,
        respondentHash: 'h0',
        ...answersFor(5),
      });
      await upgraded.upsertResponse({
        survey,
        respondentHash: 'h99',
        ...answersFor(99),
      });
      const reference = aggregateResponses(
        survey,
        [
          ...Array.from({ length: 23 }, (_, i) => answersFor(i === 0 ? 5 : i)),
          answersFor(99),
        ],
        { ...options, audienceSize: 18 },
      );
      const after = await upgraded.computeStats(survey, options);
      expect(after.respondents).toBe(24);
      expect(after.needs.map(n => n.respondents)).toEqual(
        reference.needs.map(n => n.respondents),
      );
      expect(after.needs.map(n => n.teamsReporting)).toEqual(
        reference.needs.map(n => n.teamsReporting),
      );
    });

    it('withdraws a response with everything derived from it', async () => {
      const { store, knex } = await createStore(databaseId);
      const survey = await openSurvey(store);
      await store.upsertResponse({
        survey,
        respondentHash: 'h1',
        ...answersFor(1),
      });
      const before = await store.responsesFingerprint(survey.id);
      expect(await store.deleteResponse(survey.id, 'h1')).toBe(true);
      expect(await store.deleteResponse(survey.id, 'h1')).toBe(false);
      expect(await store.getResponse(survey.id, 'h1')).toBeUndefined();
      for (const table of [
        'nd_need_ratings',
        'nd_answer_items',
        'nd_response_teams',
      ]) {
        expect(Number((await knex(table).count({ c: '*' }).first())?.c)).toBe(
          0,
        );
      }
      expect(await store.responsesFingerprint(survey.id)).not.toBe(before);
    });

    it('changes the fingerprint on every kind of change', async () => {
      const { store } = await createStore(databaseId);
      const survey = await openSurvey(store);
      const seen = new Set([await store.responsesFingerprint(survey.id)]);
      await store.upsertResponse({
        survey,
        respondentHash: 'a',
        ...answersFor(1),
      });
      seen.add(await store.responsesFingerprint(survey.id));
      await store.upsertResponse({
        survey,
        respondentHash: 'a',
        ...answersFor(2),
      });
      seen.add(await store.responsesFingerprint(survey.id));
      await store.upsertResponse({
        survey,
        respondentHash: 'b',
        ...answersFor(3),
      });
      seen.add(await store.responsesFingerprint(survey.id));
      await store.deleteResponse(survey.id, 'a');
      seen.add(await store.responsesFingerprint(survey.id));
      expect(seen.size).toBe(5);
    });

    it('finds who answered and counts responses per survey', async () => {
      const { store } = await createStore(databaseId);
      const survey = await openSurvey(store);
      await store.upsertResponse({
        survey,
        respondentHash: 'a',
        ...answersFor(1),
      });
      await store.upsertResponse({
        survey,
        respondentHash: 'b',
        ...answersFor(2),
      });
      expect(await store.findRespondents(survey.id, ['a', 'c'])).toEqual(
        new Set(['a']),
      );
      expect(await store.countResponses([survey.id, 'other'])).toEqual(
        new Map([
          [survey.id, 2],
          ['other', 0],
        ]),
      );
    });

    it('lists open surveys due for a reminder once', async () => {
      const { store } = await createStore(databaseId);
      const draft = await store.createSurvey({
        definition,
        createdBy: 'user:default/ada',
      });
      await store.transitionSurvey(
        draft.id,
        'draft',
        'open',
        new Date('2026-01-01T00:00:00Z'),
      );
      expect(
        await store.listSurveysDueForReminder(new Date('2025-12-31T00:00:00Z')),
      ).toEqual([]);
      const due = await store.listSurveysDueForReminder(
        new Date('2026-01-08T00:00:00Z'),
      );
      expect(due.map(s => s.id)).toEqual([draft.id]);
      const claimedAt = new Date('2026-01-08T00:00:00Z');
      expect(await store.claimReminder(draft.id, claimedAt)).toBe(true);
      expect(
        await store.listSurveysDueForReminder(new Date('2026-01-08T00:00:00Z')),
      ).toEqual([]);
      expect(await store.claimReminder(draft.id, new Date())).toBe(false);

      // A claim released (the reminder could not be sent) makes the survey due again; only its own claim is released.
      await store.releaseReminder(draft.id, new Date('2026-01-09T00:00:00Z'));
      expect(await store.claimReminder(draft.id, new Date())).toBe(false);
      await store.releaseReminder(draft.id, claimedAt);
      expect(
        (
          await store.listSurveysDueForReminder(
            new Date('2026-01-08T00:00:00Z'),
          )
        ).map(s => s.id),
      ).toEqual([draft.id]);
    });

    it('lets one of two replicas claiming a reminder at once have it', async () => {
      const { store, knex } = await createStore(databaseId);
      const other = await DatabaseNeedsStore.create({
        database: mockServices.database({ knex }),
      });
      const survey = await openSurvey(store);
      const now = new Date();
      const claims = await Promise.all(
        [store, other, store, other].map(s => s.claimReminder(survey.id, now)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      // A draft or closed survey is not reminded.
      const draft = await store.createSurvey({
        definition,
        createdBy: 'user:default/ada',
      });
      expect(await store.claimReminder(draft.id, now)).toBe(false);
    });

    it('keeps the needs registry', async () => {
      const { store } = await createStore(databaseId);
      await store.registerNeeds(definition.needs);
      await store.registerNeeds([
        { id: 'need-logs', title: 'Logs you can search' },
      ]);
      await store.recordNeedScores('s1', [
        { needId: 'need-logs', score: 7.25, shared: true, teams: 3 },
      ]);
      expect(await store.getNeed('need-logs')).toMatchObject({
        title: 'Logs you can search',
        status: 'open',
        latestSurveyId: 's1',
        latestScore: 7.25,
        shared: true,
        teams: 3,
        capabilityRef: null,
      });
      const updated = await store.updateNeed('need-logs', {
        status: 'in-mvp',
        capabilityRef: 'system:default/log-shipping',
      });
      expect(updated).toMatchObject({
        status: 'in-mvp',
        capabilityRef: 'system:default/log-shipping',
      });
      expect(
        await store.updateNeed('nope', { status: 'served' }),
      ).toBeUndefined();
      expect((await store.listNeeds()).map(n => n.id)).toEqual([
        'need-deploys',
        'need-fast-setup',
        'need-logs',
      ]);
    });

    it('keeps the catalog capabilities of the latest scan', async () => {
      const { store } = await createStore(databaseId);
      expect(await store.listCatalogCapabilities()).toEqual([]);
      await store.replaceCatalogCapabilities([
        {
          entityRef: 'system:default/preview-environments',
          needId: 'need-test-environments',
          title: 'Preview Environments',
          lifecycle: 'experimental',
          mvpReviewDate: '2026-09-30',
        },
        { entityRef: 'system:default/log-shipping', needId: 'need-logs' },
      ]);
      expect(await store.listCatalogCapabilities()).toEqual([
        { entityRef: 'system:default/log-shipping', needId: 'need-logs' },
        {
          entityRef: 'system:default/preview-environments',
          needId: 'need-test-environments',
          title: 'Preview Environments',
          lifecycle: 'experimental',
          mvpReviewDate: '2026-09-30',
        },
      ]);
      expect(await store.listCatalogCapabilities(['need-logs'])).toEqual([
        { entityRef: 'system:default/log-shipping', needId: 'need-logs' },
      ]);

      // A later scan replaces the earlier one: a capability gone from the catalog is gone here.
      const many = Array.from({ length: 250 }, (_, i) => ({
        entityRef: `component:default/c${String(i).padStart(3, '0')}`,
        needId: `need-${i % 7}`,
      }));
      await store.replaceCatalogCapabilities(many);
      const listed = await store.listCatalogCapabilities();
      expect(listed).toHaveLength(250);
      expect(listed[0]).toEqual(many[0]);
      await store.replaceCatalogCapabilities([]);
      expect(await store.listCatalogCapabilities()).toEqual([]);
    });

    it('replaces the catalog capabilities from two replicas at once without an error', async () => {
      const { store, knex } = await createStore(databaseId);
      const other = await DatabaseNeedsStore.create({
        database: mockServices.database({ knex }),
      });
      const scan = Array.from({ length: 150 }, (_, i) => ({
        entityRef: `system:default/s${String(i).padStart(3, '0')}`,
        needId: `need-${i % 5}`,
      }));
      await store.replaceCatalogCapabilities([
        ...scan.slice(0, 100),
        { entityRef: 'system:default/retired', needId: 'need-logs' },
      ]);
      // Each scan replaces what was there before, the same rows, at the same moment, twice over.
      for (let round = 0; round < 2; round++) {
        await Promise.all(
          [store, other, store, other].map(s =>
            s.replaceCatalogCapabilities(scan),
          ),
        );
      }
      expect(await store.listCatalogCapabilities()).toEqual(scan);
      // Scans that differ (the catalog changed in between): the one committed last is kept whole.
      await Promise.all([
        store.replaceCatalogCapabilities(scan.slice(20, 40)),
        other.replaceCatalogCapabilities(scan.slice(0, 30)),
      ]);
      expect([scan.slice(20, 40), scan.slice(0, 30)]).toContainEqual(
        await store.listCatalogCapabilities(),
      );
    });

    it('migrates the catalog capabilities table down and up again with rows in the tables', async () => {
      const { store, knex } = await createStore(databaseId);
      const survey = await openSurvey(store);
      await store.upsertResponse({
        survey,
        respondentHash: 'h1',
        ...answersFor(1),
      });
      await store.registerNeeds(definition.needs);
      await store.replaceCatalogCapabilities([
        { entityRef: 'system:default/log-shipping', needId: 'need-logs' },
      ]);
      const directory = resolvePackagePath(
        '@platform-product/plugin-needs-discovery-backend',
        'migrations',
      );
      await knex.migrate.down({ directory });
      expect(await knex.schema.hasTable('nd_catalog_capabilities')).toBe(false);
      const upgraded = await DatabaseNeedsStore.create({
        database: mockServices.database({ knex }),
      });
      expect(await upgraded.listCatalogCapabilities()).toEqual([]);
      expect((await upgraded.listNeeds()).map(n => n.id)).toEqual([
        'need-deploys',
        'need-fast-setup',
        'need-logs',
      ]);
      expect(await upgraded.getResponse(survey.id, 'h1')).toBeDefined();
    });

    it('stores a setting only once', async () => {
      const { store } = await createStore(databaseId);
      expect(await store.setSettingOnce('k', 'first')).toBe('first');
      expect(await store.setSettingOnce('k', 'second')).toBe('first');
    });
  });
});
