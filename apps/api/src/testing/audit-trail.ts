import { listAuditEntries, type AuditEntryRow, type Queryable } from '@segflow/stores';

/**
 * The audit entries of one entity, oldest first, as stored: specs of audited modules assert the entry their action left.
 * @example expect(await auditTrailOf(db, 'playbook', id)).toEqual([expect.objectContaining({ action: 'playbook.published' })]);
 */
export async function auditTrailOf(db: Queryable, entityType: string, entityId: string): Promise<AuditEntryRow[]> {
  return (await listAuditEntries(db, { entityType, entityId, limit: 200 })).reverse();
}
