import { isWithinBusinessHours } from '@segflow/sla';
import type { Rep } from './rep';

/** Why a rep cannot take a lead right now. */
export type RepUnavailability =
  | { kind: 'inactive' }
  | { kind: 'outOfOffice'; until: Date }
  | { kind: 'outsideWorkingHours' }
  | { kind: 'atCapacity'; openTasks: number; capacity: number };

/**
 * `null` when the rep can take a lead at `now`, else the first reason they cannot, checked in order:
 * inactive, out of office (`[from, to)` contains `now`), outside their calendar's working hours,
 * at capacity (`openTasks` ≥ the smaller of the rep's `capacity` and `capacityCap`).
 *
 * @example
 * const rep = { id: 'r1', name: 'Asha', teamId: 'west', active: true, capacity: 5, openTasks: 5 };
 * checkRepAvailability(rep, new Date('2026-05-04T06:00:00Z')); // { kind: 'atCapacity', openTasks: 5, capacity: 5 }
 * checkRepAvailability({ ...rep, openTasks: 1 }, new Date('2026-05-04T06:00:00Z')); // null
 */
export function checkRepAvailability(rep: Rep, now: Date, capacityCap?: number): RepUnavailability | null {
  if (!rep.active) return { kind: 'inactive' };
  const away = rep.outOfOffice?.find((period) => now >= period.from && now < period.to);
  if (away) return { kind: 'outOfOffice', until: away.to };
  if (rep.calendar && !isWithinBusinessHours(rep.calendar, now)) return { kind: 'outsideWorkingHours' };
  const capacity = Math.min(rep.capacity ?? Number.POSITIVE_INFINITY, capacityCap ?? Number.POSITIVE_INFINITY);
  if (rep.openTasks >= capacity) return { kind: 'atCapacity', openTasks: rep.openTasks, capacity };
  return null;
}

/**
 * A short human phrase for an unavailability, as used in routing reasons.
 *
 * @example
 * describeUnavailability({ kind: 'atCapacity', openTasks: 5, capacity: 5 }); // 'at capacity (5/5 open tasks)'
 */
export function describeUnavailability(why: RepUnavailability): string {
  switch (why.kind) {
    case 'inactive':
      return 'inactive';
    case 'outOfOffice':
      return `out of office until ${why.until.toISOString()}`;
    case 'outsideWorkingHours':
      return 'outside working hours';
    case 'atCapacity':
      return `at capacity (${why.openTasks}/${why.capacity} open tasks)`;
  }
}
