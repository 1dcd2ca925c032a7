import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  activityOfTeams,
  addWeeks,
  Campaign,
  CampaignActivity,
  CampaignActivityKind,
  CampaignAudienceSource,
  CampaignGoal,
  campaignProgress,
  CampaignProgress,
  CampaignStatus,
  CampaignTeam,
  campaignTransitionProblem,
  isCampaignLink,
  isScheduledActivity,
  engagedTeams,
  EVENT_KINDS,
  MyParticipation,
  ParticipationInput,
  participationProblem,
  WeekStart,
  weekStartOf,
} from '@platform-product/plugin-habit-metrics-common';
import { requireRefOfKind, requireText } from '@platform-product/common';
import {
  DatabaseCampaignStore,
  StoredParticipation,
} from '../database/CampaignStore';
import { HabitStore } from '../database/HabitStore';
import { MetricsService } from './MetricsService';
import { TeamResolver } from './TeamResolver';

/** A campaign body after the spec's shape rules (lengths, enums, integers, no unknown fields). */
export interface CampaignBody {
  title?: string;
  description?: string;
  capabilityRef?: string;
  templates?: string[];
  goal?: CampaignGoal;
  audience?: CampaignAudienceSource;
  champions?: { teamRef: string; userRef: string }[];
  targetDate?: string | null;
  status?: CampaignStatus;
}

export interface ActivityBody {
  kind: CampaignActivityKind;
  title: string;
  description?: string;
  startsAt?: string;
  capacity?: number;
  link?: string;
  steps?: { title: string; link: string }[];
}

const line = (max: number) => ({ maxLength: max });
const ref = (value: string, field: string, kinds: string[]) =>
  requireRefOfKind(value, field, {
    kinds,
    ...(kinds.length === 1 ? { defaultKind: kinds[0] } : {}),
  }).toLocaleLowerCase('en-US');

/** A link a person can follow: http(s) or a path inside Backstage, and the suite's text rule. */
function requireLink(value: string, field: string): string {
  requireText(value, field, line(2000));
  if (!isCampaignLink(value)) {
    throw new InputError(
      `${field} must be an http(s) address or a path in Backstage starting with /; got ${JSON.stringify(
        value.slice(0, 80),
      )}`,
    );
  }
  return value;
}

function requireDate(value: string, field: string): string {
  const time = Date.parse(`${value}T00:00:00Z`);
  if (
    Number.isNaN(time) ||
    new Date(time).toISOString().slice(0, 10) !== value
  ) {
    throw new InputError(
      `${field} must be a real date written YYYY-MM-DD; got ${value}`,
    );
  }
  return value;
}

/**
 * Campaigns: checks what the spec cannot (the suite's text and ref rules, the lifecycle, the goal's bounds),
 * resolves audiences and computes progress from the same weekly activity as every habit figure.
 */
export class CampaignService {
  constructor(
    private readonly options: {
      campaigns: DatabaseCampaignStore;
      store: HabitStore;
      teams: TeamResolver;
      metrics: MetricsService;
      reversionStreakWeeks: number;
      habitWeeks: number;
    },
  ) {}

  async list(status?: CampaignStatus): Promise<Campaign[]> {
    return this.options.campaigns.listCampaigns(status ? { status } : {});
  }

  async get(id: string): Promise<Campaign> {
    const campaign = await this.options.campaigns.getCampaign(id);
    if (!campaign) throw new NotFoundError(`No campaign ${id}`);
    return campaign;
  }

  async create(body: CampaignBody, createdBy: string): Promise<Campaign> {
    const title = requireText(body.title, 'title', line(200));
    const description =
      body.description === undefined
        ? ''
        : requireText(body.description, 'description', {
            maxLength: 4000,
            multiline: true,
            allowBlank: true,
          });
    const capabilityRef = ref(body.capabilityRef!, 'capabilityRef', []);
    const templates = this.readTemplates(body.templates ?? []);
    const goal = readGoal(body.goal!);
    const audience = this.readAudience(body.audience!);
    const teams = await this.resolveTeams(
      audience,
      capabilityRef,
      body.champions ?? [],
    );
    return this.options.campaigns.createCampaign({
      title,
      description,
      capabilityRef,
      templates,
      goal,
      audience,
      targetDate:
        body.targetDate === undefined || body.targetDate === null
          ? null
          : requireDate(body.targetDate, 'targetDate'),
      teams,
      createdBy,
    });
  }

