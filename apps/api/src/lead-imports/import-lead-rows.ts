import type { LeadImportRowError } from '@segflow/api-contracts';
import { LeadInput, LeadImportMapping, mapLeadImportRow, type LeadImportTarget } from '@segflow/scoring';
import { findStoredLeads, isNoOpUpsert, type Queryable } from '@segflow/stores';
import { leadUpsertRowOf, type LeadsService, type LeadWriter } from '../leads/leads.service';

/** A data row of the file: its row number (header = 1) and cells. */
export interface CsvDataRow {
  row: number;
  cells: string[];
}

/** What a chunk of rows did. */
export interface ChunkOutcome {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: LeadImportRowError[];
}

/** How a file's rows become leads: its headers, mapping, the targets (with custom attributes), the field limit. */
export interface RowFormat {
  headers: string[];
  mapping: LeadImportMapping;
  targets: readonly LeadImportTarget[];
  maxFieldChars: number;
}

/**
 * Imports a chunk of rows through the intake of `POST /api/leads` (same validation, consent rules and outbox intake),
 * after mapping each row; valid rows whose lead already holds these values are counted unchanged and not written.
 * A repeated externalId fails the earlier row (the later one wins), as in a `POST /api/leads` batch.
 */
export async function importLeadRows(
  db: Queryable,
  leads: LeadsService,
  format: RowFormat,
  rows: readonly CsvDataRow[],
  now: Date,
  writer: LeadWriter,
): Promise<ChunkOutcome> {
  const outcome: ChunkOutcome = { created: 0, updated: 0, unchanged: 0, failed: 0, errors: [] };
  if (!rows.length) return outcome;
  const columnOf = new Map(Object.entries(format.mapping).map(([column, target]) => [target, column]));
  const valid = new Map<string, { row: number; lead: LeadInput }>();
  for (const { row, cells } of rows) {
    const { lead, issues } = mapLeadImportRow(
      format.headers,
      format.mapping,
      cells,
      format.maxFieldChars,
      format.targets,
    );
    if (!lead) {
      outcome.failed += 1;
      outcome.errors.push(...issues.map((issue) => ({ row, ...issue })));
      continue;
    }
    const earlier = valid.get(lead.externalId);
    if (earlier) {
      outcome.failed += 1;
      const reason = `repeated at row ${row}; the later row wins`;
      outcome.errors.push({ row: earlier.row, field: 'externalId', column: columnOf.get('externalId')!, reason });
    }
    valid.set(lead.externalId, { row, lead });
  }
  const stored = new Map((await findStoredLeads(db, [...valid.keys()])).map((s) => [s.external_id, s]));
  const changed = [...valid.values()].filter(({ lead }) => {
    const current = stored.get(lead.externalId);
    return !current || !isNoOpUpsert(leadUpsertRowOf(lead), current);
  });
  outcome.unchanged = valid.size - changed.length;
  const results = await leads.upsert(
    changed.map((c) => c.lead),
    now,
    { startIntakeNow: false, writer },
  );
  for (const result of results) {
    if (result.status !== 'rejected') outcome[result.status] += 1;
    else {
      outcome.failed += 1;
      const row = changed[result.index]!.row;
      outcome.errors.push(...result.issues.map((i) => ({ row, ...i, column: columnOf.get(i.field) ?? null })));
    }
  }
  outcome.errors.sort((a, b) => a.row - b.row);
  return outcome;
}
