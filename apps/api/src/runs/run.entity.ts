import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PathEntry } from '@segflow/playbook';

/** `heldOut`: the lead fell in the binding's holdout (control) group; no workflow runs. */
export type RunRowStatus = 'active' | 'converted' | 'exited' | 'completed' | 'heldOut';

/** One run of a lead through a published playbook version; mirrored from the workflow by `recordProgress`. */
@Entity({ name: 'runs' })
export class RunEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'lead_id', type: 'uuid' }) leadId!: string;
  @Column({ name: 'playbook_id', type: 'uuid' }) playbookId!: string;
  @Column({ name: 'playbook_version_id', type: 'uuid' }) playbookVersionId!: string;
  @Column({ name: 'playbook_version', type: 'int' }) playbookVersion!: number;
  @Column({ name: 'segment_id', type: 'text', nullable: true }) segmentId!: string | null;
  @Column({ name: 'membership_id', type: 'text', nullable: true }) membershipId!: string | null;
  @Column({ type: 'text' }) status!: RunRowStatus;
  @Column({ name: 'exit_reason', type: 'text', nullable: true }) exitReason!: string | null;
  @Column({ name: 'current_node_id', type: 'text', nullable: true }) currentNodeId!: string | null;
  @Column({ type: 'jsonb' }) path!: PathEntry[];
  @Column({ name: 'temporal_workflow_id', type: 'text', nullable: true }) temporalWorkflowId!: string | null;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
}
