import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { asActionOutput, createPermissionGate } from './permissions';

const readPermission = createPermission({
  name: 'example.read',
  attributes: { action: 'read' },
});

function gateDeciding(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const authorize = jest.fn(async (requests: unknown[]) =>
    requests.map(() => ({ result })),
  );
  const permissions = mockServices.permissions.mock({
    authorize: authorize as any,
  });
  return { gate: createPermissionGate(permissions), authorize };
}

describe('createPermissionGate', () => {
  const credentials = mockCredentials.user('user:default/ann');

  it('asks the permission framework with the caller’s credentials', async () => {
    const { gate, authorize } = gateDeciding(AuthorizeResult.ALLOW);
    await expect(gate.isAllowed(credentials, readPermission)).resolves.toBe(
      true,
    );
    await expect(
      gate.authorize(credentials, readPermission, 'read examples'),
    ).resolves.toBeUndefined();
    expect(authorize).toHaveBeenCalledTimes(2);
    expect(authorize).toHaveBeenCalledWith([{ permission: readPermission }], {
      credentials,
    });
  });

  it('refuses with a NotAllowedError that names the action and the permission', async () => {
    const { gate } = gateDeciding(AuthorizeResult.DENY);
    await expect(gate.isAllowed(credentials, readPermission)).resolves.toBe(
      false,
    );
    const refusal = gate.authorize(
      credentials,
      readPermission,
      'read examples',
    );
    await expect(refusal).rejects.toThrow(NotAllowedError);
    await expect(refusal).rejects.toThrow(
      'You may not read examples: it needs the example.read permission.',
    );
  });
});

describe('asActionOutput', () => {
  it('passes the value through unchanged', () => {
    const value = { surveyId: 's1', needs: [] };
    expect(asActionOutput<Record<string, unknown>>(value)).toBe(value);
  });
});
