import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import EditIcon from '@material-ui/icons/Edit';
import Alert from '@material-ui/lab/Alert';
import {
  NEED_STATUSES,
  NeedStatus,
  RegisteredNeed,
} from '@platform-product/plugin-needs-discovery-common';
import { useEffect, useId, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { needsDiscoveryApiRef } from '../../api';
import { describeError } from '../../api/errors';
import { useNeedsDiscoveryPermissions } from '../../hooks/useNeedsDiscoveryPermissions';
import { useNeedsLinks } from '../../hooks/useNeedsLinks';
import { formatNumber } from '../shared';

const statusLabels: Record<NeedStatus, string> = {
  open: 'Open',
  'in-mvp': 'In MVP',
  served: 'Served',
  declined: 'Declined',
};

function EditNeedDialog(props: {
  need: RegisteredNeed | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { need, onClose, onSaved } = props;
  const api = useApi(needsDiscoveryApiRef);
  const [status, setStatus] = useState<NeedStatus>('open');
  const [capabilityRef, setCapabilityRef] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  // Ids tie the dialog to its title and each visible label to its field.
  const fieldId = useId();

  useEffect(() => {
    setStatus(need?.status ?? 'open');
    setCapabilityRef(need?.capabilityRef ?? '');
    setError(undefined);
  }, [need]);

  const save = async () => {
    if (!need) {
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      await api.updateNeed(need.id, {
        status,
        capabilityRef: capabilityRef.trim() || null,
      });
      onSaved();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open={Boolean(need)}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby={`${fieldId}-title`}
    >
      <DialogTitle id={`${fieldId}-title`}>{need?.title}</DialogTitle>
      <DialogContent>
        <TextField
          id={`${fieldId}-status`}
          select
          fullWidth
          margin="normal"
          label="Status"
          value={status}
          onChange={event => setStatus(event.target.value as NeedStatus)}
          SelectProps={{ native: true }}
        >
          {NEED_STATUSES.map(s => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </TextField>
        <TextField
          id={`${fieldId}-capability`}
          fullWidth
          margin="normal"
          label="Serving capability (entity ref)"
          placeholder="system:default/deploy-pipeline"
          value={capabilityRef}
          onChange={event => setCapabilityRef(event.target.value)}
        />
        {need?.statusSource === 'catalog' && (
          <Alert severity="info">
            The status follows the catalog:{' '}
            {need.capabilityRef ? (
              <EntityRefLink entityRef={need.capabilityRef}>
                {need.capabilityTitle}
              </EntityRefLink>
            ) : (
              'a capability'
            )}{' '}
            names this need (
            {statusLabels[need.status].toLocaleLowerCase('en-US')}). What you
            record here shows only when you decline the need or once no
            capability in the catalog names it.
          </Alert>
        )}
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          Cancel
        </Button>
        <Button
          onClick={save}
          disabled={saving}
          color="primary"
          variant="contained"
        >
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The "Registry" tab: every need across surveys, its latest score and who serves it. */
export function NeedsRegistry() {
  const api = useApi(needsDiscoveryApiRef);
  const links = useNeedsLinks();
  const { canUpdateNeeds } = useNeedsDiscoveryPermissions();
  const needs = useAsyncRetry(() => api.listNeeds(), [api]);
  const [editing, setEditing] = useState<RegisteredNeed>();

  if (needs.loading && !needs.value) {
    return <Progress />;
  }
  if (needs.error) {
    return <ResponseErrorPanel error={needs.error} />;
  }
  const data = needs.value ?? [];
  if (data.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No needs registered yet"
        description="Needs enter the registry when a survey that rates them opens."
      />
    );
  }

  const columns: TableColumn<RegisteredNeed>[] = [
    {
      title: 'Need',
      field: 'title',
      highlight: true,
      render: need => (
        <>
          {need.title}
          <Typography variant="caption" color="textSecondary" display="block">
            {need.id}
          </Typography>
        </>
      ),
    },
    {
      title: 'Status',
      field: 'status',
      render: need => (
        <>
          <Chip
            size="small"
            label={statusLabels[need.status]}
            color={need.status === 'in-mvp' ? 'primary' : 'default'}
          />
          {need.statusSource === 'catalog' && (
            <Typography variant="caption" color="textSecondary" display="block">
              from the catalog
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Latest score',
      field: 'latestScore',
      type: 'numeric',
      render: need =>
        need.latestSurveyId && need.latestScore !== null ? (
          <Link to={links.results(need.latestSurveyId)}>
            {formatNumber(need.latestScore, 2)}
          </Link>
        ) : (
          '–'
        ),
    },
    { title: 'Teams', field: 'teams', type: 'numeric' },
    {
      title: 'Shared',
      field: 'shared',
      render: need =>
        need.shared ? <Chip size="small" color="primary" label="Shared" /> : '',
    },
    {
      title: 'Capability',
      field: 'capabilityRef',
      render: need =>
        need.capabilityRef ? (
          // The catalog's title (as needs-discovery read it), else the entity as the catalog presents it.
          <EntityRefLink entityRef={need.capabilityRef}>
            {need.capabilityTitle}
          </EntityRefLink>
        ) : (
          '–'
        ),
    },
  ];
  if (canUpdateNeeds) {
    columns.push({
      title: '',
      sorting: false,
      width: '48px',
      render: need => (
        <IconButton
          size="small"
          aria-label={`Edit ${need.title}`}
          onClick={() => setEditing(need)}
        >
          <EditIcon fontSize="small" />
        </IconButton>
      ),
    });
  }

  return (
    <>
      <Table<RegisteredNeed>
        title="Needs registry"
        options={{ paging: false, padding: 'dense', draggable: false }}
        columns={columns}
        data={data}
      />
      <EditNeedDialog
        need={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          needs.retry();
        }}
      />
    </>
  );
}
