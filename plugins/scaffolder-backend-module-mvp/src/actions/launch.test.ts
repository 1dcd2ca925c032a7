import {
  actionContext,
  capabilityDetail,
  logged,
  mockHabits,
  mockNeeds,
  mockScorecard,
  need,
} from '../__testUtils__/mocks';
import { RecordEventResult } from '@platform-product/plugin-habit-metrics-node';
import { ThinnessScorecardNotInstalledError } from '@platform-product/plugin-thinness-scorecard-node';
import { createMvpLaunchAction } from './launch';

const input = {
  need: 'need-test-environments',
  entityRef: 'System:default/preview-environments',
  teamRef: 'platform-team',
  successMetric: 'Pull requests with a preview environment',
};

function setup(
  options: { habits?: RecordEventResult; retryDelaysMs?: number[] } = {},
) {
  const needs = mockNeeds([
    need('need-test-environments'),
    need('need-event-streaming', {
      status: 'in-mvp',
      capabilityRef: 'system:default/event-streaming',
    }),
    need('need-observability', {
      status: 'served',
      capabilityRef: 'system:default/observability',
    }),
  ]);
  const habits = mockHabits(options.habits);
  const scorecard = mockScorecard();
  return {
    needs,
    habits,
    scorecard,
    action: createMvpLaunchAction({
      needs,
      habits,
      scorecard,
      scorecardRetryDelaysMs: options.retryDelaysMs ?? [1, 1],
    }),
  };
}

const capabilityRef = 'system:default/preview-environments';

