import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { markClocksStale, repCalendarSourcesJoin, type RepCalendarSourcesRow } from '@segflow/stores';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../auth/principal';
import { resolveRepCalendarOfRow } from '../sla/rep-calendar-sources';
import { RepEntity } from '../teams/rep.entity';
import { RepCalendarDto, RepCalendarInput } from './rep-calendar.dto';
import { UsersService } from './users.service';

/** A rep's working hours and holidays (out-of-office periods are kept by UsersService); same access rule as OOO. */
@Injectable()
export class RepCalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
  ) {}

  async getOrThrow(actor: SessionUser, repId: string, now = new Date()): Promise<RepCalendarDto> {
    await this.users.assertCanManageRepOrThrow(actor, repId);
    const [row]: (RepCalendarSourcesRow & { team_id: string })[] = await this.db.query(
      `SELECT r.team_id, rc.* FROM reps r ${repCalendarSourcesJoin('r.id', '$2')} WHERE r.id = $1`,
      [repId, now],
    );
    const resolved = resolveRepCalendarOfRow(row!, null);
    return {
      repId,
      teamId: row!.team_id,
      workingHours: row!.working_hours,
      holidays: row!.rep_holidays ?? [],
      teamHolidays: row!.team_holidays ?? [],
      outOfOffice: await this.users.listOutOfOfficeOrThrow(actor, repId, now),
      effective: resolved && {
        source: resolved.source, timeZone: resolved.calendar.timeZone, week: resolved.calendar.week, holidays: resolved.calendar.holidays,
      },
    };
  }

  /** Replaces the rep's own hours and holidays; the SLA due times of their leads are recounted at the next check. */
  async setOrThrow(actor: SessionUser, repId: string, input: RepCalendarInput): Promise<RepCalendarDto> {
    await this.users.assertCanManageRepOrThrow(actor, repId);
    await this.db.transaction(async (tx) => {
      await tx.update(RepEntity, { id: repId }, { workingHours: input.workingHours, holidays: input.holidays });
      await markClocksStale(tx, { repIds: [repId], teamId: null });
    });
    return this.getOrThrow(actor, repId);
  }
}
