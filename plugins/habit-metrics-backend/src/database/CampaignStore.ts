import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  Campaign,
  CampaignActivity,
  CampaignActivityKind,
  CampaignAudienceSource,
  CampaignGoal,
  CampaignStatus,
  CampaignTeam,
  LearningPathStep,
  ParticipationStatus,
} from '@platform-product/plugin-habit-metrics-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';

export interface NewCampaign {
  title: string;
  description: string;
  capabilityRef: string;
  templates: string[];
  goal: CampaignGoal;
  audience: CampaignAudienceSource;
  targetDate: string | null;
  teams: CampaignTeam[];
  createdBy: string;
}

export interface CampaignPatch {
  title?: string;
  description?: string;
  templates?: string[];
  goal?: CampaignGoal;
  targetDate?: string | null;
  /** Replaces the audience teams (drafts only: the router checks). */
  audience?: CampaignAudienceSource;
  teams?: CampaignTeam[];
  status?: CampaignStatus;
}

export interface NewCampaignActivity {
  kind: CampaignActivityKind;
  title: string;
  description: string;
  startsAt: string | null;
  capacity: number | null;
  link: string | null;
  steps: LearningPathStep[];
  createdBy: string;
}

/** A participation as stored: the person, their teams when they answered, and what they answered. */
export interface StoredParticipation {
  activityId: string;
  campaignId: string;
  userRef: string;
  teamRefs: string[];
  status: ParticipationStatus | null;
  stepsDone: number[];
  attended: boolean;
  updatedAt: string;
}

export type CampaignNotificationKind = 'announcement' | 'reminder' | 'nudge';

/**
 * Campaigns, their activities and participation, and the notifications sent, in the plugin's database. Nothing is
 * deleted: a campaign ends completed or cancelled.
 */
export class DatabaseCampaignStore {
  /** Runs on the client DatabaseHabitStore.create has migrated (the plugin creates that store first). */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseCampaignStore> {
    return new DatabaseCampaignStore(await options.database.getClient());
  }

  private constructor(private readonly db: Knex) {}

  async createCampaign(
    input: NewCampaign,
    now = new Date(),
  ): Promise<Campaign> {
    const id = randomUUID();
    await this.db.transaction(async tx => {
      await tx('hm_campaigns').insert({
        id,
        title: input.title,
        description: input.description,
        capability_ref: input.capabilityRef,
        templates: JSON.stringify(input.templates),
        goal: JSON.stringify(input.goal),
        audience: JSON.stringify(input.audience),
        target_date: input.targetDate,
        status: 'draft',
        created_by: input.createdBy,
        created_at: now.getTime(),
        updated_at: now.getTime(),
        started_at: null,
        ended_at: null,
      });
      await insertTeams(tx, id, input.teams);
    });
    return (await this.getCampaign(id))!;
  }

