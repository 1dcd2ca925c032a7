import { mockServices } from '@backstage/backend-test-utils';
import { readMvpSettings } from './config';

const read = (mvp: unknown) =>
  readMvpSettings(
    mockServices.rootConfig({
      data: mvp === undefined ? {} : ({ mvp } as any),
    }),
  );

describe('readMvpSettings', () => {
  it('has defaults', () => {
    expect(read(undefined)).toEqual({
      maxFeatures: 3,
      maxTimeboxWeeks: 8,
      requireSharedNeed: true,
    });
  });

  it('reads the keys, also as strings from environment variables', () => {
    expect(
      read({
        maxFeatures: 5,
        maxTimeboxWeeks: '12',
        requireSharedNeed: 'false',
      }),
    ).toEqual({
      maxFeatures: 5,
      maxTimeboxWeeks: 12,
      requireSharedNeed: false,
    });
  });

  it.each([
    [
      { maxFeatures: 0 },
      'Invalid config: mvp.maxFeatures must be a whole number of at least 1; got 0',
    ],
    [
      { maxFeatures: 2.5 },
      'Invalid config: mvp.maxFeatures must be a whole number of at least 1; got 2.5',
    ],
    [
      { maxFeatures: 'three' },
      'Invalid config: mvp.maxFeatures must be a whole number of at least 1; got "three"',
    ],
    [
      { maxTimeboxWeeks: -1 },
      'Invalid config: mvp.maxTimeboxWeeks must be a whole number of at least 1; got -1',
    ],
    [
      { requireSharedNeed: 'sometimes' },
      'Invalid config: mvp.requireSharedNeed must be true or false; got "sometimes"',
    ],
  ])('refuses %j', (mvp, message) => {
    expect(() => read(mvp)).toThrow(message);
  });
});
