import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Reversion,
  Reversions,
} from '@platform-product/plugin-habit-metrics-common';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, plural, weekKey, weekLabel } from '../shared';
import { RECHARTS_TOOLTIP_ITEM_STYLE } from '../shared/chartStyles';

/** Teams that went back to the old way after a streak, newest first, each with a link to its habits. */
export function ReversionList(props: {
  reversions: Reversion[];
  teamLink?: (teamRef: string) => string;
  /** Hide the team (on a team's own page). */
  hideTeam?: boolean;
}) {
  const { reversions, teamLink, hideTeam = false } = props;
  const sorted = [...reversions].sort(
    (a, b) =>
      b.week.localeCompare(a.week) || a.teamRef.localeCompare(b.teamRef),
  );
  return (
    <List dense aria-label="Reversions">
      {sorted.map(reversion => (
        <ListItem key={`${reversion.teamRef}-${reversion.week}`} disableGutters>
          <ListItemText
            primary={
              hideTeam ? (
                weekKey(reversion.week)
              ) : (
                <EntityRefLink
                  entityRef={reversion.teamRef}
                  defaultKind="group"
                />
              )
            }
            secondary={`${
              hideTeam ? '' : `${weekKey(reversion.week)} · `
            }old way after ${plural(
              reversion.streakWeeks,
              'week',
            )} on the golden path`}
          />
          {teamLink && !hideTeam && (
            <ListItemSecondaryAction>
              <Link to={teamLink(reversion.teamRef)} underline="always">
                Team habits
              </Link>
            </ListItemSecondaryAction>
          )}
        </ListItem>
      ))}
    </List>
  );
}

/** Reversions per week (bars) and the teams behind them. */
export function ReversionsView(props: {
  reversions: Reversions;
  teamLink?: (teamRef: string) => string;
}) {
  const { reversions, teamLink } = props;
  const theme = useTheme();
  const total = reversions.weeks.reduce((sum, w) => sum + w.count, 0);
  if (total === 0) {
    return (
      <Typography color="textSecondary">
        No team went back to the old way after a streak of{' '}
        {plural(reversions.minStreakWeeks, 'week')} in this range.
      </Typography>
    );
  }
  const data = reversions.weeks.map(w => ({
    week: w.week,
    label: weekLabel(w.week),
    count: w.count,
  }));
  return (
    <>
      <ChartFrame
        summary={`Reversions per week: ${plural(
          total,
          'reversion',
        )} in the range, by ${plural(
          new Set(reversions.teams.map(t => t.teamRef)).size,
          'team',
        )}.`}
        height={200}
      >
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" minTickGap={8} />
          <YAxis allowDecimals={false} width={32} />
          <Tooltip
            itemStyle={RECHARTS_TOOLTIP_ITEM_STYLE}
            labelFormatter={(_label, payload) =>
              payload?.[0]?.payload ? weekKey(payload[0].payload.week) : ''
            }
          />
          <Bar
            dataKey="count"
            name="Teams back to the old way"
            fill={theme.palette.warning.main}
          />
        </BarChart>
      </ChartFrame>
      <ReversionList reversions={reversions.teams} teamLink={teamLink} />
    </>
  );
}
