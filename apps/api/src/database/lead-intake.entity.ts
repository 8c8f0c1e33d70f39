import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Written by the worker's intake activity: proof that a lead went API → Temporal → worker → Postgres. */
@Entity({ name: 'lead_intakes' })
export class LeadIntakeEntity {
  @PrimaryColumn({ name: 'lead_id', type: 'uuid' }) leadId!: string;
  @Column({ name: 'workflow_id', type: 'text' }) workflowId!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