  async update(id: string, body: CampaignBody): Promise<Campaign> {
    const current = await this.get(id);
    if (body.status !== undefined) {
      const problem = campaignTransitionProblem(current.status, body.status);
      if (problem) throw new ConflictError(problem);
    }
    const changesAudience =
      body.audience !== undefined || body.champions !== undefined;
    if (changesAudience && current.status !== 'draft') {
      throw new ConflictError(
        `The audience and champions of a ${current.status} campaign are fixed; only a draft's may change`,
      );
    }
    if (
      (current.status === 'completed' || current.status === 'cancelled') &&
      Object.keys(body).some(key => key !== 'status')
    ) {
      throw new ConflictError(
        `The campaign is ${current.status}: it is kept as it ended and cannot be changed`,
      );
    }
    const audience = body.audience
      ? this.readAudience(body.audience)
      : current.audience;
    const teams = changesAudience
      ? await this.resolveTeams(
          audience,
          current.capabilityRef,
          body.champions ??
            current.teams.flatMap(t =>
              t.championRef
                ? [{ teamRef: t.teamRef, userRef: t.championRef }]
                : [],
            ),
        )
      : undefined;
    const updated = await this.options.campaigns.updateCampaign(
      id,
      current.status,
      {
        ...(body.title !== undefined
          ? { title: requireText(body.title, 'title', line(200)) }
          : {}),
        ...(body.description !== undefined
          ? {
              description: requireText(body.description, 'description', {
                maxLength: 4000,
                multiline: true,
                allowBlank: true,
              }),
            }
          : {}),
        ...(body.templates !== undefined
          ? { templates: this.readTemplates(body.templates) }
          : {}),
        ...(body.goal !== undefined ? { goal: readGoal(body.goal) } : {}),
        ...(body.targetDate !== undefined
          ? {
              targetDate:
                body.targetDate === null
                  ? null
                  : requireDate(body.targetDate, 'targetDate'),
            }
          : {}),
        ...(body.audience !== undefined ? { audience } : {}),
        ...(teams !== undefined ? { teams } : {}),
        ...(body.status !== undefined ? { status: body.status } : {}),
      },
    );
    if (!updated) {
      throw new ConflictError(
        `The campaign changed while this change was made (it is no longer ${current.status}); reload it and try again`,
      );
    }
    return updated;
  }

  async addActivity(
    campaignId: string,
    body: ActivityBody,
    createdBy: string,
  ): Promise<CampaignActivity> {
    const campaign = await this.get(campaignId);
    if (campaign.status !== 'draft' && campaign.status !== 'active') {
      throw new ConflictError(
        `Activities can only be added to a draft or active campaign; this one is ${campaign.status}`,
      );
    }
    const { kind } = body;
    const timed = isScheduledActivity(kind);
    if (timed && body.startsAt === undefined) {
      throw new InputError(`A ${kind} needs startsAt: when it starts`);
    }
    if (!timed && body.startsAt !== undefined) {
      throw new InputError(
        `startsAt is for training sessions and office hours only, not a ${kind}`,
      );
    }
    if (body.capacity !== undefined && kind !== 'training-session') {
      throw new InputError(
        `capacity is for training sessions only, not a ${kind}`,
      );
    }
    if (kind === 'learning-path' && !body.steps) {
      throw new InputError(
        'A learning path needs steps: an ordered list of { title, link }',
      );
    }
    if (kind !== 'learning-path' && body.steps !== undefined) {
      throw new InputError(`steps are for learning paths only, not a ${kind}`);
    }
    let startsAt: string | null = null;
    if (body.startsAt !== undefined) {
      const time =
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(
          body.startsAt,
        )
          ? Date.parse(body.startsAt)
          : NaN;
      if (Number.isNaN(time)) {
        throw new InputError(
          `startsAt must be an ISO date-time with Z or an offset, e.g. 2027-01-12T10:00:00Z; got ${JSON.stringify(
            body.startsAt.slice(0, 80),
          )}`,
        );
      }
      startsAt = new Date(time).toISOString();
    }
    return this.options.campaigns.addActivity(campaignId, {
      kind,
      title: requireText(body.title, 'title', line(200)),
      description:
        body.description === undefined
          ? ''
          : requireText(body.description, 'description', {
              maxLength: 4000,
              multiline: true,
              allowBlank: true,
            }),
      startsAt,
      capacity: body.capacity ?? null,
      link: body.link === undefined ? null : requireLink(body.link, 'link'),
      steps: (body.steps ?? []).map((step, index) => ({
        title: requireText(step.title, `steps[${index}].title`, line(200)),
        link: requireLink(step.link, `steps[${index}].link`),
      })),
      createdBy,
    });
  }

