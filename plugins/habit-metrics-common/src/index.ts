/**
 * Types, permissions and pure metric functions shared by the habit-metrics frontend and backend.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './definitions';
export * from './permissions';
export * from './weeks';
export * from './events';
export * from './metrics';
export * from './campaigns';
