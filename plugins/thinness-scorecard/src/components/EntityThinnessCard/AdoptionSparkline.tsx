import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { AdoptionWeek } from '@platform-product/plugin-thinness-scorecard-common';
import {
  Area,
  AreaChart,
  ResponsiveContainer,
  Tooltip,
  TooltipProps,
  YAxis,
} from 'recharts';
import { formatPercent, plural } from '../shared';
import { RECHARTS_TOOLTIP_ITEM_STYLE } from '../shared/chartStyles';

function WeekTooltip(props: TooltipProps<number, string>) {
  const { active, payload } = props;
  if (!active || !payload || payload.length === 0) {
    return null;
  }
  const week = payload[0].payload as AdoptionWeek;
  return (
    <Paper style={{ padding: 6 }}>
      <Typography variant="caption" component="div">
        <strong>{week.week}</strong>
      </Typography>
      <Typography variant="caption" component="div">
        {plural(week.activeTeams, 'active team')} · adopters{' '}
        {formatPercent(week.share)} of product teams
      </Typography>
    </Paper>
  );
}

/** Active teams per week from habit-metrics, as a small area chart. */
export function AdoptionSparkline(props: { weeks: AdoptionWeek[] }) {
  const { weeks } = props;
  const theme = useTheme();
  if (weeks.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No weekly adoption recorded yet.
      </Typography>
    );
  }
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  const label = `Active teams per week: ${first.activeTeams} in ${first.week}, ${last.activeTeams} in ${last.week}`;
  return (
    <Box role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={56}>
        <AreaChart
          data={weeks}
          margin={{ top: 4, bottom: 0, left: 0, right: 0 }}
        >
          <YAxis hide domain={[0, 'dataMax']} allowDecimals={false} />
          <Tooltip
            itemStyle={RECHARTS_TOOLTIP_ITEM_STYLE}
            content={<WeekTooltip />}
          />
          <Area
            type="monotone"
            dataKey="activeTeams"
            stroke={theme.palette.primary.main}
            fill={theme.palette.primary.light}
            fillOpacity={0.3}
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </Box>
  );
}
