import { z } from 'zod';

/**
 * Zod schema for a wall-clock time `HH:MM` (00:00–23:59), or `24:00` meaning the end of the day.
 *
 * @example
 * hhMmSchema.safeParse('09:30').success; // true
 * hhMmSchema.safeParse('9:30').success; // false
 */
export const hhMmSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM (00:00–24:00)');
