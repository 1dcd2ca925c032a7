import {
  actionContext,
  logged,
  mockHabits,
  mockNeeds,
  need,
} from '../__testUtils__/mocks';
import { RecordEventResult } from '@platform-product/plugin-habit-metrics-node';
import { createMvpLaunchAction } from './launch';

const input = {
  need: 'need-test-environments',
  entityRef: 'System:default/preview-environments',
  teamRef: 'platform-team',
  successMetric: 'Pull requests with a preview environment',
};

function setup(options: { habits?: RecordEventResult } = {}) {
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
  return { needs, habits, action: createMvpLaunchAction({ needs, habits }) };
}

describe('mvp:launch', () => {
  it('marks the need in-mvp and records the launch in habit-metrics', async () => {
    const { action, needs, habits } = setup();
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
    expect(ctx.logger.warn).not.toHaveBeenCalled();
    expect(ctx.logger.info).toHaveBeenCalledWith(
      'MVP launched. Success metric to move: Pull requests with a preview environment',
    );
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
    const { action, needs, habits } = setup();
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
    const retry = actionContext({ input, checkpoints });
    await action.handler(retry);
    expect(needs.updateNeed).toHaveBeenCalledTimes(1);
    expect(habits.recordEvent).toHaveBeenCalledTimes(2);
    expect(retry.output).toHaveBeenCalledWith('habitEventRecorded', true);
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
    const { action, needs, habits } = setup();
    const ctx = actionContext({ input, isDryRun: true });
    await action.handler(ctx);
    expect(needs.getNeed).not.toHaveBeenCalled();
    expect(needs.updateNeed).not.toHaveBeenCalled();
    expect(habits.recordEvent).not.toHaveBeenCalled();
    expect(ctx.logger.info).toHaveBeenCalledWith(
      'Dry run: would mark need "need-test-environments" in-mvp with system:default/preview-environments in needs-discovery and record an mvp-launch event in habit-metrics',
    );
    expect(ctx.output).toHaveBeenCalledWith('needStatus', 'in-mvp');
    expect(ctx.output).toHaveBeenCalledWith('habitEventRecorded', false);
  });

  it('does nothing twice when the task is retried (checkpoints kept)', async () => {
    const { action, needs, habits } = setup();
    const checkpoints = new Map<string, unknown>();
    await action.handler(actionContext({ input, checkpoints }));
    expect([...checkpoints.keys()]).toEqual([
      'mvp-launch-need-need-test-environments',
      'mvp-launch-event-need-test-environments',
    ]);
    const retry = actionContext({ input, checkpoints });
    await action.handler(retry);
    expect(needs.updateNeed).toHaveBeenCalledTimes(1);
    expect(habits.recordEvent).toHaveBeenCalledTimes(1);
    expect(retry.output).toHaveBeenCalledWith('needStatus', 'in-mvp');
    expect(retry.output).toHaveBeenCalledWith('habitEventRecorded', true);
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
      'Need "need-observability" is served in needs-discovery since the MVP was scoped; system:default/preview-environments is registered, but a platform owner has to decide about the need',
    ],
    [
      'a malformed entity ref',
      { entityRef: 'system:' },
      'InputError',
      'entityRef "system:" is not an entity ref; pass the registered capability, e.g. system:default/preview-environments',
    ],
    [
      'an empty need',
      { need: ' ' },
      'InputError',
      'need is empty; give the need id',
    ],
    [
      'a teamRef that is not a group ref',
      { teamRef: 'group:' },
      'InputError',
      'teamRef "group:" is not a group ref; pass the owning team, e.g. group:default/platform-team',
    ],
  ])('fails for %s', async (_case, extra, name, message) => {
    const { action, needs, habits } = setup();
    await expect(
      action.handler(actionContext({ input: { ...input, ...extra } })),
    ).rejects.toMatchObject({ name, message });
    expect(needs.updateNeed).not.toHaveBeenCalled();
    expect(habits.recordEvent).not.toHaveBeenCalled();
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
});
