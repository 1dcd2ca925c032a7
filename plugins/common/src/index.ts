/**
 * Family-neutral helpers shared by the Platform Product Kit plugin families (needs-discovery, habit-metrics,
 * thinness-scorecard): the one rule for text, entity refs and integer parameters that every family applies at its
 * boundary (usable in the browser too), and, for the families' `-node` packages, calling another backend plugin with
 * discovery and a plugin request token, reading its answers and mapping its error answers to `@backstage/errors`
 * types; for the families' backend plugins, the one permission check of their routes and actions.
 *
 * @packageDocumentation
 */
export {
  callPlugin,
  errorFromResponse,
  isObject,
  readErrorBody,
  readJson,
  unexpectedAnswer,
} from './http';
export type { PluginCallOptions, PluginRequest } from './http';
export { asActionOutput, createPermissionGate } from './permissions';
export type { PermissionGate } from './permissions';
export {
  characterCount,
  MAX_ENTITY_REF_LENGTH,
  parseRefOfKind,
  requireDecimalInteger,
  requireDecimalQueryParameter,
  requireRefOfKind,
  requireText,
  textProblem,
} from './rules';
export type { EntityRefResult, EntityRefRule, TextRule } from './rules';
export { clarifyValidationErrors } from './validationErrors';
