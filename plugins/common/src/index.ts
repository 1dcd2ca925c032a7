/**
 * Family-neutral node-side helpers shared by the Platform Product Kit plugin families (needs-discovery,
 * habit-metrics, thinness-scorecard): calling another backend plugin with discovery and a plugin request token,
 * reading its answers and mapping its error answers to `@backstage/errors` types. Used by the families' `-node`
 * packages; not meant to be used directly.
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
