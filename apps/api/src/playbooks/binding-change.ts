import type { AuditAction } from '@segflow/api-contracts';

/** A playbook's segment binding as the audit log records it. */
export interface BindingState {
  segmentId: string;
  holdoutPercent: number;
}

/**
 * The audit action of a binding change: bound (to a first or another segment), unbound, or a holdout change on the
 * same segment; null when nothing changes.
 *
 * @example bindingChangeOf({ segmentId: 's', holdoutPercent: 0 }, { segmentId: 's', holdoutPercent: 10 }) // 'binding.holdoutChanged'
 */
export function bindingChangeOf(before: BindingState | null, after: BindingState | null): AuditAction | null {
  if (!after) return before ? 'segment.unbound' : null;
  if (!before || before.segmentId !== after.segmentId) return 'segment.bound';
  return before.holdoutPercent === after.holdoutPercent ? null : 'binding.holdoutChanged';
}
