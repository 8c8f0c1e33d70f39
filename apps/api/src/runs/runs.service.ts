import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  closeTask,
  findRun,
  findTask,
  listRuns,
  listTouches,
  tasksOfRun,
  touchesOfRun,
  type RunRow,
} from '@segflow/stores';
import { DataSource } from 'typeorm';
import { isUuid } from '@segflow/api-contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import {
  mapRun,
  mapTask,
  mapTouch,
  type EnrolBody,
  type ListRunsQuery,
  type ListTouchesQuery,
  type RunDetailDto,
  type RunDto,
  type TaskDto,
  type TemporalUi,
  type TouchDto,
} from './run.dto';
import { RunLauncherService } from './run-launcher.service';
import { RunSignalsService } from './run-signals.service';

/** Manual enrolment, reading runs with what they produced, stopping runs and completing their tasks. */
@Injectable()
export class RunsService {
  private readonly temporalUi: TemporalUi;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly launcher: RunLauncherService,
    private readonly signals: RunSignalsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.temporalUi = { baseUrl: config.TEMPORAL_UI_URL, namespace: config.TEMPORAL_NAMESPACE };
  }

  /** Enrols a lead into the playbook's latest published version (no holdout, no re-entry policy: ops decide). */
  async enrol({ leadId, playbookId }: EnrolBody): Promise<RunDetailDto> {
    let result;
    try {
      result = await this.launcher.launch({ leadId, playbookId });
    } catch (error) {
      throw new ServiceUnavailableException({ message: `run not started: ${(error as Error).message}` });
    }
    if (result.kind === 'refused') {
      if (result.reason === 'lead-not-found' || result.reason === 'playbook-not-found')
        throw new NotFoundException({ message: result.detail });
      if (result.reason === 'not-published')
        throw new ConflictException({ message: result.detail, field: 'playbookId' });
      throw new ConflictException({ message: result.detail, field: 'leadId' });
    }
    return this.get(result.run.id);
  }

  async list(query: ListRunsQuery): Promise<RunDto[]> {
    const runs = await listRuns(this.db.manager, query);
    return runs.map((run) => mapRun(run, this.temporalUi));
  }

  async get(id: string): Promise<RunDetailDto> {
    const run = await this.findOrThrow(id);
    const [touches, tasks] = await Promise.all([touchesOfRun(this.db.manager, id), tasksOfRun(this.db.manager, id)]);
    return {
      ...mapRun(run, this.temporalUi),
      path: run.path,
      touches: touches.map(mapTouch),
      tasks: tasks.map(mapTask),
    };
  }

  /** Ends an active run at once with the reason (pending touches unsent, open tasks cancelled by the workflow). */
  async stop(id: string, reason: string): Promise<RunDetailDto> {
    const run = await this.findOrThrow(id);
    if (run.status !== 'active') throw new ConflictException({ message: `run ${id} is already ${run.status}` });
    await this.signals.send(run.temporalWorkflowId!, { kind: 'exit', payload: { reason: `stopped:${reason}` } });
    return this.get(id);
  }

  async listTouches(query: ListTouchesQuery): Promise<TouchDto[]> {
    const touches = await listTouches(this.db.manager, query);
    return touches.map(mapTouch);
  }

  /** Closes an open task and tells its run (a `waitForCompletion` task node continues on `done`). */
  async completeTask(taskId: string, outcome: string): Promise<TaskDto> {
    const task = isUuid(taskId) ? await findTask(this.db.manager, taskId) : null;
    if (!task) throw new NotFoundException({ message: `task ${taskId} not found` });
    if (task.status !== 'open') throw new ConflictException({ message: `task ${taskId} is already ${task.status}` });
    await closeTask(this.db.manager, taskId, outcome, new Date());
    const run = task.runId ? await findRun(this.db.manager, task.runId) : null;
    if (run?.status === 'active' && run.temporalWorkflowId && task.nodeId && task.visit !== null) {
      await this.signals.send(run.temporalWorkflowId, {
        kind: 'taskCompleted',
        payload: { nodeId: task.nodeId, visit: task.visit, outcome },
      });
    }
    return mapTask((await findTask(this.db.manager, taskId))!);
  }

  private async findOrThrow(id: string): Promise<RunRow> {
    if (!isUuid(id))
      throw new BadRequestException({ message: 'invalid run id', issues: [{ field: 'id', reason: 'must be a UUID' }] });
    const run = await findRun(this.db.manager, id);
    if (!run) throw new NotFoundException({ message: `run ${id} not found` });
    return run;
  }
}
