import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { useTheme } from '@material-ui/core/styles';
import CallMadeIcon from '@material-ui/icons/CallMade';
import CheckCircleOutlineIcon from '@material-ui/icons/CheckCircleOutline';
import DeleteOutlineIcon from '@material-ui/icons/DeleteOutline';
import RateReviewIcon from '@material-ui/icons/RateReview';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import { Verdict } from '@platform-product/plugin-thinness-scorecard-common';
import { ComponentType } from 'react';
import { verdictColor, verdictDescriptions, verdictLabels } from './verdicts';

const verdictIcons: Record<Verdict, ComponentType<{ style?: object }>> = {
  invest: TrendingUpIcon,
  keep: CheckCircleOutlineIcon,
  review: RateReviewIcon,
  outsource: CallMadeIcon,
  dispose: DeleteOutlineIcon,
};

/**
 * A verdict as a chip: its own colour, but also its name and icon, so it reads without colour.
 * With `onToggle` it becomes a filter toggle button (`pressed` tells whether it is on).
 */
export function VerdictChip(props: {
  verdict: Verdict;
  /** Shown after the label, e.g. the number of capabilities with this verdict. */
  count?: number;
  size?: 'small' | 'medium';
  /** Drawn outlined instead of filled, e.g. a verdict filtered out. */
  outlined?: boolean;
  onToggle?: () => void;
  pressed?: boolean;
}) {
  const {
    verdict,
    count,
    size = 'small',
    outlined = false,
    onToggle,
    pressed = false,
  } = props;
  const theme = useTheme();
  const color = verdictColor(theme, verdict);
  const Icon = verdictIcons[verdict];
  const label =
    count === undefined
      ? verdictLabels[verdict]
      : `${verdictLabels[verdict]} (${count})`;
  const filled = !outlined;

  return (
    <Tooltip title={verdictDescriptions[verdict]}>
      <Chip
        size={size}
        label={label}
        variant={filled ? 'default' : 'outlined'}
        icon={
          <Icon
            style={{
              color: filled ? theme.palette.getContrastText(color) : color,
            }}
          />
        }
        style={
          filled
            ? {
                backgroundColor: color,
                color: theme.palette.getContrastText(color),
              }
            : { borderColor: color }
        }
        {...(onToggle
          ? {
              clickable: true,
              onClick: onToggle,
              'aria-pressed': pressed,
            }
          : {})}
        data-verdict={verdict}
      />
    </Tooltip>
  );
}
