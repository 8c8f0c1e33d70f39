import { z } from 'zod';
import { timeZoneSchema } from './business-calendar';
import { hhMmSchema } from './hh-mm';
import { minutesOfHhMm } from './minutes-of-hh-mm';
import type { WeekdayWindow, WeeklyHours } from './working-calendar';

const weekdayWindowSchema = z
  .object({ day: z.number().int().min(1).max(7), start: hhMmSchema, end: hhMmSchema })
  .refine((w) => minutesOfHhMm(w.start) < minutesOfHhMm(w.end), { message: 'start must be before end', path: ['end'] });

// Overlapping windows on one day would count the shared minutes twice; returns the index of the later one, or -1.
function firstOverlap(week: WeekdayWindow[]): number {
  const ordered = week
    .map((w, index) => ({ ...w, index }))
    .sort((a, b) => a.day - b.day || minutesOfHhMm(a.start) - minutesOfHhMm(b.start));
  const clash = ordered.find(
    (w, i) => i > 0 && ordered[i - 1]!.day === w.day && minutesOfHhMm(w.start) < minutesOfHhMm(ordered[i - 1]!.end),
  );
  return clash?.index ?? -1;
}

/**
 * Zod schema for {@link WeeklyHours}: a valid IANA zone and at least one window, each `start` < `end`
 * (windows do not cross midnight) and none overlapping another window of the same day.
 *
 * @example
 * weeklyHoursSchema.safeParse({ timeZone: 'America/New_York', week: [{ day: 1, start: '09:00', end: '17:00' }] }).success; // true
 * weeklyHoursSchema.safeParse({ timeZone: 'America/New_York', week: [] }).success; // false: no working window
 */
export const weeklyHoursSchema = z
  .object({ timeZone: timeZoneSchema, week: z.array(weekdayWindowSchema).min(1, 'at least one working window') })
  .superRefine((hours, ctx) => {
    const overlapping = firstOverlap(hours.week);
    if (overlapping >= 0)
      ctx.addIssue({
        code: 'custom',
        message: 'overlaps another window of the same day',
        path: ['week', overlapping, 'start'],
      });
  }) satisfies z.ZodType<WeeklyHours>;
