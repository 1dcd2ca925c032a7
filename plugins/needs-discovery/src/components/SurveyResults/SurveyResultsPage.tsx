import {
  Content,
  ContentHeader,
  Progress,
  ResponseErrorPanel,
  LinkButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  Survey,
  SurveyResults,
} from '@platform-product/plugin-needs-discovery-common';
import useAsync from 'react-use/esm/useAsync';
import { needsDiscoveryApiRef } from '../../api';
import { useNeedsLinks } from '../../hooks/useNeedsLinks';
import { SurveyStatusChip, formatDateTime } from '../shared';
import { CsvDownloadButton } from './CsvDownloadButton';
import { NeedPriorityChart } from './NeedPriorityChart';
import { PriorityCaseCallout } from './PriorityCaseCallout';
import { QuestionResults } from './QuestionResults';
import { ResponseRates } from './ResponseRates';
import { TeamBreakdown } from './TeamBreakdown';
import { WaveComparison } from './WaveComparison';

/** `/needs/surveys/:id/results`: aggregates only, everything under k withheld by the server. */
export function SurveyResultsPage(props: { surveyId: string }) {
  const { surveyId } = props;
  const api = useApi(needsDiscoveryApiRef);
  const { value, loading, error } = useAsync(async () => {
    const [survey, results] = await Promise.all([
      api.getSurvey(surveyId),
      api.getResults(surveyId),
    ]);
    return { survey, results };
  }, [api, surveyId]);

  return (
    <Content>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <SurveyResultsView survey={value.survey} results={value.results} />
      )}
    </Content>
  );
}

export function SurveyResultsView(props: {
  survey: Survey;
  results: SurveyResults;
}) {
  const { survey, results } = props;
  const links = useNeedsLinks();
  const k = results.anonymityThreshold;

  return (
    <>
      <ContentHeader title={`Results: ${survey.title}`}>
        <LinkButton to={links.root}>All surveys</LinkButton>
        <CsvDownloadButton surveyId={survey.id} />
      </ContentHeader>
      <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={2}>
        <SurveyStatusChip status={results.status} />
        {/* On the page's grey background the secondary text colour fails WCAG AA contrast. */}
        <Typography variant="body2">
          Wave {survey.wave} · anonymity threshold k = {k} · computed{' '}
          {formatDateTime(results.computedAt)}
        </Typography>
      </Box>
      {results.status === 'open' && (
        <Box mb={2}>
          <Alert severity="info">
            The survey is still open: figures change as people answer.
          </Alert>
        </Box>
      )}

      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <PriorityCaseCallout
            priorityCase={results.priorityCase}
            settings={results.settings}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <ResponseRates results={results} />
        </Grid>
        <Grid item xs={12}>
          <NeedPriorityChart
            needs={results.needs}
            anonymityThreshold={k}
            sharedNeedMinTeams={results.settings?.sharedNeedMinTeams}
          />
        </Grid>
        {results.previousSurveyId && (
          <Grid item xs={12}>
            <WaveComparison
              needs={results.needs}
              previousSurveyId={results.previousSurveyId}
            />
          </Grid>
        )}
        <Grid item xs={12}>
          <TeamBreakdown results={results} />
        </Grid>
        <Grid item xs={12}>
          <QuestionResults
            questions={results.questions}
            anonymityThreshold={k}
          />
        </Grid>
      </Grid>
    </>
  );
}
