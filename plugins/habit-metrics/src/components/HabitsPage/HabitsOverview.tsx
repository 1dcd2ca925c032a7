import {
  Content,
  ContentHeader,
  InfoCard,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { ReactNode, useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { habitMetricsApiRef } from '../../api';
import { useHabitsLinks } from '../../hooks/useHabitsLinks';
import { useEntityTitles } from '../../hooks/useEntityTitles';
import { useHabitsQuery } from '../../hooks/useHabitsQuery';
import {
  AdoptionChart,
  GoldenPathChart,
  RetentionHeatmap,
  ReversionsView,
  StickinessChart,
  TimeToHabitChart,
} from '../charts';
import {
  DEFAULT_RANGE_WEEKS,
  HabitsLoadFailure,
  NoActivityYet,
  RangeSelect,
  RefSelect,
  plural,
} from '../shared';

function Loadable(props: {
  loading: boolean;
  error?: unknown;
  children: () => ReactNode;
}) {
  const { loading, error, children } = props;
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <HabitsLoadFailure error={error} />;
  }
  return <>{children()}</>;
}

/** `/habits`: how the platform's golden paths are adopted and kept, across every team. */
export function HabitsOverview() {
  const api = useApi(habitMetricsApiRef);
  const links = useHabitsLinks();
  const navigate = useNavigate();
  const { weeks, capability, range, setWeeks, setCapability } =
    useHabitsQuery();

  const overall = useAsync(async () => {
    const [goldenPath, adoption, reversions, timeToHabit] = await Promise.all([
      api.getGoldenPath(range),
      api.listAdoption(range),
      api.getReversions(range),
      api.getTimeToHabit(),
    ]);
    return { goldenPath, adoption, reversions, timeToHabit };
  }, [api, range.from, range.to]);

  // Tells a fresh install (nothing recorded yet) from a quiet range; an older backend without it just draws charts.
  const summary = useAsync(
    () => api.getSummary().catch(() => undefined),
    [api],
  );

  const focused = useAsync(async () => {
    const capabilityRef = capability || undefined;
    const [retention, stickiness] = await Promise.all([
      api.getRetention({ capability: capabilityRef }),
      api.getStickiness({ ...range, capability: capabilityRef }),
    ]);
    return { retention, stickiness };
  }, [api, range.from, range.to, capability]);

  const data = overall.value;
  const capabilityRefs = useMemo(
    () => [
      ...new Set([
        ...(data?.adoption ?? []).flatMap(a =>
          a.capabilityRef ? [a.capabilityRef] : [],
        ),
        ...(data?.timeToHabit.capabilities ?? []).map(c => c.capabilityRef),
      ]),
    ],
    [data],
  );
  const teamRefs = useMemo(
    () => [
      ...new Set([
        ...(data?.goldenPath.teams ?? []).map(t => t.teamRef),
        ...(data?.reversions.teams ?? []).map(t => t.teamRef),
      ]),
    ],
    [data],
  );
  const titleOf = useEntityTitles([capability]);

  if (overall.error) {
    // One answer for the whole page: not installed, not allowed, or the error.
    return (
      <Content>
        <HabitsLoadFailure error={overall.error} />
      </Content>
    );
  }

  if (summary.value && !summary.value.hasActivity) {
    // Empty charts with axes at zero would say nothing: say what is missing and where activity comes from.
    return (
      <Content>
        <ContentHeader title="Habits across teams" />
        <NoActivityYet capabilities={summary.value.capabilities} />
      </Content>
    );
  }

  const teamLink = (teamRef: string) =>
    links.team(teamRef, weeks === DEFAULT_RANGE_WEEKS ? undefined : weeks);
  const onlyCapability = <T extends { capabilityRef: string | null }>(
    items: T[],
  ) =>
    capability
      ? items.filter(item => item.capabilityRef === capability)
      : items;
  const scope = capability ? titleOf(capability) : 'all capabilities';

  return (
    <Content>
      <ContentHeader title="Habits across teams">
        <Box display="flex" style={{ gap: 16 }} flexWrap="wrap">
          <RangeSelect weeks={weeks} onChange={setWeeks} />
          <RefSelect
            label="Capability"
            value={capability}
            refs={capabilityRefs}
            allLabel="All capabilities"
            onChange={setCapability}
          />
          <RefSelect
            label="Team"
            value=""
            refs={teamRefs}
            allLabel="Open a team…"
            onChange={ref => ref && navigate(teamLink(ref))}
          />
        </Box>
      </ContentHeader>
      {overall.loading || summary.loading || !data ? (
        <Progress />
      ) : (
        <Grid container spacing={3}>
          <Grid item xs={12} lg={6}>
            <InfoCard
              title="Golden-path share"
              subheader="New components made through a template, per week (all capabilities)"
            >
              <GoldenPathChart weeks={data.goldenPath.weeks} />
            </InfoCard>
          </Grid>
          <Grid item xs={12} lg={6}>
            <InfoCard
              title="Adoption"
              subheader={`Teams that have used ${
                capability ? scope : 'each capability'
              }, cumulative`}
            >
              <AdoptionChart adoptions={onlyCapability(data.adoption)} />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard
              title="Cohort retention"
              subheader={`Of the teams that first used ${scope} in a week, the share still active in each following week`}
            >
              <Loadable loading={focused.loading} error={focused.error}>
                {() =>
                  focused.value && (
                    <RetentionHeatmap retention={focused.value.retention} />
                  )
                }
              </Loadable>
            </InfoCard>
          </Grid>
          <Grid item xs={12} lg={6}>
            <InfoCard
              title="Stickiness"
              subheader={`Teams active in a week over teams active in the last 4 weeks (${scope})`}
            >
              <Loadable loading={focused.loading} error={focused.error}>
                {() =>
                  focused.value && (
                    <StickinessChart weeks={focused.value.stickiness} />
                  )
                }
              </Loadable>
            </InfoCard>
          </Grid>
          <Grid item xs={12} lg={6}>
            <InfoCard
              title="Time to habit"
              subheader={`Median weeks from a team's first use to ${plural(
                data.timeToHabit.habitWeeks,
                'consecutive active week',
              )}`}
            >
              <TimeToHabitChart
                timeToHabit={{
                  ...data.timeToHabit,
                  capabilities: onlyCapability(data.timeToHabit.capabilities),
                }}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard
              title="Reversions"
              subheader={`Teams back to the old way after at least ${plural(
                data.reversions.minStreakWeeks,
                'week',
              )} on the golden path (all capabilities)`}
            >
              <ReversionsView
                reversions={data.reversions}
                teamLink={teamLink}
              />
            </InfoCard>
          </Grid>
        </Grid>
      )}
    </Content>
  );
}
