import type { BusinessCalendar, Holiday } from '@segflow/sla';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A team of reps (table created by the playbook work for the route node; manager and calendar added here). */
@Entity({ name: 'teams' })
export class TeamEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'manager_id', type: 'uuid', nullable: true }) managerId!: string | null;
  /** Working hours of the team; a rep's own calendar, when set, wins. */
  @Column({ type: 'jsonb', nullable: true }) calendar!: BusinessCalendar | null;
  /** Days off every member inherits, whatever their own working hours. */
  @Column({ type: 'jsonb', default: () => `'[]'` }) holidays!: Holiday[];
}
