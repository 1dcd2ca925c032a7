import {
  CapabilityVerdictPoint,
  Verdict,
} from '@platform-product/plugin-thinness-scorecard-common';

/** A stretch of days with the same verdict. */
export interface VerdictRun {
  verdict: Verdict;
  from: string;
  to: string;
  days: number;
  /** True when every day of the run is generated demo history. */
  demo: boolean;
}

/** Collapses daily verdicts (oldest first) into runs of the same verdict, newest first. */
export function toVerdictRuns(points: CapabilityVerdictPoint[]): VerdictRun[] {
  const runs: VerdictRun[] = [];
  for (const point of points) {
    const current = runs[runs.length - 1];
    if (current && current.verdict === point.verdict) {
      current.to = point.period;
      current.days += 1;
      current.demo = current.demo && point.demo;
    } else {
      runs.push({
        verdict: point.verdict,
        from: point.period,
        to: point.period,
        days: 1,
        demo: point.demo,
      });
    }
  }
  return runs.reverse();
}
