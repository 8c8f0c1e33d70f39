import type { Holiday, WeeklyHours } from '@segflow/sla';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The routing view of a rep user: `id` is the user's id as text (tasks.assignee_id, leads.owner_id). */
@Entity({ name: 'reps' })
export class RepEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!: string | null;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ name: 'team_id', type: 'text' }) teamId!: string;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ type: 'int', nullable: true }) capacity!: number | null;
  /** The rep's own weekly hours; `null` means the team's calendar applies. */
  @Column({ name: 'working_hours', type: 'jsonb', nullable: true }) workingHours!: WeeklyHours | null;
  /** The rep's own days off, on top of the team's. */
  @Column({ type: 'jsonb', default: () => `'[]'` }) holidays!: Holiday[];
}
