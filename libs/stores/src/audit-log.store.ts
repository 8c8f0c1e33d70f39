import type { AuditAction, AuditActor, AuditEntryDto } from '@segflow/api-contracts';
import type { Queryable } from './queryable';

// Owner of `audit_log`: append-only (a trigger refuses UPDATE/DELETE), so this store only inserts and reads. Callers
// write an entry in the transaction of the change it records, so neither exists without the other.

/** An audited change, for {@link recordAuditEntry}: before/after hold the changed fields, never a lead's personal data. */
export interface AuditEntryInput {
  actor: AuditActor;
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** The actor of changes Segflow makes on its own (SLA reassignment, retrain activation). */
export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: null, label: null };

/**
 * Appends audit entries in one statement (set-based: an ingest flush records all its consent changes at once).
 * @example await recordAuditEntries(manager, [{ actor, action: 'segment.bound', entityType: 'playbook', entityId, after: { segmentId } }]);
 */
export async function recordAuditEntries(db: Queryable, entries: readonly AuditEntryInput[]): Promise<void> {
  if (!entries.length) return;
  await db.query(
    `INSERT INTO audit_log (actor_kind, actor_id, actor_label, action, entity_type, entity_id, before, after)
     SELECT x.actor_kind, x.actor_id, x.actor_label, x.action, x.entity_type, x.entity_id, x.before, x.after
     FROM jsonb_to_recordset($1::jsonb) AS x(actor_kind text, actor_id text, actor_label text, action text,
                                             entity_type text, entity_id text, before jsonb, after jsonb)`,
    [
      JSON.stringify(
        entries.map((e) => ({
          actor_kind: e.actor.kind,
          actor_id: e.actor.id,
          actor_label: e.actor.label,
          action: e.action,
          entity_type: e.entityType,
          entity_id: e.entityId,
          before: e.before ?? null,
          after: e.after ?? null,
        })),
      ),
    ],
  );
}

/**
 * Appends one audit entry.
 * @example await recordAuditEntry(manager, { actor, action: 'playbook.published', entityType: 'playbook', entityId, after: { version: 3 } });
 */
export function recordAuditEntry(db: Queryable, entry: AuditEntryInput): Promise<void> {
  return recordAuditEntries(db, [entry]);
}

/** Filters of {@link listAuditEntries}; `beforeId` is the cursor (entries older than it), `to` is exclusive. */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  beforeId?: string;
  limit: number;
}

// The output column `id` is text: ORDER BY must name the table's bigint (`audit_log.id`), or "10" sorts before "9".
const ENTRY_COLUMNS = `id::text, at, json_build_object('kind', actor_kind, 'id', actor_id, 'label', actor_label) AS actor,
  action, entity_type AS "entityType", entity_id AS "entityId", before, after`;

/** An audit entry as the store reads it (`at` a Date; the API maps it to {@link AuditEntryDto}). */
export type AuditEntryRow = Omit<AuditEntryDto, 'at'> & { at: Date };

/**
 * Entries matching every given filter, newest (highest id) first, at most `limit`.
 * @example const page = await listAuditEntries(manager, { action: 'lead.erased', limit: 50 });
 */
export function listAuditEntries(db: Queryable, f: AuditFilter): Promise<AuditEntryRow[]> {
  return db.query(
    `SELECT ${ENTRY_COLUMNS} FROM audit_log
     WHERE ($1::text IS NULL OR actor_id = $1) AND ($2::text IS NULL OR action = $2)
       AND ($3::text IS NULL OR entity_type = $3) AND ($4::text IS NULL OR entity_id = $4)
       AND ($5::timestamptz IS NULL OR at >= $5) AND ($6::timestamptz IS NULL OR at < $6)
       AND ($7::bigint IS NULL OR id < $7)
     ORDER BY audit_log.id DESC LIMIT $8`,
    [
      f.actorId ?? null,
      f.action ?? null,
      f.entityType ?? null,
      f.entityId ?? null,
      f.from ?? null,
      f.to ?? null,
      f.beforeId ?? null,
      f.limit,
    ],
  );
}
