import type { BusinessCalendar } from '@segflow/sla';

/** A period `[from, to)` in which a rep takes no new leads. */
export interface OutOfOffice {
  from: Date;
  to: Date;
}

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
  /** Working hours; a rep without a calendar is always considered in hours. */
  calendar?: BusinessCalendar;
  outOfOffice?: OutOfOffice[];
}
