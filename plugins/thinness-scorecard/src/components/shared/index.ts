export { VerdictChip } from './VerdictChip';
export { AdoptionBar, AdoptionTrendIcon } from './AdoptionBar';
export { NeedChip } from './NeedChip';
export { ReasonList } from './ReasonList';
export { ScorecardErrorState } from './ScorecardErrorState';
export * from './format';
export * from './verdicts';
export {
  ADD_CAPABILITY_DOCS_URL,
  CAPABILITY_YAML_EXAMPLE,
  NO_CAPABILITIES_TITLE,
  NoCapabilitiesState,
} from './NoCapabilitiesState';
