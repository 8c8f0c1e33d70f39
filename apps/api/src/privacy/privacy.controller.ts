import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditActor, LeadErasureDto, LeadExportDto } from '@segflow/api-contracts';
import { Actor } from '../auth/audit-actor';
import { Roles } from '../auth/auth.decorators';
import { LeadErasureService } from './lead-erasure.service';
import { LeadExportService } from './lead-export.service';

@ApiTags('privacy')
@Controller('leads')
@Roles('admin')
export class PrivacyController {
  constructor(
    private readonly exports: LeadExportService,
    private readonly erasures: LeadErasureService,
  ) {}

  @Get(':id/export')
  @ApiOperation({ summary: 'Everything Segflow holds about the lead, as JSON (admin; data-subject access request)' })
  export(@Param('id') id: string): Promise<LeadExportDto> {
    return this.exports.exportOrThrow(id);
  }

  @Post(':id/erase')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Erase the lead's personal data everywhere, stop its runs and delete its Temporal workflows; its addresses stay suppressed by hash (admin)",
  })
  erase(@Param('id') id: string, @Actor() actor: AuditActor): Promise<LeadErasureDto> {
    return this.erasures.eraseOrThrow(id, actor);
  }
}
