import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { jsonSchemaOf } from '../common/json-schema-of';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import {
  completeTaskSchema, enrolSchema, listRunsQuerySchema, listTouchesQuerySchema, stopRunSchema,
  type EnrolBody, type ListRunsQuery, type ListTouchesQuery, type RunDetailDto, type RunDto, type TaskDto, type TouchDto,
} from './run.dto';
import { RunsService } from './runs.service';

@ApiTags('runs')
@Controller('runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Post()
  @ApiOperation({ summary: 'Enrol a lead into the latest published version of a playbook (409 when it already has an active run of it)' })
  @ApiBody({ schema: jsonSchemaOf(enrolSchema) })
  enrol(@Body(new ZodBodyPipe(enrolSchema)) body: EnrolBody): Promise<RunDetailDto> {
    return this.runs.enrol(body);
  }

  @Get()
  @ApiOperation({ summary: 'Runs, newest first, filtered by lead, playbook and status' })
  @ApiQuery({ name: 'leadId', required: false }) @ApiQuery({ name: 'playbookId', required: false })
  @ApiQuery({ name: 'status', required: false, enum: ['active', 'converted', 'exited', 'completed', 'heldOut'] }) @ApiQuery({ name: 'limit', required: false })
  list(@Query(new ZodBodyPipe(listRunsQuerySchema)) query: ListRunsQuery): Promise<RunDto[]> {
    return this.runs.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A run with its path, touches, tasks, current node, status and exit reason' })
  get(@Param('id') id: string): Promise<RunDetailDto> {
    return this.runs.get(id);
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
  completeTask(@Param('taskId') taskId: string, @Body(new ZodBodyPipe(completeTaskSchema)) body: { outcome: string }): Promise<TaskDto> {
    return this.runs.completeTask(taskId, body.outcome);
  }
}

@ApiTags('runs')
@Controller('touches')
export class TouchesController {
  constructor(private readonly runs: RunsService) {}

  @Get()
  @ApiOperation({ summary: 'Rendered messages the provider recorded (the outbox a user can read), newest first' })
  @ApiQuery({ name: 'leadId', required: false }) @ApiQuery({ name: 'runId', required: false }) @ApiQuery({ name: 'limit', required: false })
  list(@Query(new ZodBodyPipe(listTouchesQuerySchema)) query: ListTouchesQuery): Promise<TouchDto[]> {
    return this.runs.listTouches(query);
  }
}
