import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  activeRunWorkflowIds,
  bindPlaybook,
  currentSegmentMembers,
  findBinding,
  lockOtherBindingOf,
  nodeReachOf,
  recordAuditEntry,
  setPlaybookStatus,
  unbindPlaybook,
  type PlaybookStatus,
} from '@segflow/stores';
import type { AuditActor } from '@segflow/api-contracts';
import { DataSource } from 'typeorm';
import { RunLauncherService, type LaunchResult } from '../runs/run-launcher.service';
import { RunSignalsService } from '../runs/run-signals.service';
import type { BindingBody, EnrolMembersDto, NodeAnalyticsDto, PlaybookDetailDto } from './playbook.dto';
import { PlaybooksService } from './playbooks.service';
import { bindingChangeOf } from './binding-change';

// Launches in flight at once while enrolling members: each is a short transaction plus a workflow start.
const ENROL_CONCURRENCY = 8;

/** Segment binding, pause / resume, and per-node analytics of a version. */
@Injectable()
export class PlaybookLifecycleService {
  constructor(
    private readonly playbooks: PlaybooksService,
    private readonly signals: RunSignalsService,
    private readonly launcher: RunLauncherService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Binds the playbook to a segment (one playbook per segment) or unbinds it (`segmentId: null`). */
  async bind(id: string, { segmentId, holdoutPercent }: BindingBody, actor: AuditActor): Promise<PlaybookDetailDto> {
    await this.playbooks.findOrThrow(id);
    await this.dataSource
      .transaction(async (manager) => {
        const before = await findBinding(manager, id);
        const after = segmentId === null ? null : { segmentId, holdoutPercent };
        const action = bindingChangeOf(before, after);
        if (action)
          await recordAuditEntry(manager, {
            actor,
            action,
            entityType: 'playbook',
            entityId: id,
            before: before && { ...before },
            after,
          });
        if (segmentId === null) return unbindPlaybook(manager, id);
        const other = await lockOtherBindingOf(manager, segmentId, id);
        if (other)
          throw new ConflictException({
            message: `segment ${segmentId} is already bound to playbook "${other.name}"`,
            field: 'segmentId',
            playbookId: other.id,
            playbookName: other.name,
          });
        return bindPlaybook(manager, id, { segmentId, holdoutPercent });
      })
      .catch((error: { code?: string }) => {
        // Two bindings racing for one segment: the unique index decides, the loser gets the same 409.
        if (error.code === '23505')
          throw new ConflictException({
            message: `segment ${segmentId} is already bound to another playbook`,
            field: 'segmentId',
          });
        throw error;
      });
    return this.playbooks.get(id);
  }

  /**
   * Starts the playbook for the leads already in its bound segment (a binding alone only catches leads that enter
   * after it). Each lead is launched as if its membership had just begun: the same membership-derived run and
   * workflow id and the same holdout as the outbox path, so repeating this, or racing the outbox for the same entry,
   * starts nothing twice.
   */
  async enrolSegmentMembers(id: string, actor: AuditActor): Promise<EnrolMembersDto> {
    const playbook = await this.playbooks.findOrThrow(id);
    if (playbook.status === 'draft')
      throw new ConflictException({ message: 'publish the playbook before enrolling leads' });
    const binding = await findBinding(this.dataSource.manager, id);
    if (!binding)
      throw new ConflictException({
        message: 'bind the playbook to a segment before enrolling its members',
        field: 'segmentId',
      });
    const members = await currentSegmentMembers(this.dataSource.manager, binding.segmentId);
    const counts: EnrolMembersDto = { members: members.length, started: 0, heldOut: 0, existing: 0, refused: 0 };
    for (let i = 0; i < members.length; i += ENROL_CONCURRENCY) {
      const results: LaunchResult[] = await Promise.all(
        members.slice(i, i + ENROL_CONCURRENCY).map((m) =>
          this.launcher.launch({
            leadId: m.lead_id,
            playbookId: id,
            membershipId: m.id,
            segmentId: binding.segmentId,
            holdoutPercent: binding.holdoutPercent,
          }),
        ),
      );
      for (const result of results) counts[result.kind] += 1;
    }
    // One entry for the whole enrolment (each run already names its lead); written after the launches, which commit
    // one by one, so the counts are what happened.
    await recordAuditEntry(this.dataSource.manager, {
      actor,
      action: 'playbook.membersEnrolled',
      entityType: 'playbook',
      entityId: id,
      after: { segmentId: binding.segmentId, ...counts },
    });
    return counts;
  }

  /** Pauses: active runs hold before their next step (they neither skip nor exit); new entrants start held. */
  pause(id: string, actor: AuditActor): Promise<PlaybookDetailDto> {
    return this.setStatus(id, 'paused', 'pause', actor);
  }

  /** Resumes: held runs continue where they were. */
  resume(id: string, actor: AuditActor): Promise<PlaybookDetailDto> {
    return this.setStatus(id, 'active', 'resume', actor);
  }

  async analytics(id: string, version: number): Promise<NodeAnalyticsDto[]> {
    const { graph } = await this.playbooks.findVersionOrThrow(id, version);
    const rows = await nodeReachOf(this.dataSource.manager, id, version);
    const byNode = new Map(rows.map((r) => [r.nodeId, r]));
    return graph.nodes.map(
      (n) => byNode.get(n.id) ?? { nodeId: n.id, reached: 0, waiting: 0, exited: 0, converted: 0 },
    );
  }

  private async setStatus(
    id: string,
    status: PlaybookStatus,
    signal: 'pause' | 'resume',
    actor: AuditActor,
  ): Promise<PlaybookDetailDto> {
    const playbook = await this.playbooks.findOrThrow(id);
    if (playbook.status === 'draft')
      throw new ConflictException({ message: 'publish the playbook before pausing or resuming it' });
    await this.dataSource.transaction(async (manager) => {
      await setPlaybookStatus(manager, id, status, new Date());
      // Pausing a paused playbook changes nothing, so it records nothing.
      if (playbook.status !== status)
        await recordAuditEntry(manager, {
          actor,
          action: signal === 'pause' ? 'playbook.paused' : 'playbook.resumed',
          entityType: 'playbook',
          entityId: id,
          before: { status: playbook.status },
          after: { status },
        });
    });
    const workflowIds = await activeRunWorkflowIds(this.dataSource.manager, id);
    await Promise.all(workflowIds.map((workflowId) => this.signals.send(workflowId, { kind: signal })));
    return this.playbooks.get(id);
  }
}
