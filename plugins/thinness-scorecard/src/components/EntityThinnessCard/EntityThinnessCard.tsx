import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { CapabilityDetail } from '@platform-product/plugin-thinness-scorecard-common';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { thinnessScorecardApiRef } from '../../api';
import { describeError, isNotFoundFromPlugin } from '../../api/errors';
import { useThinnessLinks } from '../../hooks/useThinnessLinks';
import {
  AdoptionBar,
  formatDateTime,
  formatDay,
  NeedChip,
  plural,
  ReasonList,
  ScorecardErrorState,
  VerdictChip,
} from '../shared';
import { AdoptionSparkline } from './AdoptionSparkline';
import { toVerdictRuns } from './verdictRuns';

const CARD_TITLE = 'Thinness verdict';
const MAX_RUNS = 5;

type CardState =
  | { kind: 'detail'; detail: CapabilityDetail }
  | { kind: 'not-on-scorecard'; message: string };

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Box mt={2}>
      <Typography variant="overline" component="h3" color="textSecondary">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

function VerdictHistory(props: { detail: CapabilityDetail }) {
  const runs = toVerdictRuns(props.detail.verdictHistory);
  if (runs.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No daily snapshot yet.
      </Typography>
    );
  }
  return (
    <Box
      component="ol"
      aria-label="Verdict history"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
    >
      {runs.slice(0, MAX_RUNS).map(run => (
        <Box
          component="li"
          key={`${run.from}-${run.verdict}`}
          display="flex"
          alignItems="center"
          mb={0.5}
          style={{ gap: 8 }}
        >
          <VerdictChip verdict={run.verdict} outlined />
          <Typography variant="body2">
            {run.from === run.to
              ? formatDay(run.from)
              : `${formatDay(run.from)} – ${formatDay(run.to)}`}{' '}
            ({plural(run.days, 'day')})
            {run.demo && (
              <Typography
                component="span"
                variant="caption"
                color="textSecondary"
              >
                {' '}
                · demo data
              </Typography>
            )}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** For a capability entity: its verdict with the reasons, its adoption and how the verdict changed. */
export function EntityThinnessCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(thinnessScorecardApiRef);
  const links = useThinnessLinks();

  const { value, loading, error } = useAsync(async (): Promise<CardState> => {
    try {
      return { kind: 'detail', detail: await api.getCapability(entityRef) };
    } catch (e) {
      // The plugin answered, but this entity is not (yet) on the scorecard.
      if (isNotFoundFromPlugin(e)) {
        return { kind: 'not-on-scorecard', message: describeError(e) };
      }
      throw e;
    }
  }, [api, entityRef]);

  const deepLink = { title: 'Thinness scorecard', link: links.root };

  if (loading) {
    return (
      <InfoCard title={CARD_TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title={CARD_TITLE}>
        <ScorecardErrorState error={error} />
      </InfoCard>
    );
  }
  if (value.kind === 'not-on-scorecard') {
    return (
      <InfoCard title={CARD_TITLE} deepLink={deepLink}>
        <EmptyState
          missing="data"
          title="Not on the scorecard yet"
          description={`${value.message}. The scorecard picks up new capabilities at its next recompute.`}
        />
      </InfoCard>
    );
  }

  const { detail } = value;
  const { capability } = detail;
  return (
    <InfoCard
      title={CARD_TITLE}
      subheader={`Computed ${formatDateTime(detail.computedAt)}`}
      deepLink={deepLink}
    >
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <VerdictChip verdict={capability.verdict} size="medium" />
        {capability.reviewOverdue && capability.mvpReviewDate && (
          <Typography variant="body2" color="error">
            MVP review overdue since {formatDay(capability.mvpReviewDate)}
          </Typography>
        )}
      </Box>
      <Box mt={1.5}>
        <ReasonList
          reasons={capability.reasons}
          aria-label="Reasons for the verdict"
        />
      </Box>
      <Section title="Adoption">
        <AdoptionBar
          consumers={capability.consumers}
          trend={capability.adoptionTrend}
        />
        <Box mt={1}>
          {detail.adoption ? (
            <AdoptionSparkline weeks={detail.adoption.weeks} />
          ) : (
            <Typography variant="body2" color="textSecondary">
              The adoption trend needs habit-metrics, which is not installed or
              did not answer.
            </Typography>
          )}
        </Box>
      </Section>
      <Section title="Need">
        <NeedChip need={capability.need} />
      </Section>
      <Section title="Verdict history">
        <VerdictHistory detail={detail} />
      </Section>
    </InfoCard>
  );
}
