/**
 * What the audit log records, one name per audited change. The page's action filter offers these.
 *
 * @example
 * const action: AuditAction = 'playbook.published';
 */
export const AUDIT_ACTIONS = [
  'playbook.published',
  'playbook.paused',
  'playbook.resumed',
  'playbook.membersEnrolled',
  'segment.bound',
  'segment.unbound',
  'binding.holdoutChanged',
  'segmentModel.approved',
  'segmentModel.discarded',
  'segmentModel.retrainTriggered',
  'lead.consentChanged',
  'lead.reassigned',
  'slaPolicy.created',
  'slaPolicy.updated',
  'slaPolicy.deleted',
  'user.created',
  'user.updated',
  'user.passwordChanged',
  'team.created',
  'team.updated',
  'team.memberAdded',
  'team.memberRemoved',
  'apiKey.created',
  'apiKey.revoked',
  'lead.erased',
  'lookalike.created',
  'lookalike.deleted',
  'lookalike.enrolled',
  'ruleSegment.created',
  'ruleSegment.updated',
  'ruleSegment.deleted',
  'leadAttribute.created',
  'leadAttribute.updated',
  'leadAttribute.deleted',
  'leadImport.created',
  'leadImport.finished',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who made a change: a signed-in user (id, email), an API key (id, name) or Segflow itself (`system`, no id). */
export interface AuditActor {
  kind: 'user' | 'apiKey' | 'system';
  id: string | null;
  label: string | null;
}

/**
 * One audit entry as `GET /api/audit` returns it. `before`/`after` hold the changed fields (null when the entity did
 * not exist before, or no longer exists after); they never hold a lead's personal data.
 *
 * @example
 * const entry: AuditEntryDto = { id: '7', at, actor: { kind: 'user', id, label: 'ops@acme.in' }, action: 'segment.bound', entityType: 'playbook', entityId, before: null, after: { segmentId, holdoutPercent: 10 } };
 */
export interface AuditEntryDto {
  id: string;
  at: string;
  actor: AuditActor;
  action: AuditAction;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Query of `GET /api/audit` and `GET /api/audit.csv`: every filter optional, `from` inclusive and `to` exclusive (ISO
 * instants); `cursor` is the previous page's `nextCursor`.
 */
export interface AuditQuery {
  actorId?: string;
  action?: AuditAction;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** A page of `GET /api/audit`, newest first; `nextCursor` is null on the last page. */
export interface AuditPageDto {
  entries: AuditEntryDto[];
  nextCursor: string | null;
}
