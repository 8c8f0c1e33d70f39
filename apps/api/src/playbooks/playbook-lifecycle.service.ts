import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RunLauncherService, type LaunchResult } from '../runs/run-launcher.service';
import { RunSignalsService } from '../runs/run-signals.service';
import type { BindingBody, EnrolMembersDto, NodeAnalyticsDto, PlaybookDetailDto } from './playbook.dto';
import { PlaybookEntity, type PlaybookStatus } from './playbook.entity';
import { PlaybooksService } from './playbooks.service';

const ANALYTICS_SQL = `
WITH version_runs AS (SELECT id, status, current_node_id FROM runs WHERE playbook_id = $1 AND playbook_version = $2 AND status <> 'heldOut')
SELECT s.node_id AS "nodeId",
       count(DISTINCT s.run_id)::int AS reached,
       count(DISTINCT s.run_id) FILTER (WHERE r.status = 'active' AND r.current_node_id = s.node_id)::int AS waiting,
       count(DISTINCT s.run_id) FILTER (WHERE r.status = 'exited' AND r.current_node_id = s.node_id)::int AS exited,
       count(DISTINCT s.run_id) FILTER (WHERE r.status = 'converted')::int AS converted
FROM run_steps s JOIN version_runs r ON r.id = s.run_id
GROUP BY s.node_id`;

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
  async bind(id: string, { segmentId, holdoutPercent }: BindingBody): Promise<PlaybookDetailDto> {
    await this.playbooks.findOrThrow(id);
    await this.dataSource.transaction(async (manager) => {
      if (segmentId === null) return manager.query(`DELETE FROM segment_bindings WHERE playbook_id = $1`, [id]);
      const taken: Array<{ id: string; name: string }> = await manager.query(
        `SELECT p.id, p.name FROM segment_bindings b JOIN playbooks p ON p.id = b.playbook_id WHERE b.segment_id = $1 AND b.playbook_id <> $2 FOR UPDATE OF b`,
        [segmentId, id],
      );
      const other = taken[0];
      if (other) throw new ConflictException({ message: `segment ${segmentId} is already bound to playbook "${other.name}"`, field: 'segmentId', playbookId: other.id, playbookName: other.name });
      return manager.query(
        `INSERT INTO segment_bindings (playbook_id, segment_id, holdout_percent) VALUES ($1, $2, $3)
         ON CONFLICT (playbook_id) DO UPDATE SET segment_id = EXCLUDED.segment_id, holdout_percent = EXCLUDED.holdout_percent, updated_at = now()`,
        [id, segmentId, holdoutPercent],
      );
    }).catch((error: { code?: string }) => {
      // Two bindings racing for one segment: the unique index decides, the loser gets the same 409.
      if (error.code === '23505') throw new ConflictException({ message: `segment ${segmentId} is already bound to another playbook`, field: 'segmentId' });
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
  async enrolSegmentMembers(id: string): Promise<EnrolMembersDto> {
    const playbook = await this.playbooks.findOrThrow(id);
    if (playbook.status === 'draft') throw new ConflictException({ message: 'publish the playbook before enrolling leads' });
    const [binding]: Array<{ segment_id: string; holdout_percent: number }> = await this.dataSource.query(
      `SELECT segment_id, holdout_percent FROM segment_bindings WHERE playbook_id = $1`, [id],
    );
    if (!binding) throw new ConflictException({ message: 'bind the playbook to a segment before enrolling its members', field: 'segmentId' });
    const members: Array<{ id: string; lead_id: string }> = await this.dataSource.query(
      `SELECT id, lead_id FROM segment_memberships WHERE segment_id::text = $1 AND left_at IS NULL ORDER BY entered_at, id`, [binding.segment_id],
    );
    const counts: EnrolMembersDto = { members: members.length, started: 0, heldOut: 0, existing: 0, refused: 0 };
    for (let i = 0; i < members.length; i += ENROL_CONCURRENCY) {
      const results: LaunchResult[] = await Promise.all(members.slice(i, i + ENROL_CONCURRENCY).map((m) => this.launcher.launch({
        leadId: m.lead_id, playbookId: id, membershipId: m.id, segmentId: binding.segment_id, holdoutPercent: binding.holdout_percent,
      })));
      for (const result of results) counts[result.kind] += 1;
    }
    return counts;
  }

  /** Pauses: active runs hold before their next step (they neither skip nor exit); new entrants start held. */
  pause(id: string): Promise<PlaybookDetailDto> {
    return this.setStatus(id, 'paused', 'pause');
  }

  /** Resumes: held runs continue where they were. */
  resume(id: string): Promise<PlaybookDetailDto> {
    return this.setStatus(id, 'active', 'resume');
  }

  async analytics(id: string, version: number): Promise<NodeAnalyticsDto[]> {
    const { graph } = await this.playbooks.findVersionOrThrow(id, version);
    const rows: NodeAnalyticsDto[] = await this.dataSource.query(ANALYTICS_SQL, [id, version]);
    const byNode = new Map(rows.map((r) => [r.nodeId, r]));
    return graph.nodes.map((n) => byNode.get(n.id) ?? { nodeId: n.id, reached: 0, waiting: 0, exited: 0, converted: 0 });
  }

  private async setStatus(id: string, status: PlaybookStatus, signal: 'pause' | 'resume'): Promise<PlaybookDetailDto> {
    const playbook = await this.playbooks.findOrThrow(id);
    if (playbook.status === 'draft') throw new ConflictException({ message: 'publish the playbook before pausing or resuming it' });
    await this.dataSource.manager.update(PlaybookEntity, { id }, { status, updatedAt: new Date() });
    const runs: Array<{ temporal_workflow_id: string }> = await this.dataSource.query(
      `SELECT temporal_workflow_id FROM runs WHERE playbook_id = $1 AND status = 'active' AND temporal_workflow_id IS NOT NULL`, [id],
    );
    await Promise.all(runs.map((r) => this.signals.send(r.temporal_workflow_id, { kind: signal })));
    return this.playbooks.get(id);
  }
}
