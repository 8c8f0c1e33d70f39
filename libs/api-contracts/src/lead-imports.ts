import type { LeadImportMapping, LeadImportRowIssue, LeadImportTarget } from '@segflow/scoring';

/** `POST /api/leads/imports/mapping`: the header row of a file about to be imported. */
export interface LeadImportMappingRequest {
  headers: string[];
}

/**
 * The mapping to pre-fill for those headers: the one last used for the same headers (`remembered`), else a guess from
 * the header names; `targets` are the lead fields a column can map to.
 */
export interface LeadImportMappingDto {
  mapping: LeadImportMapping;
  remembered: boolean;
  targets: LeadImportTarget[];
}

/** `POST /api/leads/imports`: creates an import; the file then goes to `PUT /api/leads/imports/:id/file`. */
export interface CreateLeadImportRequest {
  fileName: string;
  /** The file's size in bytes, for the progress bar; optional for streams of unknown length. */
  sizeBytes?: number;
  headers: string[];
  mapping: LeadImportMapping;
}

/**
 * `created`: no file yet; `receiving`: a file is being read; `interrupted`: an upload stopped before the end (upload
 * the same file again to continue); `completed`; `failed`: a limit was exceeded (rows committed so far stay).
 */
export type LeadImportState = 'created' | 'receiving' | 'interrupted' | 'completed' | 'failed';

/** One problem of one row; `row` is the file's row number with the header as row 1 (a spreadsheet's numbering). */
export interface LeadImportRowError extends LeadImportRowIssue {
  row: number;
}

/**
 * `GET /api/leads/imports/:id` (errors paged with `limit`/`offset`), also the answer of the upload.
 *
 * @example
 * const progress: LeadImportDto = { id, state: 'receiving', rowsRead: 1500, created: 1400, updated: 50, unchanged: 0, failed: 50, ... };
 */
export interface LeadImportDto {
  id: string;
  fileName: string;
  state: LeadImportState;
  /** Why the import failed or was interrupted, if it did. */
  failure: string | null;
  headers: string[];
  mapping: LeadImportMapping;
  sizeBytes: number | null;
  /** Bytes of the current (or last) upload read so far. */
  bytesRead: number;
  /** Data rows read (committed rows and rows skipped on resume included). */
  rowsRead: number;
  /** Data rows whose outcome is committed: an upload of the same file resumes after them. */
  committedRows: number;
  created: number;
  updated: number;
  /** Valid rows whose lead already held exactly these values (a second import of the same file). */
  unchanged: number;
  failed: number;
  createdAt: string;
  finishedAt: string | null;
  errors: LeadImportRowError[];
  /** Errors stored (at most the documented cap; `failed` counts every failed row). */
  errorsTotal: number;
}

/**
 * Limits of a CSV import (README "CSV import"): larger files, more columns or rows are refused; a longer field fails
 * its row; errors past `maxStoredErrors` are counted in `failed` but not stored. Rows are committed `chunkRows` at a
 * time, the unit an interrupted upload resumes from.
 */
export const LEAD_IMPORT_LIMITS = {
  maxFileBytes: 100 * 1024 * 1024,
  maxColumns: 100,
  maxFieldChars: 10_000,
  maxRows: 1_000_000,
  maxStoredErrors: 10_000,
  chunkRows: 500,
} as const;
