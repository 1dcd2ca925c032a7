import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { CapabilityNeed } from '@platform-product/plugin-thinness-scorecard-common';
import { plural } from './format';

function needName(need: CapabilityNeed): string {
  return need.title ? `${need.title} (${need.id})` : need.id;
}

/** The need behind a capability: shared, not shared, or unknown, with the need's name on hover. */
export function NeedChip(props: { need: CapabilityNeed | null }) {
  const { need } = props;
  if (!need) {
    return (
      <Typography variant="body2" color="textSecondary">
        No need stated
      </Typography>
    );
  }
  let label: string;
  let detail: string;
  switch (need.state) {
    case 'shared':
      label = 'Shared need';
      detail = `${needName(need)}: reported by ${plural(
        need.teams ?? 0,
        'team',
      )}.`;
      break;
    case 'not-shared':
      label = 'Not shared';
      detail = `${needName(need)}: ${
        need.teams === null ? 'too few teams' : plural(need.teams, 'team')
      } reported it.`;
      break;
    case 'not-found':
      label = 'Unknown need';
      detail = `${need.id} is not in the needs registry.`;
      break;
    case 'unverified':
    default:
      label = 'Unverified';
      detail = `${need.id}: needs-discovery did not answer, so whether it is shared is unknown.`;
      break;
  }
  return (
    <Tooltip title={detail}>
      <Chip
        size="small"
        label={label}
        color={need.state === 'shared' ? 'primary' : 'default'}
        variant={need.state === 'shared' ? 'default' : 'outlined'}
        aria-label={`${label}: ${detail}`}
      />
    </Tooltip>
  );
}
