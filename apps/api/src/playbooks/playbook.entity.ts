import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Playbook } from '@segflow/playbook';

export type PlaybookStatus = 'draft' | 'active' | 'paused';

/** A playbook: its editable draft (with an optimistic-lock revision) and lifecycle status. */
@Entity({ name: 'playbooks' })
export class PlaybookEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ type: 'text', default: 'draft' }) status!: PlaybookStatus;
  /** Stored as sent by the editor (it may not validate yet); only `playbookSchema`-shaped graphs are accepted. */
  @Column({ type: 'jsonb' }) draft!: Playbook;
  @Column({ name: 'draft_revision', type: 'int', default: 1 }) draftRevision!: number;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  @Column({ name: 'updated_by', type: 'text', nullable: true }) updatedBy!: string | null;
}
