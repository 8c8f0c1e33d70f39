import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { findRepCalendarSources, resolveRepCalendarOfRow, setRepCalendar } from '@segflow/stores';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../auth/principal';
import { markClocksStale } from '@segflow/stores';
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
    const row = (await findRepCalendarSources(this.db, repId, now))!;
    const resolved = resolveRepCalendarOfRow(row, null);
    return {
      repId,
      teamId: row.team_id,
      workingHours: row.working_hours,
      holidays: row.rep_holidays ?? [],
      teamHolidays: row.team_holidays ?? [],
      outOfOffice: await this.users.listOutOfOfficeOrThrow(actor, repId, now),
      effective: resolved && {
        source: resolved.source,
        timeZone: resolved.calendar.timeZone,
        week: resolved.calendar.week,
        holidays: resolved.calendar.holidays,
      },
    };
  }

  /** Replaces the rep's own hours and holidays; the SLA due times of their leads are recounted at the next check. */
  async setOrThrow(actor: SessionUser, repId: string, input: RepCalendarInput): Promise<RepCalendarDto> {
    await this.users.assertCanManageRepOrThrow(actor, repId);
    await this.db.transaction(async (tx) => {
      await setRepCalendar(tx, repId, { workingHours: input.workingHours, holidays: input.holidays });
      await markClocksStale(tx, { repIds: [repId], teamId: null });
    });
    return this.getOrThrow(actor, repId);
  }
}
