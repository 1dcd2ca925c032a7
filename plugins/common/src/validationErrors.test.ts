import { InputError, NotFoundError } from '@backstage/errors';
import { clarifyValidationErrors } from './validationErrors';

const spec = {
  paths: {
    '/surveys/{id}': {
      parameters: [{ $ref: '#/components/parameters/surveyId' }],
      put: {
        requestBody: {
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/Definition' },
            },
          },
        },
      },
    },
    '/refresh': {
      post: {
        requestBody: {
          content: {
            'application/json': {
              schema: { type: 'object', additionalProperties: false },
            },
          },
        },
      },
    },
  },
  components: {
    parameters: {
      surveyId: {
        name: 'id',
        in: 'path',
        description: 'A survey id (lowercase letters, digits, single hyphens).',
      },
    },
    schemas: {
      Definition: {
        type: 'object',
        properties: { title: {}, needs: {} },
      },
    },
  },
};

function run(
  error: Error,
  req: { method: string; path: string; body?: unknown },
) {
  let passed: unknown;
  clarifyValidationErrors(spec)(error, req, undefined, e => {
    passed = e;
  });
  return passed as Error;
}

describe('clarifyValidationErrors', () => {
  it('explains a parameter that misses its pattern from its description', () => {
    const error = run(
      new InputError(
        'request/params/id must match pattern "^[a-z0-9]+(-[a-z0-9]+)*$"',
      ),
      { method: 'PUT', path: '/surveys/%00' },
    );
    expect(error.message).toBe(
      'id is not in the expected form: A survey id (lowercase letters, digits, single hyphens).',
    );
  });

  it('names the unknown body fields and the ones the route takes', () => {
    expect(
      run(new InputError('request/body must NOT have additional properties'), {
        method: 'PUT',
        path: '/surveys/abc',
        body: { title: 'x', titel: 'y' },
      }).message,
    ).toBe(
      'The request body has a field this route does not take: "titel". It takes "title", "needs".',
    );
    expect(
      run(new InputError('request/body must NOT have additional properties'), {
        method: 'POST',
        path: '/refresh',
        body: { a: 1, b: 2 },
      }).message,
    ).toBe(
      'The request body has fields this route does not take: "a", "b". It takes no field: send {}.',
    );
  });

  it('leaves other errors, and messages it cannot improve, as they are', () => {
    const notFound = new NotFoundError('no such survey');
    expect(run(notFound, { method: 'GET', path: '/surveys/x' })).toBe(notFound);
    expect(
      run(new InputError('request/query/days must be integer'), {
        method: 'GET',
        path: '/refresh',
      }).message,
    ).toBe('request/query/days must be integer');
    expect(
      run(new InputError('request/params/id must match pattern "x"'), {
        method: 'GET',
        path: '/elsewhere',
      }).message,
    ).toBe('request/params/id must match pattern "x"');
  });
});
