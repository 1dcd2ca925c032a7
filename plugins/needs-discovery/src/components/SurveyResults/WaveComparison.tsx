import { InfoCard, Link } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import RemoveIcon from '@material-ui/icons/Remove';
import { NeedResult } from '@platform-product/plugin-needs-discovery-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useNeedsLinks } from '../../hooks/useNeedsLinks';
import { formatNumber } from '../shared';
import { truncateLabel } from './chartLabels';
import {
  legendLabel,
  RECHARTS_TOOLTIP_ITEM_STYLE,
} from '../shared/chartStyles';

function DeltaCell(props: { delta: number | null }) {
  const { delta } = props;
  if (delta === null) {
    return <>–</>;
  }
  // A rising score means the need hurts more than in the last wave.
  if (delta > 0) {
    return (
      <span aria-label={`up ${formatNumber(delta, 2)}`}>
        <ArrowUpwardIcon fontSize="inherit" color="error" /> +
        {formatNumber(delta, 2)}
      </span>
    );
  }
  if (delta < 0) {
    return (
      <span aria-label={`down ${formatNumber(-delta, 2)}`}>
        <ArrowDownwardIcon fontSize="inherit" color="primary" />{' '}
        {formatNumber(delta, 2)}
      </span>
    );
  }
  return (
    <span aria-label="unchanged">
      <RemoveIcon fontSize="inherit" /> 0
    </span>
  );
}

/** This wave against the survey it was cloned from, need by need. */
export function WaveComparison(props: {
  needs: NeedResult[];
  previousSurveyId: string;
}) {
  const { needs, previousSurveyId } = props;
  const theme = useTheme();
  const links = useNeedsLinks();
  const compared = needs.filter(n => n.previous !== null);
  const chartData = compared
    .filter(n => n.priorityScore !== null || n.previous?.priorityScore !== null)
    .map(n => ({
      title: n.title,
      previous: n.previous?.priorityScore ?? 0,
      current: n.priorityScore ?? 0,
    }));

  return (
    <InfoCard
      title="Compared with the previous wave"
      deepLink={{
        title: 'Previous wave results',
        link: links.results(previousSurveyId),
      }}
    >
      {compared.length === 0 ? (
        <Typography color="textSecondary">
          No need of this wave was rated in the{' '}
          <Link to={links.results(previousSurveyId)}>previous wave</Link>.
        </Typography>
      ) : (
        <>
          <ResponsiveContainer width="100%" height={70 + chartData.length * 44}>
            <BarChart
              data={chartData}
              layout="vertical"
              margin={{ left: 16, right: 24 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" />
              <YAxis
                type="category"
                dataKey="title"
                width={220}
                tickFormatter={truncateLabel}
              />
              <Tooltip
                itemStyle={RECHARTS_TOOLTIP_ITEM_STYLE}
                formatter={(value: number) => formatNumber(value, 2)}
              />
              <Legend formatter={legendLabel} />
              <Bar
                dataKey="previous"
                name="Previous wave"
                fill={theme.palette.grey[400]}
              />
              <Bar
                dataKey="current"
                name="This wave"
                fill={theme.palette.primary.main}
              />
            </BarChart>
          </ResponsiveContainer>
          <Table size="small" aria-label="Priority score change per need">
            <TableHead>
              <TableRow>
                <TableCell>Need</TableCell>
                <TableCell align="right">Previous score</TableCell>
                <TableCell align="right">Score</TableCell>
                <TableCell align="right">Change</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {compared.map(need => (
                <TableRow key={need.needId}>
                  <TableCell>{need.title}</TableCell>
                  <TableCell align="right">
                    {need.previous?.priorityScore === null
                      ? 'suppressed'
                      : formatNumber(need.previous?.priorityScore, 2)}
                  </TableCell>
                  <TableCell align="right">
                    {need.suppressed
                      ? 'suppressed'
                      : formatNumber(need.priorityScore, 2)}
                  </TableCell>
                  <TableCell align="right">
                    <DeltaCell delta={need.previous?.delta ?? null} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </InfoCard>
  );
}
