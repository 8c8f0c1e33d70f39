import type { AwayPeriod, BusinessCalendar, WorkingCalendar } from '@segflow/sla';

/** A period `[from, to)` in which a rep takes no new leads: libs/sla's away period, the same one SLA clocks skip. */
export type OutOfOffice = AwayPeriod;

/**
 * A sales rep as seen by routing: team, availability and current load.
 *
 * @example
 * const asha: Rep = { id: 'r1', name: 'Asha', teamId: 'pune', active: true, capacity: 20, openTasks: 7, calendar: kolkataOffice };
 */
export interface Rep {
  id: string;
  /** Display name, used in routing reasons. */
  name: string;
  teamId: string;
  /** Inactive reps never receive leads. */
  active: boolean;
  /** Maximum open tasks; unlimited when absent. */
  capacity?: number;
  /** Tasks currently open for this rep. */
  openTasks: number;
  /**
   * Working hours, holidays and away periods, as libs/sla's `resolveRepCalendar` gives them (the same calendar
   * the rep's SLA clocks count in); a rep without a calendar is always considered in hours.
   */
  calendar?: BusinessCalendar | WorkingCalendar;
  outOfOffice?: OutOfOffice[];
}
