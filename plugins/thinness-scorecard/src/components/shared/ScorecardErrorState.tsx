import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';
import { describeError, hasStatus, isBackendMissing } from '../../api/errors';

/**
 * What to show when the scorecard could not be read: "not installed" when the backend plugin is
 * absent, a plain refusal on 403, and Backstage's error panel otherwise.
 */
export function ScorecardErrorState(props: { error: unknown }) {
  const { error } = props;
  if (isBackendMissing(error)) {
    return (
      <EmptyState
        missing="info"
        title="thinness-scorecard is not installed"
        description="Add @platform-product/plugin-thinness-scorecard-backend to your Backstage backend to score the platform's capabilities."
      />
    );
  }
  if (hasStatus(error, 403)) {
    return (
      <EmptyState
        missing="info"
        title="You may not read the thinness scorecard"
        description={`${describeError(
          error,
        )} Ask your Backstage administrator for access.`}
      />
    );
  }
  return (
    <ResponseErrorPanel
      error={error instanceof Error ? error : new Error(String(error))}
    />
  );
}
