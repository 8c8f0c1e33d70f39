import type { BusinessCalendar } from './business-calendar';

/** One working window `[start, end)` in local wall-clock time on an ISO weekday (1 = Monday … 7 = Sunday). */
export interface WeekdayWindow {
  day: number;
  start: string;
  end: string;
}

/**
 * A person's weekly working hours in their own zone: any number of windows per weekday (a split shift, a lunch
 * break), none on a day off.
 *
 * @example
 * const asha: WeeklyHours = {
 *   timeZone: 'Asia/Kolkata',
 *   week: [{ day: 1, start: '09:30', end: '13:00' }, { day: 1, start: '14:00', end: '18:30' }],
 * };
 */
export interface WeeklyHours {
  timeZone: string;
  week: WeekdayWindow[];
}

/** An instant range `[from, to)` with no working time at all (out of office). */
export interface AwayPeriod {
  from: Date;
  to: Date;
}

/**
 * The calendar business time is counted in: weekly windows, local-date holidays and out-of-office periods.
 * Every business-time function accepts it, and a {@link BusinessCalendar} converts into it with
 * {@link toWorkingCalendar}, so both are counted by the same code.
 *
 * @example
 * const calendar: WorkingCalendar = {
 *   timeZone: 'Europe/London',
 *   week: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
 *   holidays: ['2026-12-25'],
 *   away: [{ from: new Date('2026-12-28T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') }],
 * };
 */
export interface WorkingCalendar extends WeeklyHours {
  /** Local dates `YYYY-MM-DD` with no working hours. */
  holidays: string[];
  away: AwayPeriod[];
}

/**
 * The same calendar as a {@link WorkingCalendar}; a `WorkingCalendar` is returned as it is.
 *
 * @example
 * toWorkingCalendar({ timeZone: 'Asia/Kolkata', workingHours: { days: [1, 2], start: '09:30', end: '18:00' }, holidays: [] });
 * // { timeZone: 'Asia/Kolkata', week: [{ day: 1, start: '09:30', end: '18:00' }, { day: 2, … }], holidays: [], away: [] }
 */
export function toWorkingCalendar(calendar: BusinessCalendar | WorkingCalendar): WorkingCalendar {
  if ('week' in calendar) return calendar;
  const { days, start, end } = calendar.workingHours;
  return {
    timeZone: calendar.timeZone,
    week: days.map((day) => ({ day, start, end })),
    holidays: calendar.holidays,
    away: [],
  };
}