  /** A person's own answer; it counts for the teams they are a member of now. */
  async participate(
    campaignId: string,
    activityId: string,
    userRef: string,
    input: ParticipationInput,
  ): Promise<MyParticipation> {
    const campaign = await this.get(campaignId);
    const activity = await this.options.campaigns.getActivity(
      campaignId,
      activityId,
    );
    if (!activity) {
      throw new NotFoundError(
        `Campaign ${campaignId} has no activity ${activityId}`,
      );
    }
    if (campaign.status !== 'active') {
      throw new ConflictError(
        `You can only take part in an active campaign; this one is ${campaign.status}`,
      );
    }
    const problem = participationProblem(
      activity.kind,
      input,
      activity.steps.length,
    );
    if (problem) throw new InputError(problem);
    const teamRefs = await this.options.teams.teamsOf(userRef);
    const stored = await this.options.campaigns.upsertParticipation({
      activityId,
      campaignId,
      userRef,
      teamRefs,
      status: input.status ?? null,
      stepsDone: [...(input.stepsDone ?? [])].sort((a, b) => a - b),
    });
    return toMine(stored);
  }

  /** The campaign, its activities, the caller's own participation and, for organisers, who RSVPed. */
  async detail(id: string, viewer: { userRef?: string; organiser: boolean }) {
    const campaign = await this.get(id);
    const activities = await this.options.campaigns.listActivities(id);
    const mine = viewer.userRef
      ? await this.options.campaigns.listParticipation(id, {
          userRef: viewer.userRef,
        })
      : [];
    const result: {
      campaign: Campaign;
      activities: CampaignActivity[];
      myParticipation: MyParticipation[];
      rsvps?: { activityId: string; going: string[]; attended: string[] }[];
    } = { campaign, activities, myParticipation: mine.map(toMine) };
    if (viewer.organiser) {
      const all = await this.options.campaigns.listParticipation(id);
      result.rsvps = activities
        .filter(a => isScheduledActivity(a.kind))
        .map(a => {
          const records = all.filter(p => p.activityId === a.id);
          return {
            activityId: a.id,
            going: records
              .filter(p => p.status === 'going' || p.attended)
              .map(p => p.userRef),
            attended: records.filter(p => p.attended).map(p => p.userRef),
          };
        });
    }
    return result;
  }

  /** Team-level progress as of the current week (or the week the campaign ended). */
  async progress(id: string, now = new Date()): Promise<CampaignProgress> {
    const campaign = await this.get(id);
    if (!campaign.startedAt) {
      throw new ConflictError(
        'The campaign is a draft: its progress starts when it becomes active',
      );
    }
    const input = await this.progressInput(campaign, now);
    const activities = await this.options.campaigns.listActivities(id);
    const participation = await this.options.campaigns.listParticipation(id);
    return campaignProgress(
      input.input,
      activities.map(a => ({ id: a.id, kind: a.kind, steps: a.steps.length })),
      participation,
    );
  }

