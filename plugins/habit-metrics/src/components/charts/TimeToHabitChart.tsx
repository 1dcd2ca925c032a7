import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { TimeToHabit } from '@platform-product/plugin-habit-metrics-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame, formatNumber, plural, refLabel } from '../shared';
import { useEntityTitles } from '../../hooks/useEntityTitles';
import { RECHARTS_TOOLTIP_ITEM_STYLE } from '../shared/chartStyles';

type CapabilityTime = TimeToHabit['capabilities'][number];

function reachedText(capability: CapabilityTime): string {
  return `${capability.reached} of the ${plural(
    capability.teams,
    'adopting team',
  )}`;
}

export function timeToHabitSummary(
  capabilities: CapabilityTime[],
  habitWeeks: number,
  titleOf: (ref: string) => string = refLabel,
): string {
  return `Median weeks from first use to a ${habitWeeks}-week streak, per capability. ${capabilities
    .map(
      c =>
        `${titleOf(c.capabilityRef)}: ${
          c.medianWeeks === null
            ? 'not reached yet'
            : `${formatNumber(c.medianWeeks)} weeks`
        }, ${reachedText(c)}`,
    )
    .join('; ')}.`;
}

/** Median weeks to habit per capability (bars), labelled with how many of its teams got there. */
export function TimeToHabitChart(props: { timeToHabit: TimeToHabit }) {
  const { timeToHabit } = props;
  const theme = useTheme();
  const { capabilities, habitWeeks } = timeToHabit;
  // Bars, tooltips and the summary name each capability by its title.
  const titleOf = useEntityTitles(capabilities.map(c => c.capabilityRef));
  if (capabilities.length === 0) {
    return (
      <Typography color="textSecondary">
        No team has used a capability yet.
      </Typography>
    );
  }
  const reached = capabilities.filter(c => c.medianWeeks !== null);
  const notReached = capabilities.filter(c => c.medianWeeks === null);
  const data = reached.map(c => ({
    label: titleOf(c.capabilityRef),
    medianWeeks: c.medianWeeks,
    reached: reachedText(c),
  }));
  return (
    <>
      {data.length > 0 && (
        <ChartFrame
          summary={timeToHabitSummary(capabilities, habitWeeks, titleOf)}
          height={60 + data.length * 40}
        >
          <BarChart data={data} layout="vertical" margin={{ right: 96 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} unit=" w" />
            <YAxis type="category" dataKey="label" width={150} />
            <Tooltip
              itemStyle={RECHARTS_TOOLTIP_ITEM_STYLE}
              formatter={(value: number) => [
                `${formatNumber(value)} weeks`,
                'Median time to habit',
              ]}
            />
            <Bar
              dataKey="medianWeeks"
              name="Median weeks to habit"
              fill={theme.palette.primary.main}
            >
              <LabelList dataKey="reached" position="right" />
            </Bar>
          </BarChart>
        </ChartFrame>
      )}
      {notReached.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          No team has reached a {habitWeeks}-week streak yet with:{' '}
          {notReached
            .map(
              c => `${titleOf(c.capabilityRef)} (${plural(c.teams, 'team')})`,
            )
            .join(', ')}
          .
        </Typography>
      )}
    </>
  );
}
