/**
 * The helpers shared by the `yarn bench:*` benchmarks of the plugin families (in src/needs-discovery,
 * src/habit-metrics and src/thinness-scorecard of this package), so every benchmark opens its databases, reports
 * latencies and calls the HTTP stack the same way. A private workspace package that depends on the plugins, never the
 * other way round: no published package depends on it, and nothing of it ships.
 */
export * from './client';
export * from './engines';
export * from './measure';
