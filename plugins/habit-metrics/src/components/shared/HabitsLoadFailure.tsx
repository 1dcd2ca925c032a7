import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';
import { habitMetricsReadPermission } from '@platform-product/plugin-habit-metrics-common';
import { classifyError } from '../../api/errors';

export const NOT_INSTALLED_TITLE = 'habit-metrics is not installed';
export const FORBIDDEN_TITLE = 'You may not read habit metrics';

/** What to show when habit metrics could not be loaded: not installed, not allowed, or the error. */
export function HabitsLoadFailure(props: { error: unknown }) {
  const { error } = props;
  switch (classifyError(error)) {
    case 'not-installed':
      return (
        <EmptyState
          missing="info"
          title={NOT_INSTALLED_TITLE}
          description="Install the habit-metrics backend plugin to see how teams adopt the platform's golden paths."
        />
      );
    case 'forbidden':
      return (
        <EmptyState
          missing="info"
          title={FORBIDDEN_TITLE}
          description={`Reading habit metrics needs the ${habitMetricsReadPermission.name} permission.`}
        />
      );
    default:
      return (
        <ResponseErrorPanel
          error={error instanceof Error ? error : new Error(String(error))}
        />
      );
  }
}
