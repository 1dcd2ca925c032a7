import Chip from '@material-ui/core/Chip';
import { SurveyStatus } from '@platform-product/plugin-needs-discovery-common';

const statusLabels: Record<SurveyStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
};

export function SurveyStatusChip(props: { status: SurveyStatus }) {
  const { status } = props;
  return (
    <Chip
      size="small"
      label={statusLabels[status]}
      color={status === 'open' ? 'primary' : 'default'}
      variant={status === 'draft' ? 'outlined' : 'default'}
    />
  );
}
