import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditPageDto } from '@segflow/api-contracts';
import { listAuditEntries, type AuditEntryRow, type AuditFilter } from '@segflow/stores';
import { DataSource } from 'typeorm';
import { mapAuditEntry, type AuditQueryInput } from './audit.dto';

/** Rows the CSV export reads per page: memory stays bounded however long the log. */
const CSV_PAGE_ROWS = 1_000;

const filterOf = (q: AuditQueryInput, limit: number): AuditFilter => ({
  actorId: q.actorId,
  action: q.action,
  entityType: q.entityType,
  entityId: q.entityId,
  from: q.from,
  to: q.to,
  beforeId: q.cursor,
  limit,
});

/** Reads the audit log (the writes happen in the services whose changes it records). */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One page, newest first; `nextCursor` is set when more entries match. */
  async page(q: AuditQueryInput): Promise<AuditPageDto> {
    const rows = await listAuditEntries(this.db, filterOf(q, q.limit + 1));
    const entries = rows.slice(0, q.limit);
    return { entries: entries.map(mapAuditEntry), nextCursor: rows.length > q.limit ? entries.at(-1)!.id : null };
  }

  /** Every matching entry, newest first, page by page along the id (the log only grows at the top). */
  async *batches(q: AuditQueryInput): AsyncGenerator<AuditEntryRow[]> {
    let cursor = q.cursor;
    for (;;) {
      const rows = await listAuditEntries(this.db, filterOf({ ...q, cursor }, CSV_PAGE_ROWS));
      if (rows.length) yield rows;
      if (rows.length < CSV_PAGE_ROWS) return;
      cursor = rows.at(-1)!.id;
    }
  }
}
