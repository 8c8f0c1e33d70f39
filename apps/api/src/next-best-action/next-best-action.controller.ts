import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditActor, SegmentNextBestAction } from '@segflow/api-contracts';
import { Actor } from '../auth/audit-actor';
import { Roles } from '../auth/auth.decorators';
import { jsonSchemaOf } from '../common/json-schema-of';
import { UuidParamPipe } from '../common/param-pipes';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { ApplyNextBestActionBody, applyNextBestActionSchema } from './next-best-action.dto';
import { NextBestActionService } from './next-best-action.service';

@ApiTags('segments')
@Controller('segments')
export class NextBestActionController {
  constructor(private readonly actions: NextBestActionService) {}

  @Get('next-best-actions')
  @ApiOperation({ summary: 'Next best action of every live segment (see GET /api/segments/:id/next-best-action)' })
  list(): Promise<SegmentNextBestAction[]> {
    return this.actions.forLiveSegments();
  }

  @Get(':id/next-best-action')
  @ApiOperation({
    summary:
      'The playbook and channel with the best measured conversion lift over holdout (else reply rate), with 95% interval and sample size, or not_enough_data saying what is missing',
  })
  get(@Param('id', UuidParamPipe) id: string): Promise<SegmentNextBestAction> {
    return this.actions.forSegmentOrThrow(id);
  }

  @Post(':id/next-best-action/apply')
  @HttpCode(200)
  @Roles('ops')
  @ApiOperation({
    summary:
      'Bind the recommended playbook to the segment (audit-logged; 409 when the recommendation changed, there is none, or the segment is bound to another playbook)',
  })
  @ApiBody({ schema: jsonSchemaOf(applyNextBestActionSchema) })
  apply(
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodBodyPipe(applyNextBestActionSchema)) body: ApplyNextBestActionBody,
    @Actor() actor: AuditActor,
  ): Promise<SegmentNextBestAction> {
    return this.actions.applyOrThrow(id, body, actor);
  }
}
