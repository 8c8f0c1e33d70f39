/**
 * The slot of the lead's daily touch budget, shared by all its runs, that `deliverTouch` takes with a touch's send
 * intent: the lead-local day of interpreter time `now` in `timeZone`. `cap` is the run's playbook `maxTouchesPerDay`;
 * null counts the touch without a limit (other playbooks' caps still see it).
 *
 * @example
 * const slot: TouchSlot = { timeZone: 'Asia/Kolkata', now: '2026-03-02T05:00:00Z', cap: 2 };
 */
export type TouchSlot = { timeZone: string; now: string; cap: number | null };
