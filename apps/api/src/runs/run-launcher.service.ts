import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  chooseSplitVariant,
  isReentryAllowed,
  startRun,
  withDefaultQuietHours,
  type LeadContext,
  type Playbook,
} from '@segflow/playbook';
import {
  findPlaybook,
  findRun,
  findVersionById,
  insertHeldOutRun,
  insertStartedRun,
  pinPlaybook,
  pinSegmentPlaybook,
  type PinnedPlaybook,
  type PlaybookVersionRow,
  type RunRow,
} from '@segflow/stores';
import {
  manualRunWorkflowId,
  membershipRunWorkflowId,
  PLAYBOOK_RUN_WORKFLOW,
  type PlaybookRunInput,
} from '@segflow/workflow-contracts';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { enqueueWorkflowStarts, markWorkflowsStarted } from '@segflow/stores';
import { activeTraceparent } from '../tracing/trace-context';
import { DIRECT_START_TIMEOUT_MS } from '../temporal/direct-start-timeout';
import { TemporalClient } from '../temporal/temporal.module';
import { lockLeadForLaunch } from './lock-lead-for-launch';

/** Why a launch did not start a workflow. */
export type LaunchRefusal =
  'lead-not-found' | 'playbook-not-found' | 'not-published' | 'already-active' | 'reentry-not-allowed';

export type LaunchResult =
  | { kind: 'started' | 'heldOut' | 'existing'; run: RunRow }
  | { kind: 'refused'; reason: LaunchRefusal; detail: string };

/**
 * A segment entry met the lead's run of the same playbook from an earlier membership, still active: the lead left
 * that segment and came back before the old run recorded the exit it was signalled. Thrown, not refused, so the
 * outbox retries the entry (with back-off) once the exit is recorded, and re-entry is then judged by the policy
 * against the old run's real end, instead of the entry being lost as "already active".
 */
export class PreviousRunStillEndingError extends Error {
  constructor(readonly runId: string) {
    super(
      `run ${runId} of this playbook, from the lead's previous membership, has not recorded its exit yet; the entry is retried`,
    );
    this.name = 'PreviousRunStillEndingError';
  }
}

/**
 * What a run start hands to the workflow besides the run: read once on the way, never again. `startedAt` is set
 * when the run's row already holds the state the interpreter starts it in at that time.
 */
type StartRead = {
  paused: boolean;
  version: Pick<PlaybookVersionRow, 'id' | 'version' | 'graph'>;
  lead: LeadContext;
  startedAt?: Date;
};

/**
 * What createRun read on its way, handed on so the workflow start need not read it again; `outboxId` is the
 * `run_start` row backing a start made outside the dispatcher.
 */
type Created = { kind: 'started'; run: RunRow; read: StartRead; outboxId: string | null };

export interface LaunchRequest {
  leadId: string;
  playbookId: string;
  /** Set for segment-driven runs: the run (and workflow id) is derived from it, so a re-delivery starts nothing. */
  membershipId?: string;
  segmentId?: string;
  holdoutPercent?: number;
  /**
   * What the workflow start waits for (the lead's outbox rows before the entry: its events to the old run, and that
   * run's exit): the run's row is written meanwhile. If it rejects, the launch rejects with its error and starts no
   * workflow; a re-delivery starts it.
   */
  startAfter?: Promise<void>;
  /** Set when an outbox row (a segment entry) asked for the launch: its re-delivery starts the workflow if this does not. */
  fromOutbox?: boolean;
}

/** Whether the lead falls in the holdout group: a deterministic hash of (lead, playbook), the split node's hash. */
export function isHeldOut(leadId: string, playbookId: string, holdoutPercent: number): boolean {
  if (holdoutPercent <= 0) return false;
  const variants = [
    { key: 'holdout', label: 'Holdout', weight: holdoutPercent },
    { key: 'treatment', label: 'Treatment', weight: 100 - holdoutPercent },
  ];
  return chooseSplitVariant(leadId, `holdout:${playbookId}`, variants) === 'holdout';
}

