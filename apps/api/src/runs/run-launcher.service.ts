import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { chooseSplitVariant, isReentryAllowed, startRun, withDefaultQuietHours, type LeadContext, type Playbook } from '@segflow/playbook';
import { manualRunWorkflowId, membershipRunWorkflowId, PLAYBOOK_RUN_WORKFLOW, UPSERT_RUN_STEPS_SQL, type PlaybookRunInput } from '@segflow/workflow-contracts';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PlaybookEntity, type PlaybookStatus } from '../playbooks/playbook.entity';
import { PlaybookVersionEntity } from '../playbooks/playbook-version.entity';
import { DIRECT_START_TIMEOUT_MS, enqueueWorkflowStarts, markWorkflowsStarted } from '../outbox/workflow-starts';
import { TemporalClient } from '../temporal/temporal.module';
import { lockLeadForLaunch } from './lock-lead-for-launch';
import { RunEntity } from './run.entity';

/** Why a launch did not start a workflow. */
export type LaunchRefusal =
  | 'lead-not-found' | 'playbook-not-found' | 'not-published' | 'already-active' | 'reentry-not-allowed';

export type LaunchResult = { kind: 'started' | 'heldOut' | 'existing'; run: RunEntity } | { kind: 'refused'; reason: LaunchRefusal; detail: string };

/**
 * A segment entry met the lead's run of the same playbook from an earlier membership, still active: the lead left
 * that segment and came back before the old run recorded the exit it was signalled. Thrown, not refused, so the
 * outbox retries the entry (with back-off) once the exit is recorded, and re-entry is then judged by the policy
 * against the old run's real end, instead of the entry being lost as "already active".
 */
export class PreviousRunStillEndingError extends Error {
  constructor(readonly runId: string) {
    super(`run ${runId} of this playbook, from the lead's previous membership, has not recorded its exit yet; the entry is retried`);
    this.name = 'PreviousRunStillEndingError';
  }
}

/**
 * A started run's row and its first steps in one round trip (a launch is on the path of every run start); the steps
 * go in as the worker upserts them later. $1 is the run id and $2 its path, as UPSERT_RUN_STEPS_SQL takes them.
 */
const INSERT_STARTED_RUN_SQL = `
WITH run AS (
  INSERT INTO runs (id, path, lead_id, playbook_id, playbook_version_id, playbook_version, segment_id, membership_id, status,
                    exit_reason, current_node_id, temporal_workflow_id, started_at, ended_at)
  VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
)
${UPSERT_RUN_STEPS_SQL}`;

/** A playbook and its latest published version (null when it has none), read in one round trip. */
type PinnedPlaybook = {
  id: string; name: string; status: PlaybookStatus; version: Pick<PlaybookVersionEntity, 'id' | 'version' | 'graph'> | null;
  /** The run the launch's membership already has of this playbook (a re-delivery), if any. */
  membershipRunId: string | null;
  /** The segment binding's holdout, when read through the binding. */
  holdoutPercent: number | null;
};

/** A pinned playbook `p`: its latest published version, and the run the membership $2 already has of it. */
const PINNED_COLUMNS = `p.id, p.name, p.status, v.id AS version_id, v.version, v.graph,
  (SELECT id FROM runs WHERE membership_id = $2 AND playbook_id = p.id) AS membership_run_id`;
const LATEST_VERSION_JOIN = `LEFT JOIN LATERAL (SELECT id, version, graph FROM playbook_versions WHERE playbook_id = p.id ORDER BY version DESC LIMIT 1) v ON true`;
/** The playbook $1, pinned. */
const PINNED_BY_ID_SQL = `SELECT ${PINNED_COLUMNS}, NULL::int AS holdout_percent FROM playbooks p ${LATEST_VERSION_JOIN} WHERE p.id = $1`;
/** The playbook bound to segment $1, pinned, with the binding's holdout. */
const PINNED_BY_SEGMENT_SQL = `SELECT ${PINNED_COLUMNS}, b.holdout_percent
  FROM segment_bindings b JOIN playbooks p ON p.id = b.playbook_id ${LATEST_VERSION_JOIN} WHERE b.segment_id = $1`;

/**
 * What a run start hands to the workflow besides the run: read once on the way, never again. `startedAt` is set
 * when the run's row already holds the state the interpreter starts it in at that time.
 */
type StartRead = { paused: boolean; version: Pick<PlaybookVersionEntity, 'id' | 'version' | 'graph'>; lead: LeadContext; startedAt?: Date };

/**
 * What createRun read on its way, handed on so the workflow start need not read it again; `outboxId` is the
 * `run_start` row backing a start made outside the dispatcher.
 */
