import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { NeedResult } from '@platform-product/plugin-needs-discovery-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber } from '../shared';
import { truncateLabel } from './chartLabels';
import { RECHARTS_TOOLTIP_ITEM_STYLE } from '../shared/chartStyles';

const useStyles = makeStyles(theme => ({
  legend: {
    display: 'flex',
    gap: theme.spacing(3),
    margin: theme.spacing(1, 0, 2),
  },
  swatch: {
    display: 'inline-block',
    width: 12,
    height: 12,
    borderRadius: 2,
    marginRight: theme.spacing(1),
    verticalAlign: 'middle',
  },
  suppressed: {
    marginTop: theme.spacing(2),
  },
}));

/** Needs ranked by priority score (teams × mean pain × frequency weight), shared needs highlighted. */
export function NeedPriorityChart(props: {
  needs: NeedResult[];
  anonymityThreshold: number;
  /** Distinct reporting teams from which a need is shared; unknown for results of older backends. */
  sharedNeedMinTeams?: number;
}) {
  const { needs, anonymityThreshold, sharedNeedMinTeams } = props;
  const classes = useStyles();
  const theme = useTheme();
  const sharedColor = theme.palette.primary.main;
  const singleColor = theme.palette.grey[500];

  const ranked = needs.filter(
    (n): n is NeedResult & { priorityScore: number } =>
      !n.suppressed && n.priorityScore !== null,
  );
  const suppressed = needs.filter(n => n.suppressed);

  return (
    <InfoCard
      title="Needs by priority"
      subheader="Priority score = teams reporting it × mean pain × frequency weight"
    >
      {ranked.length === 0 ? (
        <Typography color="textSecondary">
          No need has been rated by at least {anonymityThreshold} respondents
          yet.
        </Typography>
      ) : (
        <>
          <div className={classes.legend} aria-hidden>
            <Typography variant="body2">
              <span
                className={classes.swatch}
                style={{ backgroundColor: sharedColor }}
              />
              {sharedNeedMinTeams === undefined
                ? 'Shared need (reported by several teams)'
                : `Shared need (reported by at least ${sharedNeedMinTeams} ${
                    sharedNeedMinTeams === 1 ? 'team' : 'teams'
                  })`}
            </Typography>
            <Typography variant="body2">
              <span
                className={classes.swatch}
                style={{ backgroundColor: singleColor }}
              />
              Not shared
            </Typography>
          </div>
          <ResponsiveContainer width="100%" height={60 + ranked.length * 36}>
            <BarChart
              data={ranked}
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
                formatter={(value: number) => [
                  formatNumber(value, 2),
                  'Priority score',
                ]}
              />
              <Bar dataKey="priorityScore" name="Priority score">
                {ranked.map(need => (
                  <Cell
                    key={need.needId}
                    fill={need.shared ? sharedColor : singleColor}
                  />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
          <Table size="small" aria-label="Needs by priority">
            <TableHead>
              <TableRow>
                <TableCell>#</TableCell>
                <TableCell>Need</TableCell>
                <TableCell align="right">Score</TableCell>
                <TableCell align="right">Teams</TableCell>
                <TableCell align="right">Mean pain</TableCell>
                <TableCell align="right">Frequency weight</TableCell>
                <TableCell align="right">Respondents</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {ranked.map((need, index) => (
                <TableRow key={need.needId}>
                  <TableCell>{index + 1}</TableCell>
                  <TableCell>
                    {need.title}{' '}
                    {need.shared && (
                      <Chip size="small" color="primary" label="shared" />
                    )}
                  </TableCell>
                  <TableCell align="right">
                    {formatNumber(need.priorityScore, 2)}
                  </TableCell>
                  <TableCell align="right">{need.teams}</TableCell>
                  <TableCell align="right">
                    {formatNumber(need.meanPain, 2)}
                  </TableCell>
                  <TableCell align="right">
                    {formatNumber(need.frequencyWeight, 2)}
                  </TableCell>
                  <TableCell align="right">{need.respondents}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {suppressed.length > 0 && (
        <div className={classes.suppressed}>
          <Typography variant="subtitle2">
            Suppressed (fewer respondents than the anonymity threshold, k ={' '}
            {anonymityThreshold})
          </Typography>
          <ul>
            {suppressed.map(need => (
              <li key={need.needId}>
                <Typography variant="body2">
                  {need.title}: suppressed (fewer respondents than the anonymity
                  threshold)
                </Typography>
              </li>
            ))}
          </ul>
        </div>
      )}
    </InfoCard>
  );
}
