import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  LinkButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import CheckIcon from '@material-ui/icons/Check';
import { SurveySummary } from '@platform-product/plugin-needs-discovery-common';
import useAsync from 'react-use/esm/useAsync';
import { needsDiscoveryApiRef } from '../../api';
import { useNeedsDiscoveryPermissions } from '../../hooks/useNeedsDiscoveryPermissions';
import { useMyTeams } from '../../hooks/useMyTeams';
import { useNeedsLinks } from '../../hooks/useNeedsLinks';
import { formatDateTime, NoTeamNote } from '../shared';

const useStyles = makeStyles(theme => ({
  card: {
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
  },
  content: {
    flexGrow: 1,
  },
  header: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
  },
  description: {
    whiteSpace: 'pre-line',
    margin: theme.spacing(1, 0),
  },
}));

function SurveyCard(props: { survey: SurveySummary; showResults: boolean }) {
  const { survey, showResults } = props;
  const classes = useStyles();
  const links = useNeedsLinks();
  return (
    <Card className={classes.card} variant="outlined">
      <CardContent className={classes.content}>
        <div className={classes.header}>
          <Typography variant="h6" component="h3">
            {survey.title}
          </Typography>
          {survey.answeredByMe ? (
            <Chip
              size="small"
              color="primary"
              icon={<CheckIcon />}
              label="Answered"
            />
          ) : (
            <Chip size="small" variant="outlined" label="Not answered" />
          )}
        </div>
        {survey.description && (
          <Typography variant="body2" className={classes.description}>
            {survey.description}
          </Typography>
        )}
        <Typography variant="caption" color="textSecondary" display="block">
          {survey.closesAt
            ? `Closes ${formatDateTime(survey.closesAt)}`
            : 'No closing date'}
          {` · ${survey.needs.length} needs · ${survey.questions.length} questions`}
        </Typography>
      </CardContent>
      <CardActions>
        <LinkButton
          to={links.survey(survey.id)}
          color="primary"
          variant={survey.answeredByMe ? 'outlined' : 'contained'}
        >
          {survey.answeredByMe ? 'Edit my answers' : 'Answer'}
        </LinkButton>
        {showResults && (
          <LinkButton to={links.results(survey.id)}>Results</LinkButton>
        )}
      </CardActions>
    </Card>
  );
}

/** What the Answer tab says when there is nothing to answer: no survey at all, or none open. */
function NothingToAnswer(props: {
  anySurvey: boolean;
  /** Drafts the user may see (survey managers only). */
  drafts: number;
  canCreateSurvey: boolean;
}) {
  const { anySurvey, drafts, canCreateSurvey } = props;
  const links = useNeedsLinks();
  if (!anySurvey && drafts > 0) {
    return (
      <EmptyState
        missing="content"
        title="No survey is open yet"
        description={`${
          drafts === 1 ? 'A draft is' : `${drafts} drafts are`
        } waiting: open a survey on the Manage tab and it shows up here for everyone it is addressed to.`}
        action={
          <LinkButton to={links.manage} color="primary" variant="contained">
            Manage surveys
          </LinkButton>
        }
      />
    );
  }
  if (anySurvey) {
    return (
      <EmptyState
        missing="content"
        title="No open surveys right now"
        description="When the platform team asks what slows you down, the survey shows up here. Past surveys you answered are on the My answers tab."
      />
    );
  }
  if (canCreateSurvey) {
    return (
      <EmptyState
        missing="content"
        title="No surveys yet"
        description="Ask teams what slows them down: create a survey with the needs you want them to rate (or import one from YAML), then open it. Open surveys show up here for everyone they are addressed to."
        action={
          <LinkButton
            to={links.newSurvey}
            color="primary"
            variant="contained"
            startIcon={<AddIcon />}
          >
            Create a survey
          </LinkButton>
        }
      />
    );
  }
  return (
    <EmptyState
      missing="content"
      title="No surveys yet"
      description="The platform team has not opened a survey yet. When it asks what slows you down, the survey shows up here."
    />
  );
}

/** The "Answer" tab: surveys open for responses. */
export function OpenSurveysList() {
  const api = useApi(needsDiscoveryApiRef);
  const { canReadResults, canCreateSurvey } = useNeedsDiscoveryPermissions();
  const me = useMyTeams();
  const { value, loading, error } = useAsync(() => api.listSurveys(), [api]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  const surveys = value ?? [];
  const openSurveys = surveys.filter(s => s.status === 'open');
  // A user in no team sees only surveys for everyone, and counts for no team: say so, and how to fix it.
  const noTeam = me.teams !== undefined && me.teams.length === 0 && (
    <Box mb={2}>
      <NoTeamNote userEntityRef={me.userEntityRef} />
    </Box>
  );
  if (openSurveys.length === 0) {
    return (
      <>
        {noTeam}
        <NothingToAnswer
          anySurvey={surveys.some(s => s.status !== 'draft')}
          drafts={surveys.filter(s => s.status === 'draft').length}
          canCreateSurvey={canCreateSurvey}
        />
      </>
    );
  }
  return (
    <>
      {noTeam}
      <Grid container spacing={3}>
        {openSurveys.map(survey => (
          <Grid item xs={12} md={6} lg={4} key={survey.id}>
            <SurveyCard survey={survey} showResults={canReadResults} />
          </Grid>
        ))}
      </Grid>
    </>
  );
}
