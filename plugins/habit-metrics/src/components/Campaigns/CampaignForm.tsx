import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { Campaign } from '@platform-product/plugin-habit-metrics-common';
import { habitMetricsApiRef, NewCampaign } from '../../api';
import { useFieldForm } from './useFieldForm';

/** The create form's fields, as typed. */
export interface CampaignFormValues {
  title: string;
  description: string;
  capabilityRef: string;
  templates: string;
  goalKind: 'active-weeks' | 'golden-path-share';
  activeWeeks: string;
  windowWeeks: string;
  sharePercent: string;
  audienceSource: 'groups' | 'not-adopting';
  groups: string;
  targetDate: string;
}

export const EMPTY_CAMPAIGN_FORM: CampaignFormValues = {
  title: '',
  description: '',
  capabilityRef: '',
  templates: '',
  goalKind: 'active-weeks',
  activeWeeks: '3',
  windowWeeks: '4',
  sharePercent: '60',
  audienceSource: 'groups',
  groups: '',
  targetDate: '',
};

/** The most weeks a goal's window may span (the backend's limit). */
export const MAX_GOAL_WEEKS = 26;

type Errors = Partial<Record<keyof CampaignFormValues, string>>;

function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map(item => item.trim())
    .filter(Boolean);
}

function badRef(ref: string, defaultKind?: string): boolean {
  try {
    parseEntityRef(ref, defaultKind ? { defaultKind } : undefined);
    return false;
  } catch {
    return true;
  }
}

function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/**
 * What is wrong with the form, field by field, as sentences a person can act on; and, when nothing is, the request
 * body. Mirrors the backend's rules (which stay the authority).
 */
export function validateCampaignForm(values: CampaignFormValues): {
  errors: Errors;
  campaign?: NewCampaign;
} {
  const errors: Errors = {};
  const title = values.title.trim();
  if (!title) errors.title = 'Give the campaign a title.';
  else if (title.length > 200)
    errors.title = `The title is ${title.length} characters long; 200 at most.`;
  if (values.description.length > 4000) {
    errors.description = `The description is ${values.description.length} characters long; 4000 at most.`;
  }
  const capabilityRef = values.capabilityRef.trim();
  if (!capabilityRef) {
    errors.capabilityRef =
      'Name the capability the campaign promotes, e.g. system:default/event-streaming.';
  } else if (badRef(capabilityRef)) {
    errors.capabilityRef = `"${capabilityRef}" is not an entity ref; write it as kind:namespace/name, e.g. system:default/event-streaming.`;
  }
  const templates = splitList(values.templates);
  if (templates.length > 20) {
    errors.templates = `List at most 20 templates; there are ${templates.length}.`;
  }
  let goal: NewCampaign['goal'] | undefined;
  if (values.goalKind === 'active-weeks') {
    const active = wholeNumber(values.activeWeeks);
    const window = wholeNumber(values.windowWeeks);
    if (window === undefined || window < 1 || window > MAX_GOAL_WEEKS) {
      errors.windowWeeks = `The window must be a whole number of weeks from 1 to ${MAX_GOAL_WEEKS}.`;
    }
    if (active === undefined || active < 1) {
      errors.activeWeeks = 'Active weeks must be a whole number, at least 1.';
    } else if (window !== undefined && active > window) {
      errors.activeWeeks = `Active weeks (${active}) cannot exceed the window (${window} weeks).`;
    }
    if (!errors.activeWeeks && !errors.windowWeeks) {
      goal = {
        kind: 'active-weeks',
        activeWeeks: active!,
        windowWeeks: window!,
      };
    }
  } else {
    const percent = Number(values.sharePercent.trim());
    if (
      values.sharePercent.trim() === '' ||
      !Number.isFinite(percent) ||
      percent <= 0 ||
      percent > 100
    ) {
      errors.sharePercent =
        'The share must be a percentage above 0 and at most 100.';
    } else {
      goal = {
        kind: 'golden-path-share',
        share: Math.round(percent * 100) / 10_000,
      };
    }
  }
  let audience: NewCampaign['audience'] | undefined;
  if (values.audienceSource === 'groups') {
    const groups = splitList(values.groups);
    const wrong = groups.find(group => badRef(group, 'group'));
    if (groups.length === 0) {
      errors.groups =
        'List at least one group, e.g. group:default/checkout, or aim at the teams not adopting the capability yet.';
    } else if (wrong) {
      errors.groups = `"${wrong}" is not a group ref; write it as group:namespace/name.`;
    } else if (groups.length > 1000) {
      errors.groups = `List at most 1000 groups; there are ${groups.length}.`;
    } else {
      audience = { source: 'groups', groups };
    }
  } else {
    audience = { source: 'not-adopting' };
  }
  const targetDate = values.targetDate.trim();
  if (
    targetDate &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(targetDate) ||
      Number.isNaN(Date.parse(`${targetDate}T00:00:00Z`)))
  ) {
    errors.targetDate =
      'Give the target date as YYYY-MM-DD, or leave it empty.';
  }
  if (Object.keys(errors).length > 0 || !goal || !audience) {
    return { errors };
  }
  return {
    errors,
    campaign: {
      title,
      ...(values.description.trim()
        ? { description: values.description.trim() }
        : {}),
      capabilityRef,
      ...(templates.length ? { templates } : {}),
      goal,
      audience,
      ...(targetDate ? { targetDate } : {}),
    },
  };
}

