import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { Adoption } from '@platform-product/plugin-habit-metrics-common';
import { useState } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  ChartFrame,
  formatPercent,
  plural,
  refLabel,
  seriesColor,
  weekKey,
  weekLabel,
} from '../shared';
import { useEntityTitles } from '../../hooks/useEntityTitles';
import {
  legendLabel,
  RECHARTS_TOOLTIP_ITEM_STYLE,
} from '../shared/chartStyles';

type Metric = 'adopters' | 'share';

function seriesKey(adoption: Adoption): string {
  return adoption.capabilityRef ?? adoption.templateRef ?? 'all';
}

function percentOf(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

/** One row per week with a column per capability, as recharts draws several lines. */
function chartData(adoptions: Adoption[], metric: Metric) {
  const rows = new Map<string, Record<string, number | string | null>>();
  for (const adoption of adoptions) {
    const key = seriesKey(adoption);
    for (const week of adoption.weeks) {
      const row = rows.get(week.week) ?? {
        week: week.week,
        label: weekLabel(week.week),
      };
      row[key] =
        metric === 'adopters' ? week.cumulativeAdopters : percentOf(week.share);
      rows.set(week.week, row);
    }
  }
  return [...rows.values()].sort((a, b) =>
    String(a.week).localeCompare(String(b.week)),
  );
}

/** The chart in words, each capability named by `titleOf` (its entity title on the pages). */
export function adoptionSummary(
  adoptions: Adoption[],
  titleOf: (ref: string) => string = refLabel,
): string {
  const parts = adoptions.map(adoption => {
    const last = adoption.weeks[adoption.weeks.length - 1];
    const label = titleOf(seriesKey(adoption));
    if (!last) {
      return `${label}: no data`;
    }
    return `${label}: ${plural(last.cumulativeAdopters, 'team')}${
      last.share === null ? '' : ` (${formatPercent(last.share)})`
    }`;
  });
  return `Teams that adopted each capability, cumulative. ${parts.join('; ')}.`;
}

/** Cumulative adopters (or their share of the product teams) per capability, one line each. */
export function AdoptionChart(props: {
  adoptions: Adoption[];
  height?: number;
  /** Hide the legend and the metric switch (entity cards). */
  compact?: boolean;
}) {
  const { adoptions, height = 300, compact = false } = props;
  const shareKnown = adoptions.some(a => a.weeks.some(w => w.share !== null));
  const [chosen, setMetric] = useState<Metric>('adopters');
  const metric: Metric = shareKnown ? chosen : 'adopters';
  // The legend, tooltip and summary name each capability by its title.
  const titleOf = useEntityTitles(adoptions.map(seriesKey));

  if (adoptions.length === 0) {
    return (
      <Typography color="textSecondary">
        No platform capabilities yet: adoption is counted per capability, so
        annotate one in the catalog with{' '}
        <code>platform-product.io/capability: "true"</code>.
      </Typography>
    );
  }
  // Lines flat at zero would only draw axes: say it.
  if (adoptions.every(a => a.weeks.every(w => w.cumulativeAdopters === 0))) {
    return (
      <Typography color="textSecondary">
        No team has used a capability in this range.
      </Typography>
    );
  }
  return (
    <>
      {!compact && (
        <Box display="flex" justifyContent="flex-end" mb={1}>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={metric}
            onChange={(_event, value: Metric | null) =>
              value && setMetric(value)
            }
            aria-label="Adoption measure"
          >
            <ToggleButton value="adopters">Teams</ToggleButton>
            <ToggleButton value="share" disabled={!shareKnown}>
              Share of product teams
            </ToggleButton>
          </ToggleButtonGroup>
        </Box>
      )}
      <ChartFrame summary={adoptionSummary(adoptions, titleOf)} height={height}>
        <LineChart data={chartData(adoptions, metric)} margin={{ right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" minTickGap={8} />
          <YAxis
            allowDecimals={false}
            width={metric === 'share' ? 48 : 32}
            {...(metric === 'share'
              ? {
                  domain: [0, 100],
                  tickFormatter: (value: number) => `${value}%`,
                }
              : {})}
          />
          <Tooltip
            itemStyle={RECHARTS_TOOLTIP_ITEM_STYLE}
            labelFormatter={(_label, payload) =>
              payload?.[0]?.payload ? weekKey(payload[0].payload.week) : ''
            }
            formatter={(value: number) =>
              metric === 'share' ? `${value}%` : value
            }
          />
          {!compact && <Legend formatter={legendLabel} />}
          {adoptions.map((adoption, index) => (
            <Line
              key={seriesKey(adoption)}
              type="stepAfter"
              dataKey={seriesKey(adoption)}
              name={titleOf(seriesKey(adoption))}
              stroke={seriesColor(index)}
              strokeWidth={2}
              dot={false}
            />
          ))}
        </LineChart>
      </ChartFrame>
    </>
  );
}
