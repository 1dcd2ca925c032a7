import { EmptyState, Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';

export const NO_ACTIVITY_TITLE = 'No activity recorded yet';

/** Where the scaffolder's "create" page is in a standard Backstage app. */
const CREATE_PATH = '/create';

/** Where habit-metrics' activity comes from: the sources a fresh install fills the charts from. */
export function ActivitySources() {
  return (
    <Typography
      variant="body2"
      component="ul"
      aria-label="Where activity comes from"
    >
      <li>
        <strong>Template runs</strong>: completed runs in the scaffolder, read
        every few minutes. A run of a golden-path template that a capability
        lists in <code>platform-product.io/templates</code> counts for that
        capability.
      </li>
      <li>
        <strong>New catalog components</strong>: components that appear in the
        catalog after its first scan. With{' '}
        <code>backstage.io/source-template</code> (set by the scaffolder's{' '}
        <code>catalog:write</code>) they count as the golden path, without it as
        the old way.
      </li>
      <li>
        <strong>This app's analytics</strong>: views of a capability's page and
        templates started in Backstage.
      </li>
      <li>
        <strong>Other tools</strong>: a CI pipeline or script sending events to{' '}
        <code>POST /api/habit-metrics/events</code>.
      </li>
    </Typography>
  );
}

/**
 * The Habits page of a fresh install: nothing is recorded, so no chart is drawn. Says where activity comes from and
 * the next step; without capabilities in the catalog, how to add one too.
 */
export function NoActivityYet(props: { capabilities: number | null }) {
  const { capabilities } = props;
  return (
    <EmptyState
      missing="data"
      title={NO_ACTIVITY_TITLE}
      description="Habit metrics chart how teams take up the platform's golden paths, and no team activity has reached them yet, so there is nothing to chart. Activity counts for the teams people are members of in the catalog (memberOf), and comes from:"
      action={
        <>
          <ActivitySources />
          {capabilities === 0 && (
            <Typography variant="body2" paragraph>
              There are no platform capabilities in the catalog yet either, so
              adoption cannot be counted per capability: annotate the System
              your platform team offers with{' '}
              <code>platform-product.io/capability: "true"</code> and list its
              golden-path templates in{' '}
              <code>platform-product.io/templates</code>.
            </Typography>
          )}
          <Typography variant="body2" paragraph>
            To see the first figures,{' '}
            <Link to={CREATE_PATH} underline="always">
              run a software template
            </Link>
            ; the charts fill in as activity arrives.
          </Typography>
        </>
      }
    />
  );
}
