import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LeadExportDto } from '@segflow/api-contracts';
import { exportLeadRows } from '@segflow/stores';
import { DataSource } from 'typeorm';
import { isUuid } from '@segflow/api-contracts';

/** A lead's data-subject access export: every row Segflow holds about it, read in one snapshot. */
@Injectable()
export class LeadExportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async exportOrThrow(leadId: string, now = new Date()): Promise<LeadExportDto> {
    if (!isUuid(leadId))
      throw new BadRequestException({
        message: 'invalid lead id',
        issues: [{ field: 'id', reason: 'must be a UUID' }],
      });
    const rows = await exportLeadRows(this.db, leadId);
    if (!rows) throw new NotFoundException({ message: `lead ${leadId} not found` });
    return { exportedAt: now.toISOString(), ...rows };
  }
}
