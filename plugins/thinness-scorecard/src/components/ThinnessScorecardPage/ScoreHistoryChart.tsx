import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Subscore,
  SUBSCORE_IDS,
  SUBSCORE_TITLES,
  SubscoreId,
} from '@platform-product/plugin-thinness-scorecard-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  TooltipProps,
  XAxis,
  YAxis,
} from 'recharts';
import { thinnessScorecardApiRef } from '../../api';
import { ScorecardErrorState, formatDay } from '../shared';
import { HistoryRow, toHistoryRows } from './historyChartData';
import {
  legendLabel,
  RECHARTS_TOOLTIP_ITEM_STYLE,
} from '../shared/chartStyles';

const DAY_OPTIONS = [30, 90, 180, 365];

/** Distinct, colour-blind-friendly line colours (Okabe–Ito) for the sub-scores. */
const SUBSCORE_COLORS: Record<SubscoreId, string> = {
  needCoverage: '#E69F00',
  adoption: '#56B4E9',
  commodityInHouse: '#009E73',
  overdueReviews: '#CC79A7',
  surfacePerTeam: '#D55E00',
  growthBalance: '#0072B2',
};

function HistoryTooltip(
  props: TooltipProps<number, string> & {
    titles: Record<SubscoreId, string>;
    showSubscores: boolean;
  },
) {
  const { active, payload, titles, showSubscores } = props;
  if (!active || !payload || payload.length === 0) {
    return null;
  }
  const row = payload[0].payload as HistoryRow;
  return (
    <Paper style={{ padding: 8 }}>
      <Typography variant="subtitle2">{formatDay(row.period)}</Typography>
      <Typography variant="body2">
        Score: {row.score ?? row.demoScore ?? '–'}
      </Typography>
      {showSubscores &&
        SUBSCORE_IDS.filter(id => row.subscores[id] !== undefined).map(id => (
          <Typography key={id} variant="caption" component="div">
            {titles[id]}: {row.subscores[id]}
          </Typography>
        ))}
      {row.demo && (
        <Typography variant="caption" color="textSecondary" component="div">
          Demo data (generated)
        </Typography>
      )}
    </Paper>
  );
}

/**
 * The score over time as a line chart, with the sub-scores on demand. Generated demo days are
 * drawn dashed and named in the legend and tooltip.
 */
export function ScoreHistoryChart(props: {
  subscores: Subscore[];
  /** Changes when the scorecard is recomputed, so the history reloads with the new day. */
  reloadKey?: string;
}) {
  const { subscores, reloadKey } = props;
  const api = useApi(thinnessScorecardApiRef);
  const theme = useTheme();
  const [days, setDays] = useState(90);
  const [showSubscores, setShowSubscores] = useState(false);

  const history = useAsync(
    () => api.getHistory({ days }),
    [api, days, reloadKey],
  );
  const rows = useMemo(
    () => toHistoryRows(history.value?.items ?? []),
    [history.value],
  );
  const titles = useMemo(() => {
    const result = { ...SUBSCORE_TITLES };
    for (const s of subscores) {
      result[s.id] = s.title;
    }
    return result;
  }, [subscores]);
  const hasDemo = rows.some(r => r.demo);
  const hasReal = rows.some(r => !r.demo);
  const shownSubscores = SUBSCORE_IDS.filter(id =>
    rows.some(r => r.subscores[id] !== undefined),
  );
  const first = rows[0];
  const last = rows[rows.length - 1];
  const scoreOf = (row: HistoryRow) => row.score ?? row.demoScore;

  const controls = (
    <Box display="flex" alignItems="center" style={{ gap: 16 }}>
      <FormControlLabel
        control={
          <Switch
            checked={showSubscores}
            onChange={e => setShowSubscores(e.target.checked)}
            color="primary"
          />
        }
        label="Sub-scores"
      />
      <TextField
        select
        id="thinness-history-period"
        size="small"
        variant="outlined"
        label="Period"
        value={days}
        onChange={e => setDays(Number(e.target.value))}
      >
        {DAY_OPTIONS.map(d => (
          <MenuItem key={d} value={d}>
            Last {d} days
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );

  let body;
  if (history.loading && !history.value) {
    body = <Progress />;
  } else if (history.error) {
    body = <ScorecardErrorState error={history.error} />;
  } else if (rows.length === 0) {
    body = (
      <Typography color="textSecondary">
        No history yet: the scorecard records a snapshot every day.
      </Typography>
    );
  } else {
    body = (
      <>
        <div
          role="figure"
          aria-label={`Thinness score over the last ${days} days`}
        >
          <ResponsiveContainer width="100%" height={320}>
            <LineChart data={rows} margin={{ top: 8, right: 24, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                dataKey="period"
                tickFormatter={formatDay}
                minTickGap={24}
              />
              <YAxis domain={[0, 100]} allowDecimals={false} />
              <Tooltip
                itemStyle={RECHARTS_TOOLTIP_ITEM_STYLE}
                content={
                  <HistoryTooltip
                    titles={titles}
                    showSubscores={showSubscores}
                  />
                }
              />
              <Legend formatter={legendLabel} />
              {hasReal && (
                <Line
                  type="monotone"
                  dataKey="score"
                  name="Score"
                  stroke={theme.palette.primary.main}
                  strokeWidth={3}
                  dot={rows.length <= 31}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              )}
              {hasDemo && (
                <Line
                  type="monotone"
                  dataKey="demoScore"
                  name="Score (demo data)"
                  stroke={theme.palette.text.secondary}
                  strokeWidth={2}
                  strokeDasharray="6 4"
                  dot={false}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              )}
              {showSubscores &&
                shownSubscores.map(id => (
                  <Line
                    key={id}
                    type="monotone"
                    dataKey={`subscores.${id}`}
                    name={titles[id]}
                    stroke={SUBSCORE_COLORS[id]}
                    strokeWidth={1.5}
                    dot={false}
                    isAnimationActive={false}
                  />
                ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <Typography variant="caption" color="textSecondary" component="p">
          {first && last
            ? `From ${scoreOf(first)} on ${formatDay(
                first.period,
              )} to ${scoreOf(last)} on ${formatDay(last.period)}.`
            : null}
          {hasDemo &&
            ' Dashed: generated demo history, not measured from your catalog.'}
        </Typography>
      </>
    );
  }

  return (
    <InfoCard title="Score history" action={controls}>
      {body}
    </InfoCard>
  );
}
