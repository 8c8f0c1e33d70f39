import type { LeadImportDto, LeadImportRowError } from '@segflow/api-contracts';
import type { LeadImportRow } from '@segflow/stores';

/** An import row and one page of its errors as the API returns them. */
export function mapLeadImport(row: LeadImportRow, errors: LeadImportRowError[]): LeadImportDto {
  return {
    id: row.id,
    fileName: row.file_name,
    state: row.state,
    failure: row.failure,
    headers: row.headers,
    mapping: row.mapping,
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    bytesRead: Number(row.bytes_read),
    rowsRead: row.rows_read,
    committedRows: row.committed_rows,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    failed: row.failed,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    errors,
    errorsTotal: row.errors_stored,
  };
}
