import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditActor, RuleSegmentChange, RuleSegmentPreview } from '@segflow/api-contracts';
import { Roles } from '../auth/auth.decorators';
import { Actor } from '../auth/audit-actor';
import { UuidParamPipe } from '../common/param-pipes';
import {
  parseRuleBody,
  ruleSegmentInputSchema,
  ruleSegmentPatchSchema,
  ruleSegmentPreviewSchema,
} from './rule-segment.dto';
import { RuleSegmentsService } from './rule-segments.service';

/** Rule segments (ops and admins): `GET /api/segments` lists them with the learned ones. */
@ApiTags('segments')
@Controller('segments/rules')
@Roles('ops')
export class RuleSegmentsController {
  constructor(private readonly rules: RuleSegmentsService) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'How many leads a rule matches now, and a sample, before saving it' })
  preview(@Body() body: unknown): Promise<RuleSegmentPreview> {
    return this.rules.preview(parseRuleBody(ruleSegmentPreviewSchema, body).rule);
  }

  @Post()
  @ApiOperation({ summary: 'Create a rule segment; every lead is re-evaluated (membership + outbox rows)' })
  create(@Body() body: unknown, @Actor() actor: AuditActor): Promise<RuleSegmentChange> {
    return this.rules.create(parseRuleBody(ruleSegmentInputSchema, body), actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a rule segment (name, colour, rule, priority); every lead is re-evaluated' })
  update(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: unknown,
    @Actor() actor: AuditActor,
  ): Promise<RuleSegmentChange> {
    return this.rules.update(id, parseRuleBody(ruleSegmentPatchSchema, body), actor);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a rule segment (refused while a playbook is bound to it); its members leave it' })
  remove(@Param('id', UuidParamPipe) id: string, @Actor() actor: AuditActor): Promise<{ moved: number }> {
    return this.rules.remove(id, actor);
  }
}
