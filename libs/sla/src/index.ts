export { addBusinessMinutes } from './add-business-minutes';
export { addCivilDays, formatCivilDate, isoWeekdayOf, type CivilDate } from './civil-date';
export { businessCalendarSchema, timeZoneSchema, type BusinessCalendar } from './business-calendar';
export { businessMinutesBetween } from './business-minutes-between';
export { businessWindowOn, businessWindowsOn, nextBusinessWindow, type BusinessWindow } from './business-window';
export { hhMmSchema } from './hh-mm';
export { minutesOfHhMm } from './minutes-of-hh-mm';
export { isBreached } from './is-breached';
export { isValidTimeZone } from './is-valid-time-zone';
export { isWithinBusinessHours } from './is-within-business-hours';
export { isWithinQuietHours } from './is-within-quiet-hours';
export { nextBusinessWindowStart } from './next-business-window-start';
export { nextTimeOutsideQuietHours } from './next-time-outside-quiet-hours';
export { percentile } from './percentile';
export {
  holidaysSchema,
  resolveRepCalendar,
  type Holiday,
  type RepCalendarSource,
  type RepCalendarSources,
} from './rep-calendar';
export { quietPeriodAt, type QuietHours, type QuietPeriod } from './quiet-hours';
export { quietHoursSchema } from './quiet-hours-schema';
export { slaDueAt } from './sla-due-at';
export { slaPolicySchema, type SlaPolicy } from './sla-policy';
export { splitTimeToFirstTouch, type FirstTouchSplit, type FirstTouchTimeline } from './split-time-to-first-touch';
export { summarizeDurations, type DurationSummary } from './summarize-durations';
export { weeklyHoursSchema } from './weekly-hours-schema';
export {
  toWorkingCalendar,
  type AwayPeriod,
  type WeekdayWindow,
  type WeeklyHours,
  type WorkingCalendar,
} from './working-calendar';
export { zonedParts, type ZonedParts } from './zoned-parts';
export { zonedTimeToUtc, type LocalDateTime } from './zoned-time-to-utc';
