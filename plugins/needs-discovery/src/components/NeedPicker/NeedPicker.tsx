import { useApi } from '@backstage/core-plugin-api';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
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
import { ReactNode } from 'react';
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
  /**
   * Statuses that can be picked; default `open`, `in-mvp` and `served`. Open needs come first; a need already in
   * an MVP or served follows, marked with the capability (by its title), because mvp:scope refuses it unless the
   * template asks for a second MVP on purpose (`secondMvp` with a reason). Needs of the other statuses (declined,
   * by default) are listed last and cannot be picked.
   */
  statuses?: NeedStatus[];
}

const DEFAULT_STATUSES: NeedStatus[] = ['open', 'in-mvp', 'served'];

const useStyles = makeStyles(theme => ({
  option: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  title: { flexGrow: 1 },
}));

/** 0: open and offered, 1: offered although served or in an MVP, 2: not offered. */
function group(need: RegisteredNeed, statuses: NeedStatus[]): number {
  if (!statuses.includes(need.status)) return 2;
  return need.status === 'open' ? 0 : 1;
}

const groupLabels = [
  'Open needs',
  'Already served or in an MVP',
  'Not offered',
] as const;

/**
 * Open needs first, then the ones already served or in an MVP, then those that cannot be picked; in each group
 * shared needs first, then by latest priority score, so the survey's recommendation is at the top.
 */
export function rankNeeds(
  needs: RegisteredNeed[],
  options: NeedPickerUiOptions,
): RegisteredNeed[] {
  const statuses = options.statuses ?? DEFAULT_STATUSES;
  return needs
    .filter(need => !options.sharedOnly || need.shared)
    .sort(
      (a, b) =>
        group(a, statuses) - group(b, statuses) ||
        Number(b.shared) - Number(a.shared) ||
        (b.latestScore ?? -1) - (a.latestScore ?? -1) ||
        a.id.localeCompare(b.id),
    );
}

/** The capability's title: from needs-discovery (the catalog's title), else as the catalog presents the ref. */
function CapabilityName(props: { need: RegisteredNeed }) {
  const { need } = props;
  if (need.capabilityTitle) return <>{need.capabilityTitle}</>;
  if (need.capabilityRef) {
    return (
      <EntityDisplayName
        entityRef={need.capabilityRef}
        hideIcon
        disableTooltip
      />
    );
  }
  return null;
}

/** "Served by Log Shipping", "In MVP: Preview Environments", "Declined". */
function StatusLabel(props: { need: RegisteredNeed }) {
  const { need } = props;
  const capability = need.capabilityRef ? <CapabilityName need={need} /> : null;
  switch (need.status) {
    case 'served':
      return capability ? <>Served by {capability}</> : <>Served</>;
    case 'in-mvp':
      return capability ? <>In MVP: {capability}</> : <>In an MVP</>;
    case 'declined':
      return <>Declined</>;
    default:
      return <>Open</>;
  }
}

/** Why picking this need starts a second MVP, or nothing for an open need. */
function TakenWarning(props: { need: RegisteredNeed }) {
  const { need } = props;
  if (need.status !== 'served' && need.status !== 'in-mvp') return null;
  const capability = need.capabilityRef ? (
    <CapabilityName need={need} />
  ) : (
    'a capability'
  );
  return (
    <>
      {need.status === 'served' ? (
        <>{capability} already serves this need</>
      ) : (
        <>This need is already in the MVP of {capability}</>
      )}
      : the MVP scope step refuses it unless you start a second MVP on purpose
      and say why. Otherwise pick an open need.
    </>
  );
}

/**
 * Scaffolder form field that picks a surveyed need from needs-discovery and stores its id. Used by MVP templates
 * so a new capability starts from a need the product teams reported. Needs already served or in an MVP are
 * marked with the capability, and needs that cannot be picked are disabled.
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
  const statuses = options.statuses ?? DEFAULT_STATUSES;
  const {
    value: needs = [],
    loading,
    error,
  } = useAsync(() => api.listNeeds(), [api]);
  const ranked = rankNeeds(needs, options);
  const selected = needs.find(need => need.id === formData) ?? null;

  let helperText: ReactNode =
    schema.description ??
    'Needs from the latest surveys: open ones first, shared ones first, by priority score.';
  if (error) {
    helperText = `Could not load the needs from needs-discovery: ${error.message}`;
  } else if (selected && group(selected, statuses) === 1) {
    helperText = <TakenWarning need={selected} />;
  }

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
        groupBy={need => groupLabels[group(need, statuses)]}
        getOptionDisabled={need => group(need, statuses) === 2}
        getOptionLabel={need => need.title}
        getOptionSelected={(option, value) => option.id === value.id}
        onChange={(_, need) => onChange(need?.id ?? '')}
        renderOption={need => (
          <div className={classes.option}>
            <Typography className={classes.title}>{need.title}</Typography>
            {need.status !== 'open' && (
              <Chip
                size="small"
                variant="outlined"
                label={<StatusLabel need={need} />}
              />
            )}
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
      <FormHelperText>{helperText}</FormHelperText>
    </FormControl>
  );
};