type Created = { kind: 'started'; run: RunEntity; read: StartRead; outboxId: string | null };

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
  const variants = [{ key: 'holdout', label: 'Holdout', weight: holdoutPercent }, { key: 'treatment', label: 'Treatment', weight: 100 - holdoutPercent }];
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
    return this.launchPinned(request, await this.pinnedPlaybook(PINNED_BY_ID_SQL, request.playbookId, request.membershipId ?? null));
  }

  /**
   * Starts the run a segment entry calls for, of the playbook bound to the segment (its binding, the playbook and the
   * membership's run in one query, on the path of every run start); null when no playbook is bound or it was never
   * published.
   */
  async launchSegmentEntry(entry: Required<Pick<LaunchRequest, 'leadId' | 'segmentId' | 'membershipId'>> & Pick<LaunchRequest, 'startAfter'>): Promise<LaunchResult | null> {
    const bound = await this.pinnedPlaybook(PINNED_BY_SEGMENT_SQL, entry.segmentId, entry.membershipId);
    if (!bound || bound.status === 'draft') return null;
    return this.launchPinned({ ...entry, playbookId: bound.id, holdoutPercent: bound.holdoutPercent ?? 0, fromOutbox: true }, bound);
  }

  /** Starts the workflow of a run a `run_start` outbox row names, if the run is still active (safe to repeat). */
  async startRunWorkflow(runId: string): Promise<void> {
    const run = await this.dataSource.manager.findOneBy(RunEntity, { id: runId });
    if (run?.status !== 'active' || !run.temporalWorkflowId) return;
    await this.startWorkflow(run, { leadId: run.leadId, playbookId: run.playbookId, segmentId: run.segmentId ?? undefined });
  }

  private async launchPinned(request: LaunchRequest, pinned: PinnedPlaybook | null): Promise<LaunchResult> {
    const existing = pinned?.membershipRunId ? await this.dataSource.manager.findOneByOrFail(RunEntity, { id: pinned.membershipRunId }) : null;
    if (existing) {
      // A re-delivery: make sure the workflow exists (the first attempt may have died before starting it).
      await request.startAfter;
      if (existing.status === 'active') await this.startWorkflow(existing, request);
      return { kind: 'existing', run: existing };
    }
    if (!pinned) return { kind: 'refused', reason: 'playbook-not-found', detail: `playbook ${request.playbookId} not found` };
    const created = await this.dataSource.transaction((manager) => this.createRun(manager, request, pinned));
    if (created.kind !== 'started') return created;
    await request.startAfter;
    if (created.outboxId === null) {
      await this.startWorkflow(created.run, request, created.read);
      return { kind: 'started', run: created.run };
    }
    try {
      await this.temporal.withTimeout(DIRECT_START_TIMEOUT_MS, () => this.startWorkflow(created.run, request, created.read));
      await markWorkflowsStarted(this.dataSource.manager, [created.outboxId]);
    } catch (error) {
      this.logger.warn(`run ${created.run.id}: workflow not started now (${(error as Error).message}); the outbox starts it once Temporal answers`);
    }
    return { kind: 'started', run: created.run };
  }

  private async createRun(
    manager: EntityManager, request: LaunchRequest, { name, status, version }: PinnedPlaybook,
  ): Promise<Created | { kind: 'heldOut'; run: RunEntity } | Extract<LaunchResult, { kind: 'refused' }>> {
    if (!version) return { kind: 'refused', reason: 'not-published', detail: `playbook ${name} has no published version` };
    const found = await lockLeadForLaunch(manager, request.leadId, request.segmentId ?? null, request.playbookId);
    if (!found) return { kind: 'refused', reason: 'lead-not-found', detail: `lead ${request.leadId} not found` };
    const active = found.activeRun;
    if (active && request.membershipId && active.membershipId && active.membershipId !== request.membershipId) {
      throw new PreviousRunStillEndingError(active.id);
    }
    if (active) return { kind: 'refused', reason: 'already-active', detail: `lead already has active run ${active.id} of this playbook` };
    if (request.membershipId && !isReentryAllowed(version.graph.settings.reentry, found.lastEndedAt, new Date())) {
      return { kind: 'refused', reason: 'reentry-not-allowed', detail: `re-entry policy ${version.graph.settings.reentry.policy}` };
    }
    const playbookId = request.playbookId;
    const heldOut = isHeldOut(request.leadId, playbookId, request.holdoutPercent ?? 0);
    const id = randomUUID();
    const startedAt = new Date();
    const base = {
      id, leadId: request.leadId, playbookId, playbookVersionId: version.id, playbookVersion: version.version,
      segmentId: request.segmentId ?? null, membershipId: request.membershipId ?? null, startedAt,
    };
    if (heldOut) {
      const run = manager.create(RunEntity, { ...base, status: 'heldOut', exitReason: 'holdout', currentNodeId: null, path: [], endedAt: startedAt, temporalWorkflowId: null });
      await manager.insert(RunEntity, run);
      return { kind: 'heldOut', run };
    }
    // The run's row starts out holding the interpreter's first step, so the workflow's first task need not write it
    // (the workflow starts from the same time and reaches the same state).
    const { state } = startRun({ playbook: this.executed(version.graph), lead: found.lead, now: startedAt, runId: id });
    const run = manager.create(RunEntity, {
      ...base, status: state.status, exitReason: state.reason ?? null, currentNodeId: state.currentNodeId, path: state.path,
      endedAt: state.endedAt ? new Date(state.endedAt) : null,
      temporalWorkflowId: request.membershipId ? membershipRunWorkflowId(request.membershipId, playbookId) : manualRunWorkflowId(id),
    });
    await manager.query(INSERT_STARTED_RUN_SQL, [
      run.id, JSON.stringify(run.path), run.leadId, run.playbookId, run.playbookVersionId, run.playbookVersion, run.segmentId,
      run.membershipId, run.status, run.exitReason, run.currentNodeId, run.temporalWorkflowId, run.startedAt, run.endedAt,
    ]);
    const [outboxId] = request.fromOutbox ? [null] : await enqueueWorkflowStarts(manager, [{ kind: 'run_start', payload: { leadId: run.leadId, runId: run.id } }]);
    return { kind: 'started', run, read: { paused: status === 'paused', version, lead: found.lead, startedAt }, outboxId: outboxId ?? null };
  }

  /** Starts the run's workflow; `read` is what createRun already read (a re-delivery reads it here). */
  private async startWorkflow(run: RunEntity, request: LaunchRequest, read?: StartRead): Promise<void> {
    const { paused, version, lead, startedAt } = read ?? await this.readForStart(run, request);
    const input: PlaybookRunInput = {
      runId: run.id, leadId: run.leadId, playbookId: run.playbookId, playbookVersionId: version.id, playbookVersion: version.version,
      graph: this.executed(version.graph), lead, paused, timeScale: this.config.PLAYBOOK_TIME_SCALE, ...(startedAt ? { startedAt: startedAt.toISOString() } : {}),
    };
    try {
      // REJECT_DUPLICATE: a re-delivery after the run already finished must not start it a second time.
      await this.temporal.workflow.start(PLAYBOOK_RUN_WORKFLOW, {
        args: [input], workflowId: run.temporalWorkflowId!, taskQueue: this.temporal.defaultTaskQueue, workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  /**
   * What a re-delivery's workflow start needs: the run's own version (not the latest), the playbook's state, the lead
   * (outside a transaction the lead's lock ends with its statement: nothing is written here).
   */
  private async readForStart(run: RunEntity, request: LaunchRequest): Promise<StartRead> {
    const manager = this.dataSource.manager;
    const [version, playbook, found] = await Promise.all([
      manager.findOneByOrFail(PlaybookVersionEntity, { id: run.playbookVersionId }),
      manager.findOneByOrFail(PlaybookEntity, { id: run.playbookId }),
      lockLeadForLaunch(manager, run.leadId, request.segmentId ?? null, run.playbookId),
    ]);
    return { paused: playbook.status === 'paused', version, lead: found!.lead };
  }

  /** The graph a run executes: the version's, under the workspace's default quiet hours (QUIET_HOURS_DEFAULT). */
  private executed(graph: Playbook): Playbook {
    return withDefaultQuietHours(graph, this.config.QUIET_HOURS_DEFAULT);
  }

  /** The playbook {@link PINNED_BY_ID_SQL} or {@link PINNED_BY_SEGMENT_SQL} finds for `key`, with the run `membershipId` already has of it. */
  private async pinnedPlaybook(sql: string, key: string, membershipId: string | null): Promise<PinnedPlaybook | null> {
    const [row]: Array<{ id: string; name: string; status: PlaybookStatus; version_id: string | null; version: number; graph: Playbook; membership_run_id: string | null; holdout_percent: number | null }> =
      await this.dataSource.query(sql, [key, membershipId]);
    if (!row) return null;
    return {
      id: row.id, name: row.name, status: row.status, membershipRunId: row.membership_run_id, holdoutPercent: row.holdout_percent,
      version: row.version_id ? { id: row.version_id, version: row.version, graph: row.graph } : null,
    };
  }
}