  async listCampaigns(filter: { status?: CampaignStatus } = {}) {
    const rows = await this.db('hm_campaigns')
      .modify(q => {
        if (filter.status) q.where({ status: filter.status });
      })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ]);
    const teams = await this.teamsOf(rows.map((r: any) => r.id));
    return rows.map((row: any) => toCampaign(row, teams.get(row.id) ?? []));
  }

  async getCampaign(id: string): Promise<Campaign | undefined> {
    const row = await this.db('hm_campaigns').where({ id }).first();
    if (!row) return undefined;
    const teams = await this.teamsOf([id]);
    return toCampaign(row, teams.get(id) ?? []);
  }

  /**
   * Applies a patch to a campaign that is still in `expectedStatus`; undefined when it is not (a concurrent change
   * or a missing campaign). Starting sets startedAt, completing or cancelling sets endedAt.
   */
  async updateCampaign(
    id: string,
    expectedStatus: CampaignStatus,
    patch: CampaignPatch,
    now = new Date(),
  ): Promise<Campaign | undefined> {
    const changed = await this.db.transaction(async tx => {
      const update: Record<string, unknown> = { updated_at: now.getTime() };
      if (patch.title !== undefined) update.title = patch.title;
      if (patch.description !== undefined)
        update.description = patch.description;
      if (patch.templates !== undefined)
        update.templates = JSON.stringify(patch.templates);
      if (patch.goal !== undefined) update.goal = JSON.stringify(patch.goal);
      if (patch.audience !== undefined)
        update.audience = JSON.stringify(patch.audience);
      if (patch.targetDate !== undefined) update.target_date = patch.targetDate;
      if (patch.status !== undefined && patch.status !== expectedStatus) {
        update.status = patch.status;
        if (patch.status === 'active') update.started_at = now.getTime();
        if (patch.status === 'completed' || patch.status === 'cancelled') {
          update.ended_at = now.getTime();
        }
      }
      const count = await tx('hm_campaigns')
        .where({ id, status: expectedStatus })
        .update(update);
      if (count === 0) return false;
      if (patch.teams !== undefined) {
        // The audience of a draft is replaced whole; activities and participation are not touched.
        await tx('hm_campaign_teams').where({ campaign_id: id }).delete();
        await insertTeams(tx, id, patch.teams);
      }
      return true;
    });
    return changed ? this.getCampaign(id) : undefined;
  }

  async addActivity(
    campaignId: string,
    input: NewCampaignActivity,
    now = new Date(),
  ): Promise<CampaignActivity> {
    const id = randomUUID();
    await this.db('hm_campaign_activities').insert({
      id,
      campaign_id: campaignId,
      kind: input.kind,
      title: input.title,
      details: JSON.stringify({
        description: input.description,
        startsAt: input.startsAt,
        capacity: input.capacity,
        link: input.link,
        steps: input.steps,
      }),
      created_by: input.createdBy,
      created_at: now.getTime(),
    });
    return (await this.getActivity(campaignId, id))!;
  }

  async listActivities(campaignId: string): Promise<CampaignActivity[]> {
    const rows = await this.db('hm_campaign_activities')
      .where({ campaign_id: campaignId })
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toActivity);
  }

  async getActivity(
    campaignId: string,
    activityId: string,
  ): Promise<CampaignActivity | undefined> {
    const row = await this.db('hm_campaign_activities')
      .where({ campaign_id: campaignId, id: activityId })
      .first();
    return row ? toActivity(row) : undefined;
  }

  /** Creates or replaces one person's participation in one activity (attendance is kept as the organiser set it). */
  async upsertParticipation(
    input: Omit<StoredParticipation, 'updatedAt' | 'attended'>,
    now = new Date(),
  ): Promise<StoredParticipation> {
    await this.db('hm_campaign_participation')
      .insert({
        activity_id: input.activityId,
        campaign_id: input.campaignId,
        user_ref: input.userRef,
        team_refs: JSON.stringify(input.teamRefs),
        status: input.status,
        steps_done: JSON.stringify(input.stepsDone),
        attended: false,
        updated_at: now.getTime(),
      })
      .onConflict(['activity_id', 'user_ref'])
      .merge(['team_refs', 'status', 'steps_done', 'updated_at']);
    const [stored] = await this.listParticipation(input.campaignId, {
      userRef: input.userRef,
      activityId: input.activityId,
    });
    return stored;
  }

  async listParticipation(
    campaignId: string,
    filter: { userRef?: string; activityId?: string } = {},
  ): Promise<StoredParticipation[]> {
    const rows = await this.db('hm_campaign_participation')
      .where({ campaign_id: campaignId })
      .modify(q => {
        if (filter.userRef) q.where({ user_ref: filter.userRef });
        if (filter.activityId) q.where({ activity_id: filter.activityId });
      })
      .orderBy(['activity_id', 'user_ref']);
    return rows.map((row: any) => ({
      activityId: row.activity_id,
      campaignId: row.campaign_id,
      userRef: row.user_ref,
      teamRefs: JSON.parse(row.team_refs),
      status: row.status ?? null,
      stepsDone: JSON.parse(row.steps_done),
      attended: Boolean(row.attended),
      updatedAt: new Date(Number(row.updated_at)).toISOString(),
    }));
  }

  /**
   * Records that a message of this kind went to a team for a week. False when one already had (another replica
   * or an earlier run sent it), so each message goes out once.
   */
  async claimNotification(
    campaignId: string,
    teamRef: string,
    kind: CampaignNotificationKind,
    week: string,
    now = new Date(),
  ): Promise<boolean> {
    const inserted = await this.db('hm_campaign_notifications')
      .insert({
        campaign_id: campaignId,
        team_ref: teamRef,
        kind,
        week,
        sent_at: now.getTime(),
      })
      .onConflict(['campaign_id', 'team_ref', 'kind', 'week'])
      .ignore()
      .returning('team_ref');
    // SQLite and PostgreSQL both return the inserted rows only.
    return Array.isArray(inserted) && inserted.length > 0;
  }

  /** Withdraws a claim whose message could not be sent, so that a later run sends it. */
  async releaseNotification(
    campaignId: string,
    teamRef: string,
    kind: CampaignNotificationKind,
    week: string,
  ): Promise<void> {
    await this.db('hm_campaign_notifications')
      .where({ campaign_id: campaignId, team_ref: teamRef, kind, week })
      .delete();
  }

  async notificationsSent(campaignId: string): Promise<
    {
      teamRef: string;
      kind: CampaignNotificationKind;
      week: string;
      sentAt: string;
    }[]
  > {
    const rows = await this.db('hm_campaign_notifications')
      .where({ campaign_id: campaignId })
      .orderBy(['week', 'team_ref', 'kind']);
    return rows.map((row: any) => ({
      teamRef: row.team_ref,
      kind: row.kind,
      week: row.week,
      sentAt: new Date(Number(row.sent_at)).toISOString(),
    }));
  }

  private async teamsOf(ids: string[]): Promise<Map<string, CampaignTeam[]>> {
    const result = new Map<string, CampaignTeam[]>();
    if (ids.length === 0) return result;
    const rows = await this.db('hm_campaign_teams')
      .whereIn('campaign_id', ids)
      .orderBy(['campaign_id', 'team_ref']);
    for (const row of rows) {
      const list = result.get(row.campaign_id) ?? [];
      list.push({
        teamRef: row.team_ref,
        championRef: row.champion_ref ?? null,
      });
      result.set(row.campaign_id, list);
    }
    return result;
  }
}

