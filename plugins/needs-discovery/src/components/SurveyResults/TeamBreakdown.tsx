import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { SurveyResults } from '@platform-product/plugin-needs-discovery-common';
import { formatNumber, formatPercent } from '../shared';
import { hiddenTeamsText } from './ResponseRates';

const TOP_NEEDS_PER_TEAM = 3;

/** Each shown team's most painful needs; teams under k are only counted. */
export function TeamBreakdown(props: { results: SurveyResults }) {
  const { results } = props;
  return (
    <InfoCard title="Teams" subheader="Each team's most painful needs">
      {results.teams.length === 0 ? (
        <Typography color="textSecondary">
          No team has at least {results.anonymityThreshold} respondents yet.
        </Typography>
      ) : (
        <Table size="small" aria-label="Team breakdown">
          <TableHead>
            <TableRow>
              <TableCell>Team</TableCell>
              <TableCell align="right">Respondents</TableCell>
              <TableCell align="right">Response rate</TableCell>
              <TableCell>Top needs (mean pain)</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {results.teams.map(team => (
              <TableRow key={team.teamRef}>
                <TableCell>
                  <EntityRefLink entityRef={team.teamRef} defaultKind="group" />
                </TableCell>
                <TableCell align="right">
                  {team.respondents}
                  {team.members !== null && ` / ${team.members}`}
                </TableCell>
                <TableCell align="right">
                  {formatPercent(team.responseRate)}
                </TableCell>
                <TableCell>
                  {team.topNeeds.length === 0
                    ? '–'
                    : team.topNeeds
                        .slice(0, TOP_NEEDS_PER_TEAM)
                        .map(
                          need =>
                            `${need.title} (${formatNumber(need.meanPain, 2)})`,
                        )
                        .join(', ')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {results.suppressedTeams > 0 && (
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ marginTop: 8 }}
        >
          {hiddenTeamsText(results.suppressedTeams, results.anonymityThreshold)}
        </Typography>
      )}
    </InfoCard>
  );
}
