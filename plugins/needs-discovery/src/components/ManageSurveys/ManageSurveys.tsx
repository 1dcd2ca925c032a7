import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
  LinkButton,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import AddIcon from '@material-ui/icons/Add';
import Alert from '@material-ui/lab/Alert';
import { SurveySummary } from '@platform-product/plugin-needs-discovery-common';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { needsDiscoveryApiRef } from '../../api';
import { describeError } from '../../api/errors';
import { useNeedsDiscoveryPermissions } from '../../hooks/useNeedsDiscoveryPermissions';
import { useNeedsLinks } from '../../hooks/useNeedsLinks';
import {
  ConfirmDialog,
  SurveyStatusChip,
  formatDateTime,
  TeamNames,
} from '../shared';

type PendingAction = { kind: 'open' | 'close'; survey: SurveySummary };

/** The "Manage" tab: every survey including drafts, with their lifecycle actions. */
export function ManageSurveys() {
  const api = useApi(needsDiscoveryApiRef);
  const alertApi = useApi(alertApiRef);
  const links = useNeedsLinks();
  const navigate = useNavigate();
  const permissions = useNeedsDiscoveryPermissions();
  const surveys = useAsyncRetry(() => api.listSurveys(), [api]);
  const [pending, setPending] = useState<PendingAction>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();

  const runAction = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await action();
      alertApi.post({
        message: done,
        severity: 'success',
        display: 'transient',
      });
      surveys.retry();
    } catch (e) {
      setActionError(describeError(e));
    } finally {
      setBusy(false);
      setPending(undefined);
    }
  };

  const confirmPending = () => {
    if (!pending) {
      return;
    }
    const { kind, survey } = pending;
    if (kind === 'open') {
      runAction(() => api.openSurvey(survey.id), `“${survey.title}” is open.`);
    } else {
      runAction(
        () => api.closeSurvey(survey.id),
        `“${survey.title}” is closed.`,
      );
    }
  };

  const clone = async (survey: SurveySummary) => {
    setBusy(true);
    setActionError(undefined);
    try {
      const next = await api.cloneSurvey(survey.id);
      navigate(links.editSurvey(next.id));
    } catch (e) {
      setActionError(describeError(e));
      setBusy(false);
    }
  };

  if (surveys.loading && !surveys.value) {
    return <Progress />;
  }
  if (surveys.error) {
    return <ResponseErrorPanel error={surveys.error} />;
  }

  const canManage = permissions.canManageSurveys;
  const columns: TableColumn<SurveySummary>[] = [
    {
      title: 'Survey',
      field: 'title',
      highlight: true,
      render: survey =>
        survey.status === 'draft' && canManage ? (
          <Link to={links.editSurvey(survey.id)}>{survey.title}</Link>
        ) : (
          <Link to={links.survey(survey.id)}>{survey.title}</Link>
        ),
    },
    { title: 'Wave', field: 'wave', width: '70px' },
    {
      title: 'Status',
      field: 'status',
      render: survey => <SurveyStatusChip status={survey.status} />,
    },
    {
      title: 'Audience',
      render: survey =>
        survey.audience.length === 0 ? (
          'Everyone'
        ) : (
          <TeamNames refs={survey.audience} />
        ),
    },
    { title: 'Respondents', field: 'respondents', type: 'numeric' },
    {
      title: 'Closes',
      render: survey =>
        formatDateTime(
          survey.status === 'closed' ? survey.closedAt : survey.closesAt,
        ),
    },
    {
      title: 'Actions',
      sorting: false,
      render: survey => (
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          {canManage && survey.status === 'draft' && (
            <>
              <LinkButton size="small" to={links.editSurvey(survey.id)}>
                Edit
              </LinkButton>
              <Button
                size="small"
                color="primary"
                disabled={busy}
                onClick={() => setPending({ kind: 'open', survey })}
              >
                Open
              </Button>
            </>
          )}
          {canManage && survey.status === 'open' && (
            <Button
              size="small"
              disabled={busy}
              onClick={() => setPending({ kind: 'close', survey })}
            >
              Close
            </Button>
          )}
          {canManage && survey.status !== 'draft' && (
            <Tooltip title="Start the next wave as a draft with the same needs and questions">
              <Button
                size="small"
                disabled={busy}
                onClick={() => clone(survey)}
              >
                Clone
              </Button>
            </Tooltip>
          )}
          {permissions.canReadResults && survey.status !== 'draft' && (
            <LinkButton size="small" to={links.results(survey.id)}>
              Results
            </LinkButton>
          )}
        </Box>
      ),
    },
  ];

  const data = surveys.value ?? [];
  return (
    <>
      {permissions.canCreateSurvey && (
        <Box display="flex" justifyContent="flex-end" mb={2}>
          <LinkButton
            variant="contained"
            color="primary"
            startIcon={<AddIcon />}
            to={links.newSurvey}
          >
            New survey
          </LinkButton>
        </Box>
      )}
      {actionError && (
        <Box mb={2}>
          <Alert severity="error" role="alert">
            {actionError}
          </Alert>
        </Box>
      )}
      {data.length === 0 ? (
        <EmptyState
          missing="content"
          title="No surveys yet"
          description="Create a survey with the needs you want teams to rate, or import one from YAML."
        />
      ) : (
        <Table<SurveySummary>
          title="Surveys"
          options={{ paging: false, padding: 'dense', draggable: false }}
          columns={columns}
          data={data}
        />
      )}
      <ConfirmDialog
        open={pending?.kind === 'open'}
        title="Open this survey?"
        confirmLabel="Open survey"
        busy={busy}
        onConfirm={confirmPending}
        onCancel={() => setPending(undefined)}
      >
        “{pending?.survey.title}” will take responses from its audience. Its
        needs, questions and anonymity threshold (k ={' '}
        {pending?.survey.anonymityThreshold}) can no longer be changed.
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.kind === 'close'}
        title="Close this survey?"
        confirmLabel="Close survey"
        destructive
        busy={busy}
        onConfirm={confirmPending}
        onCancel={() => setPending(undefined)}
      >
        “{pending?.survey.title}” will take no more responses; its results
        become final.
      </ConfirmDialog>
    </>
  );
}
