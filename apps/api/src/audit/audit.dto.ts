import { AUDIT_ACTIONS, type AuditEntryDto, type AuditQuery } from '@segflow/api-contracts';
import type { AuditEntryRow } from '@segflow/stores';
import { z } from 'zod';
import { acceptsContract } from '../common/accepts-contract';

export const MAX_AUDIT_PAGE = 200;

/** Filters of `GET /api/audit` and its CSV; `cursor` is a previous page's `nextCursor` (an entry id). */
export const auditQuerySchema = acceptsContract<AuditQuery>()(
  z.object({
    actorId: z.string().min(1).max(128).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    entityType: z.string().min(1).max(64).optional(),
    entityId: z.string().min(1).max(128).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    cursor: z
      .string()
      .regex(/^\d{1,18}$/, 'must be the nextCursor of a previous page')
      .optional(),
    limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(50),
  }),
);
export type AuditQueryInput = z.infer<typeof auditQuerySchema>;

export const mapAuditEntry = (row: AuditEntryRow): AuditEntryDto => ({ ...row, at: row.at.toISOString() });

/** One CSV line of an entry: before/after as JSON text. */
export interface AuditCsvRow {
  id: string;
  at: string;
  actorKind: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: string;
  after: string;
}

export const AUDIT_CSV_COLUMNS: (keyof AuditCsvRow)[] = [
  'id',
  'at',
  'actorKind',
  'actorId',
  'actorLabel',
  'action',
  'entityType',
  'entityId',
  'before',
  'after',
];

export const toAuditCsvRow = (row: AuditEntryRow): AuditCsvRow => ({
  id: row.id,
  at: row.at.toISOString(),
  actorKind: row.actor.kind,
  actorId: row.actor.id,
  actorLabel: row.actor.label,
  action: row.action,
  entityType: row.entityType,
  entityId: row.entityId,
  before: row.before ? JSON.stringify(row.before) : '',
  after: row.after ? JSON.stringify(row.after) : '',
});
