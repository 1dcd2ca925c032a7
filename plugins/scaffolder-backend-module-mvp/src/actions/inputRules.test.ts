import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import {
  createRedactor,
  positionList,
  quoteList,
  quoteValue,
  redactingLogger,
  reviewDateProblem,
  textListProblems,
  withSecretsRedacted,
} from './inputRules';

describe('reviewDateProblem', () => {
  // Today is 2026-03-16 in UTC all day long, from the first to the last second.
  const morning = new Date('2026-03-16T00:00:00.000Z');
  const night = new Date('2026-03-16T23:59:59.999Z');

  it.each([morning, night])(
    'refuses today and accepts tomorrow, the first acceptable day (now %s)',
    now => {
      expect(reviewDateProblem('2026-03-16', now, 8)).toBe(
        'must be after today (2026-03-16, UTC): the review is the end of a time-box that has yet to run; got 2026-03-16, today. Take the reviewDate output of mvp:scope from the same task',
      );
      expect(reviewDateProblem('2026-03-17', now, 8)).toBeUndefined();
      expect(reviewDateProblem('2026-03-15', now, 8)).toMatch(
        /got 2026-03-15, in the past\./,
      );
    },
  );

  it('accepts a date exactly mvp.maxTimeboxWeeks weeks away and refuses the day after', () => {
    expect(reviewDateProblem('2026-05-11', night, 8)).toBeUndefined();
    expect(reviewDateProblem('2026-05-12', night, 8)).toBe(
      'must be at most 8 weeks from today (mvp.maxTimeboxWeeks), that is 2026-05-11 at the latest; got 2026-05-12',
    );
    expect(reviewDateProblem('2026-03-23', morning, 1)).toBeUndefined();
    expect(reviewDateProblem('2026-03-24', morning, 1)).toMatch(
      /^must be at most 1 week from today/,
    );
    expect(reviewDateProblem('9999-12-31', morning, 8)).toMatch(
      /^must be at most 8 weeks/,
    );
  });

  it.each(['2026-02-30', '2026-3-17', '17.03.2026', '', ' 2026-03-17', 'x'])(
    'refuses %j, which is not a date written YYYY-MM-DD',
    value => {
      expect(reviewDateProblem(value, morning, 8)).toBe(
        `must be a date written YYYY-MM-DD, e.g. 2026-03-23; got ${JSON.stringify(
          value,
        )}`,
      );
    },
  );

  it('quotes at most 80 characters of a value that is not a date', () => {
    const problem = reviewDateProblem('9'.repeat(100_000), morning, 8)!;
    expect(problem.length).toBeLessThan(150);
  });
});

describe('bounded messages', () => {
  it('cuts a quoted value to 80 characters and escapes control characters', () => {
    expect(quoteValue('a'.repeat(81))).toBe(`"${'a'.repeat(80)}…"`);
    expect(quoteValue('a'.repeat(80))).toBe(`"${'a'.repeat(80)}"`);
    expect(quoteValue('a\u0000b\nc')).toBe('"a\\u0000b\\nc"');
  });

  it('quotes at most five values and ten positions', () => {
    expect(quoteList(['a', 'b', 'c', 'd', 'e'])).toBe(
      '"a", "b", "c", "d", "e"',
    );
    expect(quoteList(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe(
      '"a", "b", "c", "d", "e" and 2 more',
    );
    expect(positionList([1, 2, 3])).toBe('1, 2, 3');
    expect(positionList(Array.from({ length: 100_000 }, (_, i) => i + 1))).toBe(
      '1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 99990 more',
    );
  });

  it('says how many items are too many, and nothing else, for a list over its cap', () => {
    const features = Array.from({ length: 100_000 }, (_, i) => `feature ${i}`);
    expect(
      textListProblems(features, 'features', { maxItems: 50, maxLength: 200 }),
    ).toEqual(['features has 100000 items; at most 50 are allowed.']);
    expect(
      textListProblems(features.slice(0, 50), 'features', {
        maxItems: 50,
        maxLength: 200,
      }),
    ).toEqual([]);
    expect(
      textListProblems(features.slice(0, 51), 'features', {
        maxItems: 50,
        maxLength: 200,
      }),
    ).toEqual(['features has 51 items; at most 50 are allowed.']);
  });

  it('names bad items by position, one sentence per kind of problem', () => {
    const items = [
      ...Array.from({ length: 30 }, () => ' '),
      'ok',
      'a\u0000b',
      'x'.repeat(201),
      'x'.repeat(200),
      'two\nlines',
      '',
      42,
    ];
    expect(
      textListProblems(items, 'features', { maxItems: 50, maxLength: 200 }),
    ).toEqual([
      'features items 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 20 more must not be blank.',
      'features item 32 must not contain a NUL character.',
      'features item 33 must be at most 200 characters long.',
      'features item 35 must be a single line without tabs.',
      'features item 36 must not be empty.',
      'features item 37 must be a text.',
    ]);
  });
});

describe('secret redaction', () => {
  const secrets = {
    backstageToken: 'eyJhbGciOiJIUzI1NiJ9.token',
    apiKey: 'hunter22',
    longer: 'hunter22-and-more',
    quoted: 'say "hi"',
    tiny: 'x',
    padded: '  padded-secret  ',
  };

  it('replaces every secret value with ***, the longest first, ignoring one-character values', () => {
    const redact = createRedactor(secrets);
    expect(
      redact(
        'a hunter22-and-more b hunter22 c eyJhbGciOiJIUzI1NiJ9.token x padded-secret',
      ),
    ).toBe('a *** b *** c *** x ***');
    expect(redact('"say \\"hi\\"" and say "hi"')).toBe('"***" and ***');
    expect(createRedactor(undefined)('hunter22')).toBe('hunter22');
  });

  it('redacts every line written through the action log', () => {
    const logger = mockServices.logger.mock();
    const log = redactingLogger(logger, secrets);
    log.info('need hunter22');
    log.warn('warn hunter22');
    log.error('error hunter22');
    expect(logger.info).toHaveBeenCalledWith('need ***');
    expect(logger.warn).toHaveBeenCalledWith('warn ***');
    expect(logger.error).toHaveBeenCalledWith('error ***');
  });

  it('redacts the message and stack of a thrown error and keeps its type', async () => {
    const error = await withSecretsRedacted(secrets, async () => {
      throw new InputError('Need "hunter22" is unknown');
    }).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('Need "***" is unknown');
    expect(error.stack).not.toContain('hunter22');
  });
});
