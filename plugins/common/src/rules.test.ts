import {
  characterCount,
  MAX_ENTITY_REF_LENGTH,
  parseRefOfKind,
  requireDecimalInteger,
  requireDecimalQueryParameter,
  requireRefOfKind,
  requireText,
  textProblem,
} from './rules';

const LINE = { maxLength: 10 };

describe('textProblem', () => {
  it.each([
    ['plain text', 'Billing', LINE, undefined],
    ['exactly at the length cap', '0123456789', LINE, undefined],
    [
      'one over the cap',
      '0123456789X',
      LINE,
      'must be at most 10 characters long; it has 11',
    ],
    // Characters, not UTF-16 units: ten emoji are 20 units and fit a cap of 10.
    ['astral characters count once', '🙂'.repeat(10), LINE, undefined],
    [
      'a NUL byte',
      'ab\u0000c',
      LINE,
      'must not contain a NUL character (at character 3)',
    ],
    [
      'another control character',
      'a\u001bb',
      LINE,
      'must not contain the control character U+001B (at character 2)',
    ],
    [
      'DEL',
      'a\u007f',
      LINE,
      'must not contain the control character U+007F (at character 2)',
    ],
    [
      'a lone high surrogate',
      'a\ud800b',
      LINE,
      'must be well-formed Unicode text: it contains a lone UTF-16 surrogate',
    ],
    [
      'a lone low surrogate',
      '\udc00',
      LINE,
      'must be well-formed Unicode text: it contains a lone UTF-16 surrogate',
    ],
    [
      'a newline in a single line',
      'a\nb',
      LINE,
      'must be a single line without tabs',
    ],
    [
      'a tab in a single line',
      'a\tb',
      LINE,
      'must be a single line without tabs',
    ],
    [
      'newlines and tabs in free text',
      'a\r\n\tb',
      { maxLength: 10, multiline: true },
      undefined,
    ],
    ['the empty string', '', LINE, 'must not be empty'],
    ['blanks only', '   ', LINE, 'must not be blank'],
    ['blank where allowed', '', { maxLength: 10, allowBlank: true }, undefined],
  ])('%s', (_name, value, rule, problem) => {
    expect(textProblem(value, rule)).toBe(problem);
  });

  it('counts characters as code points', () => {
    expect(characterCount('a🙂b')).toBe(3);
    expect(characterCount('\ud800')).toBe(1);
  });
});

describe('requireText', () => {
  it('names the field in a 400', () => {
    expect(() => requireText('x\u0000', 'title', LINE)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: 'title must not contain a NUL character (at character 2)',
      }),
    );
    expect(() => requireText(5, 'title', LINE)).toThrow(
      'title must be a string',
    );
    expect(requireText('ok', 'title', LINE)).toBe('ok');
  });
});

describe('parseRefOfKind', () => {
  const TEAM = { kinds: ['group'], defaultKind: 'group' };

  it('reads refs with or without kind and namespace, canonically', () => {
    expect(parseRefOfKind('billing', TEAM).ref).toBe('group:default/billing');
    expect(parseRefOfKind('Group:Default/billing', TEAM).ref).toBe(
      'group:default/billing',
    );
    expect(parseRefOfKind('group:payments/billing', TEAM).ref).toBe(
      'group:payments/billing',
    );
  });

  it.each([
    ['a path', '../x'],
    ['an injection', "x'; DROP TABLE events; --"],
    ['a NUL', 'bill\u0000ing'],
    ['an empty name', 'group:default/'],
    ['nothing', ''],
  ])('refuses %s', (_name, value) => {
    expect(parseRefOfKind(value, TEAM).problem).toMatch(
      /entity ref like group:default\/example/,
    );
  });

  it('refuses a ref of another kind, saying which', () => {
    expect(parseRefOfKind('user:default/bob', TEAM).problem).toBe(
      'must refer to a group, like group:default/example; got a user ("user:default/bob")',
    );
    expect(
      parseRefOfKind('component:default/x', { kinds: ['system', 'component'] })
        .ref,
    ).toBe('component:default/x');
  });

  it('requires the kind when the field has no default kind', () => {
    expect(parseRefOfKind('x', { kinds: ['template'] }).problem).toMatch(
      /must be an entity ref like template:default\/example/,
    );
  });

  it('caps a ref at the column length, without echoing all of it', () => {
    const long = `system:default/${'x'.repeat(MAX_ENTITY_REF_LENGTH)}`;
    const { problem } = parseRefOfKind(long, { kinds: ['system'] });
    expect(problem).toMatch(/must be at most 255 characters long/);
    expect(problem!.length).toBeLessThan(200);
  });

  it('requireRefOfKind names the field', () => {
    expect(() => requireRefOfKind('user:default/bob', 'team', TEAM)).toThrow(
      /^team must refer to a group/,
    );
  });
});

describe('requireDecimalInteger', () => {
  const DAYS = { min: 1, max: 365 };
  it.each(['1', '365', 7])('accepts %p', value => {
    expect(requireDecimalInteger(value, 'days', DAYS)).toBe(Number(value));
  });
  it.each(['0x10', '1e2', '+5', '-1', ' 5', '5 ', '05', '', '1.0', 'NaN'])(
    'refuses %p',
    value => {
      expect(() => requireDecimalInteger(value, 'days', DAYS)).toThrow(
        /^days must be a whole number written in digits, from 1 to 365/,
      );
    },
  );
  it('pins both ends of the range', () => {
    expect(() => requireDecimalInteger('0', 'days', DAYS)).toThrow(
      'days must be from 1 to 365; got 0',
    );
    expect(() => requireDecimalInteger('366', 'days', DAYS)).toThrow(
      'days must be from 1 to 365; got 366',
    );
  });
});

describe('requireDecimalQueryParameter', () => {
  const range = { min: 1, max: 26 };
  const at = (originalUrl: string) => ({ originalUrl });

  it('reads the value as the caller wrote it in the URL', () => {
    expect(
      requireDecimalQueryParameter(at('/retention?weeks=12'), 'weeks', range),
    ).toBe(12);
    expect(
      requireDecimalQueryParameter(
        at('/retention?a=1&weeks=26'),
        'weeks',
        range,
      ),
    ).toBe(26);
  });

  it('is undefined without the parameter or without a query', () => {
    expect(
      requireDecimalQueryParameter(at('/retention?team=x'), 'weeks', range),
    ).toBeUndefined();
    expect(
      requireDecimalQueryParameter(at('/retention'), 'weeks', range),
    ).toBeUndefined();
  });

  it('refuses what Number() would coerce, and values out of range', () => {
    for (const raw of ['0x10', '1e1', '%2B5', '4.0', '']) {
      expect(() =>
        requireDecimalQueryParameter(at(`/r?weeks=${raw}`), 'weeks', range),
      ).toThrow(
        /^weeks must be a whole number written in digits, from 1 to 26/,
      );
    }
    expect(() =>
      requireDecimalQueryParameter(at('/r?weeks=27'), 'weeks', range),
    ).toThrow('weeks must be from 1 to 26; got 27');
  });
});
