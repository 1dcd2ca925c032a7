import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  CAMPAIGN_ACTIVITY_KINDS,
  CampaignActivityKind,
  isCampaignLink,
  isScheduledActivity,
} from '@platform-product/plugin-habit-metrics-common';
import { habitMetricsApiRef, NewCampaignActivity } from '../../api';
import { KIND_LABELS } from './labels';
import { useFieldForm } from './useFieldForm';

interface ActivityFormValues {
  kind: CampaignActivityKind;
  title: string;
  description: string;
  startsAt: string;
  capacity: string;
  link: string;
  steps: string;
}

const EMPTY: ActivityFormValues = {
  kind: 'announcement',
  title: '',
  description: '',
  startsAt: '',
  capacity: '',
  link: '',
  steps: '',
};

type Errors = Partial<Record<keyof ActivityFormValues, string>>;

/** What is wrong with a new activity, field by field; and, when nothing is, the request body. */
export function validateActivityForm(values: ActivityFormValues): {
  errors: Errors;
  activity?: NewCampaignActivity;
} {
  const errors: Errors = {};
  const title = values.title.trim();
  if (!title) errors.title = 'Give the activity a title.';
  else if (title.length > 200)
    errors.title = `The title is ${title.length} characters long; 200 at most.`;
  let startsAt: string | undefined;
  if (isScheduledActivity(values.kind)) {
    const date = new Date(values.startsAt);
    if (!values.startsAt) {
      errors.startsAt = `A ${KIND_LABELS[values.kind].toLocaleLowerCase(
        'en-US',
      )} needs the date and time it starts.`;
    } else if (Number.isNaN(date.getTime())) {
      errors.startsAt = 'Give the start as a date and time.';
    } else {
      startsAt = date.toISOString();
    }
  }
  let capacity: number | undefined;
  if (values.kind === 'training-session' && values.capacity.trim()) {
    capacity = /^\d+$/.test(values.capacity.trim())
      ? Number(values.capacity.trim())
      : NaN;
    if (!(capacity >= 1 && capacity <= 10_000)) {
      errors.capacity =
        'Places must be a whole number from 1 to 10000, or empty for unlimited.';
    }
  }
  const link = values.link.trim();
  if (link && !isCampaignLink(link)) {
    errors.link =
      'The link must be an http(s) address or a Backstage path starting with /.';
  }
  let steps: NewCampaignActivity['steps'];
  if (values.kind === 'learning-path') {
    const lines = values.steps
      .split('\n')
      .map(line => line.trim())
      .filter(Boolean);
    steps = [];
    for (const [index, line] of lines.entries()) {
      const [stepTitle, stepLink] = line.split('|').map(part => part.trim());
      if (!stepTitle || !stepLink || !isCampaignLink(stepLink)) {
        errors.steps = `Step ${
          index + 1
        } must read "title | link", the link an http(s) address or a path starting with /.`;
        break;
      }
      steps.push({ title: stepTitle, link: stepLink });
    }
    if (!errors.steps && steps.length === 0) {
      errors.steps = 'A learning path needs at least one step: "title | link".';
    } else if (!errors.steps && steps.length > 50) {
      errors.steps = `A learning path has at most 50 steps; there are ${steps.length}.`;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    activity: {
      kind: values.kind,
      title,
      ...(values.description.trim()
        ? { description: values.description.trim() }
        : {}),
      ...(startsAt ? { startsAt } : {}),
      ...(capacity ? { capacity } : {}),
      ...(link ? { link } : {}),
      ...(steps ? { steps } : {}),
    },
  };
}

/** For managers: adds an activity to a draft or active campaign. */
export function ActivityForm(props: {
  campaignId: string;
  onAdded: () => void;
}) {
  const { campaignId, onAdded } = props;
  const api = useApi(habitMetricsApiRef);
  const { values, errors, fieldProps, submit, failure, saving } = useFieldForm({
    idPrefix: 'activity',
    initial: EMPTY,
    validate: (form: ActivityFormValues) => {
      const result = validateActivityForm(form);
      return { errors: result.errors, body: result.activity };
    },
    save: async (activity: NewCampaignActivity) => {
      await api.addCampaignActivity(campaignId, activity);
      onAdded();
    },
    resetOnSave: true,
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Add an activity">
      {failure && (
        <Alert severity="error">The activity was not added: {failure}</Alert>
      )}
      <Grid container spacing={2}>
        <Grid item xs={12} md={4}>
          <TextField
            {...fieldProps('kind')}
            label="Kind"
            select
            SelectProps={{ native: true }}
          >
            {CAMPAIGN_ACTIVITY_KINDS.map(kind => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </TextField>
        </Grid>
        <Grid item xs={12} md={8}>
          <TextField {...fieldProps('title')} label="Activity title" required />
        </Grid>
        <Grid item xs={12}>
          <TextField
            {...fieldProps('description')}
            label="Activity description"
            multiline
            minRows={2}
          />
        </Grid>
        {isScheduledActivity(values.kind) && (
          <Grid item xs={12} md={4}>
            <TextField
              {...fieldProps('startsAt')}
              label="Starts at"
              type="datetime-local"
              required
              InputLabelProps={{
                ...fieldProps('startsAt').InputLabelProps,
                shrink: true,
              }}
            />
          </Grid>
        )}
        {values.kind === 'training-session' && (
          <Grid item xs={12} md={4}>
            <TextField
              {...fieldProps('capacity')}
              label="Places"
              type="number"
              inputProps={{ min: 1, max: 10000 }}
              helperText={errors.capacity ?? 'Empty for unlimited'}
            />
          </Grid>
        )}
        <Grid item xs={12} md={isScheduledActivity(values.kind) ? 4 : 12}>
          <TextField
            {...fieldProps('link')}
            label="Link"
            helperText={errors.link ?? 'Where to join or read; may be empty'}
          />
        </Grid>
        {values.kind === 'learning-path' && (
          <Grid item xs={12}>
            <TextField
              {...fieldProps('steps')}
              label="Steps"
              required
              multiline
              minRows={3}
              helperText={
                errors.steps ?? 'One step a line, as "title | link", in order'
              }
            />
          </Grid>
        )}
      </Grid>
      <Box mt={2}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={saving}
        >
          Add activity
        </Button>
      </Box>
    </form>
  );
}
