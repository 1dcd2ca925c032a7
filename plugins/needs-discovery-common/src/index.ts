/**
 * Types, permissions and pure domain logic shared by the needs-discovery frontend and backend.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './permissions';
export * from './validation';
export * from './scoring';
export * from './aggregate';
export * from './results';
export * from './needStatus';
export * from './registry';
