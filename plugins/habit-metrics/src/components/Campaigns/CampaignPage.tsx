import {
  Content,
  ContentHeader,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  CampaignActivity,
  CampaignActivityRates,
  CampaignBurnUpWeek,
  CampaignEffect,
  CampaignGroupEffect,
  CampaignProgress,
  CampaignStatus,
  CampaignTeamProgress,
  isScheduledActivity,
} from '@platform-product/plugin-habit-metrics-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CampaignDetail, habitMetricsApiRef } from '../../api';
import { describeError } from '../../api/errors';
import { useCampaignPermissions } from '../../hooks/useCampaignPermissions';
import { useEntityTitles } from '../../hooks/useEntityTitles';
import { useHabitsLinks } from '../../hooks/useHabitsLinks';
import {
  ChartFrame,
  formatNumber,
  formatPercent,
  HabitsLoadFailure,
  plural,
  weekKey,
  weekLabel,
} from '../shared';
import {
  legendLabel,
  RECHARTS_TOOLTIP_ITEM_STYLE,
} from '../shared/chartStyles';
import { ActivityForm } from './ActivityForm';
import {
  describeGoal,
  formatDateTime,
  KIND_LABELS,
  STATE_LABELS,
  STATUS_LABELS,
} from './labels';

export function burnUpSummary(weeks: CampaignBurnUpWeek[]): string {
  const last = weeks[weeks.length - 1];
  return last
    ? `Teams at the goal per week: ${last.atGoal} of ${last.teams} in ${weekKey(
        last.week,
      )}.`
    : 'Teams at the goal per week: the campaign has no week yet.';
}

/** Teams at the goal per week since the start, against the audience's size. */
export function BurnUpChart(props: { weeks: CampaignBurnUpWeek[] }) {
  const { weeks } = props;
  const theme = useTheme();
  if (weeks.length === 0) {
    return (
      <Typography color="textSecondary">
        The campaign has no full week yet.
      </Typography>
    );
  }
  const data = weeks.map(w => ({ ...w, label: weekLabel(w.week) }));
  const axisLabel = { fill: theme.palette.text.primary };
  return (
    <ChartFrame summary={burnUpSummary(weeks)} height={260}>
      <LineChart data={data} margin={{ right: 8, bottom: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="label"
          minTickGap={8}
          label={{
            value: 'Week',
            position: 'insideBottom',
            offset: -8,
            style: axisLabel,
          }}
        />
        <YAxis
          allowDecimals={false}
          width={56}
          label={{
            value: 'Teams',
            angle: -90,
            position: 'insideLeft',
            style: { textAnchor: 'middle', ...axisLabel },
          }}
        />
        <Tooltip
          itemStyle={RECHARTS_TOOLTIP_ITEM_STYLE}
          labelFormatter={(_label, payload) =>
            payload?.[0]?.payload ? weekKey(payload[0].payload.week) : ''
          }
        />
        <Legend formatter={legendLabel} verticalAlign="top" />
        <Line
          dataKey="atGoal"
          name="Teams at the goal"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          dot={false}
        />
        <Line
          dataKey="teams"
          name="Audience teams"
          stroke={theme.palette.grey[500]}
          strokeDasharray="4 4"
          dot={false}
        />
      </LineChart>
    </ChartFrame>
  );
}

function TeamStates(props: { teams: CampaignTeamProgress[] }) {
  const { teams } = props;
  const links = useHabitsLinks();
  const titleOf = useEntityTitles(teams.map(t => t.teamRef));
  return (
    <Table size="small" aria-label="Each team's state">
      <TableHead>
        <TableRow>
          <TableCell>Team</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Engaged</TableCell>
          <TableCell>First active</TableCell>
          <TableCell>First at the goal</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...teams]
          .sort((a, b) => titleOf(a.teamRef).localeCompare(titleOf(b.teamRef)))
          .map(team => (
            <TableRow key={team.teamRef}>
              <TableCell>
                <Link to={links.team(team.teamRef)}>
                  {titleOf(team.teamRef)}
                </Link>
              </TableCell>
              <TableCell>{STATE_LABELS[team.state]}</TableCell>
              <TableCell>{team.engaged ? 'Yes' : 'No'}</TableCell>
              <TableCell>
                {team.firstActiveWeek ? weekKey(team.firstActiveWeek) : '–'}
              </TableCell>
              <TableCell>
                {team.firstGoalWeek ? weekKey(team.firstGoalWeek) : '–'}
              </TableCell>
            </TableRow>
          ))}
      </TableBody>
    </Table>
  );
}

function answersOf(rates: CampaignActivityRates): string {
  switch (rates.kind) {
    case 'announcement':
      return `${rates.acknowledged} ${
        rates.acknowledged === 1 ? 'person' : 'people'
      } acknowledged`;
    case 'training-session':
    case 'office-hours':
      return `${rates.going} going, ${rates.attended} attended`;
    case 'pairing-offer':
      return `${rates.interested} interested`;
    default:
      return `${rates.completed} completed every step`;
  }
}

