import {
  disposeCapability,
  scorecard,
  OWNER_TITLES,
} from '../../testUtils/fixtures';
import { ownersOf, sortCapabilities } from './capabilityTableModel';

describe('capabilityTableModel', () => {
  const titleOf = (ref: string) => OWNER_TITLES[ref] ?? ref;

  it('lists owners by the names the app shows for them', () => {
    expect(ownersOf(scorecard.capabilities)).toEqual([
      'group:default/dev-experience',
      'group:default/platform-team',
      'group:default/security',
    ]);
    expect(ownersOf(scorecard.capabilities, titleOf)).toEqual([
      'group:default/security',
      'group:default/dev-experience',
      'group:default/platform-team',
    ]);
  });

  it('sorts by owner name, capabilities without an owner last', () => {
    const unowned = {
      ...disposeCapability,
      entityRef: 'system:default/unowned',
      title: 'Unowned',
      owner: null,
    };
    const sorted = sortCapabilities(
      [...scorecard.capabilities, unowned],
      'owner',
      'asc',
      titleOf,
    );
    expect(sorted.map(c => c.owner)).toEqual([
      'group:default/security',
      'group:default/dev-experience',
      ...sorted
        .filter(c => c.owner === 'group:default/platform-team')
        .map(() => 'group:default/platform-team'),
      null,
    ]);
  });
});
