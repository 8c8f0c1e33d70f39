/** A stored row, as PostgreSQL's `to_jsonb` gives it: column names as in the schema. */
export type StoredRow = Record<string, unknown>;

/**
 * `GET /api/leads/:id/export`: everything Segflow holds about one lead, table by table, rows as stored (a
 * data-subject access request under the DPDP Act 2023 or the GDPR).
 *
 * @example
 * const doc: LeadExportDto = await requestJson(`/api/leads/${id}/export`);
 */
export interface LeadExportDto {
  exportedAt: string;
  lead: StoredRow;
  features: StoredRow | null;
  events: StoredRow[];
  memberships: StoredRow[];
  /** Each run with its path and `steps` (its run_steps rows). */
  runs: StoredRow[];
  touches: StoredRow[];
  /** Each task with `activity`: notes, snoozes, reassignments, completion. */
  tasks: StoredRow[];
  ownerAssignments: StoredRow[];
  slaClocks: StoredRow[];
  consentChanges: StoredRow[];
  /** Suppressions of the lead's addresses (stored as hashes, never the address). */
  suppressions: StoredRow[];
  inboundMessages: StoredRow[];
  auditEntries: StoredRow[];
}

/**
 * `POST /api/leads/:id/erase` (admin): what the erasure did. `workflowsDeleted` counts the Temporal executions
 * (runs and intake) deleted; `runsStopped` the active runs ended through the exit signal first.
 */
export interface LeadErasureDto {
  leadId: string;
  erasedAt: string;
  runsStopped: number;
  workflowsDeleted: number;
}
