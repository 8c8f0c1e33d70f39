import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { LeadDetailDto } from './lead-detail.dto';
import { LeadDetailService } from './lead-detail.service';

// Same /leads prefix as LeadsController (which owns list and upsert); this one only adds the detail route.
@ApiTags('leads')
@Controller('leads')
export class LeadDetailController {
  constructor(private readonly details: LeadDetailService) {}

  @Get(':id')
  @ApiOperation({ summary: 'A lead (by id or externalId) with features, current segment, membership history and recent events' })
  get(@Param('id') id: string): Promise<LeadDetailDto> {
    return this.details.getOrThrow(id);
  }
}
