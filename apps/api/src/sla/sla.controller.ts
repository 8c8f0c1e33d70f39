import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import type { AuditActor } from '@segflow/api-contracts';
import { Actor } from '../auth/audit-actor';
import { UuidParamPipe } from '../common/param-pipes';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { SlaMonitorService, SlaTickResult } from './sla-monitor.service';
import { SlaPoliciesService } from './sla-policies.service';
import { SlaPolicyDto, SlaPolicyInput, slaPolicyInputSchema } from './sla-policy.dto';

@ApiTags('sla')
@Controller('sla')
@Roles('ops', 'manager')
export class SlaController {
  constructor(
    private readonly policies: SlaPoliciesService,
    private readonly monitor: SlaMonitorService,
  ) {}

  @Get('policies')
  list(): Promise<SlaPolicyDto[]> {
    return this.policies.list();
  }

  @Post('policies')
  @ApiOperation({
    summary: 'First touch within X minutes for a segment (optionally one playbook), business or wall clock',
  })
  create(
    @Body(new ZodBodyPipe(slaPolicyInputSchema)) body: SlaPolicyInput,
    @Actor() actor: AuditActor,
  ): Promise<SlaPolicyDto> {
    return this.policies.createOrThrow(body, actor);
  }

  @Put('policies/:id')
  update(
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodBodyPipe(slaPolicyInputSchema)) body: SlaPolicyInput,
    @Actor() actor: AuditActor,
  ): Promise<SlaPolicyDto> {
    return this.policies.updateOrThrow(id, body, actor);
  }

  @Delete('policies/:id')
  @HttpCode(204)
  remove(@Param('id', UuidParamPipe) id: string, @Actor() actor: AuditActor): Promise<void> {
    return this.policies.removeOrThrow(id, actor);
  }

  @Post('check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run the SLA check now (it also runs every SLA_CHECK_INTERVAL_MS)' })
  check(): Promise<SlaTickResult | null> {
    return this.monitor.tick();
  }
}
