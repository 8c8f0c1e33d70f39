import {
  ConflictException,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import { Context } from '@temporalio/activity';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { AuditActor, RetrainScheduleStatus, ScheduledRetrainOutcome } from '@segflow/api-contracts';
import { recordAuditEntry } from '@segflow/stores';
import {
  retrainTaskQueue,
  SCHEDULED_RETRAIN_WORKFLOW,
  type ScheduledRetrainActivities,
  type ScheduledRetrainInput,
} from '@segflow/workflow-contracts';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TemporalClient } from '../temporal/temporal.module';
import { ScheduledRetrainService } from './scheduled-retrain.service';

/** `weekly`: Mondays 03:00 in RETRAIN_SCHEDULE_TIMEZONE, before the working week's traffic. */
const WEEKLY_CRON = '0 3 * * 1';
/** How long the API waits before setting the schedule up again when Temporal did not answer at boot. */
const SETUP_RETRY_MS = 10_000;
const STATUS_TIMEOUT_MS = 3_000;
const SETUP_TIMEOUT_MS = 10_000;

/**
 * The retrain schedule (RETRAIN_SCHEDULE): created or updated at boot (deleted when `off`), and the API's worker for
 * its one activity. The retrain stays in the API (worker thread, training lease, config), so the scheduled workflow —
 * on the worker's run queue like every workflow — calls back into it on the API's own `<queue>-retrain` task queue.
 */
