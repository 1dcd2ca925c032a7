import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { QuestionResult } from '@platform-product/plugin-needs-discovery-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber } from '../shared';
import { truncateLabel } from './chartLabels';
import { RECHARTS_TOOLTIP_ITEM_STYLE } from '../shared/chartStyles';

function ChoiceChart(props: { choices: { option: string; count: number }[] }) {
  const { choices } = props;
  const theme = useTheme();
  return (
    <ResponsiveContainer width="100%" height={50 + choices.length * 32}>
      <BarChart
        data={choices}
        layout="vertical"
        margin={{ left: 8, right: 24 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis
          type="category"
          dataKey="option"
          width={180}
          tickFormatter={truncateLabel}
        />
        <Tooltip itemStyle={RECHARTS_TOOLTIP_ITEM_STYLE} />
        <Bar
          dataKey="count"
          name="Respondents"
          fill={theme.palette.primary.main}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

function NpsSummary(props: { nps: NonNullable<QuestionResult['nps']> }) {
  const { nps } = props;
  const groups = [
    { label: 'Promoters (9–10)', count: nps.promoters },
    { label: 'Passives (7–8)', count: nps.passives },
    { label: 'Detractors (0–6)', count: nps.detractors },
  ];
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 32 }}>
      <div>
        <Typography variant="h3" component="p">
          {nps.score > 0 ? `+${Math.round(nps.score)}` : Math.round(nps.score)}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          NPS (% promoters − % detractors)
        </Typography>
      </div>
      {groups.map(group => (
        <div key={group.label}>
          <Typography variant="h6" component="p">
            {group.count}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {group.label}
          </Typography>
        </div>
      ))}
    </Box>
  );
}

function RankingTable(props: {
  ranking: NonNullable<QuestionResult['ranking']>;
}) {
  const { ranking } = props;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>Need</TableCell>
          <TableCell align="right">Points</TableCell>
          <TableCell align="right">Ranked first</TableCell>
          <TableCell align="right">Times ranked</TableCell>
          <TableCell align="right">Mean position</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {ranking.map(row => (
          <TableRow key={row.needId}>
            <TableCell>{row.title}</TableCell>
            <TableCell align="right">{row.points}</TableCell>
            <TableCell align="right">{row.firstPlace}</TableCell>
            <TableCell align="right">{row.count}</TableCell>
            <TableCell align="right">
              {formatNumber(row.meanPosition, 2)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Free text as people typed it; React renders it as text, never as markup. */
function TextList(props: { texts: string[] }) {
  return (
    <List dense>
      {props.texts.map((text, index) => (
        <ListItem key={index} divider>
          <ListItemText
            primary={text}
            primaryTypographyProps={{ style: { whiteSpace: 'pre-line' } }}
          />
        </ListItem>
      ))}
    </List>
  );
}

function QuestionResultBody(props: { result: QuestionResult; k: number }) {
  const { result, k } = props;
  if (result.suppressed) {
    return (
      <Typography color="textSecondary">
        Suppressed (fewer respondents than the anonymity threshold, k = {k}).
      </Typography>
    );
  }
  if (result.choices) {
    return <ChoiceChart choices={result.choices} />;
  }
  if (result.nps) {
    return <NpsSummary nps={result.nps} />;
  }
  if (result.ranking) {
    return <RankingTable ranking={result.ranking} />;
  }
  if (result.texts && result.texts.length > 0) {
    return <TextList texts={result.texts} />;
  }
  return <Typography color="textSecondary">No answers to show.</Typography>;
}

/** Aggregates of the questions other than the need-rating grid. */
export function QuestionResults(props: {
  questions: QuestionResult[];
  anonymityThreshold: number;
}) {
  const { questions, anonymityThreshold } = props;
  const shown = questions.filter(
    q =>
      q.type !== 'need-rating' &&
      // Free text only appears when there is text to read (it may be withheld by policy).
      (q.type !== 'free-text' || q.suppressed || (q.texts?.length ?? 0) > 0),
  );
  if (shown.length === 0) {
    return null;
  }
  return (
    <Grid container spacing={3}>
      {shown.map(result => (
        <Grid
          item
          xs={12}
          md={result.type === 'free-text' || result.type === 'ranking' ? 12 : 6}
          key={result.questionId}
        >
          <InfoCard
            title={result.title}
            subheader={`${result.respondents} respondents`}
          >
            <QuestionResultBody result={result} k={anonymityThreshold} />
          </InfoCard>
        </Grid>
      ))}
    </Grid>
  );
}
