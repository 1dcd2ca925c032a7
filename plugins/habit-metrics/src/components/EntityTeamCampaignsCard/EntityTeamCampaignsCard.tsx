import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  CampaignActivity,
  MyParticipation,
  ParticipationInput,
  ParticipationStatus,
} from '@platform-product/plugin-habit-metrics-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { CampaignDetail, habitMetricsApiRef } from '../../api';
import { describeError, isNotFoundInBackend } from '../../api/errors';
import { useCampaignPermissions } from '../../hooks/useCampaignPermissions';
import { useEntityTitles } from '../../hooks/useEntityTitles';
import { useHabitsLinks } from '../../hooks/useHabitsLinks';
import { describeGoal, formatDateTime, KIND_LABELS } from '../Campaigns/labels';
import { HabitsLoadFailure } from '../shared';

const CARD_TITLE = "Your team's campaigns";

const CHOICES: Partial<
  Record<
    CampaignActivity['kind'],
    { status: ParticipationStatus; label: string }[]
  >
> = {
  'training-session': [
    { status: 'going', label: "I'm going" },
    { status: 'not-going', label: 'Not going' },
  ],
  'office-hours': [
    { status: 'going', label: "I'm going" },
    { status: 'not-going', label: 'Not going' },
  ],
  'pairing-offer': [
    { status: 'interested', label: 'Interested' },
    { status: 'not-interested', label: 'Not interested' },
  ],
};

function ActivityAnswer(props: {
  activity: CampaignActivity;
  mine?: MyParticipation;
  canParticipate: boolean;
  saving: boolean;
  answer: (input: ParticipationInput) => void;
}) {
  const { activity, mine, canParticipate, saving, answer } = props;
  if (activity.kind === 'announcement') {
    if (mine?.status === 'acknowledged') {
      return <Typography variant="body2">You acknowledged it.</Typography>;
    }
    return canParticipate ? (
      <Button
        size="small"
        variant="outlined"
        color="primary"
        disabled={saving}
        onClick={() => answer({ status: 'acknowledged' })}
        aria-label={`Acknowledge ${activity.title}`}
      >
        Acknowledge
      </Button>
    ) : null;
  }
  if (activity.kind === 'learning-path') {
    const done = new Set(mine?.stepsDone ?? []);
    const next = activity.steps.findIndex((_, index) => !done.has(index));
    return (
      <Box>
        <Typography variant="body2">
          {next < 0 ? (
            'You have done every step.'
          ) : (
            <>
              Next step:{' '}
              <Link to={activity.steps[next].link} underline="always">
                {activity.steps[next].title}
              </Link>
            </>
          )}
        </Typography>
        {canParticipate &&
          activity.steps.map((step, index) => (
            <FormControlLabel
              key={`${index}-${step.title}`}
              style={{ display: 'flex' }}
              control={
                <Checkbox
                  size="small"
                  color="primary"
                  checked={done.has(index)}
                  disabled={saving}
                  onChange={(_event, checked) => {
                    const steps = new Set(done);
                    if (checked) steps.add(index);
                    else steps.delete(index);
                    answer({ stepsDone: [...steps].sort((a, b) => a - b) });
                  }}
                />
              }
              label={`Step ${index + 1} done: ${step.title}`}
            />
          ))}
      </Box>
    );
  }
  const choices = CHOICES[activity.kind] ?? [];
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 8 }}>
      {mine?.attended && <Typography variant="body2">You attended.</Typography>}
      {canParticipate &&
        choices.map(choice => {
          const chosen = mine?.status === choice.status;
          return (
            <Button
              key={choice.status}
              size="small"
              variant={chosen ? 'contained' : 'outlined'}
              color="primary"
              disabled={saving}
              aria-pressed={chosen}
              onClick={() => answer({ status: choice.status })}
            >
              {choice.label}
            </Button>
          );
        })}
    </Box>
  );
}

