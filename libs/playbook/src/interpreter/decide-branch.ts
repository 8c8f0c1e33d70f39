import { featureNamesOf } from '../condition-features';
import { evaluateCondition } from '../evaluate-condition';
import type { BranchNode } from '../nodes/branch-node';
import type { CommandResult } from './run-types';
import type { Resolution, Work } from './run-work';

/**
 * Takes the branch's `yes` or `no` handle by its condition on the run's view of the lead. Once the lead's current
 * features came back (`leadFeatures`) they replace the run's copy first, and the values the condition read are noted
 * on the path (`features:intent=0.693,fit=0.4`), so a run's path says why it went that way. A failed read decides on
 * the run's copy and notes the failure.
 */
export function decideBranch(work: Work, node: BranchNode, read?: CommandResult): Resolution {
  const lead = work.state.lead;
  if (read?.kind === 'leadFeatures') lead.features = { ...lead.features, ...read.features };
  const handle = evaluateCondition(node.config.condition, work.state) ? 'yes' : 'no';
  if (read === undefined) return { kind: 'follow', handle };
  if (read.kind === 'failed') return { kind: 'follow', handle, note: `features-unread:${read.reason}` };
  const values = featureNamesOf(node.config.condition).map((name) => `${name}=${formatValue(lead.features[name])}`);
  return { kind: 'follow', handle, note: `features:${values.join(',')}` };
}

// Three decimals say enough for a threshold; a feature the lead lacks shows as `missing`.
function formatValue(value: number | undefined): string {
  return value === undefined ? 'missing' : String(Math.round(value * 1000) / 1000);
}
