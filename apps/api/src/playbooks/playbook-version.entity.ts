import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Playbook } from '@segflow/playbook';

/** An immutable published snapshot (DESIGN invariant 5): rows are inserted, never updated. */
@Entity({ name: 'playbook_versions' })
export class PlaybookVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'playbook_id', type: 'uuid' }) playbookId!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'jsonb' }) graph!: Playbook;
  /** `eventTypesHeardBy(graph)`: the only lead events this version's runs are signalled. */
  @Column({ name: 'heard_event_types', type: 'text', array: true }) heardEventTypes!: string[];
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' }) publishedAt!: Date;
  @Column({ name: 'published_by', type: 'text', nullable: true }) publishedBy!: string | null;
}
