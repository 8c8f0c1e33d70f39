import { holidaysSchema, weeklyHoursSchema, type Holiday, type RepCalendarSource, type WeekdayWindow, type WeeklyHours } from '@segflow/sla';
import { z } from 'zod';
import type { OutOfOfficeDto } from './user.dto';

/** Body of `PUT /users/:id/calendar`: the rep's own hours (`null` = the team's apply) and own days off. */
export const repCalendarInputSchema = z.object({ workingHours: weeklyHoursSchema.nullable(), holidays: holidaysSchema });
export type RepCalendarInput = z.infer<typeof repCalendarInputSchema>;

/** A rep's calendar settings and what they add up to (libs/sla resolveRepCalendar, without a policy fallback). */
export interface RepCalendarDto {
  repId: string;
  teamId: string;
  workingHours: WeeklyHours | null;
  holidays: Holiday[];
  /** Inherited from the team, read-only here (`PUT /teams/:id/holidays`). */
  teamHolidays: Holiday[];
  /** Current and coming periods. */
  outOfOffice: OutOfOfficeDto[];
  /** The hours business time is counted in; `null` when neither rep nor team has any (the SLA policy's apply). */
  effective: { source: RepCalendarSource; timeZone: string; week: WeekdayWindow[]; holidays: string[] } | null;
}
