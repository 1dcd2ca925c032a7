import {
  Content,
  ContentHeader,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  LinkButton,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  MIN_ANONYMITY_THRESHOLD,
  Survey,
  SurveyDefinition,
  SurveyStatus,
} from '@platform-product/plugin-needs-discovery-common';
import { FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { needsDiscoveryApiRef } from '../../api';
import { describeError } from '../../api/errors';
import { useNeedsLinks } from '../../hooks/useNeedsLinks';
import { isoToLocalInput, localInputToIso } from '../shared';
import { AudiencePicker } from './AudiencePicker';
import { cleanDefinition, definitionOf, emptyDefinition } from './definition';
import { ImportYamlDialog } from './ImportYamlDialog';
import { NeedsEditor } from './NeedsEditor';
import { QuestionsEditor } from './QuestionsEditor';

const useStyles = makeStyles(theme => ({
  section: {
    marginBottom: theme.spacing(3),
  },
  error: {
    marginBottom: theme.spacing(2),
    whiteSpace: 'pre-line',
  },
  actions: {
    display: 'flex',
    gap: theme.spacing(2),
  },
}));

/**
 * `/needs/new` without a surveyId, `/needs/surveys/:id/edit` with one.
 * Only drafts can be edited: once open, the survey's shape and anonymity threshold (k) are fixed.
 */
export function SurveyBuilderPage(props: { surveyId?: string }) {
  const { surveyId } = props;
  const api = useApi(needsDiscoveryApiRef);
  const links = useNeedsLinks();
  const {
    value: survey,
    loading,
    error,
  } = useAsync(
    async () => (surveyId ? api.getSurvey(surveyId) : undefined),
    [api, surveyId],
  );

  return (
    <Content>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {!loading && !error && survey && survey.status !== 'draft' && (
        <>
          <ContentHeader title={survey.title} />
          <Alert severity="info">
            This survey is {survey.status}; only drafts can be edited. Clone it
            from the <Link to={links.manage}>Manage</Link> tab to start the next
            wave.
          </Alert>
        </>
      )}
      {!loading && !error && (!survey || survey.status === 'draft') && (
        <SurveyBuilder
          // Remount when another draft is opened, so the form starts from it.
          key={survey?.id ?? 'new'}
          survey={survey}
        />
      )}
    </Content>
  );
}

export function SurveyBuilder(props: { survey?: Survey }) {
  const { survey } = props;
  const classes = useStyles();
  const api = useApi(needsDiscoveryApiRef);
  const alertApi = useApi(alertApiRef);
  const links = useNeedsLinks();
  const navigate = useNavigate();
  // Ids tie each visible label to its field, so that screen readers and getByLabelText find it.
  const fieldId = useId();

  const [definition, setDefinition] = useState<SurveyDefinition>(() =>
    survey ? definitionOf(survey) : emptyDefinition(),
  );
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const [importOpen, setImportOpen] = useState(false);

  const status: SurveyStatus = survey?.status ?? 'draft';
  // The anonymity threshold protects respondents who already answered: it cannot change once the survey has opened.
  const thresholdLocked = status !== 'draft';

  const patch = (changes: Partial<SurveyDefinition>) =>
    setDefinition(current => ({ ...current, ...changes }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaveError(undefined);
    try {
      const body = cleanDefinition(definition);
      if (survey) {
        await api.updateSurvey(survey.id, body);
        alertApi.post({
          message: 'Draft saved.',
          severity: 'success',
          display: 'transient',
        });
      } else {
        const created = await api.createSurvey(body);
        alertApi.post({
          message: 'Draft created. Open it from the Manage tab when ready.',
          severity: 'success',
          display: 'transient',
        });
        navigate(links.editSurvey(created.id), { replace: true });
      }
    } catch (e) {
      setSaveError(describeError(e));
    } finally {
      setSaving(false);
    }
  };

  const thresholdTooLow =
    !Number.isInteger(definition.anonymityThreshold) ||
    definition.anonymityThreshold < MIN_ANONYMITY_THRESHOLD;

  return (
    <form onSubmit={save} noValidate>
      <ContentHeader
        title={survey ? `Edit “${survey.title}”` : 'New survey'}
        description="Drafts can be changed freely; opening a survey fixes its needs, questions and anonymity threshold."
      >
        <Button onClick={() => setImportOpen(true)}>Import YAML</Button>
      </ContentHeader>

      <Grid container spacing={3}>
        <Grid item xs={12} className={classes.section}>
          <InfoCard title="Survey">
            <Grid container spacing={2}>
              <Grid item xs={12}>
                <TextField
                  id={`${fieldId}-title`}
                  fullWidth
                  required
                  label="Title"
                  value={definition.title}
                  onChange={e => patch({ title: e.target.value })}
                />
              </Grid>
              <Grid item xs={12}>
                <TextField
                  id={`${fieldId}-description`}
                  fullWidth
                  multiline
                  minRows={2}
                  label="Description"
                  helperText="Why you ask and what happens with the answers."
                  value={definition.description ?? ''}
                  onChange={e => patch({ description: e.target.value })}
                />
              </Grid>
              <Grid item xs={12}>
                <AudiencePicker
                  value={definition.audience}
                  onChange={audience => patch({ audience })}
                />
              </Grid>
              <Grid item xs={12} sm={6}>
                <TextField
                  id={`${fieldId}-anonymity-threshold`}
                  fullWidth
                  required
                  type="number"
                  label="Anonymity threshold (k)"
                  value={
                    Number.isNaN(definition.anonymityThreshold)
                      ? ''
                      : definition.anonymityThreshold
                  }
                  disabled={thresholdLocked}
                  error={thresholdTooLow}
                  helperText={
                    thresholdLocked
                      ? 'Fixed once the survey is open.'
                      : `Figures drawn from fewer respondents than this are hidden. At least ${MIN_ANONYMITY_THRESHOLD}.`
                  }
                  inputProps={{ min: MIN_ANONYMITY_THRESHOLD, step: 1 }}
                  onChange={e =>
                    patch({
                      anonymityThreshold: Number.parseInt(e.target.value, 10),
                    })
                  }
                />
              </Grid>
              <Grid item xs={12} sm={6}>
                <TextField
                  id={`${fieldId}-closes-at`}
                  fullWidth
                  type="datetime-local"
                  label="Closes at"
                  InputLabelProps={{ shrink: true }}
                  helperText="Optional; the survey stops taking responses then."
                  value={isoToLocalInput(definition.closesAt)}
                  onChange={e =>
                    patch({ closesAt: localInputToIso(e.target.value) })
                  }
                />
              </Grid>
            </Grid>
          </InfoCard>
        </Grid>

        <Grid item xs={12} className={classes.section}>
          <InfoCard
            title="Needs"
            subheader="The candidate needs respondents rate for pain and frequency."
          >
            <NeedsEditor
              needs={definition.needs}
              onChange={needs => patch({ needs })}
            />
          </InfoCard>
        </Grid>

        <Grid item xs={12} className={classes.section}>
          <InfoCard title="Questions">
            <QuestionsEditor
              questions={definition.questions}
              needCount={definition.needs.length}
              onChange={questions => patch({ questions })}
            />
          </InfoCard>
        </Grid>
      </Grid>

      {saveError && (
        <Alert severity="error" role="alert" className={classes.error}>
          {saveError}
        </Alert>
      )}
      <Box className={classes.actions} mb={4}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={saving}
        >
          {survey ? 'Save draft' : 'Create draft'}
        </Button>
        <LinkButton to={links.manage} disabled={saving}>
          Cancel
        </LinkButton>
      </Box>

      <ImportYamlDialog
        open={importOpen}
        onClose={() => setImportOpen(false)}
        onImport={imported => {
          setDefinition({
            ...imported,
            // An open survey's k stays as it is, whatever the YAML says.
            anonymityThreshold: thresholdLocked
              ? definition.anonymityThreshold
              : imported.anonymityThreshold,
          });
          setImportOpen(false);
        }}
      />
    </form>
  );
}
