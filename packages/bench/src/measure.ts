/** Latencies of one measured operation, in milliseconds. */
export interface Latency {
  runs: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

/** Nearest rank: always an observed value. With 20 runs the p95 is the second-slowest run. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export function summarize(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50: round2(percentile(sorted, 50)),
    p95: round2(percentile(sorted, 95)),
    min: round2(sorted[0]),
    max: round2(sorted[sorted.length - 1]),
    mean: round2(sorted.reduce((sum, v) => sum + v, 0) / sorted.length),
  };
}

/** `warmups` untimed calls, then `runs` timed ones, one after the other. */
export async function measure(options: {
  runs: number;
  warmups: number;
  operation: () => Promise<unknown>;
}): Promise<Latency> {
  const samples: number[] = [];
  for (let i = 0; i < options.warmups + options.runs; i++) {
    const started = performance.now();
    await options.operation();
    const elapsed = performance.now() - started;
    if (i >= options.warmups) samples.push(elapsed);
  }
  return summarize(samples);
}

export const ratio = (value: number, floor: number) =>
  Math.round((value / floor) * 100) / 100;

export const formatMs = (value: number) =>
  `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms`;

/** A plain text table: first column left-aligned, the others right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map(row => (row[column] ?? '').length)),
  );
  return rows
    .map(row =>
      row
        .map((cell, column) =>
          column === 0
            ? cell.padEnd(widths[column])
            : cell.padStart(widths[column]),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