/** For managers: creates a draft campaign. Every field is labelled; errors show under their field. */
export function CampaignForm(props: {
  onCreated: (campaign: Campaign) => void;
  onCancel: () => void;
}) {
  const { onCreated, onCancel } = props;
  const api = useApi(habitMetricsApiRef);
  const { values, errors, fieldProps, submit, failure, saving } = useFieldForm({
    idPrefix: 'campaign',
    initial: EMPTY_CAMPAIGN_FORM,
    validate: (form: CampaignFormValues) => {
      const result = validateCampaignForm(form);
      return { errors: result.errors, body: result.campaign };
    },
    save: async (campaign: NewCampaign) =>
      onCreated(await api.createCampaign(campaign)),
  });

  return (
    <form onSubmit={submit} noValidate aria-label="New campaign">
      {failure && (
        <Alert severity="error">The campaign was not created: {failure}</Alert>
      )}
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <TextField {...fieldProps('title')} label="Title" required />
        </Grid>
        <Grid item xs={12} md={6}>
          <TextField
            {...fieldProps('capabilityRef')}
            label="Capability (entity ref)"
            required
            helperText={
              errors.capabilityRef ?? 'e.g. system:default/event-streaming'
            }
          />
        </Grid>
        <Grid item xs={12}>
          <TextField
            {...fieldProps('description')}
            label="Description"
            multiline
            minRows={2}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <TextField
            {...fieldProps('templates')}
            label="Golden-path templates"
            helperText={
              errors.templates ??
              'Template refs, separated by commas; may be empty'
            }
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <TextField
            {...fieldProps('targetDate')}
            label="Target date"
            type="date"
            InputLabelProps={{
              ...fieldProps('targetDate').InputLabelProps,
              shrink: true,
            }}
          />
        </Grid>
        <Grid item xs={12} md={4}>
          <TextField
            {...fieldProps('goalKind')}
            label="Goal per team"
            select
            SelectProps={{ native: true }}
          >
            <option value="active-weeks">
              Active in N of the last M weeks
            </option>
            <option value="golden-path-share">
              Golden-path share at least
            </option>
          </TextField>
        </Grid>
        {values.goalKind === 'active-weeks' ? (
          <>
            <Grid item xs={6} md={4}>
              <TextField
                {...fieldProps('activeWeeks')}
                label="Active weeks (N)"
                type="number"
                inputProps={{ min: 1, max: MAX_GOAL_WEEKS }}
              />
            </Grid>
            <Grid item xs={6} md={4}>
              <TextField
                {...fieldProps('windowWeeks')}
                label="Window in weeks (M)"
                type="number"
                inputProps={{ min: 1, max: MAX_GOAL_WEEKS }}
              />
            </Grid>
          </>
        ) : (
          <Grid item xs={12} md={4}>
            <TextField
              {...fieldProps('sharePercent')}
              label="Golden-path share (%)"
              type="number"
              inputProps={{ min: 1, max: 100 }}
            />
          </Grid>
        )}
        <Grid item xs={12} md={4}>
          <TextField
            {...fieldProps('audienceSource')}
            label="Audience"
            select
            SelectProps={{ native: true }}
          >
            <option value="groups">The groups I list</option>
            <option value="not-adopting">
              The teams not adopting the capability yet
            </option>
          </TextField>
        </Grid>
        {values.audienceSource === 'groups' && (
          <Grid item xs={12} md={8}>
            <TextField
              {...fieldProps('groups')}
              label="Groups"
              required
              helperText={
                errors.groups ??
                'Group refs separated by commas, e.g. group:default/checkout'
              }
            />
          </Grid>
        )}
      </Grid>
      <Box mt={2} display="flex" style={{ gap: 8 }}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={saving}
        >
          Create draft campaign
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </Box>
    </form>
  );
}
