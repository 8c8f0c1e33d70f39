import { randomUUID } from 'node:crypto';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { businessCalendarSchema, holidaysSchema, type BusinessCalendar, type Holiday } from '@segflow/sla';
import { markClocksStale } from '@segflow/stores';
import { Repository } from 'typeorm';
import { z } from 'zod';
import type { SessionUser } from '../auth/principal';
import { TeamEntity } from './team.entity';

export interface TeamDto {
  id: string;
  name: string;
  managerId: string | null;
  calendar: BusinessCalendar | null;
  /** Days off every member inherits. */
  holidays: Holiday[];
  members: { id: string; name: string; role: 'rep'; active: boolean }[];
}

export const teamInputSchema = z.object({
  /** A readable id such as `west` for route rules; a UUID when omitted. */
  id: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes').optional(),
  name: z.string().trim().min(1).max(120),
  managerId: z.string().uuid().nullable().default(null),
  calendar: businessCalendarSchema.nullable().default(null),
});
export type TeamInput = z.infer<typeof teamInputSchema>;
export const teamUpdateSchema = z.object({
  name: z.string().trim().min(1).max(120),
  managerId: z.string().uuid().nullable(),
  calendar: businessCalendarSchema.nullable(),
}).partial();

/** Body of `PUT /teams/:id/holidays`. */
export const teamHolidaysSchema = z.object({ holidays: holidaysSchema });

@Injectable()
export class TeamsService {
  constructor(@InjectRepository(TeamEntity) private readonly teams: Repository<TeamEntity>) {}

  async createOrThrow(input: TeamInput): Promise<TeamDto> {
    const id = input.id ?? randomUUID();
    if (await this.teams.existsBy({ id })) throw new ConflictException(`team ${id} exists`);
    const saved = await this.teams.save(this.teams.create({ ...input, id, holidays: [] }));
    return { ...saved, members: [] };
  }

  async updateOrThrow(id: string, changes: z.infer<typeof teamUpdateSchema>): Promise<TeamDto> {
    const team = await this.teams.findOneBy({ id });
    if (!team) throw new NotFoundException(`no team ${id}`);
    await this.teams.manager.transaction(async (tx) => {
      await tx.save(Object.assign(team, changes));
      if (changes.calendar !== undefined) await markClocksStale(tx, { repIds: [], teamId: id });
    });
    return (await this.list()).find((t) => t.id === id)!;
  }

  /** Replaces the team's holidays (admin, or the team's manager); its reps' running SLA clocks are recounted. */
  async setHolidaysOrThrow(actor: SessionUser, id: string, holidays: Holiday[]): Promise<TeamDto> {
    const team = await this.teams.findOneBy({ id });
    if (!team) throw new NotFoundException(`no team ${id}`);
    if (actor.role !== 'admin' && team.managerId !== actor.id) throw new ForbiddenException('only an admin or the manager of this team may set its holidays');
    await this.teams.manager.transaction(async (tx) => {
      await tx.update(TeamEntity, { id }, { holidays });
      await markClocksStale(tx, { repIds: [], teamId: id });
    });
    return (await this.list()).find((t) => t.id === id)!;
  }

  /** Teams with their members, one query. */
  list(): Promise<TeamDto[]> {
    return this.teams.query(`
      SELECT t.id, t.name, t.manager_id AS "managerId", t.calendar, t.holidays,
             COALESCE(json_agg(json_build_object('id', r.id, 'name', r.name, 'role', 'rep', 'active', r.active)
                      ORDER BY r.name) FILTER (WHERE r.id IS NOT NULL), '[]') AS members
        FROM teams t LEFT JOIN reps r ON r.team_id = t.id
       GROUP BY t.id ORDER BY t.name`);
  }
}
