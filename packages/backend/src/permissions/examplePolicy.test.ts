import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { decideExamplePolicy } from './examplePolicy';

const managerGroups = ['group:default/platform-team'];
const platformEngineer = ['user:default/ada', 'group:default/platform-team'];
const developer = ['user:default/bo', 'group:default/checkout'];

const catalogRead = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
});
const catalogDelete = createPermission({
  name: 'catalog.entity.delete',
  attributes: { action: 'delete' },
});
const templateRun = createPermission({
  name: 'scaffolder.task.create',
  attributes: { action: 'create' },
});
const suiteManage = createPermission({
  name: 'needs-discovery.survey.manage',
  attributes: { action: 'update' },
});
const surveyAnswer = createPermission({
  name: 'needs-discovery.response.submit',
  attributes: { action: 'create' },
});
const suiteRead = createPermission({
  name: 'thinness-scorecard.read',
  attributes: { action: 'read' },
});

describe('decideExamplePolicy', () => {
  it.each([
    [
      'a platform engineer deletes an entity',
      platformEngineer,
      catalogDelete,
      AuthorizeResult.ALLOW,
    ],
    [
      'a platform engineer manages a survey',
      platformEngineer,
      suiteManage,
      AuthorizeResult.ALLOW,
    ],
    [
      'a developer reads the catalog',
      developer,
      catalogRead,
      AuthorizeResult.ALLOW,
    ],
    [
      'a developer reads the scorecard',
      developer,
      suiteRead,
      AuthorizeResult.ALLOW,
    ],
    [
      'a developer runs a template',
      developer,
      templateRun,
      AuthorizeResult.ALLOW,
    ],
    [
      'a developer answers a survey',
      developer,
      surveyAnswer,
      AuthorizeResult.ALLOW,
    ],
    [
      'a developer deletes an entity',
      developer,
      catalogDelete,
      AuthorizeResult.DENY,
    ],
    [
      'a developer manages a survey',
      developer,
      suiteManage,
      AuthorizeResult.DENY,
    ],
    [
      'a user without groups manages a survey',
      [],
      suiteManage,
      AuthorizeResult.DENY,
    ],
  ])('%s', (_case, ownershipEntityRefs, permission, expected) => {
    expect(
      decideExamplePolicy({ permission, ownershipEntityRefs, managerGroups })
        .result,
    ).toBe(expected);
  });

  it('matches manager groups regardless of case', () => {
    expect(
      decideExamplePolicy({
        permission: suiteManage,
        ownershipEntityRefs: ['group:default/Platform-Team'],
        managerGroups,
      }).result,
    ).toBe(AuthorizeResult.ALLOW);
  });
});
