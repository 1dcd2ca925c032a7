import { EmptyState, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/** The README section on marking a capability (the package README, as npm shows it). */
export const ADD_CAPABILITY_DOCS_URL =
  'https://www.npmjs.com/package/@platform-product/plugin-thinness-scorecard#add-your-first-capability';

/** The smallest capability worth scoring: the annotations the verdict rules read. */
export const CAPABILITY_YAML_EXAMPLE = `apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: event-streaming
  annotations:
    platform-product.io/capability: "true"
    platform-product.io/value-class: differentiating # or commodity
    platform-product.io/need: need-event-streaming # surveyed need id
spec:
  owner: group:default/platform-team`;

export const NO_CAPABILITIES_TITLE = 'No platform capabilities yet';

/**
 * What the Thinness page and the roll-up card show while no catalog entity is annotated as a platform capability:
 * there is nothing to score, so no score is shown; instead, how to add the first capability.
 */
export function NoCapabilitiesState(props: {
  /** More actions under the how-to, e.g. "Refresh now". */
  children?: ReactNode;
}) {
  const { children } = props;
  return (
    <EmptyState
      missing="content"
      title={NO_CAPABILITIES_TITLE}
      description="The thinness score rates the capabilities your platform offers to other teams, and no catalog entity is marked as one yet, so there is nothing to score. Mark one, usually the System your platform team owns, with these annotations in its catalog-info.yaml:"
      action={
        <>
          {/* A plain block with full-contrast text: a syntax-highlighted snippet's token colours fail WCAG AA on
              its background, and a scrollable region must be reachable by keyboard. */}
          <Box
            component="pre"
            tabIndex={0}
            aria-label="Example catalog-info.yaml of a platform capability"
            mb={1}
            p={2}
            bgcolor="background.paper"
            color="text.primary"
            border={1}
            borderColor="divider"
            borderRadius={4}
            fontSize="0.875rem"
            style={{ overflowX: 'auto', whiteSpace: 'pre' }}
          >
            <code>{CAPABILITY_YAML_EXAMPLE}</code>
          </Box>
          <Typography variant="body2" paragraph>
            Once the catalog has read the entity, reload this page: the
            capability gets a verdict with its reasons, and the platform its
            score.{' '}
            <Link to={ADD_CAPABILITY_DOCS_URL} underline="always">
              How to add a platform capability
            </Link>
          </Typography>
          {children}
        </>
      }
    />
  );
}
