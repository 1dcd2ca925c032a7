/**
 * Shared by the `yarn bench:*` benchmarks of the plugin families, so every benchmark opens its databases, reports
 * latencies and calls the HTTP stack the same way. A private workspace package: the plugins depend on it only as a
 * dev dependency, and nothing of it ships.
 */
export * from './client';
export * from './engines';
export * from './measure';
