import { resolveRepCalendar, type BusinessCalendar, type RepCalendarSource, type WorkingCalendar } from '@segflow/sla';
import type { RepCalendarSourcesRow } from '@segflow/stores';

/** The rep's calendar (libs/sla's rule: rep → team → `fallback`) from a row carrying `repCalendarSourcesJoin`'s columns (libs/stores). */
export function resolveRepCalendarOfRow(row: RepCalendarSourcesRow, fallback: BusinessCalendar | null): { calendar: WorkingCalendar; source: RepCalendarSource } | null {
  return resolveRepCalendar({
    rep: row.rep_found
      ? { workingHours: row.working_hours, holidays: row.rep_holidays ?? [], outOfOffice: (row.out_of_office ?? []).map((o) => ({ from: new Date(o.from), to: new Date(o.to) })) }
      : null,
    team: row.team_found ? { calendar: row.team_calendar, holidays: row.team_holidays ?? [] } : null,
    fallback,
  });
}
