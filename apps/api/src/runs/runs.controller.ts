import { BadRequestException, Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { SessionUser } from '../auth/principal';
import { DEFAULT_ROLES } from '../auth/roles';
import { jsonSchemaOf } from '../common/json-schema-of';
import { LeadAccessService, leadScopeOf } from '../leads/lead-access.service';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import {
  completeTaskSchema,
  enrolSchema,
  listRunsQuerySchema,
  listTouchesQuerySchema,
  stopRunSchema,
  type EnrolBody,
  type ListRunsQuery,
  type ListTouchesQuery,
  type RunDetailDto,
  type RunDto,
  type TaskDto,
  type TouchDto,
} from './run.dto';
import { RunsService } from './runs.service';

@ApiTags('runs')
@Controller('runs')
export class RunsController {
  constructor(
    private readonly runs: RunsService,
    private readonly access: LeadAccessService,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Enrol a lead into the latest published version of a playbook (409 when it already has an active run of it)',
  })
  @ApiBody({ schema: jsonSchemaOf(enrolSchema) })
  enrol(@Body(new ZodBodyPipe(enrolSchema)) body: EnrolBody): Promise<RunDetailDto> {
    return this.runs.enrol(body);
  }

  @Get()
  @Roles(...DEFAULT_ROLES, 'rep')
  @ApiOperation({
    summary:
      'Runs, newest first, filtered by lead, playbook and status (reps: leadId of one of their leads is required)',
  })
  @ApiQuery({ name: 'leadId', required: false })
  @ApiQuery({ name: 'playbookId', required: false })
  @ApiQuery({ name: 'status', required: false, enum: ['active', 'converted', 'exited', 'completed', 'heldOut'] })
  @ApiQuery({ name: 'limit', required: false })
  async list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodBodyPipe(listRunsQuerySchema)) query: ListRunsQuery,
  ): Promise<RunDto[]> {
    await assertLeadQueryVisibleOrThrow(this.access, user, query.leadId);
    return this.runs.list(query);
  }

  @Get(':id')
  @Roles(...DEFAULT_ROLES, 'rep')
  @ApiOperation({
    summary: 'A run with its path, touches, tasks, current node, status and exit reason (reps: runs of their leads)',
  })
  async get(@CurrentUser() user: SessionUser, @Param('id') id: string): Promise<RunDetailDto> {
    const run = await this.runs.get(id);
    await this.access.assertVisibleOrThrow(user, run.leadId);
    return run;
  }

  @Post(':id/stop')
  @ApiOperation({ summary: 'Stop an active run at once with a reason' })
  @ApiBody({ schema: jsonSchemaOf(stopRunSchema) })
  stop(@Param('id') id: string, @Body(new ZodBodyPipe(stopRunSchema)) body: { reason: string }): Promise<RunDetailDto> {
    return this.runs.stop(id, body.reason);
  }

  @Post(':id/tasks/:taskId/complete')
  @ApiOperation({ summary: "Complete an open task of the run; a node waiting for it continues on 'done'" })
  @ApiBody({ schema: jsonSchemaOf(completeTaskSchema) })
  completeTask(
    @Param('taskId') taskId: string,
    @Body(new ZodBodyPipe(completeTaskSchema)) body: { outcome: string },
  ): Promise<TaskDto> {
    return this.runs.completeTask(taskId, body.outcome);
  }
}

@ApiTags('runs')
@Controller('touches')
export class TouchesController {
  constructor(
    private readonly runs: RunsService,
    private readonly access: LeadAccessService,
  ) {}

  @Get()
  @Roles(...DEFAULT_ROLES, 'rep')
  @ApiOperation({
    summary:
      'Rendered messages the provider recorded (the outbox a user can read), newest first (reps: leadId of one of their leads is required)',
  })
  @ApiQuery({ name: 'leadId', required: false })
  @ApiQuery({ name: 'runId', required: false })
  @ApiQuery({ name: 'limit', required: false })
  async list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodBodyPipe(listTouchesQuerySchema)) query: ListTouchesQuery,
  ): Promise<TouchDto[]> {
    await assertLeadQueryVisibleOrThrow(this.access, user, query.leadId);
    return this.runs.listTouches(query);
  }
}

/** Reps list runs and touches one lead at a time, and only of a lead they may see; others list freely. */
async function assertLeadQueryVisibleOrThrow(
  access: LeadAccessService,
  user: SessionUser,
  leadId: string | undefined,
): Promise<void> {
  if (leadScopeOf(user) === undefined) return;
  if (!leadId)
    throw new BadRequestException({
      message: 'invalid request',
      issues: [{ field: 'leadId', reason: 'required for reps: name one of your leads' }],
    });
  await access.assertVisibleOrThrow(user, leadId);
}
