import { z } from 'zod';
import type { BusinessCalendar } from './business-calendar';
import { toWorkingCalendar, type AwayPeriod, type WeeklyHours, type WorkingCalendar } from './working-calendar';

/** A dated day off, with an optional name shown to people (`Diwali`, `Company offsite`). */
export interface Holiday {
  /** Local date `YYYY-MM-DD`, in the zone of the calendar it applies to. */
  date: string;
  name: string | null;
}

/**
 * Zod schema for a holiday list: real `YYYY-MM-DD` dates, each at most once, names up to 120 characters.
 *
 * @example
 * holidaysSchema.safeParse([{ date: '2026-10-02', name: 'Gandhi Jayanti' }]).success; // true
 * holidaysSchema.safeParse([{ date: '2026-02-30', name: null }]).success; // false: no such date
 */
export const holidaysSchema = z
  .array(z.object({ date: z.iso.date(), name: z.string().trim().max(120).nullable().default(null) }))
  .max(366, 'at most 366 holidays')
  .superRefine((holidays, ctx) => {
    const duplicate = holidays.findIndex((h, i) => holidays.findIndex((other) => other.date === h.date) !== i);
    if (duplicate >= 0) ctx.addIssue({ code: 'custom', message: 'date listed twice', path: [duplicate, 'date'] });
  }) satisfies z.ZodType<Holiday[], unknown>;

/** Everything that decides when a rep works: their own settings, their team's and the SLA policy's. */
export interface RepCalendarSources {
  rep: { workingHours: WeeklyHours | null; holidays: Holiday[]; outOfOffice: AwayPeriod[] } | null;
  team: { calendar: BusinessCalendar | null; holidays: Holiday[] } | null;
  /** Used when neither the rep nor the team has working hours (the SLA policy's calendar). */
  fallback: BusinessCalendar | null;
}

/** Where a rep's working hours come from. */
export type RepCalendarSource = 'rep' | 'team' | 'fallback';

/**
 * The calendar a rep's business time is counted in, or `null` when nobody set working hours.
 * Working hours: the rep's own, else the team calendar's, else the fallback's (with that calendar's holidays).
 * Holidays: the team's list (and its calendar's) plus the rep's own days. Out of office: the rep's periods.
 *
 * @example
 * const resolved = resolveRepCalendar({
 *   rep: { workingHours: null, holidays: [{ date: '2026-10-05', name: 'Moving day' }], outOfOffice: [] },
 *   team: { calendar: newYorkOffice, holidays: [{ date: '2026-11-26', name: 'Thanksgiving' }] },
 *   fallback: londonPolicyCalendar,
 * });
 * resolved?.source; // 'team'
 * resolved?.calendar.holidays; // newYorkOffice.holidays, then '2026-11-26' and '2026-10-05'
 */
export function resolveRepCalendar(
  sources: RepCalendarSources,
): { calendar: WorkingCalendar; source: RepCalendarSource } | null {
  const { rep, team, fallback } = sources;
  const hours = rep?.workingHours
    ? { source: 'rep' as const, week: { ...rep.workingHours, holidays: [], away: [] } }
    : team?.calendar
      ? { source: 'team' as const, week: toWorkingCalendar(team.calendar) }
      : fallback
        ? { source: 'fallback' as const, week: toWorkingCalendar(fallback) }
        : null;
  if (!hours) return null;
  const holidays = new Set([
    ...hours.week.holidays,
    ...(team?.calendar?.holidays ?? []),
    ...(team?.holidays ?? []).map((h) => h.date),
    ...(rep?.holidays ?? []).map((h) => h.date),
  ]);
  return {
    source: hours.source,
    calendar: {
      timeZone: hours.week.timeZone,
      week: hours.week.week,
      holidays: [...holidays],
      away: rep?.outOfOffice ?? [],
    },
  };
}
