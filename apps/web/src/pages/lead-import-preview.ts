import { LEAD_IMPORT_LIMITS } from '@segflow/api-contracts';
import {
  createCsvRecordReader,
  mapLeadImportRow,
  type LeadImportMapping,
  type LeadImportRowIssue,
  type LeadImportTarget,
} from '@segflow/scoring';

/** How much of the file the browser reads to find the header row and the preview rows. */
export const PREVIEW_BYTES = 256 * 1024;
export const PREVIEW_ROWS = 20;

/** The header row and the first rows of a file. */
export interface FileHead {
  headers: string[];
  rows: string[][];
}

/**
 * The header row and up to {@link PREVIEW_ROWS} rows of the file's first bytes, read by the reader the API uses. When
 * `text` is only the start of the file (`complete` false), a record it cuts is left out.
 *
 * @example
 * readFileHead('id,name\ncrm-1,Asha\ncrm-2,Vi', false); // { headers: ['id', 'name'], rows: [['crm-1', 'Asha']] }
 */
export function readFileHead(text: string, complete: boolean): FileHead {
  const reader = createCsvRecordReader({
    maxFieldChars: LEAD_IMPORT_LIMITS.maxFieldChars,
    maxCells: LEAD_IMPORT_LIMITS.maxColumns,
  });
  const records = [...reader.push(text), ...(complete ? reader.end() : [])];
  const [headers = [], ...rows] = records;
  return { headers, rows: rows.slice(0, PREVIEW_ROWS) };
}

/** A preview row: its file row number, cells, the problem of each cell by column, and problems of no one column. */
export interface PreviewRow {
  row: number;
  cells: string[];
  cellIssues: Map<string, string>;
  rowIssues: LeadImportRowIssue[];
}

/**
 * The preview rows as the import will judge them (same mapping and validation as the API).
 *
 * @example
 * previewRows({ headers: ['id'], rows: [['']] }, { id: 'externalId' })[0].rowIssues; // [{ field: 'externalId', ... }]
 */
export function previewRows(
  head: FileHead,
  mapping: LeadImportMapping,
  targets?: readonly LeadImportTarget[],
): PreviewRow[] {
  return head.rows.map((cells, index) => {
    const { issues } = mapLeadImportRow(head.headers, mapping, cells, LEAD_IMPORT_LIMITS.maxFieldChars, targets);
    const cellIssues = new Map<string, string>();
    for (const issue of issues) if (issue.column) cellIssues.set(issue.column, `${issue.field}: ${issue.reason}`);
    return { row: index + 2, cells, cellIssues, rowIssues: issues.filter((i) => !i.column) };
  });
}
