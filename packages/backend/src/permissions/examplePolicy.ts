import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';

/**
 * Name prefixes of the permissions that Platform Product Kit's plugins declare. The example policy treats them
 * more strictly than Backstage's own permissions: they guard platform-owner decisions.
 */
export const SUITE_PERMISSION_PREFIXES = [
  'needs-discovery.',
  'thinness-scorecard.',
  'habit-metrics.',
] as const;

/**
 * Suite permissions that any signed-in developer needs to take part: answering a survey, sending habit events from
 * the app. Each plugin family adds its own here when it declares them.
 */
export const PARTICIPANT_PERMISSIONS: ReadonlySet<string> = new Set<string>([
  'needs-discovery.response.submit',
  // The app's analytics sends habit events as the signed-in user.
  'habit-metrics.events.write',
]);

export type ExamplePolicyInput = {
  permission: Permission;
  /** Entity refs the user owns through: themselves and their groups. */
  ownershipEntityRefs: string[];
  /** Groups whose members manage the platform product (config `platformProduct.permission.managerGroups`). */
  managerGroups: string[];
};

export type ExamplePolicyDecision = {
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  /** Why, in words, for the debug log and the policy's tests. */
  reason: string;
};

function isSuitePermission(permission: Permission): boolean {
  return SUITE_PERMISSION_PREFIXES.some(prefix =>
    permission.name.startsWith(prefix),
  );
}

/**
 * The example instance's rules: platform-team members may do everything; everyone else may read, respond and use
 * Backstage as usual (run templates, register components), but may not delete or manage.
 */
export function decideExamplePolicy(
  input: ExamplePolicyInput,
): ExamplePolicyDecision {
  const { permission, ownershipEntityRefs, managerGroups } = input;
  const managers = new Set(managerGroups.map(ref => ref.toLocaleLowerCase()));
  if (ownershipEntityRefs.some(ref => managers.has(ref.toLocaleLowerCase()))) {
    return { result: AuthorizeResult.ALLOW, reason: 'platform manager' };
  }
  if (permission.attributes.action === 'read') {
    return { result: AuthorizeResult.ALLOW, reason: 'everyone may read' };
  }
  if (permission.attributes.action === 'delete') {
    return {
      result: AuthorizeResult.DENY,
      reason: 'only platform managers may delete',
    };
  }
  if (isSuitePermission(permission)) {
    return PARTICIPANT_PERMISSIONS.has(permission.name)
      ? { result: AuthorizeResult.ALLOW, reason: 'everyone may take part' }
      : {
          result: AuthorizeResult.DENY,
          reason: 'only platform managers may manage the platform product',
        };
  }
  return {
    result: AuthorizeResult.ALLOW,
    reason: 'everyone may use Backstage as usual',
  };
}
