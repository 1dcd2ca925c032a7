import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  ACTIVE_WINDOW_WEEKS,
  AdoptionFigures,
  AdoptionTrendDirection,
  CapabilityHabits,
  DEFAULT_HABIT_WEEKS,
  TREND_WEEKS,
} from '@platform-product/plugin-habit-metrics-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { habitMetricsApiRef } from '../../api';
import { isNotFoundInBackend } from '../../api/errors';
import { useHabitsLinks } from '../../hooks/useHabitsLinks';
import { AdoptionChart, RetentionHeatmap } from '../charts';
import {
  ActivitySources,
  DEFAULT_RANGE_WEEKS,
  formatNumber,
  formatPercent,
  HabitsLoadFailure,
  plural,
  rangeOfWeeks,
} from '../shared';

const CARD_TITLE = 'Capability adoption';
const CARD_COHORTS = 6;

function TimeToHabitLine(props: {
  timeToHabit: CapabilityHabits['timeToHabit'];
}) {
  const { timeToHabit } = props;
  if (!timeToHabit) {
    return (
      <Typography variant="body2" color="textSecondary">
        No team has used it yet.
      </Typography>
    );
  }
  return (
    <Typography variant="body2">
      {timeToHabit.medianWeeks === null
        ? `No team has reached a ${DEFAULT_HABIT_WEEKS}-week streak yet`
        : `Median ${formatNumber(
            timeToHabit.medianWeeks,
          )} weeks from first use to a ${DEFAULT_HABIT_WEEKS}-week streak`}{' '}
      · {timeToHabit.reached} of the{' '}
      {plural(timeToHabit.teams, 'adopting team')} got there
    </Typography>
  );
}

const TREND_WORDS: Record<AdoptionTrendDirection, string> = {
  growing: 'growing',
  flat: 'flat',
  shrinking: 'shrinking',
};

/**
 * The shared figures, worded as the thinness scorecard's capability card words them: "N of M product teams".
 */
function AdoptionFiguresLine(props: { figures: AdoptionFigures }) {
  const { figures } = props;
  return (
    <>
      <Box display="flex" alignItems="baseline" style={{ gap: 12 }}>
        <Typography variant="h4" component="p">
          {figures.adopters}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {figures.productTeams === null
            ? `${figures.adopters === 1 ? 'team has' : 'teams have'} used it`
            : `of ${plural(
                figures.productTeams,
                'product team',
              )} have used it (${formatPercent(figures.share)})`}
        </Typography>
      </Box>
      <Typography variant="body2" color="textSecondary">
        {plural(figures.activeTeams, 'team')} active in the last{' '}
        {ACTIVE_WINDOW_WEEKS} weeks · adoption {TREND_WORDS[figures.trend]} over{' '}
        {TREND_WEEKS} weeks
      </Typography>
    </>
  );
}

/** For a platform capability: adoption over time, cohort retention and time to habit. */
export function EntityCapabilityAdoptionCard() {
  const { entity } = useEntity();
  const capabilityRef = stringifyEntityRef(entity);
  const api = useApi(habitMetricsApiRef);
  const links = useHabitsLinks();
  const range = useMemo(() => rangeOfWeeks(DEFAULT_RANGE_WEEKS), []);

  const { value, loading, error } = useAsync(
    () => api.getCapabilityHabits(capabilityRef, range),
    [api, capabilityRef, range],
  );

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
          <EmptyState
            missing="data"
            title="No adoption yet"
            description="No team activity names this capability yet."
          />
        ) : (
          <HabitsLoadFailure error={error} />
        )}
      </InfoCard>
    );
  }
  if (!value) {
    return null;
  }
  const deepLink = {
    title: 'Habits of every capability',
    link: links.root(undefined, capabilityRef),
  };
  if (value.timeToHabit === null) {
    // No team has ever used it: empty charts would only draw axes at zero.
    return (
      <InfoCard title={CARD_TITLE} deepLink={deepLink}>
        <EmptyState
          missing="data"
          title="No team has used this capability yet"
          description="Adoption counts the teams whose recorded activity names this capability: runs of the golden-path templates it lists in platform-product.io/templates, views of its page in this app, and events sent with its capabilityRef. Activity comes from:"
          action={<ActivitySources />}
        />
      </InfoCard>
    );
  }

  return (
    <InfoCard
      title={CARD_TITLE}
      subheader={`Last ${DEFAULT_RANGE_WEEKS} weeks`}
      deepLink={deepLink}
    >
      {value.adoption.figures && (
        <AdoptionFiguresLine figures={value.adoption.figures} />
      )}
      <AdoptionChart adoptions={[value.adoption]} height={140} compact />
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Retention by cohort
      </Typography>
      <RetentionHeatmap
        retention={value.retention}
        dense
        maxCohorts={CARD_COHORTS}
      />
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Time to habit
      </Typography>
      <TimeToHabitLine timeToHabit={value.timeToHabit} />
    </InfoCard>
  );
}
