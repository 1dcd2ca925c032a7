import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { EVENT_KINDS } from '@platform-product/plugin-habit-metrics-common';
import { HabitStore, NewHabitEvent } from '../database/HabitStore';
import { normaliseRef } from '../refs';
import { CapabilityIndex } from '../service/CapabilityIndex';
import { TeamResolver } from '../service/TeamResolver';

export const SCAFFOLDER_SOURCE = 'scaffolder';

/** What the ingestor keeps in hm_ingestion_state between runs. */
export interface ScaffolderIngestionState {
  /** Position (in created_at order) of the first task not known to be final: the next run reads from here. */
  offset: number;
}

/** The part of the scaffolder's `GET /v2/tasks` response this ingestor reads (SerializedTask in 1.55). */
interface ScaffolderTask {
  id: string;
  spec?: { templateInfo?: { entityRef?: string } };
  status: string;
  createdAt: string;
  createdBy?: string;
}

/** Tasks that may still change status; every other status (completed, failed, cancelled, skipped) is final. */
const RUNNING = new Set(['open', 'processing']);

/** A task still running after this long no longer holds the cursor back: it is stuck, not about to finish. */
const STUCK_AFTER_MS = 24 * 60 * 60 * 1000;

export interface IngestionRun {
  /** False when the scaffolder is not installed or not reachable. */
  available: boolean;
  tasksRead: number;
  accepted: number;
  duplicates: number;
}

/**
 * Reads the scaffolder's task history page by page (oldest first) and records each completed template run as a
 * new-way `template-run` event of the teams of the user who ran it.
 *
 * Restart-safe: the cursor is saved after each page and never moves past a task that is still running, so a run
 * that stops in the middle of a page reads that page again on the next run; the idempotency key
 * `scaffolder-task:<id>` keeps those tasks from being counted twice.
 */
export class ScaffolderTaskIngestor {
  private reportedAbsent = false;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
      store: HabitStore;
      teams: TeamResolver;
      capabilities: CapabilityIndex;
      pageSize?: number;
    },
  ) {}

  async run(now = new Date()): Promise<IngestionRun> {
    const { store, logger } = this.options;
    const pageSize = this.options.pageSize ?? 100;
    const state = await store.getIngestionState<ScaffolderIngestionState>(
      SCAFFOLDER_SOURCE,
    );
    const result: IngestionRun = {
      available: true,
      tasksRead: 0,
      accepted: 0,
      duplicates: 0,
    };
    let cursor = state?.offset ?? 0;
    let position = cursor;
    let blocked = false;

    for (;;) {
      const tasks = await this.fetchPage(position, pageSize);
      if (tasks === undefined) {
        result.available = false;
        return result;
      }
      const events = await this.eventsOf(tasks);
      if (events.length > 0) {
        const recorded = await store.recordEvents(events, now);
        result.accepted += recorded.accepted;
        result.duplicates += recorded.duplicates;
      }
      for (const [index, task] of tasks.entries()) {
        const running =
          RUNNING.has(task.status) &&
          !(now.getTime() - Date.parse(task.createdAt) > STUCK_AFTER_MS);
        if (running) blocked = true;
        if (!blocked) cursor = position + index + 1;
      }
      result.tasksRead += tasks.length;
      position += tasks.length;
      await store.setIngestionState(
        SCAFFOLDER_SOURCE,
        { offset: cursor } satisfies ScaffolderIngestionState,
        now,
      );
      if (tasks.length < pageSize) break;
    }
    if (result.accepted > 0) {
      logger.info(
        `Recorded ${result.accepted} template runs from the scaffolder`,
      );
    }
    return result;
  }

  /** One page of tasks, oldest first; undefined when the scaffolder is absent. */
  private async fetchPage(
    offset: number,
    limit: number,
  ): Promise<ScaffolderTask[] | undefined> {
    const { discovery, auth, logger } = this.options;
    const baseUrl = await discovery.getBaseUrl('scaffolder');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'scaffolder',
    });
    const url = `${baseUrl}/v2/tasks?${new URLSearchParams({
      limit: String(limit),
      offset: String(offset),
      order: 'asc:created_at',
    })}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { Authorization: `Bearer ${token}` },
      });
    } catch (error) {
      return this.absent(`it does not answer (${describe(error)})`);
    }
    if (response.status === 404) {
      return this.absent('it answers 404 (not installed)');
    }
    if (!response.ok) {
      throw new Error(
        `The scaffolder's task list answered ${response.status} ${
          response.statusText
        }: ${(await response.text()).slice(0, 300)}`,
      );
    }
    if (this.reportedAbsent) {
      logger.info('The scaffolder is back; reading its task history again');
      this.reportedAbsent = false;
    }
    const body = (await response.json()) as { tasks?: unknown };
    if (!Array.isArray(body.tasks)) {
      throw new Error(
        "The scaffolder's task list has no tasks array: is it an older scaffolder?",
      );
    }
    return body.tasks as ScaffolderTask[];
  }

  private absent(why: string): undefined {
    if (!this.reportedAbsent) {
      this.options.logger.info(
        `Not reading template runs: the scaffolder is not available, ${why}. Will try again on the next run.`,
      );
      this.reportedAbsent = true;
    }
    return undefined;
  }

  private async eventsOf(tasks: ScaffolderTask[]): Promise<NewHabitEvent[]> {
    const { teams, capabilities, logger } = this.options;
    const completed = tasks.filter(task => task.status === 'completed');
    const users = completed
      .map(task => task.createdBy)
      .filter((ref): ref is string => Boolean(ref));
    const teamsByUser = await teams.teamsOfUsers(users);
    const events: NewHabitEvent[] = [];
    for (const task of completed) {
      const at = Date.parse(task.createdAt);
      if (Number.isNaN(at)) {
        logger.warn(
          `Skipping scaffolder task ${task.id}: createdAt ${task.createdAt} is not a date`,
        );
        continue;
      }
      const teamRefs = task.createdBy
        ? teamsByUser.get(task.createdBy) ?? []
        : [];
      if (teamRefs.length === 0) {
        // Run by a service, or by someone in no team: nothing to attribute it to.
        logger.debug(
          `Skipping scaffolder task ${task.id}: its creator is in no team`,
        );
        continue;
      }
      const given = task.spec?.templateInfo?.entityRef;
      const templateRef = given
        ? normaliseRef(given, { defaultKind: 'template' }) ?? null
        : null;
      events.push({
        source: SCAFFOLDER_SOURCE,
        kind: EVENT_KINDS.templateRun,
        way: 'new',
        capabilityRef: await capabilities.capabilityOfTemplate(templateRef),
        templateRef,
        teamRefs,
        at: new Date(at),
        idempotencyKey: `scaffolder-task:${task.id}`,
      });
    }
    return events;
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  return cause ?? String(error);
}
