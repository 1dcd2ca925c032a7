import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  isScored,
  VERDICTS,
} from '@platform-product/plugin-thinness-scorecard-common';
import useAsync from 'react-use/esm/useAsync';
import { thinnessScorecardApiRef } from '../../api';
import { useThinnessLinks } from '../../hooks/useThinnessLinks';
import {
  formatDateTime,
  NoCapabilitiesState,
  plural,
  ReasonList,
  ScorecardErrorState,
  scoreBand,
  scoreBandColor,
  scoreBandLabels,
  VerdictChip,
} from '../shared';
import { rollupForOwner } from './rollup';

const CARD_TITLE = 'Platform thinness';

/**
 * For the Group that owns platform capabilities: the platform score, the verdicts of the group's
 * capabilities and the ones needing attention. Renders nothing for a group that owns no capability, except
 * while the platform has no capability at all: then it says how to add the first one.
 */
export function EntityPlatformRollupCard() {
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity);
  const api = useApi(thinnessScorecardApiRef);
  const links = useThinnessLinks();
  const theme = useTheme();
  const { value, loading, error } = useAsync(() => api.getScorecard(), [api]);

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

  if (!isScored(value)) {
    // A fresh install: no group owns a capability because there is none yet. Say how to add one, once, here.
    return (
      <InfoCard
        title={CARD_TITLE}
        deepLink={{ title: 'Thinness scorecard', link: links.root }}
      >
        <NoCapabilitiesState />
      </InfoCard>
    );
  }
  const rollup = rollupForOwner(value, groupRef);
  if (rollup.capabilities.length === 0) {
    // Most groups are product teams: the card stays out of their way.
    return null;
  }
  const band = scoreBand(value.score);

  return (
    <InfoCard
      title={CARD_TITLE}
      subheader={`${plural(
        rollup.capabilities.length,
        'capability',
        'capabilities',
      )} owned by this team · computed ${formatDateTime(value.computedAt)}`}
      deepLink={{
        title: "This team's capabilities",
        link: links.filtered({ owner: groupRef }),
      }}
    >
      <Box display="flex" alignItems="baseline" style={{ gap: 8 }}>
        <Typography
          variant="h3"
          component="p"
          aria-label={`Platform thinness score: ${value.score} out of 100`}
        >
          {value.score}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          / 100 platform score ·{' '}
          <span style={{ color: scoreBandColor(theme, band) }}>●</span>{' '}
          {scoreBandLabels[band]}
        </Typography>
      </Box>
      <Box
        mt={1.5}
        display="flex"
        flexWrap="wrap"
        style={{ gap: 6 }}
        role="group"
        aria-label="Verdicts of this team's capabilities"
      >
        {VERDICTS.filter(v => rollup.verdicts[v] > 0).map(verdict => (
          <VerdictChip
            key={verdict}
            verdict={verdict}
            count={rollup.verdicts[verdict]}
          />
        ))}
      </Box>
      <Box mt={2}>
        <Typography variant="overline" component="h3" color="textSecondary">
          Needs attention
        </Typography>
        {rollup.attention.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            Nothing to dispose, outsource or review.
          </Typography>
        ) : (
          <List
            dense
            disablePadding
            aria-label="Capabilities needing attention"
          >
            {rollup.attention.map(capability => (
              <ListItem
                key={capability.entityRef}
                disableGutters
                divider
                style={{ display: 'block' }}
              >
                <Box
                  display="flex"
                  alignItems="center"
                  style={{ gap: 8 }}
                  mb={0.5}
                >
                  <VerdictChip verdict={capability.verdict} />
                  <EntityRefLink entityRef={capability.entityRef}>
                    {capability.title}
                  </EntityRefLink>
                </Box>
                <ReasonList
                  reasons={capability.reasons}
                  max={2}
                  aria-label={`Reasons for ${capability.title}`}
                />
              </ListItem>
            ))}
          </List>
        )}
      </Box>
    </InfoCard>
  );
}
