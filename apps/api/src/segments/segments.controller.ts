import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { RetrainScheduleStatus, SegmentBacktest } from '@segflow/api-contracts';
import { z } from 'zod';
import type { AuditActor } from '@segflow/api-contracts';
import { Actor } from '../auth/audit-actor';
import { Roles } from '../auth/auth.decorators';
import { UuidParamPipe } from '../common/param-pipes';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { SegmentBacktestService } from '../propensity/segment-backtest.service';
import { backtestQuerySchema, retrainSchema, SegmentDto, UpdateSegment, updateSegmentSchema } from './segment.dto';
import { SegmentModelDiffDto, SegmentModelDto } from './segment-model.dto';
import { RetrainScheduleService } from './retrain-schedule.service';
import { SegmentModelsService } from './segment-models.service';
import { SegmentsService } from './segments.service';

@ApiTags('segments')
@Controller('segments')
export class SegmentsController {
  constructor(
    private readonly segments: SegmentsService,
    private readonly models: SegmentModelsService,
    private readonly backtests: SegmentBacktestService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Segments of the active model with size, conversion rate, centroid and bound playbook' })
  list(): Promise<SegmentDto[]> {
    return this.segments.list();
  }

  @Post('retrain')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Train a new model version in a worker thread (k, kRange or warm start); poll GET /api/segment-models/:id',
  })
  retrain(
    @Body(new ZodBodyPipe(retrainSchema.optional())) body: z.infer<typeof retrainSchema> | undefined,
  ): Promise<SegmentModelDto> {
    return this.models.retrain(body ?? {});
  }

  @Get(':id/backtest')
  @ApiOperation({
    summary:
      'How the segment and a playbook converted on closed history: its entries whose window has closed, with a run of the playbook, held out of it, or neither (Wilson 95% intervals)',
  })
  @ApiQuery({ name: 'playbookId', required: true })
  @ApiQuery({ name: 'horizonDays', required: false })
  backtest(
    @Param('id', UuidParamPipe) id: string,
    @Query(new ZodBodyPipe(backtestQuerySchema)) query: z.infer<typeof backtestQuerySchema>,
  ): Promise<SegmentBacktest> {
    return this.backtests.backtest(id, query);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, describe or recolour a segment (kept across retrains)' })
  update(@Param('id') id: string, @Body(new ZodBodyPipe(updateSegmentSchema)) body: UpdateSegment): Promise<unknown> {
    return this.segments.updateOrThrow(id, body);
  }
}

@ApiTags('segments')
@Controller('segment-models')
export class SegmentModelsController {
  constructor(
    private readonly models: SegmentModelsService,
    private readonly schedule: RetrainScheduleService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Model versions, newest first' })
  list(): Promise<SegmentModelDto[]> {
    return this.models.list();
  }

  @Get('schedule')
  @ApiOperation({ summary: 'The retrain schedule (RETRAIN_SCHEDULE): next run, latest run and its outcome' })
  scheduleStatus(): Promise<RetrainScheduleStatus> {
    return this.schedule.status();
  }

  @Post('schedule/trigger')
  @HttpCode(200)
  @Roles('admin', 'ops')
  @ApiOperation({ summary: 'Run the scheduled retrain now (skipped while one runs); the result is a candidate' })
  triggerSchedule(@Actor() actor: AuditActor): Promise<RetrainScheduleStatus> {
    return this.schedule.triggerOrThrow(actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A model version: status, training progress, metrics, segments' })
  get(@Param('id') id: string): Promise<SegmentModelDto> {
    return this.models.getOrThrow(id);
  }

  @Get(':id/diff')
  @ApiOperation({
    summary: 'What approving this candidate changes: sizes, moved-leads matrix, metrics vs the active model',
  })
  diff(@Param('id') id: string): Promise<SegmentModelDiffDto> {
    return this.models.diffOrThrow(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Activate a candidate: leads are re-assigned, membership changes and outbox rows written' })
  approve(@Param('id') id: string, @Actor() actor: AuditActor): Promise<SegmentModelDto> {
    return this.models.approveOrThrow(id, actor);
  }

  @Post(':id/discard')
  @HttpCode(200)
  @ApiOperation({ summary: 'Discard a candidate; nothing moves' })
  discard(@Param('id') id: string, @Actor() actor: AuditActor): Promise<SegmentModelDto> {
    return this.models.discardOrThrow(id, actor);
  }
}
