import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type {
  AuditActor,
  DeleteLeadAttributeQuery,
  LeadAttributeDto,
  UpdateLeadAttributeRequest,
} from '@segflow/api-contracts';
import { LEAD_ATTRIBUTE_LIMITS, type LeadAttributeDefinition } from '@segflow/scoring';
import { z } from 'zod';
import { Actor } from '../auth/audit-actor';
import { Roles } from '../auth/auth.decorators';
import { ROLES } from '../auth/roles';
import { readsQueryContract } from '../common/accepts-contract';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { createLeadAttributeSchema, LeadAttributesService, updateLeadAttributeSchema } from './lead-attributes.service';

const deleteQuerySchema = readsQueryContract<DeleteLeadAttributeQuery>()(
  z.object({ dropValues: z.enum(['true', 'false']).default('false') }),
);

@ApiTags('settings')
@Controller('settings/lead-attributes')
export class LeadAttributesController {
  constructor(private readonly attributes: LeadAttributesService) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The workspace schema of custom lead attributes, with how many leads hold a value of each' })
  list(): Promise<LeadAttributeDto[]> {
    return this.attributes.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: `Add an attribute (key ^[a-z][a-z0-9_]{0,39}$, label, type text | number | date | enum with values); at most ${LEAD_ATTRIBUTE_LIMITS.attributes}`,
  })
  create(
    @Body(new ZodBodyPipe(createLeadAttributeSchema)) body: LeadAttributeDefinition,
    @Actor() actor: AuditActor,
  ): Promise<LeadAttributeDto> {
    return this.attributes.createOrThrow(body, actor);
  }

  @Patch(':key')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change label, type or enum values; a new type or a dropped enum value that leads hold is refused (409)',
  })
  update(
    @Param('key') key: string,
    @Body(new ZodBodyPipe(updateLeadAttributeSchema)) body: UpdateLeadAttributeRequest,
    @Actor() actor: AuditActor,
  ): Promise<LeadAttributeDto> {
    return this.attributes.updateOrThrow(key, body, actor);
  }

  @Delete(':key')
  @Roles('admin')
  @HttpCode(204)
  @ApiQuery({ name: 'dropValues', required: false })
  @ApiOperation({
    summary: 'Delete an attribute; refused (409, with the count) while leads hold values unless dropValues=true',
  })
  remove(
    @Param('key') key: string,
    @Query(new ZodBodyPipe(deleteQuerySchema)) query: z.infer<typeof deleteQuerySchema>,
    @Actor() actor: AuditActor,
  ): Promise<void> {
    return this.attributes.removeOrThrow(key, query.dropValues === 'true', actor);
  }
}
