import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { StickinessWeek } from '@platform-product/plugin-habit-metrics-common';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame, formatPercent, weekKey, weekLabel } from '../shared';
import {
  legendLabel,
  RECHARTS_TOOLTIP_ITEM_STYLE,
} from '../shared/chartStyles';

export function stickinessSummary(weeks: StickinessWeek[]): string {
  const latest = [...weeks].reverse().find(w => w.stickiness !== null);
  return latest
    ? `Stickiness per week (teams active this week over teams active in the last 4 weeks): ${formatPercent(
        latest.stickiness,
      )} in ${weekKey(latest.week)}.`
    : 'Stickiness per week: no team was active in the range.';
}

/** Weekly active teams over the teams active in the last four weeks (line), with the weekly actives (area). */
export function StickinessChart(props: {
  weeks: StickinessWeek[];
  height?: number;
}) {
  const { weeks, height = 260 } = props;
  const theme = useTheme();
  if (weeks.every(w => w.activeTeamsLast4Weeks === 0)) {
    return (
      <Typography color="textSecondary">
        No team was active in this range.
      </Typography>
    );
  }
  const data = weeks.map(w => ({
    week: w.week,
    label: weekLabel(w.week),
    stickiness:
      w.stickiness === null ? null : Math.round(w.stickiness * 1000) / 10,
    weeklyActiveTeams: w.weeklyActiveTeams,
  }));
  return (
    <ChartFrame summary={stickinessSummary(weeks)} height={height}>
      <ComposedChart data={data} margin={{ right: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" minTickGap={8} />
        <YAxis
          yAxisId="share"
          domain={[0, 100]}
          tickFormatter={(value: number) => `${value}%`}
          width={48}
        />
        <YAxis
          yAxisId="count"
          orientation="right"
          allowDecimals={false}
          width={32}
        />
        <Tooltip
          itemStyle={RECHARTS_TOOLTIP_ITEM_STYLE}
          labelFormatter={(_label, payload) =>
            payload?.[0]?.payload ? weekKey(payload[0].payload.week) : ''
          }
          formatter={(value: number, name: string) =>
            name === 'Stickiness' ? [`${value}%`, name] : [value, name]
          }
        />
        <Legend formatter={legendLabel} />
        <Area
          yAxisId="count"
          dataKey="weeklyActiveTeams"
          name="Teams active that week"
          fill={theme.palette.grey[300]}
          stroke={theme.palette.grey[400]}
        />
        <Line
          yAxisId="share"
          dataKey="stickiness"
          name="Stickiness"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          dot={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
}
