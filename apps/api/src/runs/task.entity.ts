import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A rep task; created by runs (keyed by run, node, visit), closed by a rep or cancelled when its run exits. */
@Entity({ name: 'tasks' })
export class TaskEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'run_id', type: 'uuid', nullable: true }) runId!: string | null;
  @Column({ name: 'lead_id', type: 'uuid' }) leadId!: string;
  @Column({ name: 'node_id', type: 'text', nullable: true }) nodeId!: string | null;
  @Column({ type: 'int', nullable: true }) visit!: number | null;
  @Column({ name: 'task_type', type: 'text' }) taskType!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text' }) priority!: string;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  @Column({ name: 'assignee_id', type: 'text', nullable: true }) assigneeId!: string | null;
  @Column({ name: 'wait_for_completion', type: 'boolean' }) waitForCompletion!: boolean;
  @Column({ type: 'jsonb', nullable: true }) touch!: { channel: string; body: string } | null;
  @Column({ type: 'text' }) status!: 'open' | 'done' | 'cancelled';
  @Column({ type: 'text', nullable: true }) outcome!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
}
