import type { Queryable } from './queryable';
import { returnedRows } from './returned-rows';

// Owner of `lead_imports` (one CSV import and its progress), `lead_import_errors` (its failed rows) and
// `lead_import_mappings` (the last mapping used per header row). An upload owns an import while its `upload_id` is
// the one stored: a newer upload of the same import takes it over, and the older one's commits then change nothing.

/** States of an import (see `LeadImportState` in libs/api-contracts). */
export type LeadImportStateValue = 'created' | 'receiving' | 'interrupted' | 'completed' | 'failed';

export interface LeadImportRow {
  id: string;
  file_name: string;
  size_bytes: string | null;
  headers: string[];
  mapping: Record<string, string>;
  state: LeadImportStateValue;
  failure: string | null;
  upload_id: string | null;
  committed_rows: number;
  prefix_sha256: string | null;
  bytes_read: string;
  rows_read: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors_stored: number;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export interface NewLeadImport {
  fileName: string;
  sizeBytes: number | null;
  headers: readonly string[];
  mapping: Record<string, string>;
  createdBy: string | null;
}

/**
 * Creates an import in state `created`.
 * @example const row = await insertLeadImport(manager, { fileName: 'leads.csv', sizeBytes: 1024, headers, mapping, createdBy: userId });
 */
export async function insertLeadImport(db: Queryable, i: NewLeadImport): Promise<LeadImportRow> {
  const [row] = await db.query(
    `INSERT INTO lead_imports (file_name, size_bytes, headers, mapping, created_by)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5) RETURNING *`,
    [i.fileName, i.sizeBytes, JSON.stringify(i.headers), JSON.stringify(i.mapping), i.createdBy],
  );
  return row;
}

/**
 * An import by id; undefined when there is none.
 * @example const row = await findLeadImport(manager, id);
 */
export async function findLeadImport(db: Queryable, id: string): Promise<LeadImportRow | undefined> {
  const [row] = await db.query(`SELECT * FROM lead_imports WHERE id = $1`, [id]);
  return row;
}

/**
 * Makes `uploadId` the import's upload (state `receiving`) unless it is completed or failed; undefined then. A
 * `receiving` import can be taken over: its upload may have died with a client or an API process.
 * @example const row = await claimLeadImportUpload(manager, id, randomUUID());
 */
export async function claimLeadImportUpload(
  db: Queryable,
  id: string,
  uploadId: string,
): Promise<LeadImportRow | undefined> {
  const [row] = returnedRows<LeadImportRow>(
    await db.query(
      `UPDATE lead_imports SET upload_id = $2, state = 'receiving', failure = NULL, bytes_read = 0
       WHERE id = $1 AND state IN ('created', 'receiving', 'interrupted') RETURNING *`,
      [id, uploadId],
    ),
  );
  return row;
}

/** One row's problem, as {@link commitLeadImportChunk} stores it. */
export interface LeadImportErrorRow {
  row: number;
  field: string;
  column: string | null;
  reason: string;
}

/** The outcome of a chunk of rows: the new totals of the import and the errors to store. */
export interface LeadImportChunk {
  id: string;
  uploadId: string;
  committedRows: number;
  prefixSha256: string;
  bytesRead: number;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: readonly LeadImportErrorRow[];
}

/**
 * Records a chunk's progress and errors (call it in one transaction, so a chunk is committed with its errors or not
 * at all); false, storing nothing, when another upload has taken the import over.
 * @example if (!(await commitLeadImportChunk(tx, chunk))) throw new Error('taken over');
 */
export async function commitLeadImportChunk(db: Queryable, c: LeadImportChunk): Promise<boolean> {
  const updated = returnedRows(
    await db.query(
      `UPDATE lead_imports SET committed_rows = $3, prefix_sha256 = $4, bytes_read = $5, rows_read = $6, created = $7,
            updated = $8, unchanged = $9, failed = $10, errors_stored = errors_stored + $11
     WHERE id = $1 AND upload_id = $2 RETURNING id`,
      [
        c.id,
        c.uploadId,
        c.committedRows,
        c.prefixSha256,
        c.bytesRead,
        c.rowsRead,
        c.created,
        c.updated,
        c.unchanged,
        c.failed,
        c.errors.length,
      ],
    ),
  );
  if (!updated.length) return false;
  if (c.errors.length)
    await db.query(
      `INSERT INTO lead_import_errors (import_id, row_number, field, column_name, reason)
       SELECT $1, x.row, x.field, x.column, x.reason
       FROM jsonb_to_recordset($2::jsonb) AS x("row" int, field text, "column" text, reason text)`,
      [c.id, JSON.stringify(c.errors)],
    );
  return true;
}

/**
 * Ends the upload `uploadId` in `state` (`completed`, `failed` or `interrupted`) unless another upload owns the import.
 * @example await finishLeadImportUpload(manager, id, uploadId, 'completed', null, now);
 */
export async function finishLeadImportUpload(
  db: Queryable,
  id: string,
  uploadId: string,
  state: 'completed' | 'failed' | 'interrupted',
  failure: string | null,
  at: Date,
): Promise<void> {
  await db.query(
    `UPDATE lead_imports SET state = $3, failure = $4, finished_at = CASE WHEN $3 = 'interrupted' THEN NULL ELSE $5::timestamptz END
     WHERE id = $1 AND upload_id = $2`,
    [id, uploadId, state, failure, at],
  );
}

/**
 * One page of an import's errors, by row.
 * @example const errors = await listLeadImportErrors(manager, id, 100, 0);
 */
export function listLeadImportErrors(
  db: Queryable,
  id: string,
  limit: number,
  offset: number,
): Promise<LeadImportErrorRow[]> {
  return db.query(
    `SELECT row_number AS "row", field, column_name AS "column", reason FROM lead_import_errors
     WHERE import_id = $1 ORDER BY row_number, id LIMIT $2 OFFSET $3`,
    [id, limit, offset],
  );
}

/**
 * Remembers `mapping` as the one to pre-fill for files with this header signature.
 * @example await rememberLeadImportMapping(manager, headerSignature(headers), mapping);
 */
export async function rememberLeadImportMapping(
  db: Queryable,
  signature: string,
  mapping: Record<string, string>,
): Promise<void> {
  await db.query(
    `INSERT INTO lead_import_mappings (signature_md5, mapping) VALUES (md5($1), $2::jsonb)
     ON CONFLICT (signature_md5) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now()`,
    [signature, JSON.stringify(mapping)],
  );
}

/**
 * The mapping last used for files with this header signature; undefined when there is none.
 * @example const mapping = await findRememberedLeadImportMapping(manager, headerSignature(headers));
 */
export async function findRememberedLeadImportMapping(
  db: Queryable,
  signature: string,
): Promise<Record<string, string> | undefined> {
  const [row] = await db.query(`SELECT mapping FROM lead_import_mappings WHERE signature_md5 = md5($1)`, [signature]);
  return row?.mapping;
}
