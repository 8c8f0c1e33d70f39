import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which segment starts a playbook, and the share of entrants held out as a control group. */
@Entity({ name: 'segment_bindings' })
export class SegmentBindingEntity {
  @PrimaryColumn({ name: 'playbook_id', type: 'uuid' }) playbookId!: string;
  @Column({ name: 'segment_id', type: 'text' }) segmentId!: string;
  @Column({ name: 'holdout_percent', type: 'int' }) holdoutPercent!: number;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
