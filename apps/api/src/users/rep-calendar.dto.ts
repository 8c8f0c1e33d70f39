import type { RepCalendar, RepCalendarRequest } from '@segflow/api-contracts';
import { holidaysSchema, weeklyHoursSchema } from '@segflow/sla';
import { z } from 'zod';
import { acceptsContract } from '../common/accepts-contract';

/** Body of `PUT /users/:id/calendar`: the rep's own hours (`null` = the team's apply) and own days off. */
export const repCalendarInputSchema = acceptsContract<RepCalendarRequest>()(
  z.object({ workingHours: weeklyHoursSchema.nullable(), holidays: holidaysSchema }),
);
export type RepCalendarInput = z.infer<typeof repCalendarInputSchema>;

/** A rep's calendar settings and what they add up to (libs/api-contracts). */
export type RepCalendarDto = RepCalendar;
