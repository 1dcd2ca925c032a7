import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  SurveyResults,
  SurveySummary,
} from '@platform-product/plugin-needs-discovery-common';
import useAsync from 'react-use/esm/useAsync';
import { needsDiscoveryApiRef } from '../../api';
import { hasStatus, isBackendMissing } from '../../api/errors';
import { useNeedsLinks } from '../../hooks/useNeedsLinks';
import { formatDateTime, formatNumber, formatPercent } from '../shared';
import { pickLatestSurveyForTeam } from './latestSurvey';

const TOP_NEEDS = 5;

type CardState =
  | { kind: 'not-installed' }
  | { kind: 'no-survey' }
  | { kind: 'results-forbidden'; survey: SurveySummary }
  | { kind: 'results'; survey: SurveySummary; results: SurveyResults };

const CARD_TITLE = 'Team needs';

/** For a Group entity: the team's response rate and top needs in the latest survey. */
export function EntityTeamNeedsCard() {
  const { entity } = useEntity();
  const teamRef = stringifyEntityRef(entity);
  const api = useApi(needsDiscoveryApiRef);
  const links = useNeedsLinks();

  const {
    value: state,
    loading,
    error,
  } = useAsync(async (): Promise<CardState> => {
    let surveys: SurveySummary[];
    try {
      surveys = await api.listSurveys();
    } catch (e) {
      // A company may install the catalog without this plugin's backend.
      if (isBackendMissing(e)) {
        return { kind: 'not-installed' };
      }
      throw e;
    }
    const survey = pickLatestSurveyForTeam(surveys, teamRef);
    if (!survey) {
      return { kind: 'no-survey' };
    }
    try {
      return {
        kind: 'results',
        survey,
        results: await api.getResults(survey.id),
      };
    } catch (e) {
      if (hasStatus(e, 403)) {
        return { kind: 'results-forbidden', survey };
      }
      throw e;
    }
  }, [api, teamRef]);

  if (loading) {
    return (
      <InfoCard title={CARD_TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <InfoCard title={CARD_TITLE}>
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  if (!state || state.kind === 'not-installed') {
    return (
      <InfoCard title={CARD_TITLE}>
        <EmptyState
          missing="info"
          title="needs-discovery is not installed"
          description="Install the needs-discovery backend plugin to survey teams about their needs."
        />
      </InfoCard>
    );
  }
  if (state.kind === 'no-survey') {
    return (
      <InfoCard
        title={CARD_TITLE}
        deepLink={{ title: 'Surveys on the Needs page', link: links.root }}
      >
        <EmptyState
          missing="data"
          title="No survey with results for this team yet"
          description="The platform team has not opened a survey that asks this team (or everyone) about its needs. Once one is open and enough members have answered, the team's response rate and top needs show here."
        />
      </InfoCard>
    );
  }

  const { survey } = state;
  const subheader = `${survey.title} · ${
    survey.status === 'closed'
      ? `closed ${formatDateTime(survey.closedAt)}`
      : 'open'
  }`;
  const deepLink =
    state.kind === 'results'
      ? { title: 'All results', link: links.results(survey.id) }
      : { title: 'Open the survey', link: links.survey(survey.id) };

  if (state.kind === 'results-forbidden') {
    return (
      <InfoCard title={CARD_TITLE} subheader={subheader} deepLink={deepLink}>
        <Typography color="textSecondary">
          You are not allowed to read this survey's results.
        </Typography>
      </InfoCard>
    );
  }

  const { results } = state;
  const team = results.teams.find(
    t => t.teamRef.toLowerCase() === teamRef.toLowerCase(),
  );
  return (
    <InfoCard title={CARD_TITLE} subheader={subheader} deepLink={deepLink}>
      {team ? (
        <>
          <Box display="flex" alignItems="baseline" style={{ gap: 12 }}>
            <Typography variant="h4" component="p">
              {formatPercent(team.responseRate)}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              response rate · {team.respondents}
              {team.members !== null && ` of ${team.members}`} members answered
            </Typography>
          </Box>
          {team.topNeeds.length > 0 ? (
            <List dense aria-label="Top needs of this team">
              {team.topNeeds.slice(0, TOP_NEEDS).map((need, index) => (
                <ListItem key={need.needId} disableGutters>
                  <ListItemText
                    primary={`${index + 1}. ${need.title}`}
                    secondary={`mean pain ${formatNumber(need.meanPain)} · ${
                      need.respondents
                    } respondents`}
                  />
                </ListItem>
              ))}
            </List>
          ) : (
            <Typography color="textSecondary">
              No need rated by enough members of this team.
            </Typography>
          )}
        </>
      ) : (
        <Typography color="textSecondary">
          Not enough responses from this team to show figures (fewer than k ={' '}
          {results.anonymityThreshold}).
          {survey.status === 'open' && (
            <>
              {' '}
              <Link to={links.survey(survey.id)}>Answer the survey</Link> to
              help your team be heard.
            </>
          )}
        </Typography>
      )}
    </InfoCard>
  );
}
