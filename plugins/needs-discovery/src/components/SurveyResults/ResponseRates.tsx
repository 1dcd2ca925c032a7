import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { SurveyResults } from '@platform-product/plugin-needs-discovery-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useEntityTitles } from '../../hooks/useEntityTitles';
import { formatPercent } from '../shared';
import { truncateLabel } from './chartLabels';
import { RECHARTS_TOOLTIP_ITEM_STYLE } from '../shared/chartStyles';

export function hiddenTeamsText(count: number, k: number): string {
  return `${count} ${
    count === 1 ? 'team' : 'teams'
  } hidden (fewer respondents than the anonymity threshold, k = ${k})`;
}

/** Overall response rate and, per team shown, a bar of its response rate. */
export function ResponseRates(props: { results: SurveyResults }) {
  const { results } = props;
  const theme = useTheme();
  const teamTitle = useEntityTitles(results.teams.map(team => team.teamRef));
  const teamRates = results.teams
    .filter(team => team.responseRate !== null)
    .map(team => ({
      team: teamTitle(team.teamRef),
      rate: Math.round((team.responseRate ?? 0) * 100),
      respondents: team.respondents,
    }));

  return (
    <InfoCard title="Responses">
      <Box display="flex" alignItems="baseline" style={{ gap: 16 }} mb={1}>
        <Typography variant="h3" component="p">
          {formatPercent(results.responseRate)}
        </Typography>
        <Typography variant="body1" color="textSecondary">
          {results.respondents} respondents
          {results.audienceSize !== null &&
            ` of ${results.audienceSize} in the audience`}
        </Typography>
      </Box>
      {results.suppressedTeams > 0 && (
        <Typography variant="body2" color="textSecondary" gutterBottom>
          {hiddenTeamsText(results.suppressedTeams, results.anonymityThreshold)}
        </Typography>
      )}
      {teamRates.length > 0 && (
        <>
          <Typography variant="subtitle2">Response rate per team</Typography>
          <ResponsiveContainer width="100%" height={50 + teamRates.length * 32}>
            <BarChart
              data={teamRates}
              layout="vertical"
              margin={{ left: 8, right: 24 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[0, 100]} unit="%" />
              <YAxis
                type="category"
                dataKey="team"
                width={140}
                tickFormatter={truncateLabel}
              />
              <Tooltip
                itemStyle={RECHARTS_TOOLTIP_ITEM_STYLE}
                formatter={(value: number) => [`${value}%`, 'Response rate']}
              />
              <Bar
                dataKey="rate"
                name="Response rate"
                fill={theme.palette.success?.main ?? theme.palette.primary.main}
              />
            </BarChart>
          </ResponsiveContainer>
        </>
      )}
    </InfoCard>
  );
}
