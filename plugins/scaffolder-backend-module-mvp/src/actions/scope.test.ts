import { DEFAULT_MVP_SETTINGS, MvpSettings } from '../config';
import { actionContext, mockNeeds, need } from '../__testUtils__/mocks';
import { createMvpScopeAction, reviewDateFrom } from './scope';

const today = new Date('2026-03-02T15:30:00Z');

function registry() {
  return mockNeeds([
    need('need-test-environments', { latestScore: 9.6, teams: 4 }),
    need('need-fast-service-setup', { latestScore: 7.2 }),
    need('need-reliable-deploys', { latestScore: 5.1 }),
    need('need-secrets-handling', { latestScore: 3.3 }),
    need('need-cost-reports', { shared: false, teams: 1, latestScore: 8 }),
    need('need-nobody-reported', { shared: false, teams: 0, latestScore: 0 }),
    need('need-observability', {
      status: 'served',
      capabilityRef: 'system:default/observability',
    }),
    need('need-test-data', {
      status: 'in-mvp',
      capabilityRef: 'system:default/preview-environments',
      capabilityTitle: 'Preview Environments',
      statusSource: 'catalog',
      latestScore: 26.61,
    }),
    need('need-log-search', {
      status: 'served',
      capabilityRef: 'system:default/log-shipping',
      capabilityTitle: 'Log Shipping',
      statusSource: 'catalog',
    }),
    need('need-served-by-hand', { status: 'served', capabilityRef: null }),
    need('need-legacy-ftp', { status: 'declined', latestScore: 9.9 }),
    need('need-event-streaming', {
      status: 'in-mvp',
      capabilityRef: 'system:default/event-streaming',
      latestScore: 9.8,
    }),
    need('need-feature-flags', { status: 'in-mvp', capabilityRef: null }),
  ]);
}

const valid = {
  need: 'need-test-environments',
  features: ['Preview per pull request', 'Seeded test data'],
  successMetric: 'Pull requests with a preview environment',
  timeboxWeeks: 6,
};

function setup(settings: Partial<MvpSettings> = {}) {
  const needs = registry();
  const action = createMvpScopeAction({
    needs,
    settings: { ...DEFAULT_MVP_SETTINGS, ...settings },
    now: () => today,
  });
  return { needs, action };
}

