/**
 * Types, permissions and the pure rules (verdicts, platform thinness score) shared by the thinness-scorecard
 * frontend and backend.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './permissions';
export * from './rules';
export * from './score';
export * from './scorecard';
