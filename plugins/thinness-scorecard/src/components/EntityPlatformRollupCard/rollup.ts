import {
  CapabilityScore,
  compareCapabilities,
  countVerdicts,
  Scorecard,
  Verdict,
} from '@platform-product/plugin-thinness-scorecard-common';
import { ATTENTION_VERDICTS } from '../shared';

export interface OwnerRollup {
  capabilities: CapabilityScore[];
  verdicts: Record<Verdict, number>;
  /** Capabilities to dispose, outsource or review, in verdict precedence. */
  attention: CapabilityScore[];
}

/** The scorecard seen from one owner: its capabilities, their verdicts and what needs attention. */
export function rollupForOwner(
  scorecard: Scorecard,
  ownerRef: string,
): OwnerRollup {
  const owner = ownerRef.toLocaleLowerCase('en-US');
  const capabilities = scorecard.capabilities
    .filter(c => c.owner?.toLocaleLowerCase('en-US') === owner)
    .sort(compareCapabilities);
  return {
    capabilities,
    verdicts: countVerdicts(capabilities),
    attention: capabilities.filter(c => ATTENTION_VERDICTS.includes(c.verdict)),
  };
}
