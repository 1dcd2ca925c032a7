import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  Content,
  ContentHeader,
  EmptyState,
  InfoCard,
  LinkButton,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { TeamHabits } from '@platform-product/plugin-habit-metrics-common';
import useAsync from 'react-use/esm/useAsync';
import { habitMetricsApiRef } from '../../api';
import { isNotFoundInBackend } from '../../api/errors';
import { useHabitsLinks } from '../../hooks/useHabitsLinks';
import { useEntityTitles } from '../../hooks/useEntityTitles';
import { useHabitsQuery } from '../../hooks/useHabitsQuery';
import { GoldenPathChart, overallShare, ReversionList } from '../charts';
import {
  DEFAULT_RANGE_WEEKS,
  formatPercent,
  HabitsLoadFailure,
  plural,
  RangeSelect,
  weekKey,
} from '../shared';

/** The capabilities a team used in the range, with its first and last active week. */
export function TeamCapabilitiesTable(props: {
  capabilities: TeamHabits['capabilities'];
}) {
  const { capabilities } = props;
  if (capabilities.length === 0) {
    return (
      <Typography color="textSecondary">
        The team used no platform capability in this range.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Capabilities used by the team">
      <TableHead>
        <TableRow>
          <TableCell>Capability</TableCell>
          <TableCell>First week</TableCell>
          <TableCell>Last week</TableCell>
          <TableCell align="right">Active weeks</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {capabilities.map(capability => (
          <TableRow key={capability.capabilityRef}>
            <TableCell>
              <EntityRefLink entityRef={capability.capabilityRef} />
            </TableCell>
            <TableCell>{weekKey(capability.firstWeek)}</TableCell>
            <TableCell>{weekKey(capability.lastWeek)}</TableCell>
            <TableCell align="right">{capability.activeWeeks}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function TeamHabitsView(props: { habits: TeamHabits }) {
  const { habits } = props;
  const share = overallShare(habits.goldenPath);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box display="flex" style={{ gap: 32 }} flexWrap="wrap">
          <Box>
            <Typography variant="h4" component="p">
              {formatPercent(share)}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              of its new components via a golden path
            </Typography>
          </Box>
          <Box>
            <Typography variant="h4" component="p">
              {habits.activeWeeks} / {habits.goldenPath.length}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              weeks using the new way
            </Typography>
          </Box>
          <Box>
            <Typography variant="h4" component="p">
              {habits.capabilities.length}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              capabilities used
            </Typography>
          </Box>
        </Box>
      </Grid>
      <Grid item xs={12} lg={7}>
        <InfoCard
          title="Golden-path share"
          subheader="The team's new components made through a template, per week"
        >
          <GoldenPathChart weeks={habits.goldenPath} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={5}>
        <InfoCard title="Capabilities used">
          <TeamCapabilitiesTable capabilities={habits.capabilities} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Reversions"
          subheader="Weeks the team went back to the old way after a streak on the golden path"
        >
          {habits.reversions.length === 0 ? (
            <Typography color="textSecondary">
              The team has not gone back to the old way in this range.
            </Typography>
          ) : (
            <ReversionList reversions={habits.reversions} hideTeam />
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/** `/habits/teams/:namespace/:name`: one team's habits. */
export function TeamHabitsPage(props: { namespace: string; name: string }) {
  const { namespace, name } = props;
  const api = useApi(habitMetricsApiRef);
  const links = useHabitsLinks();
  const { weeks, range, setWeeks } = useHabitsQuery();
  const teamRef = stringifyEntityRef({ kind: 'group', namespace, name });
  const titleOf = useEntityTitles([teamRef]);

  const { value, loading, error } = useAsync(
    () => api.getTeamHabits(teamRef, range),
    [api, teamRef, range.from, range.to],
  );

  return (
    <Content>
      <ContentHeader title={`Team habits: ${titleOf(teamRef)}`}>
        <Box display="flex" alignItems="center" style={{ gap: 16 }}>
          <RangeSelect weeks={weeks} onChange={setWeeks} />
          <LinkButton
            to={links.root(weeks === DEFAULT_RANGE_WEEKS ? undefined : weeks)}
            variant="outlined"
          >
            All teams
          </LinkButton>
        </Box>
      </ContentHeader>
      <Box mb={2}>
        <Typography variant="body2" color="textSecondary">
          Team: <EntityRefLink entityRef={teamRef} defaultKind="group" /> ·{' '}
          {plural(weeks, 'week')} up to this week
        </Typography>
      </Box>
      {loading && <Progress />}
      {error &&
        (isNotFoundInBackend(error) ? (
          <EmptyState
            missing="data"
            title="No habits for this team"
            description={`${teamRef} is not a team habit metrics know of.`}
          />
        ) : (
          <HabitsLoadFailure error={error} />
        ))}
      {value && <TeamHabitsView habits={value} />}
    </Content>
  );
}