describe('mvp:launch', () => {
  it('marks the need in-mvp, records the launch in habit-metrics and refreshes the scorecard', async () => {
    const { action, needs, habits, scorecard } = setup();
    const ctx = actionContext({
      input,
      taskId: 'task-42',
      user: { ref: 'user:default/pat' },
      templateInfo: { entityRef: 'template:default/platform-capability-mvp' },
    });
    await action.handler(ctx);
    expect(needs.updateNeed).toHaveBeenCalledWith('need-test-environments', {
      status: 'in-mvp',
      capabilityRef: 'system:default/preview-environments',
    });
    expect(habits.recordEvent).toHaveBeenCalledWith({
      source: 'scaffolder',
      kind: 'mvp-launch',
      way: 'new',
      capabilityRef: 'system:default/preview-environments',
      idempotencyKey: 'mvp-launch:task-42:need-test-environments',
      templateRef: 'template:default/platform-capability-mvp',
      teamRef: 'group:default/platform-team',
    });
    expect(ctx.output).toHaveBeenCalledWith('needStatus', 'in-mvp');
    expect(ctx.output).toHaveBeenCalledWith('habitEventRecorded', true);
    expect(scorecard.refreshCapability).toHaveBeenCalledTimes(1);
    expect(scorecard.refreshCapability).toHaveBeenCalledWith(capabilityRef);
    // After the need and the event, so that the scorecard reads both.
    expect(
      scorecard.refreshCapability.mock.invocationCallOrder[0],
    ).toBeGreaterThan(habits.recordEvent.mock.invocationCallOrder[0]);
    expect(
      scorecard.refreshCapability.mock.invocationCallOrder[0],
    ).toBeGreaterThan(needs.updateNeed.mock.invocationCallOrder[0]);
    expect(ctx.output).toHaveBeenCalledWith('scorecardRefreshed', true);
    expect(ctx.logger.warn).not.toHaveBeenCalled();
    expect(ctx.logger.info).toHaveBeenCalledWith(
      'The thinness scorecard shows system:default/preview-environments now (verdict: invest)',
    );
    expect(ctx.logger.info).toHaveBeenCalledWith(
      'MVP launched. Success metric to move: Pull requests with a preview environment',
    );
  });

  it('refuses a need another capability serves or has in its MVP, unless it is a second MVP on purpose', async () => {
    for (const [needId, other] of [
      ['need-observability', 'system:default/observability'],
      ['need-event-streaming', 'system:default/event-streaming'],
    ]) {
      const refused = setup();
      await expect(
        refused.action.handler(
          actionContext({ input: { ...input, need: needId } }),
        ),
      ).rejects.toThrow(other);
      expect(refused.needs.updateNeed).not.toHaveBeenCalled();

      const deliberate = setup();
      await deliberate.action.handler(
        actionContext({ input: { ...input, need: needId, secondMvp: true } }),
      );
      expect(deliberate.needs.updateNeed).toHaveBeenCalledWith(needId, {
        status: 'in-mvp',
        capabilityRef,
      });
    }
  });

  it('counts the launch for the teams of the person who ran the template without a teamRef', async () => {
    const { action, habits } = setup();
    const ctx = actionContext({
      input: { ...input, teamRef: undefined },
      user: { ref: 'user:default/pat' },
    });
    await action.handler(ctx);
    expect(habits.recordEvent).toHaveBeenCalledWith(
      expect.objectContaining({ userRef: 'user:default/pat' }),
    );
    expect(habits.recordEvent.mock.calls[0][0]).not.toHaveProperty('teamRef');
    expect(ctx.output).toHaveBeenCalledWith('habitEventRecorded', true);
  });

  it('warns, and skips the event, when there is no team to count the launch for', async () => {
    const { action, habits, needs } = setup();
    const ctx = actionContext({ input: { ...input, teamRef: undefined } });
    await action.handler(ctx);
    expect(habits.recordEvent).not.toHaveBeenCalled();
    expect(needs.updateNeed).toHaveBeenCalled();
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      'The launch was not recorded in habit-metrics: it counts activity per team, and this task has neither a teamRef input nor a user who ran it. Pass teamRef (the owning team) to mvp:launch.',
    );
    expect(ctx.output).toHaveBeenCalledWith('habitEventRecorded', false);
  });

  it('warns with the reason and carries on when habit-metrics refuses the event', async () => {
    const { action } = setup({
      habits: {
        installed: true,
        recorded: false,
        reason:
          'Nothing was recorded: event.teamRef is group:default/gone, but … (HTTP 400)',
      },
    });
    const ctx = actionContext({ input });
    await action.handler(ctx);
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      'habit-metrics did not record the launch: Nothing was recorded: event.teamRef is group:default/gone, but … (HTTP 400). Everything else is done.',
    );
    expect(ctx.output).toHaveBeenCalledWith('needStatus', 'in-mvp');
    expect(ctx.output).toHaveBeenCalledWith('habitEventRecorded', false);
  });

  it('fails when habit-metrics has a server error, and a retry only sends the event again', async () => {
    const { action, needs, habits, scorecard } = setup();
    habits.recordEvent.mockRejectedValueOnce(
      new Error(
        'habit-metrics could not record the mvp-launch event: database locked (HTTP 503)',
      ),
    );
    const checkpoints = new Map<string, unknown>();
    await expect(
      action.handler(actionContext({ input, checkpoints })),
    ).rejects.toThrow(
      'habit-metrics could not record the mvp-launch event: database locked (HTTP 503)',
    );
    expect(scorecard.refreshCapability).not.toHaveBeenCalled();
    const retry = actionContext({ input, checkpoints });
    await action.handler(retry);
    expect(needs.updateNeed).toHaveBeenCalledTimes(1);
    expect(habits.recordEvent).toHaveBeenCalledTimes(2);
    expect(scorecard.refreshCapability).toHaveBeenCalledTimes(1);
    expect(retry.output).toHaveBeenCalledWith('habitEventRecorded', true);
    expect(retry.output).toHaveBeenCalledWith('scorecardRefreshed', true);
  });

  it('warns clearly and carries on when habit-metrics is not installed', async () => {
    const { action, needs } = setup({
      habits: { installed: false, recorded: false },
    });
    const ctx = actionContext({ input });
    await action.handler(ctx);
    expect(needs.store.get('need-test-environments')!.status).toBe('in-mvp');
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      'habit-metrics is not installed in this Backstage, so the launch was not recorded as a habit event; everything else is done. Install @platform-product/plugin-habit-metrics-backend to follow the adoption of this capability.',
    );
    expect(ctx.output).toHaveBeenCalledWith('needStatus', 'in-mvp');
    expect(ctx.output).toHaveBeenCalledWith('habitEventRecorded', false);
  });

  it('makes no call in a dry run and says what it would do', async () => {
    const { action, needs, habits, scorecard } = setup();
    const ctx = actionContext({ input, isDryRun: true });
    await action.handler(ctx);
    expect(needs.getNeed).not.toHaveBeenCalled();
    expect(needs.updateNeed).not.toHaveBeenCalled();
    expect(habits.recordEvent).not.toHaveBeenCalled();
    expect(scorecard.refreshCapability).not.toHaveBeenCalled();
    expect(ctx.logger.info).toHaveBeenCalledWith(
      'Dry run: would mark need "need-test-environments" in-mvp with system:default/preview-environments in needs-discovery, record an mvp-launch event in habit-metrics and refresh system:default/preview-environments on the thinness scorecard',
    );
    expect(ctx.output).toHaveBeenCalledWith('needStatus', 'in-mvp');
    expect(ctx.output).toHaveBeenCalledWith('habitEventRecorded', false);
    expect(ctx.output).toHaveBeenCalledWith('scorecardRefreshed', false);
  });

  it('does nothing twice when the task is retried (checkpoints kept)', async () => {
    const { action, needs, habits, scorecard } = setup();
    const checkpoints = new Map<string, unknown>();
    await action.handler(actionContext({ input, checkpoints }));
    expect([...checkpoints.keys()]).toEqual([
      'mvp-launch-need-need-test-environments',
      'mvp-launch-event-need-test-environments',
      'mvp-launch-scorecard-need-test-environments',
    ]);
    const retry = actionContext({ input, checkpoints });
    await action.handler(retry);
    expect(needs.updateNeed).toHaveBeenCalledTimes(1);
    expect(habits.recordEvent).toHaveBeenCalledTimes(1);
    expect(scorecard.refreshCapability).toHaveBeenCalledTimes(1);
    expect(retry.output).toHaveBeenCalledWith('needStatus', 'in-mvp');
    expect(retry.output).toHaveBeenCalledWith('habitEventRecorded', true);
    expect(retry.output).toHaveBeenCalledWith('scorecardRefreshed', true);
  });

  it('is idempotent on the other side too when the checkpoints were lost', async () => {
    const { action, needs, habits } = setup();
    await action.handler(actionContext({ input, taskId: 'task-7' }));
    await action.handler(actionContext({ input, taskId: 'task-7' }));
    // The need is already in-mvp with this capability: no second PATCH.
    expect(needs.updateNeed).toHaveBeenCalledTimes(1);
    // habit-metrics ignores the repeated key.
    const keys = habits.recordEvent.mock.calls.map(
      call =>
        (call as unknown as [{ idempotencyKey: string }])[0].idempotencyKey,
    );
    expect(keys).toEqual([
      'mvp-launch:task-7:need-test-environments',
      'mvp-launch:task-7:need-test-environments',
    ]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'a need that is not in needs-discovery',
      { need: 'need-coffee' },
      'InputError',
      'Need "need-coffee" is not in needs-discovery (any more); the capability system:default/preview-environments is registered, but its need could not be marked in-mvp',
    ],
    [
      'a need that went into another MVP meanwhile',
      { need: 'need-event-streaming' },
      'ConflictError',
      'Need "need-event-streaming" went into an MVP with system:default/event-streaming since this one was scoped; system:default/preview-environments is registered, but a need has one MVP at a time. Ask the platform owners which one to keep',
    ],
    [
      'a need that was served meanwhile',
      { need: 'need-observability' },
      'ConflictError',
      'Need "need-observability" is served by system:default/observability in needs-discovery; system:default/preview-environments is registered, but a platform owner has to decide about the need (a second MVP on purpose passes secondMvp: true, as mvp:scope does)',
    ],
    [
      'a malformed entity ref',
      { entityRef: 'system:' },
      'InputError',
      'entityRef must be an entity ref like system:default/example; got "system:"',
    ],
    ['an empty need', { need: ' ' }, 'InputError', 'need must not be blank'],
    [
      'a teamRef that is not a group ref',
      { teamRef: 'group:' },
      'InputError',
      'teamRef must be an entity ref like group:default/example; got "group:"',
    ],
  ])('fails for %s', async (_case, extra, name, message) => {
    const { action, needs, habits, scorecard } = setup();
    await expect(
      action.handler(actionContext({ input: { ...input, ...extra } })),
    ).rejects.toMatchObject({ name, message });
    expect(needs.updateNeed).not.toHaveBeenCalled();
    expect(habits.recordEvent).not.toHaveBeenCalled();
    expect(scorecard.refreshCapability).not.toHaveBeenCalled();
  });

  it('fails with the server message when needs-discovery refuses', async () => {
    const { action, needs, habits } = setup();
    needs.updateNeed.mockRejectedValueOnce(
      new Error(
        'needs-discovery could not mark need "need-test-environments" in-mvp: You may not change needs (HTTP 403)',
      ),
    );
    const ctx = actionContext({ input });
    await expect(action.handler(ctx)).rejects.toThrow(
      'needs-discovery could not mark need "need-test-environments" in-mvp: You may not change needs (HTTP 403)',
    );
    expect(habits.recordEvent).not.toHaveBeenCalled();
    expect(logged(ctx.logger)).toEqual([]);
  });

  describe('the thinness scorecard', () => {
    it('warns clearly and carries on when thinness-scorecard is not installed', async () => {
      const { action, needs, scorecard } = setup();
      scorecard.refreshCapability.mockRejectedValue(
        new ThinnessScorecardNotInstalledError(
          'thinness-scorecard is not installed in this Backstage (http://localhost/api/thinness-scorecard answered 404)',
        ),
      );
      const ctx = actionContext({ input });
      await action.handler(ctx);
      expect(scorecard.refreshCapability).toHaveBeenCalledTimes(1);
      expect(needs.store.get('need-test-environments')!.status).toBe('in-mvp');
      expect(ctx.logger.warn).toHaveBeenCalledWith(
        'thinness-scorecard is not installed in this Backstage, so no scorecard was refreshed; everything else is done. Install @platform-product/plugin-thinness-scorecard-backend to weigh this capability against the rest of the platform.',
      );
      expect(ctx.output).toHaveBeenCalledWith('habitEventRecorded', true);
      expect(ctx.output).toHaveBeenCalledWith('scorecardRefreshed', false);
    });

    it('warns with the reason, and does not fail the task, when the refresh fails', async () => {
      const { action, scorecard } = setup();
      scorecard.refreshCapability.mockRejectedValue(
        new Error(
          'thinness-scorecard could not refresh system:default/preview-environments: catalog timeout (HTTP 503)',
        ),
      );
      const checkpoints = new Map<string, unknown>();
      const ctx = actionContext({ input, checkpoints });
      await action.handler(ctx);
      expect(ctx.logger.warn).toHaveBeenCalledWith(
        'The thinness scorecard could not refresh system:default/preview-environments: thinness-scorecard could not refresh system:default/preview-environments: catalog timeout (HTTP 503). It shows the capability after its next run (daily); everything else is done.',
      );
      expect(ctx.output).toHaveBeenCalledWith('needStatus', 'in-mvp');
      expect(ctx.output).toHaveBeenCalledWith('scorecardRefreshed', false);
      // The answer is kept: a retried task does not ask again.
      await action.handler(actionContext({ input, checkpoints }));
      expect(scorecard.refreshCapability).toHaveBeenCalledTimes(1);
    });

    it('asks again while the catalog has not processed the new capability yet', async () => {
      const { action, scorecard } = setup({ retryDelaysMs: [1, 1, 1] });
      scorecard.refreshCapability
        .mockResolvedValueOnce(undefined)
        .mockResolvedValueOnce(undefined);
      const ctx = actionContext({ input });
      await action.handler(ctx);
      expect(scorecard.refreshCapability).toHaveBeenCalledTimes(3);
      expect(ctx.logger.info).toHaveBeenCalledWith(
        'The catalog has not processed system:default/preview-environments with need "need-test-environments" yet; asking the thinness scorecard again in 0 s',
      );
      expect(ctx.logger.warn).not.toHaveBeenCalled();
      expect(ctx.output).toHaveBeenCalledWith('scorecardRefreshed', true);
    });

    it('asks again while the catalog still has the capability without its need', async () => {
      const { action, scorecard } = setup();
      scorecard.refreshCapability.mockResolvedValueOnce(
        capabilityDetail(capabilityRef, null),
      );
      const ctx = actionContext({ input });
      await action.handler(ctx);
      expect(scorecard.refreshCapability).toHaveBeenCalledTimes(2);
      expect(ctx.output).toHaveBeenCalledWith('scorecardRefreshed', true);
    });

    it('gives up with a warning when the catalog does not have the capability in time', async () => {
      const { action, needs, habits, scorecard } = setup({
        retryDelaysMs: [1, 1],
      });
      scorecard.refreshCapability.mockResolvedValue(undefined);
      const ctx = actionContext({ input });
      await action.handler(ctx);
      expect(scorecard.refreshCapability).toHaveBeenCalledTimes(3);
      expect(needs.updateNeed).toHaveBeenCalledTimes(1);
      expect(habits.recordEvent).toHaveBeenCalledTimes(1);
      expect(ctx.logger.warn).toHaveBeenCalledWith(
        'system:default/preview-environments is not on the thinness scorecard yet: the catalog has not processed it (or it is not annotated platform-product.io/capability: "true"). Its capability card scores it when opened, and the scorecard lists it after its next run (daily). Everything else is done.',
      );
      expect(ctx.output).toHaveBeenCalledWith('scorecardRefreshed', false);
    });

    it('says so when the catalog still gives the capability another need in the end', async () => {
      const { action, scorecard } = setup({ retryDelaysMs: [] });
      scorecard.refreshCapability.mockResolvedValue(
        capabilityDetail(capabilityRef, 'need-older'),
      );
      const ctx = actionContext({ input });
      await action.handler(ctx);
      expect(scorecard.refreshCapability).toHaveBeenCalledTimes(1);
      expect(ctx.logger.warn).toHaveBeenCalledWith(
        'The thinness scorecard recomputed system:default/preview-environments, but the catalog does not give it the need annotation "need-test-environments" yet, so the scorecard shows it without that need until its next run (daily) or until someone refreshes the scorecard. Everything else is done.',
      );
      expect(ctx.output).toHaveBeenCalledWith('scorecardRefreshed', false);
    });

    it('stops waiting when the task is cancelled', async () => {
      const { action, scorecard } = setup({ retryDelaysMs: [60_000, 60_000] });
      scorecard.refreshCapability.mockResolvedValue(undefined);
      const controller = new AbortController();
      const ctx = { ...actionContext({ input }), signal: controller.signal };
      scorecard.refreshCapability.mockImplementationOnce(async () => {
        controller.abort();
        return undefined;
      });
      await action.handler(ctx);
      expect(scorecard.refreshCapability).toHaveBeenCalledTimes(1);
      expect(ctx.output).toHaveBeenCalledWith('scorecardRefreshed', false);
    });
  });
});

