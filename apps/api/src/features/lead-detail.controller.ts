import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { SessionUser } from '../auth/principal';
import { DEFAULT_ROLES } from '../auth/roles';
import { LeadDetailDto } from './lead-detail.dto';
import { LeadDetailService } from './lead-detail.service';

// Same /leads prefix as LeadsController (which owns list and upsert); this one only adds the detail route.
@ApiTags('leads')
@Controller('leads')
export class LeadDetailController {
  constructor(private readonly details: LeadDetailService) {}

  @Get(':id')
  @Roles(...DEFAULT_ROLES, 'rep')
  @ApiOperation({
    summary:
      'A lead (by id or externalId) with features, current segment, membership history and recent events; reps: only their own (403 otherwise)',
  })
  get(@CurrentUser() user: SessionUser, @Param('id') id: string): Promise<LeadDetailDto> {
    return this.details.getOrThrow(user, id);
  }
}
