import { DEFAULT_MVP_SETTINGS, MvpSettings } from '../config';
import { actionContext, logged, mockNeeds, need } from '../__testUtils__/mocks';
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
      'entityRef must be an entity ref like system:default/example; got "not a ref:".',
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

describe('mvp:scope with hostile input', () => {
  async function problemOf(input: Record<string, unknown>) {
    const { action } = setup();
    return action
      .handler(actionContext({ input: { ...valid, ...input } }))
      .then(
        () => undefined,
        (e: Error) => e,
      );
  }

  it('states its shape rules in the schema the scaffolder checks first', () => {
    const { action } = setup();
    const schema = action.schema!.input as any;
    expect(schema.properties.need).toMatchObject({
      maxLength: 100,
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
    });
    expect(schema.properties.features).toMatchObject({
      minItems: 1,
      maxItems: 50,
    });
    expect(schema.properties.successMetric).toMatchObject({
      minLength: 1,
      maxLength: 500,
    });
    expect(schema.properties.timeboxWeeks).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 8,
    });
    expect(schema.properties.entityRef).toMatchObject({ maxLength: 255 });
    expect(schema.properties.secondMvpReason).toMatchObject({
      maxLength: 1000,
    });
    expect(schema.additionalProperties).toBe(false);
  });

  it('refuses 100,000 features with their count, in a short message, even with onOverflow: defer', async () => {
    const features = Array.from({ length: 100_000 }, (_, i) => `Feature ${i}`);
    for (const onOverflow of ['fail', 'defer']) {
      const error = await problemOf({ features, onOverflow });
      expect(error).toMatchObject({
        name: 'InputError',
        message:
          'The MVP lists 100000 features; at most 50 can be listed, in scope and deferred together. List up to 3 things it must do for the need, most important first.',
      });
    }
  });

  it('accepts exactly 50 features with onOverflow: defer and logs the deferred ones in a bounded line; refuses 51', async () => {
    const features = Array.from({ length: 50 }, (_, i) => `Feature ${i + 1}`);
    const { action } = setup();
    const ctx = actionContext({
      input: { ...valid, features, onOverflow: 'defer' },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('deferred', features.slice(3));
    expect(ctx.logger.info).toHaveBeenCalledWith(
      'MVP for need "need-test-environments" (Test Environments, 4 teams): 3 features in scope, deferred "Feature 4", "Feature 5", "Feature 6", "Feature 7", "Feature 8" and 42 more; review on 2026-04-13',
    );
    expect(
      await problemOf({
        features: [...features, 'Feature 51'],
        onOverflow: 'defer',
      }),
    ).toMatchObject({ message: expect.stringMatching(/^The MVP lists 51 /) });
  });

  it('names at most five features to cut and ten empty positions', async () => {
    const over = await problemOf({
      features: Array.from({ length: 50 }, (_, i) => `Feature ${i + 1}`),
    });
    expect(over?.message).toBe(
      'The MVP has 50 features but the budget is 3. Cut or defer: "Feature 4", "Feature 5", "Feature 6", "Feature 7", "Feature 8" and 42 more (the last 47 in your list).',
    );
    const empty = await problemOf({
      features: ['a', ...Array.from({ length: 20 }, () => '  ')],
    });
    expect(empty?.message).toBe(
      'Features 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 10 more are empty; remove them or name them.',
    );
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a feature with a NUL character',
      { features: ['ok', 'a\u0000b'] },
      'features item 2 must not contain a NUL character.',
    ],
    [
      'a feature of 201 characters',
      { features: ['x'.repeat(201)] },
      'features item 1 must be at most 200 characters long.',
    ],
    [
      'a feature on two lines',
      { features: ['one\ntwo'] },
      'features item 1 must be a single line without tabs.',
    ],
    [
      'a need id with capitals and spaces',
      { need: 'Need Test' },
      'need must be a need id from needs-discovery: lower-case letters and digits in words joined by "-", like need-test-environments; got "Need Test".',
    ],
    [
      'a need id with a NUL character',
      { need: 'need-\u0000' },
      'need must not contain a NUL character (at character 6).',
    ],
    [
      'a need id of 101 characters',
      { need: 'n'.repeat(101) },
      'need must be at most 100 characters long; it has 101.',
    ],
    [
      'a user as the capability',
      { entityRef: 'user:default/bob' },
      'entityRef must refer to a system or a component, like system:default/example; got a user ("user:default/bob").',
    ],
    [
      'a group as the capability',
      { entityRef: 'group:default/platform-team' },
      'entityRef must refer to a system or a component, like system:default/example; got a group ("group:default/platform-team").',
    ],
    [
      'a capability ref without a kind',
      { entityRef: 'preview-environments' },
      'entityRef must be an entity ref like system:default/example; got "preview-environments".',
    ],
    [
      'a blank capability ref',
      { entityRef: ' ' },
      'entityRef must not be blank; expected an entity ref like system:default/example.',
    ],
    [
      'a success metric on two lines',
      { successMetric: 'a\nb' },
      'successMetric must be a single line without tabs.',
    ],
    [
      'a success metric of 501 characters',
      { successMetric: 'm'.repeat(501) },
      'successMetric must be at most 500 characters long; it has 501.',
    ],
    [
      'a second-MVP reason with a control character',
      { secondMvp: true, secondMvpReason: 'because\u0007' },
      'secondMvpReason must not contain the control character U+0007 (at character 8).',
    ],
    [
      'a blank second-MVP reason',
      { need: 'need-observability', secondMvp: true, secondMvpReason: '  ' },
      'secondMvp is true but secondMvpReason is empty: say why this need gets a second MVP, or leave secondMvp false.',
    ],
    [
      'a time-box given as text',
      { timeboxWeeks: '6' },
      'The time-box is "6" weeks; it must be a whole number of weeks from 1 to 8. Cut scope rather than stretch the time-box.',
    ],
  ])('refuses %s', async (_case, input, message) => {
    expect(await problemOf(input)).toMatchObject({
      name: 'InputError',
      message,
    });
  });

  it('accepts a component as the capability, and a blank reason when secondMvp is false', async () => {
    expect(
      await problemOf({
        entityRef: 'Component:default/preview-environments',
        secondMvp: false,
        secondMvpReason: '',
      }),
    ).toBeUndefined();
  });

  it('never writes a secret value of the task into its log, nor into its error messages', async () => {
    const secrets = {
      backstageToken: 'a-backstage-token',
      feature: 'Seeded test data',
      reason: 'our vendor contract ends',
    };
    const { action } = setup();
    const ctx = actionContext({
      input: {
        ...valid,
        need: 'need-observability',
        features: ['Preview per pull request', 'a', 'b', 'Seeded test data'],
        onOverflow: 'defer',
        secondMvp: true,
        secondMvpReason: 'Because our vendor contract ends',
      },
      secrets,
    });
    await action.handler(ctx);
    const lines = logged(ctx.logger).join('\n');
    expect(lines).toContain('deferred \\"***\\"');
    expect(lines).toContain('Because ***');
    for (const value of Object.values(secrets)) {
      expect(lines).not.toContain(value);
    }

    const refused = await action
      .handler(
        actionContext({
          input: { ...valid, need: 'need-our-acquisition' },
          secrets: { target: 'need-our-acquisition' },
        }),
      )
      .catch((e: Error) => e);
    expect(refused).toMatchObject({ name: 'InputError' });
    expect((refused as Error).message).toMatch(/^Need "\*\*\*" is not in/);
    expect((refused as Error).stack).not.toContain('need-our-acquisition');
  });
});