describe('mvp:launch with hostile input', () => {
  it('states its shape rules in the schema the scaffolder checks first', () => {
    const { action } = setup();
    const schema = action.schema!.input as any;
    expect(schema.properties.need).toMatchObject({
      maxLength: 100,
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
    });
    expect(schema.properties.entityRef).toMatchObject({
      minLength: 1,
      maxLength: 255,
    });
    expect(schema.properties.teamRef).toMatchObject({
      minLength: 1,
      maxLength: 255,
    });
    expect(schema.properties.successMetric).toMatchObject({ maxLength: 500 });
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a user as the team',
      { teamRef: 'user:default/bob' },
      'teamRef must refer to a group, like group:default/example; got a user ("user:default/bob")',
    ],
    [
      'a template as the team',
      { teamRef: 'template:default/platform-capability-mvp' },
      'teamRef must refer to a group, like group:default/example; got a template ("template:default/platform-capability-mvp")',
    ],
    [
      'an empty team',
      { teamRef: '' },
      'teamRef must not be empty; expected an entity ref like group:default/example',
    ],
    [
      'a team with a NUL character',
      { teamRef: 'platform\u0000team' },
      'teamRef must not contain a NUL character (at character 9); expected an entity ref like group:default/example',
    ],
    [
      'a group as the capability',
      { entityRef: 'group:default/platform-team' },
      'entityRef must refer to a system or a component, like system:default/example; got a group ("group:default/platform-team")',
    ],
    [
      'a capability ref of 256 characters',
      { entityRef: `system:default/${'x'.repeat(241)}` },
      'entityRef must be at most 255 characters long; it has 256; expected an entity ref like system:default/example',
    ],
    [
      'a need id that is not one',
      { need: 'need test environments' },
      'need must be a need id from needs-discovery: lower-case letters and digits in words joined by "-", like need-test-environments; got "need test environments"',
    ],
    [
      'a success metric on two lines',
      { successMetric: 'one\ntwo' },
      'successMetric must be a single line without tabs',
    ],
  ])('refuses %s before any call', async (_case, extra, message) => {
    const { action, needs, habits, scorecard } = setup();
    await expect(
      action.handler(actionContext({ input: { ...input, ...extra } })),
    ).rejects.toMatchObject({ name: 'InputError', message });
    expect(needs.getNeed).not.toHaveBeenCalled();
    expect(habits.recordEvent).not.toHaveBeenCalled();
    expect(scorecard.refreshCapability).not.toHaveBeenCalled();
  });

  it('never writes a secret value of the task into its log, nor into its error messages', async () => {
    const secrets = {
      backstageToken: 'a-backstage-token',
      metric: 'Pull requests with a preview environment',
      team: 'platform-team',
    };
    const { action } = setup();
    const ctx = actionContext({ input, secrets, taskId: 'task-7' });
    await action.handler(ctx);
    const lines = logged(ctx.logger);
    expect(lines).toContainEqual(
      'info: ["MVP launched. Success metric to move: ***"]',
    );
    for (const value of Object.values(secrets)) {
      expect(lines.join('\n')).not.toContain(value);
    }

    const dryRun = actionContext({
      input: { ...input, need: 'need-test-environments' },
      secrets: { need: 'need-test-environments' },
      isDryRun: true,
    });
    await action.handler(dryRun);
    expect(logged(dryRun.logger)).toEqual([
      'info: ["Dry run: would mark need \\"***\\" in-mvp with system:default/preview-environments in needs-discovery, record an mvp-launch event in habit-metrics and refresh system:default/preview-environments on the thinness scorecard"]',
    ]);

    const refused = await action
      .handler(
        actionContext({
          input: { ...input, need: 'need-coffee' },
          secrets: { need: 'need-coffee' },
        }),
      )
      .catch((e: Error) => e);
    expect((refused as Error).message).toBe(
      'Need "***" is not in needs-discovery (any more); the capability system:default/preview-environments is registered, but its need could not be marked in-mvp',
    );
  });
});
