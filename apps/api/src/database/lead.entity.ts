import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ChannelConsent = { email: boolean; whatsapp: boolean; linkedin: boolean };

@Entity({ name: 'leads' })
export class LeadEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'external_id', type: 'text', unique: true })
  externalId!: string;

  @Column({ type: 'text', nullable: true }) name!: string | null;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ name: 'linkedin_url', type: 'text', nullable: true }) linkedinUrl!: string | null;
  @Column({ type: 'text', nullable: true }) company!: string | null;
  @Column({ type: 'text', nullable: true }) industry!: string | null;
  @Column({ type: 'int', nullable: true }) headcount!: number | null;
  @Column({ name: 'revenue_band', type: 'text', nullable: true }) revenueBand!: string | null;
  @Column({ name: 'funding_stage', type: 'text', nullable: true }) fundingStage!: string | null;
  @Column({ type: 'text', nullable: true }) city!: string | null;
  @Column({ type: 'text', nullable: true }) country!: string | null;
  @Column({ type: 'text', nullable: true }) timezone!: string | null;
  @Column({ name: 'owner_id', type: 'text', nullable: true }) ownerId!: string | null;
  @Column({ type: 'jsonb' }) consent!: ChannelConsent;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
