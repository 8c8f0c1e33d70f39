import {
  BadRequestException,
  Injectable,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditActor, LeadErasureDto } from '@segflow/api-contracts';
import {
  anonymiseLead,
  listLeadAttributes,
  deleteOutboxRowsOfLead,
  deleteSandboxMailOf,
  deleteSandboxMessagesOf,
  endActiveRunsOfErasedLead,
  eraseEventDataOfLead,
  eraseInboundMessagesOfLead,
  eraseNotificationsOfLead,
  eraseTaskActivityOfLead,
  eraseTaskContentOfLead,
  eraseTouchContentOfLead,
  findLead,
  lockLeadForErasure,
  recordAuditEntry,
  runWorkflowsOfLead,
  suppressErasedLead,
  type Queryable,
} from '@segflow/stores';
import { leadIntakeWorkflowId } from '@segflow/workflow-contracts';
import { DataSource } from 'typeorm';
import { isUuid } from '@segflow/api-contracts';
import { RunSignalsService } from '../runs/run-signals.service';
import { TemporalClient } from '../temporal/temporal.module';

/** How long an erasure waits for a stopped run's workflow to record its end before deleting it anyway. */
export const ERASURE_STOP_WAIT_MS = 15_000;
// gRPC NOT_FOUND: the execution is already gone (deleted by an earlier erasure, or removed by retention).
const NOT_FOUND = 5;

/**
 * Erases a lead's personal data (DPDP Act 2023 s.12, GDPR art. 17): stops its active runs through the exit signal,
 * then in one transaction suppresses its addresses by hash, clears every copy of its personal data and anonymises its
 * row (counted facts stay, so dashboards do not change), with the audit entry; then deletes its Temporal executions,
 * whose histories hold the lead's context. Repeatable: a second call finds nothing left to clear.
 */
@Injectable()
export class LeadErasureService {
  private readonly logger = new Logger(LeadErasureService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly temporal: TemporalClient,
    private readonly signals: RunSignalsService,
  ) {}

  async eraseOrThrow(leadId: string, actor: AuditActor, now = new Date()): Promise<LeadErasureDto> {
    if (!isUuid(leadId))
      throw new BadRequestException({
        message: 'invalid lead id',
        issues: [{ field: 'id', reason: 'must be a UUID' }],
      });
    if (!(await findLead(this.db, { id: leadId })))
      throw new NotFoundException({ message: `lead ${leadId} not found` });
    const runs = await runWorkflowsOfLead(this.db, leadId);
    const active = runs.flatMap((r) => (r.status === 'active' && r.workflowId ? [r.workflowId] : []));
    await Promise.all(active.map((workflowId) => this.stopRun(workflowId)));
    const workflowIds = [...runs.flatMap((r) => (r.workflowId ? [r.workflowId] : [])), leadIntakeWorkflowId(leadId)];
    await this.db.transaction(async (manager) => {
      await this.clearPersonalData(manager, leadId, now);
      await recordAuditEntry(manager, {
        actor,
        action: 'lead.erased',
        entityType: 'lead',
        entityId: leadId,
        after: { runsStopped: active.length, workflows: workflowIds.length },
      });
    });
    const workflowsDeleted = await this.deleteExecutions(workflowIds);
    return { leadId, erasedAt: now.toISOString(), runsStopped: active.length, workflowsDeleted };
  }

  private async clearPersonalData(db: Queryable, leadId: string, now: Date): Promise<void> {
    const lead = (await lockLeadForErasure(db, leadId))!;
    await suppressErasedLead(db, leadId);
    await endActiveRunsOfErasedLead(db, leadId, now);
    await eraseEventDataOfLead(db, leadId);
    await eraseTouchContentOfLead(db, leadId);
    await eraseTaskContentOfLead(db, leadId);
    await eraseTaskActivityOfLead(db, leadId);
    await eraseNotificationsOfLead(db, leadId);
    await eraseInboundMessagesOfLead(
      db,
      leadId,
      [lead.email, lead.phone].filter((a): a is string => a !== null),
    );
    if (lead.email) await deleteSandboxMailOf(db, lead.email);
    if (lead.phone) await deleteSandboxMessagesOf(db, lead.phone);
    await deleteOutboxRowsOfLead(db, leadId);
    const schema = await listLeadAttributes(db);
    await anonymiseLead(
      db,
      leadId,
      now,
      schema.filter((a) => a.type !== 'text').map((a) => a.key),
    );
  }

  // The existing exit path (pending touches unsent, open tasks cancelled, the run's end recorded by the workflow);
  // a workflow that does not end in time is deleted anyway and its run marked exited in the erasure's transaction.
  private async stopRun(workflowId: string): Promise<void> {
    if (!(await this.signals.send(workflowId, { kind: 'exit', payload: { reason: 'erased' } }))) return;
    const ended = this.temporal.workflow.getHandle(workflowId).result();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, ERASURE_STOP_WAIT_MS).unref());
    await Promise.race([ended.catch(() => undefined), timeout]);
  }

  // Every execution of each id: a long run continues as new, and its earlier executions keep their own histories.
  private async deleteExecutions(workflowIds: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const workflowId of workflowIds) {
      const runIds: (string | undefined)[] = [];
      for await (const execution of this.temporal.workflow.list({
        query: `WorkflowId = '${workflowId.replaceAll("'", "\\'")}'`,
      }))
        runIds.push(execution.runId);
      // The latest execution by id alone as well: visibility may not list it yet.
      const results = await Promise.all([...runIds, undefined].map((runId) => this.deleteExecution(workflowId, runId)));
      if (results.some(Boolean)) deleted += 1;
    }
    return deleted;
  }

  /** Deletes one execution (the latest without `runId`); false when it is already gone. */
  private async deleteExecution(workflowId: string, runId: string | undefined): Promise<boolean> {
    try {
      await this.temporal.workflowService.deleteWorkflowExecution({
        namespace: this.temporal.options.namespace,
        workflowExecution: { workflowId, runId },
      });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === NOT_FOUND) return false;
      this.logger.warn(`workflow ${workflowId} not deleted: ${(error as Error).message}`);
      throw new ServiceUnavailableException({
        message: `the lead's data is erased in PostgreSQL, but Temporal did not delete workflow ${workflowId}: call erase again`,
      });
    }
  }
}
