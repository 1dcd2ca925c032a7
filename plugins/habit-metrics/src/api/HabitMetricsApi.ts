import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  Adoption,
  Campaign,
  CampaignActivity,
  CampaignActivityKind,
  CampaignAudienceSource,
  CampaignGoal,
  CampaignProgress,
  CampaignStatus,
  CapabilityHabits,
  GoldenPathShare,
  HabitEventInput,
  HabitsSummary,
  LearningPathStep,
  MyParticipation,
  ParticipationInput,
  Retention,
  Reversions,
  StickinessWeek,
  TeamHabits,
  TimeToHabit,
} from '@platform-product/plugin-habit-metrics-common';

/**
 * A range of dates, each written `YYYY-MM-DD`; the backend snaps them to their ISO weeks.
 * Without them it answers for the last 26 weeks.
 *
 * @public
 */
export interface DateRange {
  /** First day of the range, `YYYY-MM-DD`; its ISO week is included. */
  from?: string;
  /** Last day of the range, `YYYY-MM-DD`; its ISO week is included. */
  to?: string;
}

/**
 * What to compute adoption for: a capability, a template, or both.
 *
 * @public
 */
export type AdoptionQuery = DateRange &
  (
    | { capability: string; template?: string }
    | { capability?: string; template: string }
  );

/**
 * Answer of `POST /events`.
 *
 * @public
 */
export interface HabitEventsResult {
  /** Events recorded by this request. */
  accepted: number;
  /** Events whose idempotency key was already recorded. */
  duplicates: number;
}

/**
 * A new campaign (`POST /campaigns`); it starts as a draft.
 *
 * @public
 */
export interface NewCampaign {
  /** A one-line title. */
  title: string;
  /** Free text; optional. */
  description?: string;
  /** Entity ref of the capability the campaign promotes. */
  capabilityRef: string;
  /** The golden-path templates the campaign promotes. */
  templates?: string[];
  /** The goal each audience team should reach. */
  goal: CampaignGoal;
  /** How the audience is chosen. */
  audience: CampaignAudienceSource;
  /** A champion per team (User refs). */
  champions?: Array<{ teamRef: string; userRef: string }>;
  /** The date (YYYY-MM-DD) the teams should reach the goal by. */
  targetDate?: string;
}

/**
 * Changes to a campaign (`PATCH /campaigns/{id}`); `status` moves it along its lifecycle.
 *
 * @public
 */
export type CampaignChanges = Partial<
  Omit<NewCampaign, 'capabilityRef' | 'targetDate'>
> & {
  /** The new target date, or null to clear it. */
  targetDate?: string | null;
  /** The new status: draft → active → completed or cancelled. */
  status?: CampaignStatus;
};

/**
 * A new campaign activity (`POST /campaigns/{id}/activities`).
 *
 * @public
 */
export interface NewCampaignActivity {
  /** What kind of activity it is. */
  kind: CampaignActivityKind;
  /** A one-line title. */
  title: string;
  /** Free text; optional. */
  description?: string;
  /** Training sessions and office hours (required there): when they start, an ISO timestamp. */
  startsAt?: string;
  /** Training sessions: places. */
  capacity?: number;
  /** Where to join or read. */
  link?: string;
  /** Learning paths (required there): the ordered steps. */
  steps?: LearningPathStep[];
}

/**
 * A campaign with its activities and the signed-in user's own participation (`GET /campaigns/{id}`).
 *
 * @public
 */
export interface CampaignDetail {
  /** The campaign. */
  campaign: Campaign;
  /** Its activities, in the order they were added. */
  activities: CampaignActivity[];
  /** The signed-in user's own answers. */
  myParticipation: MyParticipation[];
  /** For managers only: who said they are going to, and who attended, each session or office hours. */
  rsvps?: Array<{ activityId: string; going: string[]; attended: string[] }>;
}

/**
 * Client for the habit-metrics backend. Every method rejects with a `ResponseError` from
 * `@backstage/errors` when the backend answers with an error status.
 *
 * @public
 */
export interface HabitMetricsApi {
  /**
   * Records activity events. `keepalive` lets the request outlive the page (for sends on `pagehide`).
   */
  sendEvents(
    events: HabitEventInput[],
    options?: { keepalive?: boolean },
  ): Promise<HabitEventsResult>;

  /** Golden-path share per week, overall and per team; `team` narrows it to one Group. */
  getGoldenPath(
    query?: DateRange & { team?: string },
  ): Promise<GoldenPathShare>;
  /** Adoption of one capability or template. */
  getAdoption(query: AdoptionQuery): Promise<Adoption>;
  /** Adoption of every capability. */
  listAdoption(query?: DateRange): Promise<Adoption[]>;
  /** Cohort retention of one capability, or of all activity without `capability`. */
  getRetention(query?: {
    capability?: string;
    weeks?: number;
  }): Promise<Retention>;
  /** Stickiness per week: the share of recently active teams active that week; `capability` narrows it to one. */
  getStickiness(
    query?: DateRange & { capability?: string },
  ): Promise<StickinessWeek[]>;
  /** Teams that went back to the old way after `minStreak` new-way weeks in a row. */
  getReversions(
    query?: DateRange & { minStreak?: number },
  ): Promise<Reversions>;
  /** Weeks teams take to use each capability every week for `habitWeeks` weeks in a row. */
  getTimeToHabit(query?: { habitWeeks?: number }): Promise<TimeToHabit>;
  /** One team's habits; the ref may omit the kind (`group` is assumed). */
  getTeamHabits(
    teamRef: string | CompoundEntityRef,
    range?: DateRange,
  ): Promise<TeamHabits>;
  /** One capability's habits. */
  getCapabilityHabits(
    capabilityRef: string | CompoundEntityRef,
    range?: DateRange,
  ): Promise<CapabilityHabits>;
  /**
   * Whether any activity is recorded yet (and in which weeks), and the capabilities and teams in the catalog: tells
   * a fresh install from a quiet range.
   */
  getSummary(): Promise<HabitsSummary>;

  /** Every campaign, newest first; `status` filters them. */
  listCampaigns(query?: { status?: CampaignStatus }): Promise<Campaign[]>;
  /** Creates a draft campaign (habit-metrics.campaigns.manage). */
  createCampaign(campaign: NewCampaign): Promise<Campaign>;
  /** One campaign with its activities and the signed-in user's own participation. */
  getCampaign(id: string): Promise<CampaignDetail>;
  /** Changes a campaign or moves it along its lifecycle (habit-metrics.campaigns.manage). */
  updateCampaign(id: string, changes: CampaignChanges): Promise<Campaign>;
  /** Adds an activity to a draft or active campaign (habit-metrics.campaigns.manage). */
  addCampaignActivity(
    id: string,
    activity: NewCampaignActivity,
  ): Promise<CampaignActivity>;
  /** The signed-in user's own answer to an activity of an active campaign. */
  putMyParticipation(
    id: string,
    activityId: string,
    participation: ParticipationInput,
  ): Promise<MyParticipation>;
  /** Team states, burn-up, rates per activity and effect of a campaign that has started. */
  getCampaignProgress(id: string): Promise<CampaignProgress>;
}

/**
 * API reference for {@link HabitMetricsApi}.
 *
 * @public
 */
export const habitMetricsApiRef = createApiRef<HabitMetricsApi>({
  id: 'plugin.habit-metrics.api',
});
