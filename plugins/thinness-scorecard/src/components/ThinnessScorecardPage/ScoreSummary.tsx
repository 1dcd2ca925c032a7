import { Gauge, InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Scorecard,
  VERDICTS,
} from '@platform-product/plugin-thinness-scorecard-common';
import {
  formatDateTime,
  scoreBand,
  scoreBandColor,
  scoreBandLabels,
  VerdictChip,
} from '../shared';

/** The platform thinness score as a gauge coloured by band, with adoption and verdict counts. */
export function ScoreSummary(props: {
  /** A scored scorecard: the page shows the empty state instead while there are no capabilities. */
  scorecard: Scorecard & { score: number };
}) {
  const { scorecard } = props;
  const theme = useTheme();
  const band = scoreBand(scorecard.score);
  const bandColor = scoreBandColor(theme, band);

  return (
    <InfoCard
      title="Platform thinness score"
      subheader="0–100, higher is thinner"
    >
      <Box display="flex" flexDirection="column" alignItems="center">
        <Box
          width={200}
          role="img"
          aria-label={`Platform thinness score: ${scorecard.score} out of 100 (${scoreBandLabels[band]})`}
        >
          <Gauge
            value={scorecard.score}
            fractional={false}
            max={100}
            unit=""
            getColor={() => bandColor}
          />
        </Box>
        <Box display="flex" alignItems="center" mt={1} style={{ gap: 8 }}>
          <Box
            component="span"
            width={12}
            height={12}
            borderRadius="50%"
            style={{ backgroundColor: bandColor }}
          />
          <Typography variant="h6" component="p">
            {scoreBandLabels[band]}
          </Typography>
        </Box>
        <Typography variant="caption" color="textSecondary">
          Thin from 70, getting heavy from 40 down, heavy below 40
        </Typography>
      </Box>
      <Box mt={2}>
        <Typography variant="body2">
          {scorecard.adoptingTeams} of {scorecard.productTeams} product teams
          use at least one capability.
        </Typography>
        <Box
          mt={1}
          display="flex"
          flexWrap="wrap"
          style={{ gap: 6 }}
          aria-label="Capabilities per verdict"
          role="group"
        >
          {VERDICTS.map(verdict => (
            <VerdictChip
              key={verdict}
              verdict={verdict}
              count={scorecard.verdicts[verdict] ?? 0}
            />
          ))}
        </Box>
        <Typography
          variant="caption"
          color="textSecondary"
          component="p"
          style={{ marginTop: 8 }}
        >
          Computed {formatDateTime(scorecard.computedAt)}
        </Typography>
      </Box>
    </InfoCard>
  );
}