function CampaignEntry(props: {
  detail: CampaignDetail;
  teamRef: string;
  canParticipate: boolean;
}) {
  const { detail, teamRef, canParticipate } = props;
  const { campaign, activities } = detail;
  const api = useApi(habitMetricsApiRef);
  const links = useHabitsLinks();
  const champion = campaign.teams.find(t => t.teamRef === teamRef)?.championRef;
  const titleOf = useEntityTitles([campaign.capabilityRef, champion]);
  const [mine, setMine] = useState<Map<string, MyParticipation>>(
    () => new Map(detail.myParticipation.map(p => [p.activityId, p])),
  );
  const [saving, setSaving] = useState<string>();
  const [failure, setFailure] = useState<string>();

  const answer = async (activityId: string, input: ParticipationInput) => {
    setSaving(activityId);
    setFailure(undefined);
    try {
      const saved = await api.putMyParticipation(
        campaign.id,
        activityId,
        input,
      );
      setMine(current => new Map(current).set(activityId, saved));
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setSaving(undefined);
    }
  };

  return (
    <Box component="section" mb={3} aria-label={campaign.title}>
      <Typography variant="h6" component="h3">
        <Link to={links.campaign(campaign.id)}>{campaign.title}</Link>
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {titleOf(campaign.capabilityRef)} · goal: {describeGoal(campaign.goal)}
        {campaign.targetDate ? ` by ${campaign.targetDate}` : ''}
        {champion ? ` · champion: ${titleOf(champion)}` : ''}
      </Typography>
      {failure && (
        <Alert severity="error">Your answer was not saved: {failure}</Alert>
      )}
      {activities.length === 0 ? (
        <Typography variant="body2">No activity yet.</Typography>
      ) : (
        <Box component="ul" pl={0} m={0} style={{ listStyle: 'none' }}>
          {activities.map(activity => (
            <Box component="li" key={activity.id} mt={1.5}>
              <Typography variant="subtitle2" component="h4">
                {activity.title}
              </Typography>
              <Typography variant="body2" color="textSecondary">
                {KIND_LABELS[activity.kind]}
                {activity.startsAt
                  ? ` · ${formatDateTime(activity.startsAt)}`
                  : ''}
              </Typography>
              {activity.link && (
                <Typography variant="body2">
                  <Link to={activity.link}>Open {activity.title}</Link>
                </Typography>
              )}
              <ActivityAnswer
                activity={activity}
                mine={mine.get(activity.id)}
                canParticipate={canParticipate}
                saving={saving === activity.id}
                answer={input => answer(activity.id, input)}
              />
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}

/**
 * For a Group entity: the active campaigns the team is in, with the signed-in user's own answers (acknowledge,
 * RSVP, learning-path steps).
 */
export function EntityTeamCampaignsCard() {
  const { entity } = useEntity();
  const teamRef = stringifyEntityRef(entity);
  const api = useApi(habitMetricsApiRef);
  const links = useHabitsLinks();
  const { canParticipate } = useCampaignPermissions();

  const { value, loading, error } = useAsync(async () => {
    const active = await api.listCampaigns({ status: 'active' });
    const mine = active.filter(campaign =>
      campaign.teams.some(team => team.teamRef === teamRef),
    );
    return Promise.all(mine.map(campaign => api.getCampaign(campaign.id)));
  }, [api, teamRef]);

  const deepLink = { title: 'Every campaign', link: links.campaigns() };
  if (loading) {
    return (
      <InfoCard title={CARD_TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <InfoCard title={CARD_TITLE}>
        {isNotFoundInBackend(error) ? (
          <Typography>Habit metrics do not know this group.</Typography>
        ) : (
          <HabitsLoadFailure error={error} />
        )}
      </InfoCard>
    );
  }
  if (!value || value.length === 0) {
    return (
      <InfoCard title={CARD_TITLE} deepLink={deepLink}>
        <EmptyState
          missing="content"
          title="No active campaign for this team"
          description="When the platform team runs a campaign aimed at this team, its announcements, sessions and learning paths appear here."
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard title={CARD_TITLE} deepLink={deepLink}>
      {!canParticipate && (
        <Typography variant="body2" color="textSecondary">
          You may read these campaigns but not answer them.
        </Typography>
      )}
      {value.map(detail => (
        <CampaignEntry
          key={detail.campaign.id}
          detail={detail}
          teamRef={teamRef}
          canParticipate={canParticipate}
        />
      ))}
    </InfoCard>
  );
}
