import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import { isScored } from '@platform-product/plugin-thinness-scorecard-common';
import { useMemo, useState } from 'react';
import { useLocation } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { thinnessScorecardApiRef } from '../../api';
import { describeError } from '../../api/errors';
import { useThinnessPermissions } from '../../hooks/useThinnessPermissions';
import {
  NoCapabilitiesState,
  ScorecardErrorState,
  formatDateTime,
} from '../shared';
import { CapabilityTable } from './CapabilityTable';
import { DataSourcesNote } from './DataSourcesNote';
import { ScoreHistoryChart } from './ScoreHistoryChart';
import { ScoreSummary } from './ScoreSummary';
import { SubscoreCards } from './SubscoreCards';
import { filterFromSearch } from './capabilityTableModel';

function RefreshButton(props: { onRefreshed: () => void }) {
  const { onRefreshed } = props;
  const api = useApi(thinnessScorecardApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);

  const refresh = async () => {
    setBusy(true);
    try {
      await api.refresh();
      alertApi.post({
        message: 'The scorecard was recomputed.',
        severity: 'success',
        display: 'transient',
      });
      onRefreshed();
    } catch (e) {
      alertApi.post({
        message: `Could not recompute the scorecard: ${describeError(e)}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      variant="outlined"
      color="primary"
      onClick={refresh}
      disabled={busy}
      startIcon={
        busy ? <CircularProgress size={16} color="inherit" /> : <RefreshIcon />
      }
    >
      Refresh now
    </Button>
  );
}

/** The scorecard under the page header: score, sub-scores, capabilities and history. */
export function ThinnessScorecardContent() {
  const api = useApi(thinnessScorecardApiRef);
  const { canRefresh } = useThinnessPermissions();
  const { search } = useLocation();
  const initialFilter = useMemo(() => filterFromSearch(search), [search]);
  const scorecard = useAsyncRetry(() => api.getScorecard(), [api]);

  if (scorecard.loading && !scorecard.value) {
    return <Progress />;
  }
  if (scorecard.error && !scorecard.value) {
    return <ScorecardErrorState error={scorecard.error} />;
  }
  if (!scorecard.value) {
    return null;
  }
  const value = scorecard.value;

  const header = (
    <ContentHeader
      title="Is the platform staying thin?"
      description="Each capability gets a verdict from its adoption, its need and its value class; the score sums up the platform."
    >
      <Box display="flex" alignItems="center" style={{ gap: 16 }}>
        <Typography variant="body2">
          Computed {formatDateTime(value.computedAt)}
        </Typography>
        {canRefresh && <RefreshButton onRefreshed={scorecard.retry} />}
      </Box>
    </ContentHeader>
  );

  if (!isScored(value)) {
    // A fresh install: nothing to score yet, so no score, no sub-scores and no history, but the first step.
    return (
      <>
        {header}
        <NoCapabilitiesState />
      </>
    );
  }

  return (
    <>
      {header}
      <Grid container spacing={3}>
        {(!value.sources.needsDiscovery || !value.sources.habitMetrics) && (
          <Grid item xs={12}>
            <DataSourcesNote sources={value.sources} />
          </Grid>
        )}
        <Grid item xs={12} md={4}>
          <ScoreSummary scorecard={value} />
        </Grid>
        <Grid item xs={12} md={8}>
          <SubscoreCards subscores={value.subscores} />
        </Grid>
        <Grid item xs={12}>
          <CapabilityTable
            // A new filter from a link starts the table afresh.
            key={search}
            capabilities={value.capabilities}
            initialFilter={initialFilter}
          />
        </Grid>
        <Grid item xs={12}>
          <ScoreHistoryChart
            subscores={value.subscores}
            reloadKey={value.computedAt}
          />
        </Grid>
      </Grid>
    </>
  );
}

/**
 * The Thinness page. It draws its own header so it looks the same in the legacy and the new
 * frontend system.
 */
export function ThinnessScorecardPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Thinness"
        subtitle="Keep the platform thin: invest, keep, review, outsource or dispose each capability"
      />
      <Content>
        <ThinnessScorecardContent />
      </Content>
    </Page>
  );
}