const CHUNK = 100;

async function insertTeams(
  tx: Knex,
  campaignId: string,
  teams: CampaignTeam[],
) {
  const rows = teams.map(team => ({
    campaign_id: campaignId,
    team_ref: team.teamRef,
    champion_ref: team.championRef,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx('hm_campaign_teams').insert(rows.slice(i, i + CHUNK));
  }
}

const iso = (value: unknown) =>
  value === null || value === undefined
    ? null
    : new Date(Number(value)).toISOString();

function toCampaign(row: any, teams: CampaignTeam[]): Campaign {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    capabilityRef: row.capability_ref,
    templates: JSON.parse(row.templates),
    goal: JSON.parse(row.goal),
    audience: JSON.parse(row.audience),
    targetDate: row.target_date ?? null,
    status: row.status,
    createdBy: row.created_by,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    startedAt: iso(row.started_at),
    endedAt: iso(row.ended_at),
    teams,
  };
}

function toActivity(row: any): CampaignActivity {
  const details = JSON.parse(row.details);
  return {
    id: row.id,
    campaignId: row.campaign_id,
    kind: row.kind,
    title: row.title,
    description: details.description ?? '',
    startsAt: details.startsAt ?? null,
    capacity: details.capacity ?? null,
    link: details.link ?? null,
    steps: details.steps ?? [],
    createdAt: iso(row.created_at)!,
  };
}