function ActivityRates(props: {
  rates: CampaignActivityRates[];
  activities: CampaignActivity[];
}) {
  const { rates, activities } = props;
  const titleOf = (id: string) =>
    activities.find(a => a.id === id)?.title ?? 'An activity';
  if (rates.length === 0) {
    return <Typography color="textSecondary">No activity yet.</Typography>;
  }
  return (
    <Table
      size="small"
      aria-label="Acknowledgement and attendance per activity"
    >
      <TableHead>
        <TableRow>
          <TableCell>Activity</TableCell>
          <TableCell>Answers</TableCell>
          <TableCell>Teams engaged (acknowledgement rate)</TableCell>
          <TableCell>Attendance rate</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rates.map(rate => (
          <TableRow key={rate.activityId}>
            <TableCell>
              {titleOf(rate.activityId)}
              <Typography variant="body2" color="textSecondary">
                {KIND_LABELS[rate.kind]}
              </Typography>
            </TableCell>
            <TableCell>{answersOf(rate)}</TableCell>
            <TableCell>
              {rate.engagedTeams} of {plural(rate.teams, 'team')} (
              {formatPercent(rate.teamRate)})
            </TableCell>
            <TableCell>
              {isScheduledActivity(rate.kind)
                ? formatPercent(rate.attendanceRate)
                : 'Not applicable'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export const TOO_FEW_TEAMS = 'Too few teams to conclude';

function EffectView(props: { effect: CampaignEffect }) {
  const { effect } = props;
  const row = (
    label: string,
    value: (group: CampaignGroupEffect) => string,
  ) => (
    <TableRow>
      <TableCell component="th" scope="row">
        {label}
      </TableCell>
      <TableCell>{value(effect.engaged)}</TableCell>
      <TableCell>{value(effect.notEngaged)}</TableCell>
    </TableRow>
  );
  return (
    <>
      {effect.tooSmallToConclude && (
        <Alert severity="warning">
          <strong>{TOO_FEW_TEAMS}.</strong> Each group needs at least{' '}
          {plural(effect.minGroupTeams, 'team')}; there are{' '}
          {effect.engaged.teams} engaged and {effect.notEngaged.teams} not
          engaged, so any difference below may be chance.
        </Alert>
      )}
      <Table size="small" aria-label="Engaged against not-engaged teams">
        <TableHead>
          <TableRow>
            <TableCell>Since the start</TableCell>
            <TableCell>Engaged teams</TableCell>
            <TableCell>Not-engaged teams</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {row('Teams', g => String(g.teams))}
          {row('Adopted the capability', g => String(g.adopters))}
          {row('Adoption share', g => formatPercent(g.adoptionShare))}
          {row(
            `Formed the habit (${effect.habitWeeks} active weeks in a row)`,
            g => String(g.reachedHabit),
          )}
          {row('Median weeks to habit', g =>
            formatNumber(g.medianWeeksToHabit),
          )}
        </TableBody>
      </Table>
    </>
  );
}

function Activities(props: { detail: CampaignDetail }) {
  const { activities, rsvps } = props.detail;
  const nameOf = useEntityTitles(
    (rsvps ?? []).flatMap(r => [...r.going, ...r.attended]),
  );
  if (activities.length === 0) {
    return <Typography color="textSecondary">No activity yet.</Typography>;
  }
  return (
    <Box component="ul" pl={2} m={0}>
      {activities.map(activity => {
        const going = rsvps?.find(r => r.activityId === activity.id);
        return (
          <Box component="li" key={activity.id} mb={2}>
            <Typography variant="subtitle1" component="h3">
              {activity.title}
            </Typography>
            <Typography variant="body2">
              {KIND_LABELS[activity.kind]}
              {activity.startsAt &&
                ` · starts ${formatDateTime(activity.startsAt)}`}
              {activity.capacity !== null &&
                ` · ${plural(activity.capacity, 'place')}`}
            </Typography>
            {activity.description && (
              <Typography variant="body2">{activity.description}</Typography>
            )}
            {activity.link && (
              <Link to={activity.link}>Open {activity.title}</Link>
            )}
            {activity.steps.length > 0 && (
              <ol>
                {activity.steps.map(step => (
                  <li key={`${step.title}-${step.link}`}>
                    <Link to={step.link}>{step.title}</Link>
                  </li>
                ))}
              </ol>
            )}
            {going && (
              <Typography variant="body2">
                Going:{' '}
                {going.going.length
                  ? going.going.map(nameOf).join(', ')
                  : 'nobody yet'}
                {going.attended.length > 0 &&
                  `; attended: ${going.attended.map(nameOf).join(', ')}`}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
}

const NEXT: Record<
  CampaignStatus,
  { status: CampaignStatus; label: string }[]
> = {
  draft: [
    { status: 'active', label: 'Activate' },
    { status: 'cancelled', label: 'Cancel campaign' },
  ],
  active: [
    { status: 'completed', label: 'Complete' },
    { status: 'cancelled', label: 'Cancel campaign' },
  ],
  completed: [],
  cancelled: [],
};

/** `/habits/campaigns/:id`: a campaign's progress, effect and activities; its lifecycle for managers. */
export function CampaignPage(props: { id: string }) {
  const { id } = props;
  const api = useApi(habitMetricsApiRef);
  const { canManage } = useCampaignPermissions();
  const [actionError, setActionError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const state = useAsyncRetry(async () => {
    const detail = await api.getCampaign(id);
    // A draft has no progress yet: the backend answers it only once the campaign has started.
    let progress: CampaignProgress | undefined;
    let progressError: unknown;
    if (detail.campaign.status !== 'draft') {
      try {
        progress = await api.getCampaignProgress(id);
      } catch (error) {
        progressError = error;
      }
    }
    return { detail, progress, progressError };
  }, [api, id]);
  const campaign = state.value?.detail.campaign;
  const titleOf = useEntityTitles([campaign?.capabilityRef]);

  if (state.loading && !state.value) {
    return (
      <Content>
        <Progress />
      </Content>
    );
  }
  if (state.error || !state.value || !campaign) {
    return (
      <Content>
        <HabitsLoadFailure error={state.error} />
      </Content>
    );
  }
  const { detail, progress, progressError } = state.value;

  const move = async (status: CampaignStatus) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await api.updateCampaign(id, { status });
      state.retry();
    } catch (error) {
      setActionError(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Content>
      <ContentHeader title={campaign.title}>
        {canManage && (
          <Box display="flex" style={{ gap: 8 }}>
            {NEXT[campaign.status].map(next => (
              <Button
                key={next.status}
                variant={next.status === 'cancelled' ? 'outlined' : 'contained'}
                color="primary"
                disabled={busy}
                onClick={() => move(next.status)}
              >
                {next.label}
              </Button>
            ))}
          </Box>
        )}
      </ContentHeader>
      {actionError && (
        <Alert severity="error">
          The campaign did not change: {actionError}
        </Alert>
      )}
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard title="About">
            <Typography>
              {STATUS_LABELS[campaign.status]} · promotes{' '}
              {titleOf(campaign.capabilityRef)} · goal per team:{' '}
              {describeGoal(campaign.goal)} · audience:{' '}
              {plural(campaign.teams.length, 'team')}
              {campaign.audience.source === 'not-adopting'
                ? ' not adopting it yet'
                : ''}{' '}
              · target date: {campaign.targetDate ?? 'none'}
            </Typography>
            {campaign.description && (
              <Typography variant="body2">{campaign.description}</Typography>
            )}
          </InfoCard>
        </Grid>
        {campaign.status === 'draft' ? (
          <Grid item xs={12}>
            <Alert severity="info">
              This campaign is a draft: progress and effect appear once it is
              activated.
            </Alert>
          </Grid>
        ) : null}
        {progressError ? (
          <Grid item xs={12}>
            <HabitsLoadFailure error={progressError} />
          </Grid>
        ) : null}
        {progress && (
          <>
            <Grid item xs={12} md={6}>
              <InfoCard
                title="Progress"
                subheader={`Weeks ${weekKey(progress.startWeek)} to ${weekKey(
                  progress.asOf,
                )}`}
              >
                <Typography variant="h6" component="h3">
                  Teams at the goal per week
                </Typography>
                <BurnUpChart weeks={progress.burnUp} />
                <Typography variant="h6" component="h3">
                  Each team's state
                </Typography>
                <TeamStates teams={progress.teams} />
              </InfoCard>
            </Grid>
            <Grid item xs={12} md={6}>
              <InfoCard
                title="Effect"
                subheader="Engaged against not-engaged audience teams"
              >
                <EffectView effect={progress.effect} />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <InfoCard title="Acknowledgement and attendance per activity">
                <ActivityRates
                  rates={progress.activities}
                  activities={detail.activities}
                />
              </InfoCard>
            </Grid>
          </>
        )}
        <Grid item xs={12} md={canManage ? 6 : 12}>
          <InfoCard title="Activities">
            <Activities detail={detail} />
          </InfoCard>
        </Grid>
        {canManage &&
          (campaign.status === 'draft' || campaign.status === 'active') && (
            <Grid item xs={12} md={6}>
              <InfoCard title="Add an activity">
                <ActivityForm campaignId={id} onAdded={state.retry} />
              </InfoCard>
            </Grid>
          )}
      </Grid>
    </Content>
  );
}
