import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A period `[startsAt, endsAt)` in which a rep takes no new leads. */
@Entity({ name: 'out_of_office' })
export class OutOfOfficeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'rep_id', type: 'text' }) repId!: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}
