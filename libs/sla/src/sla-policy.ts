import { z } from 'zod';
import { businessCalendarSchema, type BusinessCalendar } from './business-calendar';

/**
 * How quickly a lead entering a segment must get its first touch.
 * With `clock: 'business'` only the calendar's working time counts, so a calendar is required;
 * with `clock: 'wall'` every minute counts and a calendar, if present, is ignored.
 *
 * @example
 * const withinFourWorkingHours: SlaPolicy = { firstTouchWithinMinutes: 240, clock: 'business', calendar: berlinOffice };
 * const withinAnHour: SlaPolicy = { firstTouchWithinMinutes: 60, clock: 'wall' };
 */
export type SlaPolicy =
  | { firstTouchWithinMinutes: number; clock: 'wall'; calendar?: BusinessCalendar }
  | { firstTouchWithinMinutes: number; clock: 'business'; calendar: BusinessCalendar };

const firstTouchWithinMinutes = z.number().positive().finite();

/**
 * Zod schema for {@link SlaPolicy}, discriminated on `clock`.
 *
 * @example
 * slaPolicySchema.safeParse({ firstTouchWithinMinutes: 60, clock: 'wall' }).success; // true
 * slaPolicySchema.safeParse({ firstTouchWithinMinutes: 60, clock: 'business' }).success; // false: calendar missing
 */
export const slaPolicySchema = z.discriminatedUnion('clock', [
  z.object({ firstTouchWithinMinutes, clock: z.literal('wall'), calendar: businessCalendarSchema.optional() }),
  z.object({ firstTouchWithinMinutes, clock: z.literal('business'), calendar: businessCalendarSchema }),
]) satisfies z.ZodType<SlaPolicy>;
