import { z } from 'zod';
import { timeZoneSchema } from './business-calendar';
import { hhMmSchema } from './hh-mm';
import { minutesOfHhMm } from './minutes-of-hh-mm';
import type { QuietHours } from './quiet-hours';

/**
 * Zod schema for `QuietHours`; `start` and `end` must differ.
 *
 * @example
 * quietHoursSchema.safeParse({ timeZone: 'Europe/Berlin', start: '21:00', end: '08:00' }).success; // true
 */
export const quietHoursSchema = z
  .object({ timeZone: timeZoneSchema, start: hhMmSchema, end: hhMmSchema })
  .refine((quiet) => minutesOfHhMm(quiet.start) !== minutesOfHhMm(quiet.end), {
    message: 'start and end must differ',
    path: ['end'],
  }) satisfies z.ZodType<QuietHours>;
