import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { habitMetricsApiRef } from '../../api';
import { isNotFoundInBackend } from '../../api/errors';
import { useHabitsLinks } from '../../hooks/useHabitsLinks';
import { GoldenPathSparkline, overallShare } from '../charts';
import {
  ActivitySources,
  DEFAULT_RANGE_WEEKS,
  formatPercent,
  HabitsLoadFailure,
  plural,
  rangeOfWeeks,
  weekKey,
} from '../shared';

const CARD_TITLE = 'Team habits';
const MAX_CAPABILITIES = 6;

/** For a Group entity: the team's golden-path share trend and the capabilities it uses. */
export function EntityTeamHabitsCard() {
  const { entity } = useEntity();
  const teamRef = stringifyEntityRef(entity);
  const api = useApi(habitMetricsApiRef);
  const links = useHabitsLinks();
  const range = useMemo(() => rangeOfWeeks(DEFAULT_RANGE_WEEKS), []);

  const { value, loading, error } = useAsync(
    () => api.getTeamHabits(teamRef, range),
    [api, teamRef, range],
  );

  const subheader = `Last ${DEFAULT_RANGE_WEEKS} weeks`;
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
            title="No habits for this team"
            description="Habit metrics do not know this group as a team."
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
  const nothingRecorded =
    value.activeWeeks === 0 &&
    value.capabilities.length === 0 &&
    value.reversions.length === 0 &&
    !value.goldenPath.some(w => w.newComponents > 0);
  if (nothingRecorded) {
    // A 0 % share over empty weeks would read as a verdict on the team: say what is missing instead.
    return (
      <InfoCard
        title={CARD_TITLE}
        subheader={subheader}
        deepLink={{ title: 'Habits of every team', link: links.root() }}
      >
        <EmptyState
          missing="data"
          title="No activity recorded for this team"
          description={`Nothing this team did in the last ${DEFAULT_RANGE_WEEKS} weeks has reached habit metrics: no template run, no new component, no use of a platform capability. Activity counts for the teams people are members of in the catalog (memberOf), and comes from:`}
          action={<ActivitySources />}
        />
      </InfoCard>
    );
  }

  const capabilities = [...value.capabilities].sort(
    (a, b) =>
      b.lastWeek.localeCompare(a.lastWeek) || b.activeWeeks - a.activeWeeks,
  );
  return (
    <InfoCard
      title={CARD_TITLE}
      subheader={subheader}
      deepLink={{
        title: 'All of this team’s habits',
        link: links.team(teamRef),
      }}
    >
      <Box display="flex" alignItems="baseline" style={{ gap: 12 }}>
        <Typography variant="h4" component="p">
          {formatPercent(overallShare(value.goldenPath))}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          of new components via a golden path · {value.activeWeeks} of{' '}
          {value.goldenPath.length} weeks using the new way
        </Typography>
      </Box>
      {value.goldenPath.some(w => w.newComponents > 0) && (
        <GoldenPathSparkline weeks={value.goldenPath} />
      )}
      <Typography variant="subtitle2" style={{ marginTop: 8 }}>
        Capabilities in use
      </Typography>
      {capabilities.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          None in the last {DEFAULT_RANGE_WEEKS} weeks.
        </Typography>
      ) : (
        <List dense aria-label="Capabilities the team uses">
          {capabilities.slice(0, MAX_CAPABILITIES).map(capability => (
            <ListItem key={capability.capabilityRef} disableGutters>
              <ListItemText
                primary={<EntityRefLink entityRef={capability.capabilityRef} />}
                secondary={`since ${weekKey(
                  capability.firstWeek,
                )}, last ${weekKey(capability.lastWeek)} · ${plural(
                  capability.activeWeeks,
                  'active week',
                )}`}
              />
            </ListItem>
          ))}
        </List>
      )}
      {capabilities.length > MAX_CAPABILITIES && (
        <Typography variant="body2" color="textSecondary">
          and {capabilities.length - MAX_CAPABILITIES} more
        </Typography>
      )}
    </InfoCard>
  );
}
