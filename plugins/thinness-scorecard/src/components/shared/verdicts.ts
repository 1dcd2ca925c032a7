import { Theme } from '@material-ui/core/styles';
import { Verdict } from '@platform-product/plugin-thinness-scorecard-common';

export const verdictLabels: Record<Verdict, string> = {
  invest: 'Invest',
  keep: 'Keep',
  review: 'Review',
  outsource: 'Outsource',
  dispose: 'Dispose',
};

/** One line per verdict, for tooltips: what the verdict asks the platform team to do. */
export const verdictDescriptions: Record<Verdict, string> = {
  dispose:
    'Used by fewer product teams than the adoption floor after its trial, and no shared need backs it: plan its retirement.',
  outsource:
    'A commodity built in-house: a bought or managed service can do the job.',
  review:
    'A decision is due: the MVP review date passed, or its value or need is not stated.',
  invest:
    'Differentiating, backed by a shared need and well adopted: worth investing in.',
  keep: 'In use, or still in its trial, and nothing asks for a change.',
};

/** Verdicts that ask the platform team to act. */
export const ATTENTION_VERDICTS: readonly Verdict[] = [
  'dispose',
  'outsource',
  'review',
];

/**
 * A distinct colour per verdict, taken from the Backstage palette where it has one so that
 * custom themes carry over. The chips always show the verdict as text and icon too.
 */
export function verdictColor(theme: Theme, verdict: Verdict): string {
  const { status, type } = theme.palette;
  switch (verdict) {
    case 'invest':
      return status.ok;
    case 'keep':
      return status.running;
    case 'review':
      return status.warning;
    case 'outsource':
      // The palette has no fifth status colour; a purple that reads on light and dark backgrounds.
      return type === 'dark' ? '#ce93d8' : '#7b1fa2';
    case 'dispose':
    default:
      return status.error;
  }
}

/** Score bands of the platform thinness score (higher is thinner). */
export type ScoreBand = 'thin' | 'watch' | 'heavy';

export function scoreBand(score: number): ScoreBand {
  if (score >= 70) {
    return 'thin';
  }
  if (score >= 40) {
    return 'watch';
  }
  return 'heavy';
}

export const scoreBandLabels: Record<ScoreBand, string> = {
  thin: 'Thin',
  watch: 'Getting heavy',
  heavy: 'Heavy',
};

export function scoreBandColor(theme: Theme, band: ScoreBand): string {
  const { status } = theme.palette;
  switch (band) {
    case 'thin':
      return status.ok;
    case 'watch':
      return status.warning;
    case 'heavy':
    default:
      return status.error;
  }
}