describe('mvp:scope', () => {
  it('scopes an MVP for a shared need and computes the review date', async () => {
    const { action } = setup();
    const ctx = actionContext({
      input: {
        ...valid,
        features: ['  Preview per pull request ', 'Seeded test data'],
      },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('features', [
      'Preview per pull request',
      'Seeded test data',
    ]);
    expect(ctx.output).toHaveBeenCalledWith('deferred', []);
    expect(ctx.output).toHaveBeenCalledWith('reviewDate', '2026-04-13');
    expect(ctx.output).toHaveBeenCalledWith('timeboxWeeks', 6);
    expect(ctx.output).toHaveBeenCalledWith('need', {
      id: 'need-test-environments',
      title: 'Test Environments',
      teams: 4,
      shared: true,
    });
    expect(ctx.logger.info).toHaveBeenCalledWith(
      'MVP for need "need-test-environments" (Test Environments, 4 teams): 2 features in scope; review on 2026-04-13',
    );
  });

  it('keeps the first features and defers the rest with onOverflow: defer', async () => {
    const { action } = setup();
    const ctx = actionContext({
      input: {
        ...valid,
        features: ['a', 'b', 'c', 'd', 'e'],
        onOverflow: 'defer',
      },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('features', ['a', 'b', 'c']);
    expect(ctx.output).toHaveBeenCalledWith('deferred', ['d', 'e']);
  });

  it('uses the limits from config', async () => {
    const { action } = setup({ maxFeatures: 5, maxTimeboxWeeks: 12 });
    const ctx = actionContext({
      input: {
        ...valid,
        features: ['a', 'b', 'c', 'd', 'e'],
        timeboxWeeks: 12,
      },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('features', [
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
    expect(ctx.output).toHaveBeenCalledWith('reviewDate', '2026-05-25');
  });

  it('accepts a need that is not shared when mvp.requireSharedNeed is false', async () => {
    const { action } = setup({ requireSharedNeed: false });
    const ctx = actionContext({
      input: { ...valid, need: 'need-cost-reports' },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'need',
      expect.objectContaining({ id: 'need-cost-reports', shared: false }),
    );
  });

  it('passes a re-run for the capability that already has the need in its MVP', async () => {
    const { action } = setup();
    const ctx = actionContext({
      input: {
        ...valid,
        need: 'need-event-streaming',
        entityRef: 'System:default/event-streaming',
      },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'need',
      expect.objectContaining({ id: 'need-event-streaming' }),
    );
  });

  it.each<[string, Record<string, unknown>, 'served' | 'in-mvp', string]>([
    [
      'need-test-data',
      { entityRef: 'system:default/test-data-service' },
      'in-mvp',
      'Second MVP on purpose for need "need-test-data" (Test Data), which Preview Environments (system:default/preview-environments) has in its MVP: Preview environments do not cover seeded data for the mobile teams',
    ],
    [
      'need-log-search',
      {},
      'served',
      'Second MVP on purpose for need "need-log-search" (Log Search), which Log Shipping (system:default/log-shipping) already serves: Preview environments do not cover seeded data for the mobile teams',
    ],
  ])(
    'starts a second MVP for %s on purpose with secondMvp and a reason',
    async (needId, overrides, status, warning) => {
      const { action, needs } = setup();
      const ctx = actionContext({
        input: {
          ...valid,
          need: needId,
          ...overrides,
          secondMvp: true,
          secondMvpReason:
            ' Preview environments do not cover seeded data for the mobile teams ',
        },
      });
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith(
        'need',
        expect.objectContaining({ id: needId }),
      );
      expect(ctx.output).toHaveBeenCalledWith('secondMvp', {
        reason:
          'Preview environments do not cover seeded data for the mobile teams',
        status,
        capabilityRef: (await needs.getNeed(needId))!.capabilityRef,
      });
      expect(ctx.logger.warn).toHaveBeenCalledWith(warning);
      expect(needs.updateNeed).not.toHaveBeenCalled();
    },
  );

  it('gives no secondMvp output for an open need', async () => {
    const { action } = setup();
    const ctx = actionContext({
      input: { ...valid, secondMvp: true, secondMvpReason: 'Just in case' },
    });
    await action.handler(ctx);
    expect(ctx.output).not.toHaveBeenCalledWith('secondMvp', expect.anything());
    expect(ctx.logger.warn).not.toHaveBeenCalled();
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'an unknown need',
      { need: 'need-coffee' },
      'Need "need-coffee" is not in needs-discovery. Known shared needs: need-test-environments (Test Environments), need-fast-service-setup (Fast Service Setup), need-reliable-deploys (Reliable Deploys); or pick one in the survey results.',
    ],
    [
      'an empty need',
      { need: '  ' },
      'Pick the need the MVP serves; the need input is empty. Top shared needs: need-test-environments (Test Environments), need-fast-service-setup (Fast Service Setup), need-reliable-deploys (Reliable Deploys).',
    ],
    [
      'a need one team reported',
      { need: 'need-cost-reports' },
      'Need "need-cost-reports" is not shared by several teams (reported by 1 team); an MVP should serve a shared need. Top shared needs: need-test-environments (Test Environments), need-fast-service-setup (Fast Service Setup), need-reliable-deploys (Reliable Deploys).',
    ],
    [
      'a need no team reported',
      { need: 'need-nobody-reported' },
      'Need "need-nobody-reported" is not shared by several teams (reported by 0 teams); an MVP should serve a shared need. Top shared needs: need-test-environments (Test Environments), need-fast-service-setup (Fast Service Setup), need-reliable-deploys (Reliable Deploys).',
    ],
    [
      'a served need',
      { need: 'need-observability' },
      'Need "need-observability" (Observability) is already served by system:default/observability; improve that capability instead of starting an MVP, or, to start a second MVP for it on purpose, set secondMvp: true and say why in secondMvpReason.',
    ],
    [
      'a need a capability in the catalog serves, by its title',
      { need: 'need-log-search' },
      'Need "need-log-search" (Log Search) is already served by Log Shipping (system:default/log-shipping); improve that capability instead of starting an MVP, or, to start a second MVP for it on purpose, set secondMvp: true and say why in secondMvpReason.',
    ],
    [
      'a need marked served without a capability',
      { need: 'need-served-by-hand' },
      'Need "need-served-by-hand" (Served By Hand) is already marked served in needs-discovery; improve the capability that serves it instead of starting an MVP, or, to start a second MVP for it on purpose, set secondMvp: true and say why in secondMvpReason.',
    ],
    [
      'a need in the MVP of a capability in the catalog, by its title',
      {
        need: 'need-test-data',
        entityRef: 'system:default/test-data-service',
        secondMvp: false,
        secondMvpReason: 'ignored without secondMvp',
      },
      'Need "need-test-data" (Test Data) is already in an MVP: Preview Environments (system:default/preview-environments) serves it. Join that MVP or pick another need; to start a second MVP for it on purpose, set secondMvp: true and say why in secondMvpReason.',
    ],
    [
      'a second MVP without a reason',
      { need: 'need-test-data', secondMvp: true, secondMvpReason: '  ' },
      'secondMvp is true but secondMvpReason is empty: say why this need gets a second MVP, or leave secondMvp false.',
    ],
    [
      'a second MVP for a declined need',
      {
        need: 'need-legacy-ftp',
        secondMvp: true,
        secondMvpReason: 'We really want it',
      },
      'Need "need-legacy-ftp" (Legacy Ftp) was declined in needs-discovery; a platform owner has to reopen it before an MVP can start.',
    ],
    [
      'a declined need',
      { need: 'need-legacy-ftp' },
      'Need "need-legacy-ftp" (Legacy Ftp) was declined in needs-discovery; a platform owner has to reopen it before an MVP can start.',
    ],
    [
      'a need in the MVP of another capability',
      { need: 'need-event-streaming', entityRef: 'system:default/kafka-lite' },
      'Need "need-event-streaming" (Event Streaming) is already in an MVP: system:default/event-streaming serves it. Join that MVP or pick another need; to start a second MVP for it on purpose, set secondMvp: true and say why in secondMvpReason.',
    ],
    [
      'a need in an MVP without a recorded capability',
      { need: 'need-feature-flags' },
      'Need "need-feature-flags" (Feature Flags) is already in an MVP (needs-discovery records no capability for it). Ask the platform owners which one, or pick another need; to start a second MVP for it on purpose, set secondMvp: true and say why in secondMvpReason.',
    ],
    [
      'too many features',
      { features: ['a', 'b', 'c', 'd', 'e'] },
      'The MVP has 5 features but the budget is 3. Cut or defer: "d", "e" (the last 2 in your list).',
    ],
    [
      'one feature too many',
      { features: ['a', 'b', 'c', 'd'], onOverflow: 'fail' },
      'The MVP has 4 features but the budget is 3. Cut or defer: "d" (the last one in your list).',
    ],
    [
      'no features',
      { features: [] },
      'The MVP has no features. List up to 3 things it must do for the need, most important first.',
    ],
    [
      'an empty feature',
      { features: ['a', ' ', 'b'] },
      'Feature 2 is empty; remove it or name it.',
    ],
    [
      'several empty features',
      { features: ['', 'a', ''] },
      'Features 1, 3 are empty; remove them or name them.',
    ],
    [
      'a repeated feature',
      { features: ['Preview', 'preview '] },
      'This feature is listed more than once: "preview". List each feature once.',
    ],
    [
      'an empty success metric',
      { successMetric: '   ' },
      'The success metric is empty. Name the one metric the MVP must move, e.g. "teams deploying a preview environment per pull request".',
    ],
    [
      'a time-box too long',
      { timeboxWeeks: 12 },
      'The time-box is 12 weeks; it must be a whole number of weeks from 1 to 8. Cut scope rather than stretch the time-box.',
    ],
    [
      'no time-box',
      { timeboxWeeks: 0 },
      'The time-box is 0 weeks; it must be a whole number of weeks from 1 to 8. Cut scope rather than stretch the time-box.',
    ],
    [
      'a fractional time-box',
      { timeboxWeeks: 2.5 },
      'The time-box is 2.5 weeks; it must be a whole number of weeks from 1 to 8. Cut scope rather than stretch the time-box.',
    ],
    [
      'a malformed entityRef',
      { entityRef: 'not a ref:' },
      'entityRef "not a ref:" is not an entity ref; write it as kind:namespace/name, e.g. system:default/preview-environments.',
    ],
  ])('fails for %s', async (_case, overrides, message) => {
    const { action, needs } = setup();
    await expect(
      action.handler(actionContext({ input: { ...valid, ...overrides } })),
    ).rejects.toThrow(expect.objectContaining({ name: 'InputError', message }));
    expect(needs.updateNeed).not.toHaveBeenCalled();
  });

  it('says when no need is shared yet', async () => {
    const needs = mockNeeds([need('need-a', { shared: false, teams: 1 })]);
    const action = createMvpScopeAction({
      needs,
      settings: DEFAULT_MVP_SETTINGS,
    });
    await expect(
      action.handler(actionContext({ input: { ...valid, need: 'need-b' } })),
    ).rejects.toThrow(
      'Need "need-b" is not in needs-discovery, and no need is shared yet: run a needs-discovery survey and pick a shared need from its results.',
    );
    await expect(
      action.handler(actionContext({ input: { ...valid, need: 'need-a' } })),
    ).rejects.toThrow(
      'Need "need-a" is not shared by several teams (reported by 1 team); an MVP should serve a shared need. No need is shared yet: run a needs-discovery survey first.',
    );
  });

  it('lists every problem at once', async () => {
    const { action } = setup();
    await expect(
      action.handler(
        actionContext({
          input: {
            need: 'need-cost-reports',
            features: ['a', 'b', 'c', 'd'],
            successMetric: '',
            timeboxWeeks: 9,
          },
        }),
      ),
    ).rejects.toThrow(
      [
        'The MVP scope has 4 problems:',
        '- Need "need-cost-reports" is not shared by several teams (reported by 1 team); an MVP should serve a shared need. Top shared needs: need-test-environments (Test Environments), need-fast-service-setup (Fast Service Setup), need-reliable-deploys (Reliable Deploys).',
        '- The MVP has 4 features but the budget is 3. Cut or defer: "d" (the last one in your list).',
        '- The success metric is empty. Name the one metric the MVP must move, e.g. "teams deploying a preview environment per pull request".',
        '- The time-box is 9 weeks; it must be a whole number of weeks from 1 to 8. Cut scope rather than stretch the time-box.',
      ].join('\n'),
    );
  });

  it('does the same checks in a dry run and changes nothing', async () => {
    const { action, needs } = setup();
    const ok = actionContext({ input: valid, isDryRun: true });
    await action.handler(ok);
    expect(ok.output).toHaveBeenCalledWith('reviewDate', '2026-04-13');
    await expect(
      action.handler(
        actionContext({
          input: { ...valid, need: 'need-cost-reports' },
          isDryRun: true,
        }),
      ),
    ).rejects.toThrow(/is not shared by several teams/);
    expect(needs.updateNeed).not.toHaveBeenCalled();
  });

  it('fails with the needs-discovery error when needs-discovery fails', async () => {
    const { action, needs } = setup();
    needs.getNeed.mockRejectedValueOnce(
      new Error('needs-discovery could not read need "x": boom (HTTP 500)'),
    );
    await expect(
      action.handler(actionContext({ input: valid })),
    ).rejects.toThrow(
      'needs-discovery could not read need "x": boom (HTTP 500)',
    );
  });

  it.each([
    ['2026-03-02T00:00:00Z', 1, '2026-03-09'],
    ['2026-03-02T23:59:59Z', 1, '2026-03-09'],
    ['2026-12-28T10:00:00Z', 2, '2027-01-11'],
    ['2028-02-22T10:00:00Z', 1, '2028-02-29'],
  ])('review date from %s + %i weeks is %s', (now, weeks, expected) => {
    expect(reviewDateFrom(new Date(now), weeks)).toBe(expected);
  });
});
