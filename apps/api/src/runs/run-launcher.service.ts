import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { chooseSplitVariant, isReentryAllowed } from '@segflow/playbook';
import { manualRunWorkflowId, membershipRunWorkflowId, PLAYBOOK_RUN_WORKFLOW, type PlaybookRunInput } from '@segflow/workflow-contracts';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PlaybookEntity } from '../playbooks/playbook.entity';
import { PlaybookVersionEntity } from '../playbooks/playbook-version.entity';
import { TemporalClient } from '../temporal/temporal.module';
import { loadLeadContext } from './load-lead-context';
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

/** What createRun read on its way, handed on so the workflow start need not read it again. */
type Created = { kind: 'started'; run: RunEntity; playbook: PlaybookEntity; version: PlaybookVersionEntity };

export interface LaunchRequest {
  leadId: string;
  playbookId: string;
  /** Set for segment-driven runs: the run (and workflow id) is derived from it, so a re-delivery starts nothing. */
  membershipId?: string;
  segmentId?: string;
  holdoutPercent?: number;
}

/** Whether the lead falls in the holdout group: a deterministic hash of (lead, playbook), the split node's hash. */
export function isHeldOut(leadId: string, playbookId: string, holdoutPercent: number): boolean {
  if (holdoutPercent <= 0) return false;
  const variants = [{ key: 'holdout', label: 'Holdout', weight: holdoutPercent }, { key: 'treatment', label: 'Treatment', weight: 100 - holdoutPercent }];
  return chooseSplitVariant(leadId, `holdout:${playbookId}`, variants) === 'holdout';
}

/** Starts runs of a playbook's latest published version: the `runs` row first, then the workflow. */
@Injectable()
export class RunLauncherService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: TemporalClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async launch(request: LaunchRequest): Promise<LaunchResult> {
    const existing = request.membershipId ? await this.runOfMembership(request.membershipId, request.playbookId) : null;
    if (existing) {
      // A re-delivery: make sure the workflow exists (the first attempt may have died before starting it).
      if (existing.status === 'active') await this.startWorkflow(existing, request);
      return { kind: 'existing', run: existing };
    }
    const created = await this.dataSource.transaction((manager) => this.createRun(manager, request));
    if (created.kind !== 'started') return created;
    await this.startWorkflow(created.run, request, created);
    return { kind: 'started', run: created.run };
  }

  private async createRun(
    manager: EntityManager, request: LaunchRequest,
  ): Promise<Created | { kind: 'heldOut'; run: RunEntity } | Extract<LaunchResult, { kind: 'refused' }>> {
    const playbook = await manager.findOne(PlaybookEntity, { where: { id: request.playbookId } });
    if (!playbook) return { kind: 'refused', reason: 'playbook-not-found', detail: `playbook ${request.playbookId} not found` };
    const version = await manager.findOne(PlaybookVersionEntity, { where: { playbookId: playbook.id }, order: { version: 'DESC' } });
    if (!version) return { kind: 'refused', reason: 'not-published', detail: `playbook ${playbook.name} has no published version` };
    const [lead] = await manager.query(`SELECT id FROM leads WHERE id = $1 FOR UPDATE`, [request.leadId]);
    if (!lead) return { kind: 'refused', reason: 'lead-not-found', detail: `lead ${request.leadId} not found` };
    const active = await manager.findOne(RunEntity, { where: { leadId: request.leadId, playbookId: playbook.id, status: 'active' } });
    if (active && request.membershipId && active.membershipId && active.membershipId !== request.membershipId) {
      throw new PreviousRunStillEndingError(active.id);
    }
    if (active) return { kind: 'refused', reason: 'already-active', detail: `lead already has active run ${active.id} of this playbook` };
    const [last] = await manager.query(
      `SELECT max(ended_at) AS ended FROM runs WHERE lead_id = $1 AND playbook_id = $2 AND status <> 'heldOut'`, [request.leadId, playbook.id],
    );
    if (request.membershipId && !isReentryAllowed(version.graph.settings.reentry, last?.ended ?? null, new Date())) {
      return { kind: 'refused', reason: 'reentry-not-allowed', detail: `re-entry policy ${version.graph.settings.reentry.policy}` };
    }
    const heldOut = isHeldOut(request.leadId, playbook.id, request.holdoutPercent ?? 0);
    const id = randomUUID();
    const run = manager.create(RunEntity, {
      id, leadId: request.leadId, playbookId: playbook.id, playbookVersionId: version.id, playbookVersion: version.version,
      segmentId: request.segmentId ?? null, membershipId: request.membershipId ?? null, status: heldOut ? 'heldOut' : 'active',
      exitReason: heldOut ? 'holdout' : null, currentNodeId: null, path: [], startedAt: new Date(), endedAt: heldOut ? new Date() : null,
      temporalWorkflowId: heldOut ? null : request.membershipId ? membershipRunWorkflowId(request.membershipId, playbook.id) : manualRunWorkflowId(id),
    });
    await manager.insert(RunEntity, run);
    return heldOut ? { kind: 'heldOut', run } : { kind: 'started', run, playbook, version };
  }

  /** Starts the run's workflow; `read` is what createRun already read (a re-delivery reads it here). */
  private async startWorkflow(run: RunEntity, request: LaunchRequest, read?: { playbook: PlaybookEntity; version: PlaybookVersionEntity }): Promise<void> {
    const manager = this.dataSource.manager;
    const [version, playbook, lead] = await Promise.all([
      read?.version ?? manager.findOneByOrFail(PlaybookVersionEntity, { id: run.playbookVersionId }),
      read?.playbook ?? manager.findOneByOrFail(PlaybookEntity, { id: run.playbookId }),
      loadLeadContext(manager, run.leadId, request.segmentId ?? null),
    ]);
    const input: PlaybookRunInput = {
      runId: run.id, leadId: run.leadId, playbookId: run.playbookId, playbookVersionId: version.id, playbookVersion: version.version,
      graph: version.graph, lead: lead!, paused: playbook.status === 'paused', timeScale: this.config.PLAYBOOK_TIME_SCALE,
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

  private runOfMembership(membershipId: string, playbookId: string): Promise<RunEntity | null> {
    return this.dataSource.manager.findOne(RunEntity, { where: { membershipId, playbookId } });
  }
}
