import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  LinkButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckIcon from '@material-ui/icons/Check';
import { SurveySummary } from '@platform-product/plugin-needs-discovery-common';
import useAsync from 'react-use/esm/useAsync';
import { needsDiscoveryApiRef } from '../../api';
import { useNeedsDiscoveryPermissions } from '../../hooks/useNeedsDiscoveryPermissions';
import { useNeedsLinks } from '../../hooks/useNeedsLinks';
import { formatDateTime } from '../shared';

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

/** The "Answer" tab: surveys open for responses. */
export function OpenSurveysList() {
  const api = useApi(needsDiscoveryApiRef);
  const { canReadResults } = useNeedsDiscoveryPermissions();
  const { value, loading, error } = useAsync(() => api.listSurveys(), [api]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  const openSurveys = (value ?? []).filter(s => s.status === 'open');
  if (openSurveys.length === 0) {
    return (
      <EmptyState
        missing="content"
        title="No open surveys right now"
        description="When the platform team asks what slows you down, the survey shows up here."
      />
    );
  }
  return (
    <Grid container spacing={3}>
      {openSurveys.map(survey => (
        <Grid item xs={12} md={6} lg={4} key={survey.id}>
          <SurveyCard survey={survey} showResults={canReadResults} />
        </Grid>
      ))}
    </Grid>
  );
}