@Injectable()
export class RetrainScheduleService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetrainScheduleService.name);
  private worker: { worker: Worker; connection: NativeConnection; running: Promise<void> } | null = null;
  private setUp: Promise<void> = Promise.resolve();
  private stopping = false;
  /** Ends the wait before the next set-up attempt (shutdown does not wait out the retry delay). */
  private wake: (() => void) | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly temporal: TemporalClient,
    private readonly retrains: ScheduledRetrainService,
    private readonly dataSource: DataSource,
  ) {}

  /** One schedule per deployment: its run queue names it, so test stacks on one Temporal server never share one. */
  get scheduleId(): string {
    return `segment-retrain-${this.config.TEMPORAL_TASK_QUEUE}`;
  }

  private get isOff(): boolean {
    return this.config.RETRAIN_SCHEDULE === 'off';
  }

  onApplicationBootstrap(): void {
    // Not awaited: the API serves while Temporal is down, and sets the schedule up once it answers.
    this.setUp = this.setUpUntilDone();
  }

  /** Resolves once the schedule is in place and the activity worker polls (tests; the API never waits for it). */
  whenReady(): Promise<void> {
    return this.setUp;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.setUp;
    if (!this.worker) return;
    // Ctrl-C reaches the API too, and the Temporal runtime's own signal handler may have stopped the worker already.
    if (this.worker.worker.getState() === 'RUNNING') this.worker.worker.shutdown();
    await this.worker.running;
    await this.worker.connection.close();
  }

  private async setUpUntilDone(): Promise<void> {
    while (!this.stopping) {
      try {
        if (this.isOff) return await this.temporal.withTimeout(SETUP_TIMEOUT_MS, () => this.deleteSchedule());
        await this.startActivityWorker();
        return await this.temporal.withTimeout(SETUP_TIMEOUT_MS, () => this.upsertSchedule());
      } catch (error) {
        this.logger.warn(
          `retrain schedule not set up yet (retrying in ${SETUP_RETRY_MS} ms): ${(error as Error).message}`,
        );
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, SETUP_RETRY_MS);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  private async startActivityWorker(): Promise<void> {
    if (this.worker) return;
    const connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    const activities: ScheduledRetrainActivities = {
      retrainSegmentsOnSchedule: async ({ scheduledRunId }) => {
        const context = Context.current();
        const outcome = await this.retrains.retrainOnSchedule(() => context.heartbeat());
        this.logger.log(`scheduled retrain ${scheduledRunId}: ${JSON.stringify(outcome)}`);
        return outcome;
      },
    };
    const worker = await Worker.create({
      connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: retrainTaskQueue(this.config.TEMPORAL_TASK_QUEUE),
      activities,
      maxConcurrentActivityTaskExecutions: 1,
    });
    const running = worker.run().catch((error: Error) => this.logger.error(`retrain worker stopped: ${error.message}`));
    this.worker = { worker, connection, running };
  }

  private scheduleOptions() {
    const input: ScheduledRetrainInput = { activityTaskQueue: retrainTaskQueue(this.config.TEMPORAL_TASK_QUEUE) };
    return {
      spec: {
        cronExpressions: [this.config.RETRAIN_SCHEDULE === 'weekly' ? WEEKLY_CRON : this.config.RETRAIN_SCHEDULE],
        timezone: this.config.RETRAIN_SCHEDULE_TIMEZONE,
      },
      action: {
        type: 'startWorkflow' as const,
        workflowType: SCHEDULED_RETRAIN_WORKFLOW,
        workflowId: this.scheduleId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
      },
      // A run still going when the next is due is not doubled; a run missed while Temporal was down is not made up.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
    };
  }

  /** Creates the schedule, or brings an existing one to the current configuration (every replica does; same result). */
  private async upsertSchedule(): Promise<void> {
    const options = this.scheduleOptions();
    try {
      await this.temporal.schedule.create({ scheduleId: this.scheduleId, ...options });
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await this.temporal.schedule.getHandle(this.scheduleId).update((previous) => ({ ...previous, ...options }));
    }
  }

  private async deleteSchedule(): Promise<void> {
    try {
      await this.temporal.schedule.getHandle(this.scheduleId).delete();
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
    }
  }

  /** The schedule's next run and its latest run with the outcome; `reachable: false` when Temporal did not answer. */
  async status(): Promise<RetrainScheduleStatus> {
    const base = { schedule: this.config.RETRAIN_SCHEDULE, timezone: this.config.RETRAIN_SCHEDULE_TIMEZONE };
    const unknown = { scheduleId: this.isOff ? null : this.scheduleId, nextRunAt: null, lastRun: null };
    if (this.isOff) return { ...base, ...unknown, reachable: true };
    try {
      return await this.temporal.withTimeout(STATUS_TIMEOUT_MS, async () => {
        const { info } = await this.temporal.schedule.getHandle(this.scheduleId).describe();
        const last = info.recentActions.at(-1);
        return {
          ...base,
          ...unknown,
          reachable: true,
          nextRunAt: info.nextActionTimes[0]?.toISOString() ?? null,
          lastRun: last
            ? {
                scheduledAt: last.scheduledAt.toISOString(),
                startedAt: last.takenAt.toISOString(),
                ...(await this.runOf(last.action.workflow.workflowId)),
              }
            : null,
        };
      });
    } catch (error) {
      // Not created yet (Temporal was down at boot): reachable, nothing scheduled.
      return { ...base, ...unknown, reachable: error instanceof ScheduleNotFoundError };
    }
  }

  private async runOf(
    workflowId: string,
  ): Promise<{ workflowId: string; status: string; outcome: ScheduledRetrainOutcome | null }> {
    const handle = this.temporal.workflow.getHandle<() => Promise<ScheduledRetrainOutcome>>(workflowId);
    const { status } = await handle.describe();
    return { workflowId, status: status.name, outcome: status.name === 'COMPLETED' ? await handle.result() : null };
  }

  /** "Run now": a scheduled run outside the calendar (skipped by Temporal while one is still running). */
  async triggerOrThrow(actor: AuditActor): Promise<RetrainScheduleStatus> {
    if (this.isOff) throw new ConflictException('RETRAIN_SCHEDULE is off: there is no schedule to run');
    await this.temporal.schedule.getHandle(this.scheduleId).trigger(ScheduleOverlapPolicy.SKIP);
    await recordAuditEntry(this.dataSource.manager, {
      actor,
      action: 'segmentModel.retrainTriggered',
      entityType: 'retrainSchedule',
      entityId: this.scheduleId,
      after: { schedule: this.config.RETRAIN_SCHEDULE },
    });
    return this.status();
  }
}