  /** What the progress maths and the notifier read for a started campaign. */
  async progressInput(campaign: Campaign, now = new Date()) {
    const startWeek = weekStartOf(campaign.startedAt!);
    const asOf: WeekStart = weekStartOf(campaign.endedAt ?? now);
    const audienceTeams = campaign.teams.map(t => t.teamRef);
    const lookBack = Math.max(
      campaign.goal.kind === 'active-weeks' ? campaign.goal.windowWeeks : 4,
      this.options.reversionStreakWeeks + 1,
    );
    const rows = await this.options.store.weeklyActivity(
      {
        from: addWeeks(startWeek, -lookBack),
        to: asOf,
        excludeKinds: [EVENT_KINDS.componentBaseline],
      },
      { sorted: false },
    );
    const participation = await this.options.campaigns.listParticipation(
      campaign.id,
    );
    return {
      input: {
        capabilityRef: campaign.capabilityRef,
        goal: campaign.goal,
        startWeek,
        asOf,
        audienceTeams,
        activity: activityOfTeams(rows, audienceTeams),
        engagedTeams: engagedTeams(audienceTeams, participation),
        minStreakWeeks: this.options.reversionStreakWeeks,
        habitWeeks: this.options.habitWeeks,
      },
      participation,
    };
  }

  private readTemplates(templates: string[]): string[] {
    return [
      ...new Set(
        templates.map((t, i) => ref(t, `templates[${i}]`, ['template'])),
      ),
    ];
  }

  private readAudience(
    audience: CampaignAudienceSource,
  ): CampaignAudienceSource {
    if (audience.source === 'groups') {
      return {
        source: 'groups',
        groups: [
          ...new Set(
            audience.groups.map((g, i) =>
              ref(g, `audience.groups[${i}]`, ['group']),
            ),
          ),
        ].sort(),
      };
    }
    return { source: 'not-adopting' };
  }

  private async resolveTeams(
    audience: CampaignAudienceSource,
    capabilityRef: string,
    champions: { teamRef: string; userRef: string }[],
  ): Promise<CampaignTeam[]> {
    let teamRefs: string[];
    if (audience.source === 'groups') {
      teamRefs = audience.groups;
    } else {
      const product = await this.options.teams.productTeams();
      if (product === null) {
        throw new InputError(
          'The teams not yet adopting cannot be chosen now: the catalog cannot be read. List the groups instead',
        );
      }
      const week = weekStartOf(new Date());
      const adoption = await this.options.metrics.adoption({
        from: week,
        to: week,
        capabilityRef,
      });
      const adopters = new Set(adoption.figures.adopterRefs);
      teamRefs = product.filter(team => !adopters.has(team));
    }
    const championOf = new Map<string, string>();
    for (const [index, champion] of champions.entries()) {
      const teamRef = ref(champion.teamRef, `champions[${index}].teamRef`, [
        'group',
      ]);
      const userRef = ref(champion.userRef, `champions[${index}].userRef`, [
        'user',
      ]);
      if (!teamRefs.includes(teamRef)) {
        throw new InputError(
          `champions[${index}].teamRef ${teamRef} is not in the campaign's audience`,
        );
      }
      if (!(await this.options.teams.teamsOf(userRef)).includes(teamRef)) {
        throw new InputError(
          `champions[${index}].userRef ${userRef} is not a member of ${teamRef} in the catalog; a champion must be one of the team`,
        );
      }
      championOf.set(teamRef, userRef);
    }
    return teamRefs.map(teamRef => ({
      teamRef,
      championRef: championOf.get(teamRef) ?? null,
    }));
  }
}

function readGoal(goal: CampaignGoal): CampaignGoal {
  if (goal.kind === 'active-weeks' && goal.activeWeeks > goal.windowWeeks) {
    throw new InputError(
      `goal.activeWeeks (${goal.activeWeeks}) cannot be more than goal.windowWeeks (${goal.windowWeeks})`,
    );
  }
  return goal.kind === 'active-weeks'
    ? {
        kind: 'active-weeks',
        activeWeeks: goal.activeWeeks,
        windowWeeks: goal.windowWeeks,
      }
    : { kind: 'golden-path-share', share: goal.share };
}

function toMine(stored: StoredParticipation): MyParticipation {
  return {
    activityId: stored.activityId,
    status: stored.status,
    stepsDone: stored.stepsDone,
    attended: stored.attended,
    updatedAt: stored.updatedAt,
  };
}
