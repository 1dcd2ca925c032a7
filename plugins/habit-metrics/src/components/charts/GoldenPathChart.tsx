import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { GoldenPathWeek } from '@platform-product/plugin-habit-metrics-common';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame, formatPercent, weekKey, weekLabel } from '../shared';
import { RECHARTS_TOOLTIP_ITEM_STYLE } from '../shared/chartStyles';

function chartData(weeks: GoldenPathWeek[]) {
  return weeks.map(week => ({
    week: week.week,
    label: weekLabel(week.week),
    share: week.share === null ? null : Math.round(week.share * 1000) / 10,
    newComponents: week.newComponents,
    viaTemplate: week.viaTemplate,
  }));
}

/** Share of new components made through a template over all new components, over the whole range. */
export function overallShare(weeks: GoldenPathWeek[]): number | null {
  const created = weeks.reduce((sum, w) => sum + w.newComponents, 0);
  const viaTemplate = weeks.reduce((sum, w) => sum + w.viaTemplate, 0);
  return created === 0 ? null : viaTemplate / created;
}

export function goldenPathSummary(weeks: GoldenPathWeek[]): string {
  const latest = [...weeks].reverse().find(w => w.share !== null);
  if (!latest) {
    return 'Golden-path share per week: no new component in the range.';
  }
  return `Golden-path share per week from ${weekKey(
    weeks[0].week,
  )} to ${weekKey(weeks[weeks.length - 1].week)}: ${formatPercent(
    overallShare(weeks),
  )} over the range, ${formatPercent(latest.share)} in ${weekKey(
    latest.week,
  )}.`;
}

/** Golden-path share per week (line) over the new components of each week (bars). */
export function GoldenPathChart(props: {
  weeks: GoldenPathWeek[];
  height?: number;
}) {
  const { weeks, height = 300 } = props;
  const theme = useTheme();
  if (weeks.every(w => w.newComponents === 0)) {
    return (
      <Typography color="textSecondary">
        No new component was registered in this range.
      </Typography>
    );
  }
  return (
    <ChartFrame summary={goldenPathSummary(weeks)} height={height}>
      <ComposedChart data={chartData(weeks)} margin={{ right: 8 }}>
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
          width={40}
        />
        <Tooltip
          itemStyle={RECHARTS_TOOLTIP_ITEM_STYLE}
          labelFormatter={(_label, payload) =>
            payload?.[0]?.payload ? weekKey(payload[0].payload.week) : ''
          }
          formatter={(value: number, name: string) =>
            name === 'Golden-path share' ? [`${value}%`, name] : [value, name]
          }
        />
        <Legend />
        <Bar
          yAxisId="count"
          dataKey="newComponents"
          name="New components"
          fill={theme.palette.grey[300]}
        />
        <Bar
          yAxisId="count"
          dataKey="viaTemplate"
          name="Via a template"
          fill={theme.palette.grey[500]}
        />
        <Line
          yAxisId="share"
          type="monotone"
          dataKey="share"
          name="Golden-path share"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          dot={{ r: 3 }}
          connectNulls={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
}

/** A small share line without axes, for entity cards. */
export function GoldenPathSparkline(props: { weeks: GoldenPathWeek[] }) {
  const { weeks } = props;
  const theme = useTheme();
  return (
    <ChartFrame summary={goldenPathSummary(weeks)} height={90}>
      <LineChart data={chartData(weeks)} margin={{ top: 8, bottom: 0 }}>
        <XAxis dataKey="label" hide />
        <YAxis domain={[0, 100]} hide />
        <Tooltip
          itemStyle={RECHARTS_TOOLTIP_ITEM_STYLE}
          labelFormatter={(_label, payload) =>
            payload?.[0]?.payload ? weekKey(payload[0].payload.week) : ''
          }
          formatter={(value: number) => [`${value}%`, 'Golden-path share']}
        />
        <Line
          type="monotone"
          dataKey="share"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          dot={false}
          connectNulls
        />
      </LineChart>
    </ChartFrame>
  );
}
