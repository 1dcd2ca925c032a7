import {
  ScorecardHistoryPoint,
  SubscoreId,
} from '@platform-product/plugin-thinness-scorecard-common';

/** One row of the history chart. */
export interface HistoryRow {
  period: string;
  demo: boolean;
  /** The score on real days. */
  score: number | null;
  /** The score on generated demo days, and on a real day next to one so that the lines join. */
  demoScore: number | null;
  subscores: Partial<Record<SubscoreId, number>>;
}

/**
 * Splits the score into a real and a demo series so the chart can draw demo history differently
 * and name it in the legend.
 */
export function toHistoryRows(points: ScorecardHistoryPoint[]): HistoryRow[] {
  return points.map((point, index) => {
    const besideDemo =
      points[index - 1]?.demo === true || points[index + 1]?.demo === true;
    const subscores: Partial<Record<SubscoreId, number>> = {};
    for (const s of point.subscores) {
      subscores[s.id] = s.value;
    }
    return {
      period: point.period,
      demo: point.demo,
      score: point.demo ? null : point.score,
      demoScore: point.demo || besideDemo ? point.score : null,
      subscores,
    };
  });
}
