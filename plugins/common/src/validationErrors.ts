/*
 * The OpenAPI validator in front of every route answers a bad request with the schema's own words:
 * `request/params/id must match pattern "^[a-z0-9]+(-[a-z0-9]+)*$"` or `request/body must NOT have additional
 * properties`, which tell a person neither what was expected nor which field was wrong. This error handler, mounted
 * after a router's routes, rewrites those two kinds of message from the spec itself: a parameter that does not match
 * its pattern is explained by the parameter's `description` (so write it as what the value must be), and an unknown body field is named, with the fields the
 * route takes. Every other error passes through unchanged.
 */

/** The parts of an OpenAPI document this reads. */
interface SpecLike {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
}

interface ParameterLike {
  name?: string;
  in?: string;
  description?: string;
}

interface RequestLike {
  method: string;
  path: string;
  body?: unknown;
}

type Next = (error?: unknown) => void;

const PATTERN = /^request\/(params|query)\/([\w.-]+) must match pattern "/;
const UNKNOWN_BODY_FIELD = /^request\/body must NOT have additional properties/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` (`#/components/…`) once. */
function resolve(spec: SpecLike, value: unknown): unknown {
  if (isRecord(value) && typeof value.$ref === 'string') {
    const path = value.$ref.replace(/^#\//, '').split('/');
    let target: unknown = spec;
    for (const key of path) {
      target = isRecord(target) ? target[key] : undefined;
    }
    return target;
  }
  return value;
}

/**
 * The operation of the spec that a request's method and path (relative to the router) match, if any, with the
 * parameters declared on its path as well as its own.
 */
function operationOf(
  spec: SpecLike,
  req: RequestLike,
): Record<string, unknown> | undefined {
  const method = req.method.toLowerCase();
  for (const [template, item] of Object.entries(spec.paths)) {
    const pattern = new RegExp(
      `^${template
        .split(/\{[^}]+\}/)
        .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]+')}/?$`,
    );
    const operation = item[method];
    if (pattern.test(req.path) && isRecord(operation)) {
      const shared = Array.isArray(item.parameters) ? item.parameters : [];
      const own = Array.isArray(operation.parameters)
        ? operation.parameters
        : [];
      return { ...operation, parameters: [...own, ...shared] };
    }
  }
  return undefined;
}

function parameterDescription(
  spec: SpecLike,
  operation: Record<string, unknown> | undefined,
  place: 'path' | 'query',
  name: string,
): string | undefined {
  const parameters = Array.isArray(operation?.parameters)
    ? operation!.parameters
    : [];
  for (const entry of parameters) {
    const parameter = resolve(spec, entry) as ParameterLike | undefined;
    if (parameter?.name === name && parameter.in === place) {
      return parameter.description;
    }
  }
  return undefined;
}

function bodyProperties(
  spec: SpecLike,
  operation: Record<string, unknown> | undefined,
): string[] | undefined {
  const content = resolve(spec, operation?.requestBody) as
    | { content?: Record<string, { schema?: unknown }> }
    | undefined;
  const schema = resolve(spec, content?.content?.['application/json']?.schema);
  if (!isRecord(schema)) return undefined;
  return isRecord(schema.properties) ? Object.keys(schema.properties) : [];
}

/** A value for a message, cut to 80 characters and with control characters escaped. */
function shown(value: string): string {
  const cut = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(cut);
}

/**
 * An Express error handler that rewrites the OpenAPI validator's pattern and unknown-field messages into ones a
 * person can act on, from `spec`. Mount it after the routes: `router.use(clarifyValidationErrors(spec))`.
 *
 * @public
 */
export function clarifyValidationErrors(spec: {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
}): (
  error: unknown,
  req: { method: string; path: string; body?: unknown },
  res: unknown,
  next: (error?: unknown) => void,
) => void {
  return (error: unknown, req: RequestLike, _res: unknown, next: Next) => {
    if (!(error instanceof Error) || error.name !== 'InputError') {
      next(error);
      return;
    }
    const operation = operationOf(spec, req);
    const pattern = PATTERN.exec(error.message);
    if (pattern) {
      const [, place, name] = pattern;
      const description = parameterDescription(
        spec,
        operation,
        place === 'params' ? 'path' : 'query',
        name,
      );
      if (description) {
        error.message = `${name} is not in the expected form: ${description}`;
      }
    } else if (UNKNOWN_BODY_FIELD.test(error.message)) {
      const known = bodyProperties(spec, operation);
      if (known && isRecord(req.body)) {
        const unknown = Object.keys(req.body).filter(
          key => !known.includes(key),
        );
        if (unknown.length > 0) {
          const listed = unknown.slice(0, 5).map(shown).join(', ');
          const more =
            unknown.length > 5 ? ` and ${unknown.length - 5} more` : '';
          error.message = `The request body has ${
            unknown.length === 1 ? 'a field' : 'fields'
          } this route does not take: ${listed}${more}. ${
            known.length > 0
              ? `It takes ${known.map(key => `"${key}"`).join(', ')}.`
              : 'It takes no field: send {}.'
          }`;
        }
      }
    }
    next(error);
  };
}