/**
 * Starts runs of a playbook's latest published version: the `runs` row first, then the workflow. A launch made by a
 * request (not by an outbox row) writes a `run_start` outbox row with the run: if the workflow start fails (Temporal
 * down) the run is still returned, and the dispatcher starts its workflow once Temporal answers. A segment entry's
 * start is on the dispatcher's critical path, so it takes five round trips before the workflow start: the segment's
 * binding, the pinned playbook and the membership's run (one query), then a transaction (BEGIN, one locking read of
 * the lead, one insert of the run with its first steps, COMMIT). They overlap the delivery of the lead's rows before
 * the entry (`startAfter`).
 */
@Injectable()
export class RunLauncherService {
  private readonly logger = new Logger(RunLauncherService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: TemporalClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async launch(request: LaunchRequest): Promise<LaunchResult> {
    return this.launchPinned(
      request,
      await pinPlaybook(this.dataSource.manager, request.playbookId, request.membershipId ?? null),
    );
  }

  /**
   * Starts the run a segment entry calls for, of the playbook bound to the segment (its binding, the playbook and the
   * membership's run in one query, on the path of every run start); null when no playbook is bound or it was never
   * published.
   */
  async launchSegmentEntry(
    entry: Required<Pick<LaunchRequest, 'leadId' | 'segmentId' | 'membershipId'>> & Pick<LaunchRequest, 'startAfter'>,
  ): Promise<LaunchResult | null> {
    const bound = await pinSegmentPlaybook(this.dataSource.manager, entry.segmentId, entry.membershipId);
    if (!bound || bound.status === 'draft') return null;
    return this.launchPinned(
      { ...entry, playbookId: bound.id, holdoutPercent: bound.holdoutPercent ?? 0, fromOutbox: true },
      bound,
    );
  }

  /** Starts the workflow of a run a `run_start` outbox row names, if the run is still active (safe to repeat). */
  async startRunWorkflow(runId: string): Promise<void> {
    const run = await findRun(this.dataSource.manager, runId);
    if (run?.status !== 'active' || !run.temporalWorkflowId) return;
    await this.startWorkflow(run, {
      leadId: run.leadId,
      playbookId: run.playbookId,
      segmentId: run.segmentId ?? undefined,
    });
  }

  private async launchPinned(request: LaunchRequest, pinned: PinnedPlaybook | null): Promise<LaunchResult> {
    const existing = pinned?.membershipRunId ? await findRun(this.dataSource.manager, pinned.membershipRunId) : null;
    if (existing) {
      // A re-delivery: make sure the workflow exists (the first attempt may have died before starting it).
      await request.startAfter;
      if (existing.status === 'active') await this.startWorkflow(existing, request);
      return { kind: 'existing', run: existing };
    }
    if (!pinned)
      return { kind: 'refused', reason: 'playbook-not-found', detail: `playbook ${request.playbookId} not found` };
    const created = await this.dataSource.transaction((manager) => this.createRun(manager, request, pinned));
    if (created.kind !== 'started') return created;
    await request.startAfter;
    if (created.outboxId === null) {
      await this.startWorkflow(created.run, request, created.read);
      return { kind: 'started', run: created.run };
    }
    try {
      await this.temporal.withTimeout(DIRECT_START_TIMEOUT_MS, () =>
        this.startWorkflow(created.run, request, created.read),
      );
      await markWorkflowsStarted(this.dataSource.manager, [created.outboxId]);
    } catch (error) {
      this.logger.warn({
        msg: `run ${created.run.id}: workflow not started now (${(error as Error).message}); the outbox starts it once Temporal answers`,
        runId: created.run.id,
        leadId: created.run.leadId,
        workflowId: created.run.temporalWorkflowId,
      });
    }
    return { kind: 'started', run: created.run };
  }

  private async createRun(
    manager: EntityManager,
    request: LaunchRequest,
    { name, status, version }: PinnedPlaybook,
  ): Promise<Created | { kind: 'heldOut'; run: RunRow } | Extract<LaunchResult, { kind: 'refused' }>> {
    if (!version)
      return { kind: 'refused', reason: 'not-published', detail: `playbook ${name} has no published version` };
    const found = await lockLeadForLaunch(
      manager,
      request.leadId,
      request.segmentId ?? null,
      request.playbookId,
      new Date(),
    );
    if (!found) return { kind: 'refused', reason: 'lead-not-found', detail: `lead ${request.leadId} not found` };
    const active = found.activeRun;
    if (active && request.membershipId && active.membershipId && active.membershipId !== request.membershipId) {
      throw new PreviousRunStillEndingError(active.id);
    }
    if (active)
      return {
        kind: 'refused',
        reason: 'already-active',
        detail: `lead already has active run ${active.id} of this playbook`,
      };
    if (request.membershipId && !isReentryAllowed(version.graph.settings.reentry, found.lastEndedAt, new Date())) {
      return {
        kind: 'refused',
        reason: 'reentry-not-allowed',
        detail: `re-entry policy ${version.graph.settings.reentry.policy}`,
      };
    }
    const playbookId = request.playbookId;
    const heldOut = isHeldOut(request.leadId, playbookId, request.holdoutPercent ?? 0);
    const id = randomUUID();
    const startedAt = new Date();
    const base = {
      id,
      leadId: request.leadId,
      playbookId,
      playbookVersionId: version.id,
      playbookVersion: version.version,
      segmentId: request.segmentId ?? null,
      membershipId: request.membershipId ?? null,
      startedAt,
    };
    if (heldOut) {
      const run: RunRow = {
        ...base,
        status: 'heldOut',
        exitReason: 'holdout',
        currentNodeId: null,
        path: [],
        endedAt: startedAt,
        temporalWorkflowId: null,
      };
      await insertHeldOutRun(manager, run);
      return { kind: 'heldOut', run };
    }
    // The run's row starts out holding the interpreter's first step, so the workflow's first task need not write it
    // (the workflow starts from the same time and reaches the same state).
    const { state } = startRun({ playbook: this.executed(version.graph), lead: found.lead, now: startedAt, runId: id });
    const run: RunRow = {
      ...base,
      status: state.status,
      exitReason: state.reason ?? null,
      currentNodeId: state.currentNodeId,
      path: state.path,
      endedAt: state.endedAt ? new Date(state.endedAt) : null,
      temporalWorkflowId: request.membershipId
        ? membershipRunWorkflowId(request.membershipId, playbookId)
        : manualRunWorkflowId(id),
    };
    await insertStartedRun(manager, run);
    const [outboxId] = request.fromOutbox
      ? [null]
      : await enqueueWorkflowStarts(manager, [
          { kind: 'run_start', payload: { leadId: run.leadId, runId: run.id, traceparent: activeTraceparent() } },
        ]);
    return {
      kind: 'started',
      run,
      read: { paused: status === 'paused', version, lead: found.lead, startedAt },
      outboxId: outboxId ?? null,
    };
  }

  /** Starts the run's workflow; `read` is what createRun already read (a re-delivery reads it here). */
  private async startWorkflow(run: RunRow, request: LaunchRequest, read?: StartRead): Promise<void> {
    const { paused, version, lead, startedAt } = read ?? (await this.readForStart(run, request));
    const input: PlaybookRunInput = {
      runId: run.id,
      leadId: run.leadId,
      playbookId: run.playbookId,
      playbookVersionId: version.id,
      playbookVersion: version.version,
      graph: this.executed(version.graph),
      lead,
      paused,
      timeScale: this.config.PLAYBOOK_TIME_SCALE,
      ...(startedAt ? { startedAt: startedAt.toISOString() } : {}),
    };
    try {
      // REJECT_DUPLICATE: a re-delivery after the run already finished must not start it a second time.
      await this.temporal.workflow.start(PLAYBOOK_RUN_WORKFLOW, {
        args: [input],
        workflowId: run.temporalWorkflowId!,
        taskQueue: this.temporal.defaultTaskQueue,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  /**
   * What a re-delivery's workflow start needs: the run's own version (not the latest), the playbook's state, the lead
   * (outside a transaction the lead's lock ends with its statement: nothing is written here).
   */
  private async readForStart(run: RunRow, request: LaunchRequest): Promise<StartRead> {
    const manager = this.dataSource.manager;
    const [version, playbook, found] = await Promise.all([
      findVersionById(manager, run.playbookVersionId),
      findPlaybook(manager, run.playbookId),
      lockLeadForLaunch(manager, run.leadId, request.segmentId ?? null, run.playbookId, new Date()),
    ]);
    return { paused: playbook!.status === 'paused', version: version!, lead: found!.lead };
  }

  /** The graph a run executes: the version's, under the workspace's default quiet hours (QUIET_HOURS_DEFAULT). */
  private executed(graph: Playbook): Playbook {
    return withDefaultQuietHours(graph, this.config.QUIET_HOURS_DEFAULT);
  }
}
