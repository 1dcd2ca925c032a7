export { VerdictChip } from './VerdictChip';
export { AdoptionBar, AdoptionTrendIcon } from './AdoptionBar';
export { NeedChip } from './NeedChip';
export { ReasonList } from './ReasonList';
export { ScorecardErrorState } from './ScorecardErrorState';
export * from './format';
export * from './verdicts';
