import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import TrendingDownIcon from '@material-ui/icons/TrendingDown';
import TrendingFlatIcon from '@material-ui/icons/TrendingFlat';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import {
  AdoptionTrend,
  CapabilityConsumers,
} from '@platform-product/plugin-thinness-scorecard-common';
import { formatPercent, plural } from './format';

const trendLabels: Record<AdoptionTrend, string> = {
  growing: 'growing',
  flat: 'flat',
  shrinking: 'shrinking',
};

export function AdoptionTrendIcon(props: { trend: AdoptionTrend | null }) {
  const { trend } = props;
  if (!trend) {
    return null;
  }
  const label = `Adoption ${trendLabels[trend]}`;
  const Icon =
    // eslint-disable-next-line no-nested-ternary
    trend === 'growing'
      ? TrendingUpIcon
      : trend === 'shrinking'
      ? TrendingDownIcon
      : TrendingFlatIcon;
  return (
    <Icon
      fontSize="inherit"
      titleAccess={label}
      aria-label={label}
      color={trend === 'shrinking' ? 'error' : 'inherit'}
    />
  );
}

/** Where the adopters come from, in words: habit-metrics (with its active teams) or the catalog's relations. */
export function adoptionSourceText(consumers: CapabilityConsumers): string {
  if (consumers.source === 'habit-metrics') {
    return consumers.activeTeams === null
      ? 'from habit-metrics'
      : `from habit-metrics · ${plural(
          consumers.activeTeams,
          'team',
        )} active in the last 4 weeks`;
  }
  return 'from catalog relations';
}

/**
 * The share of product teams that adopted a capability, as a bar with "N of M product teams" (the words habit-metrics'
 * capability card uses too) and where the figure comes from.
 */
export function AdoptionBar(props: {
  consumers: CapabilityConsumers;
  trend?: AdoptionTrend | null;
}) {
  const { consumers, trend = null } = props;
  const text = `${consumers.count} of ${plural(
    consumers.productTeams,
    'product team',
  )}`;
  return (
    <Box minWidth={120}>
      <LinearProgress
        variant="determinate"
        value={Math.max(0, Math.min(100, consumers.share * 100))}
        aria-label={`Adoption: ${text} (${formatPercent(consumers.share)})`}
      />
      <Typography variant="caption" component="div">
        {text} · {formatPercent(consumers.share)}{' '}
        <AdoptionTrendIcon trend={trend} />
      </Typography>
      {consumers.source && (
        <Typography variant="caption" component="div" color="textSecondary">
          {adoptionSourceText(consumers)}
        </Typography>
      )}
    </Box>
  );
}
