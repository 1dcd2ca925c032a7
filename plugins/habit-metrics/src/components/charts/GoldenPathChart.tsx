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
import {
  legendLabel,
  RECHARTS_TOOLTIP_ITEM_STYLE,
} from '../shared/chartStyles';

const toPercent = (share: number | null) =>
  share === null ? null : Math.round(share * 1000) / 10;

/** The line's name: the share over 4 weeks, not one week's (which jumps between 0 and 100% on a few components). */
const ROLLING_NAME = 'Golden-path share, last 4 weeks';

function chartData(weeks: GoldenPathWeek[]) {
  return weeks.map(week => ({
    week: week.week,
    label: weekLabel(week.week),
    share: toPercent(week.share),
    rollingShare: toPercent(week.rollingShare),
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
  const latest = [...weeks].reverse().find(w => w.rollingShare !== null);
  if (!latest) {
    return 'Golden-path share: no new component in the range.';
  }
  return `Golden-path share from ${weekKey(weeks[0].week)} to ${weekKey(
    weeks[weeks.length - 1].week,
  )}: ${formatPercent(overallShare(weeks))} over the range, ${formatPercent(
    latest.rollingShare,
  )} in the 4 weeks to ${weekKey(latest.week)}.`;
}

/**
 * Golden-path share over the 4 weeks ending with each week (line, left axis in %) over the new components of each
 * week (bars, right axis in components).
 */
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
          width={56}
          label={{
            value: 'Share via a template',
            angle: -90,
            position: 'insideLeft',
            style: { textAnchor: 'middle', fill: theme.palette.text.primary },
          }}
        />
        <YAxis
          yAxisId="count"
          orientation="right"
          allowDecimals={false}
          width={56}
          label={{
            value: 'New components',
            angle: 90,
            position: 'insideRight',
            style: { textAnchor: 'middle', fill: theme.palette.text.primary },
          }}
        />
        <Tooltip
          itemStyle={RECHARTS_TOOLTIP_ITEM_STYLE}
          labelFormatter={(_label, payload) =>
            payload?.[0]?.payload ? weekKey(payload[0].payload.week) : ''
          }
          formatter={(value: number, name: string) =>
            name === ROLLING_NAME ? [`${value}%`, name] : [value, name]
          }
        />
        <Legend formatter={legendLabel} />
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
          dataKey="rollingShare"
          name={ROLLING_NAME}
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
          formatter={(value: number) => [`${value}%`, ROLLING_NAME]}
        />
        <Line
          type="monotone"
          dataKey="rollingShare"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          dot={false}
          connectNulls
        />
      </LineChart>
    </ChartFrame>
  );
}
