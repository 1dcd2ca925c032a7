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
  SurveySummary,
  TeamResult,
} from '@platform-product/plugin-needs-discovery-common';
import useAsync from 'react-use/esm/useAsync';
import { needsDiscoveryApiRef } from '../../api';
import { hasStatus, isBackendMissing } from '../../api/errors';
import { useNeedsLinks } from '../../hooks/useNeedsLinks';
import { formatDateTime, formatNumber, formatPercent } from '../shared';
import { surveysForTeam, teamFigures } from './latestSurvey';

const TOP_NEEDS = 5;
/** Waves searched, newest first, for the latest one with figures for the team. */
const MAX_SURVEYS_SEARCHED = 4;

type CardState =
  | { kind: 'not-installed' }
  | { kind: 'no-survey' }
  | { kind: 'results-forbidden'; survey: SurveySummary }
  | {
      kind: 'results';
      /** The latest survey with figures for the team, or (team is null) the latest survey. */
      survey: SurveySummary;
      /** The team's figures; null when no survey searched has any (fewer than k answered in each). */
      team: TeamResult | null;
      /** Newer surveys, still open, in which fewer than k members of the team have answered so far. */
      belowThreshold: SurveySummary[];
    };

const CARD_TITLE = 'Team needs';

/**
 * Open surveys newer than the figures shown, in which the team is still below the anonymity threshold. The backend
 * withholds how many of the team answered until there are k (the count below k is a team figure too), so the card
 * says that the threshold is not reached, not how far off it is.
 */
function BelowThresholdNotes(props: {
  surveys: SurveySummary[];
  figuresShown: boolean;
}) {
  const { surveys, figuresShown } = props;
  const links = useNeedsLinks();
  return (
    <>
      {surveys.map(survey => (
        <Typography
          key={survey.id}
          variant="body2"
          color="textSecondary"
          paragraph
        >
          Fewer than the needed {survey.anonymityThreshold} answers (anonymity
          threshold) from this team so far in “{survey.title}”, which is still
          open.
          {figuresShown &&
            ' The figures below are from the latest survey with results for this team.'}
          {!survey.answeredByMe && (
            <>
              {' '}
              <Link to={links.survey(survey.id)} underline="always">
                Answer the survey
              </Link>{' '}
              to help your team be heard.
            </>
          )}
        </Typography>
      ))}
    </>
  );
}

/**
 * For a Group entity: the team's response rate and top needs in the latest survey in which it has results (at
 * least k of its members answered), and a word on newer open surveys in which it is still below k.
 */
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
    const asked = surveysForTeam(surveys, teamRef);
    if (asked.length === 0) {
      return { kind: 'no-survey' };
    }
    // Newest wave first, until one has figures for the team: an open wave in which the team already reached k
    // wins over a closed older one, and an open wave still below k does not hide the previous wave's figures.
    const belowThreshold: SurveySummary[] = [];
    for (const survey of asked.slice(0, MAX_SURVEYS_SEARCHED)) {
      let team: TeamResult | undefined;
      try {
        team = teamFigures(await api.getResults(survey.id), teamRef);
      } catch (e) {
        if (hasStatus(e, 403)) {
          return { kind: 'results-forbidden', survey: asked[0] };
        }
        // Deleted since it was listed.
        if (hasStatus(e, 404)) continue;
        throw e;
      }
      if (team) {
        return { kind: 'results', survey, team, belowThreshold };
      }
      if (survey.status === 'open') {
        belowThreshold.push(survey);
      }
    }
    return {
      kind: 'results',
      survey: asked[0],
      team: null,
      belowThreshold: belowThreshold.filter(s => s.id !== asked[0].id),
    };
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

  const { team, belowThreshold } = state;
  return (
    <InfoCard title={CARD_TITLE} subheader={subheader} deepLink={deepLink}>
      <BelowThresholdNotes surveys={belowThreshold} figuresShown={!!team} />
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
                    secondary={`mean pain ${formatNumber(need.meanPain, 2)} · ${
                      need.respondents
                    } respondents`}
                  />
                </ListItem>
              ))}
            </List>
          ) : (
            <Typography color="textSecondary">
              No need rated by at least {survey.anonymityThreshold} members of
              this team (the anonymity threshold).
            </Typography>
          )}
        </>
      ) : (
        <Typography color="textSecondary">
          Not enough answers from this team to show figures: fewer than the
          anonymity threshold (k = {survey.anonymityThreshold}) of its members
          answered{survey.status === 'open' ? ' so far' : ''}.
          {survey.status === 'open' && !survey.answeredByMe && (
            <>
              {' '}
              <Link to={links.survey(survey.id)} underline="always">
                Answer the survey
              </Link>{' '}
              to help your team be heard.
            </>
          )}
        </Typography>
      )}
    </InfoCard>
  );
}
