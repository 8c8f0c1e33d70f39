import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A touch as recorded by the delivering activity (the provider outbox users read). */
@Entity({ name: 'touches' })
export class TouchEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'run_id', type: 'uuid' }) runId!: string;
  @Column({ name: 'lead_id', type: 'uuid' }) leadId!: string;
  @Column({ name: 'node_id', type: 'text' }) nodeId!: string;
  @Column({ type: 'int' }) visit!: number;
  @Column({ type: 'text' }) channel!: string;
  @Column({ type: 'text', nullable: true }) subject!: string | null;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'jsonb' }) sender!: { kind: string; ownerId: string | null; name: string; address: string | null };
  @Column({ type: 'text' }) status!: 'queued' | 'sent' | 'failed';
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ name: 'provider_message_id', type: 'text', nullable: true }) providerMessageId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
