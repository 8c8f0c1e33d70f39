/**
 * Input of `reserveTouchSlot` (run by `deliverTouch` before a touch's send intent): one slot of the lead's daily touch budget, shared by all its runs, for
 * the touch with idempotency key `key` at interpreter time `now` (the day is the lead-local day of `now`). `cap` is
 * the run's playbook `maxTouchesPerDay`; null counts the touch without a limit (other playbooks' caps still see it).
 *
 * @example
 * const input: ReserveTouchSlotInput = { leadId: 'l1', key: 'r1:intro:1', timeZone: 'Asia/Kolkata', now: '2026-03-02T05:00:00Z', cap: 2 };
 */
export type ReserveTouchSlotInput = { leadId: string; key: string; timeZone: string; now: string; cap: number | null };

/** The slot is the touch's (also on a retry of the same key), or the day is full until `until` (the next local day). */
export type ReserveTouchSlotResult = { kind: 'reserved' } | { kind: 'deferred'; until: string };
