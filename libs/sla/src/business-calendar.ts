import { z } from 'zod';
import { hhMmSchema } from './hh-mm';
import { minutesOfHhMm } from './minutes-of-hh-mm';
import { isValidTimeZone } from './is-valid-time-zone';

/**
 * When a team works: an IANA time zone, weekly working hours and local-date holidays.
 * Windows are `[start, end)` in local wall-clock time on each working day that is not a holiday.
 *
 * @example
 * const berlinOffice: BusinessCalendar = {
 *   timeZone: 'Europe/Berlin',
 *   workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
 *   holidays: ['2026-12-24', '2026-12-25'],
 * };
 */
export interface BusinessCalendar {
  /** IANA zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  workingHours: {
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: number[];
    /** Local start time `HH:MM` (inclusive). */
    start: string;
    /** Local end time `HH:MM` (exclusive); `24:00` means midnight at the end of the day. */
    end: string;
  };
  /** Local dates `YYYY-MM-DD` with no working hours. */
  holidays: string[];
}

/**
 * Zod schema for an IANA time zone name, checked against the runtime's `Intl` data.
 *
 * @example
 * timeZoneSchema.safeParse('Asia/Kolkata').success; // true
 * timeZoneSchema.safeParse('GMT+5:30').success; // false
 */
export const timeZoneSchema = z.string().refine(isValidTimeZone, { message: 'unknown IANA time zone' });

const workingHoursSchema = z
  .object({
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'at least one working day')
      .refine((days) => new Set(days).size === days.length, { message: 'duplicate working day' }),
    start: hhMmSchema,
    end: hhMmSchema,
  })
  .refine((hours) => minutesOfHhMm(hours.start) < minutesOfHhMm(hours.end), {
    message: 'start must be before end',
    path: ['end'],
  });

/**
 * Zod schema for {@link BusinessCalendar}: a valid IANA zone, 1–7 distinct ISO weekdays,
 * `start` < `end` (windows do not cross midnight) and real `YYYY-MM-DD` holidays.
 *
 * @example
 * const result = businessCalendarSchema.safeParse({
 *   timeZone: 'Asia/Kolkata',
 *   workingHours: { days: [1, 2, 3, 4, 5], start: '09:30', end: '18:00' },
 *   holidays: ['2026-01-26'],
 * });
 * result.success; // true
 */
export const businessCalendarSchema = z.object({
  timeZone: timeZoneSchema,
  workingHours: workingHoursSchema,
  holidays: z.array(z.iso.date()),
}) satisfies z.ZodType<BusinessCalendar>;
