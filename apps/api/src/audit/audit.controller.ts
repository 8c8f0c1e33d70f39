import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditPageDto } from '@segflow/api-contracts';
import { Readable } from 'node:stream';
import { Roles } from '../auth/auth.decorators';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { streamCsv } from '../dashboards/to-csv';
import { AUDIT_CSV_COLUMNS, auditQuerySchema, MAX_AUDIT_PAGE, toAuditCsvRow, type AuditQueryInput } from './audit.dto';
import { AuditService } from './audit.service';

async function* csvRowsOf(batches: AsyncIterable<Parameters<typeof toAuditCsvRow>[0][]>) {
  for await (const rows of batches) yield rows.map(toAuditCsvRow);
}

@ApiTags('audit')
@Controller('audit')
@Roles('ops')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary: `Audit log, newest first; filters actorId, action, entityType, entityId, from (inclusive), to (exclusive); cursor = nextCursor; limit ≤ ${MAX_AUDIT_PAGE}`,
  })
  list(@Query(new ZodBodyPipe(auditQuerySchema)) q: AuditQueryInput): Promise<AuditPageDto> {
    return this.audit.page(q);
  }

  @Get('export.csv')
  @ApiOperation({ summary: 'Every entry matching the same filters as CSV (spreadsheet formulas escaped)' })
  exportCsv(@Query(new ZodBodyPipe(auditQuerySchema)) q: AuditQueryInput): StreamableFile {
    return new StreamableFile(Readable.from(streamCsv(csvRowsOf(this.audit.batches(q)), AUDIT_CSV_COLUMNS)), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="segflow-audit.csv"',
    });
  }
}
