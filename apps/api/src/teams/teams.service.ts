import { acceptsContract } from '../common/accepts-contract';
import type { AuditActor, CreateTeamRequest, UpdateTeamRequest } from '@segflow/api-contracts';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { businessCalendarSchema, holidaysSchema, type Holiday } from '@segflow/sla';
import {
  findTeam,
  insertTeam,
  listTeamsWithMembers,
  recordAuditEntry,
  setTeamHolidays,
  updateTeam,
  type Queryable,
  type TeamRow,
  type TeamWithMembers,
} from '@segflow/stores';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { SessionUser } from '../auth/principal';
import { markClocksStale } from '@segflow/stores';

/** A team, its calendar and holidays (days off every member inherits), and its reps. */
export type TeamDto = TeamWithMembers;

export const teamInputSchema = acceptsContract<CreateTeamRequest>()(
  z.object({
    /** A readable id such as `west` for route rules; a UUID when omitted. */
    id: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes')
      .optional(),
    name: z.string().trim().min(1).max(120),
    managerId: z.string().uuid().nullable().default(null),
    calendar: businessCalendarSchema.nullable().default(null),
  }),
);
export type TeamInput = z.infer<typeof teamInputSchema>;
export const teamUpdateSchema = acceptsContract<UpdateTeamRequest>()(
  z
    .object({
      name: z.string().trim().min(1).max(120),
      managerId: z.string().uuid().nullable(),
      calendar: businessCalendarSchema.nullable(),
    })
    .partial(),
);

/** Body of `PUT /teams/:id/holidays`. */
export const teamHolidaysSchema = z.object({ holidays: holidaysSchema });

@Injectable()
export class TeamsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async createOrThrow(input: TeamInput, actor: AuditActor): Promise<TeamDto> {
    const id = input.id ?? randomUUID();
    const saved = await this.db.transaction(async (tx) => {
      const row = await insertTeam(tx, { id, name: input.name, managerId: input.managerId, calendar: input.calendar });
      if (row)
        await recordAuditEntry(tx, {
          actor,
          action: 'team.created',
          entityType: 'team',
          entityId: id,
          after: { ...row },
        });
      return row;
    });
    if (!saved) throw new ConflictException(`team ${id} exists`);
    return { ...saved, members: [] };
  }

  async updateOrThrow(id: string, changes: z.infer<typeof teamUpdateSchema>, actor: AuditActor): Promise<TeamDto> {
    await this.db.transaction(async (tx) => {
      const before = await findTeam(tx, id);
      if (!before || !(await updateTeam(tx, id, changes))) throw new NotFoundException(`no team ${id}`);
      if (changes.calendar !== undefined) await markClocksStale(tx, { repIds: [], teamId: id });
      await this.audit(tx, actor, before);
    });
    return (await this.list()).find((t) => t.id === id)!;
  }

  /** Replaces the team's holidays (admin, or the team's manager); its reps' running SLA clocks are recounted. */
  async setHolidaysOrThrow(actor: SessionUser, id: string, holidays: Holiday[]): Promise<TeamDto> {
    const team = await findTeam(this.db, id);
    if (!team) throw new NotFoundException(`no team ${id}`);
    if (actor.role !== 'admin' && team.managerId !== actor.id)
      throw new ForbiddenException('only an admin or the manager of this team may set its holidays');
    await this.db.transaction(async (tx) => {
      await setTeamHolidays(tx, id, holidays);
      await markClocksStale(tx, { repIds: [], teamId: id });
      await this.audit(tx, { kind: 'user', id: actor.id, label: actor.email }, team);
    });
    return (await this.list()).find((t) => t.id === id)!;
  }

  /** Records an edit: the team as it was and is, in the edit's transaction; an edit that changed nothing is not one. */
  private async audit(tx: Queryable, actor: AuditActor, before: TeamRow): Promise<void> {
    const after = await findTeam(tx, before.id);
    if (isDeepStrictEqual(after, before)) return;
    await recordAuditEntry(tx, {
      actor,
      action: 'team.updated',
      entityType: 'team',
      entityId: before.id,
      before: { ...before },
      after: after && { ...after },
    });
  }

  /** Teams with their members, one query. */
  list(): Promise<TeamDto[]> {
    return listTeamsWithMembers(this.db);
  }
}
