import { useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  NeedStatus,
  RegisteredNeed,
} from '@platform-product/plugin-needs-discovery-common';
import {
  Chip,
  FormControl,
  FormHelperText,
  makeStyles,
  TextField,
  Typography,
} from '@material-ui/core';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';
import { needsDiscoveryApiRef } from '../../api';

/**
 * `ui:options` of the NeedPicker field.
 *
 * @public
 */
export interface NeedPickerUiOptions {
  /** Offer only needs shared by several teams. Default false: unshared ones are listed after the shared ones. */
  sharedOnly?: boolean;
  /** Statuses offered; default `open` (a need already in an MVP or served is not a new case). */
  statuses?: NeedStatus[];
}

const useStyles = makeStyles(theme => ({
  option: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  title: { flexGrow: 1 },
}));

/** Shared needs first, then by latest priority score, so the survey's recommendation is at the top. */
export function rankNeeds(
  needs: RegisteredNeed[],
  options: NeedPickerUiOptions,
): RegisteredNeed[] {
  const statuses = options.statuses ?? ['open'];
  return needs
    .filter(need => statuses.includes(need.status))
    .filter(need => !options.sharedOnly || need.shared)
    .sort(
      (a, b) =>
        Number(b.shared) - Number(a.shared) ||
        (b.latestScore ?? -1) - (a.latestScore ?? -1) ||
        a.id.localeCompare(b.id),
    );
}

/**
 * Scaffolder form field that picks a surveyed need from needs-discovery and stores its id. Used by MVP templates
 * so a new capability starts from a need the product teams reported.
 *
 * @public
 */
export const NeedPicker = (
  props: FieldExtensionComponentProps<string, NeedPickerUiOptions>,
) => {
  const {
    onChange,
    required,
    disabled,
    rawErrors = [],
    formData,
    schema,
    uiSchema,
    idSchema,
  } = props;
  const classes = useStyles();
  const api = useApi(needsDiscoveryApiRef);
  const options = (uiSchema?.['ui:options'] ?? {}) as NeedPickerUiOptions;
  const {
    value: needs = [],
    loading,
    error,
  } = useAsync(() => api.listNeeds(), [api]);
  const ranked = rankNeeds(needs, options);
  const selected = needs.find(need => need.id === formData) ?? null;

  return (
    <FormControl
      fullWidth
      margin="normal"
      required={required}
      error={rawErrors.length > 0 || Boolean(error)}
    >
      <Autocomplete<RegisteredNeed>
        id={idSchema?.$id}
        options={ranked}
        value={selected}
        loading={loading}
        disabled={disabled}
        getOptionLabel={need => need.title}
        getOptionSelected={(option, value) => option.id === value.id}
        onChange={(_, need) => onChange(need?.id ?? '')}
        renderOption={need => (
          <div className={classes.option}>
            <Typography className={classes.title}>{need.title}</Typography>
            {need.shared && (
              <Chip size="small" color="primary" label="shared" />
            )}
            <Typography variant="caption" color="textSecondary">
              {need.teams} teams · score {need.latestScore ?? '–'}
            </Typography>
          </div>
        )}
        renderInput={params => (
          <TextField
            {...params}
            label={schema.title ?? 'Need'}
            required={required}
            variant="outlined"
          />
        )}
      />
      <FormHelperText>
        {error
          ? `Could not load the needs from needs-discovery: ${error.message}`
          : schema.description ??
            'Needs from the latest surveys, shared ones first, by priority score.'}
      </FormHelperText>
    </FormControl>
  );
};
