/**
 * Splits one lead's queue into deliveries, in order: each run of consecutive batchable rows is one delivery, every
 * other row is a delivery of its own. A lead's lead events between two segment changes reach its runs together.
 *
 * @example
 * deliveriesOf(['ev1', 'ev2', 'left', 'entered', 'ev3'], (r) => r.startsWith('ev'))
 * // → [['ev1', 'ev2'], ['left'], ['entered'], ['ev3']]
 */
export function deliveriesOf<T>(queue: readonly T[], isBatchable: (row: T) => boolean): T[][] {
  const deliveries: T[][] = [];
  for (const row of queue) {
    const last = deliveries.at(-1);
    if (last && isBatchable(row) && isBatchable(last[0]!)) last.push(row);
    else deliveries.push([row]);
  }
  return deliveries;
}

/**
 * Groups deliveries into steps, delivered one step after another: a segment exit directly followed by an entry (one
 * segment change) is one step of two, every other delivery a step of its own.
 *
 * @example
 * stepsOf([['ev1'], ['left'], ['entered'], ['entered2']], (d) => d[0] === 'left', (d) => d[0].startsWith('entered'))
 * // → [[['ev1']], [['left'], ['entered']], [['entered2']]]
 */
export function stepsOf<T>(deliveries: readonly T[][], isExit: (delivery: T[]) => boolean, isEntry: (delivery: T[]) => boolean): T[][][] {
  const steps: T[][][] = [];
  for (const delivery of deliveries) {
    const last = steps.at(-1);
    if (last?.length === 1 && isExit(last[0]!) && isEntry(delivery)) last.push(delivery);
    else steps.push([delivery]);
  }
  return steps;
}

/**
 * Delivers one delivery, or a change's exit and entry together. An entry's run is prepared while its exit is sent
 * (the exit signal and the run's database work overlap, both on the path of the run's start); `startAfter` is the
 * exit, which the entry's workflow start waits for, so a new run never starts before the old one was told to exit.
 * Returns the position in the step of the first delivery that failed, and why, or null when all were delivered.
 */
export async function deliverStep<T>(
  step: readonly T[][], deliver: (delivery: T[], startAfter?: Promise<void>) => Promise<void>,
): Promise<{ at: number; error: unknown } | null> {
  const [first, second] = step;
  const firstDone = deliver(first!);
  const settled = await Promise.allSettled(second ? [firstDone, deliver(second, firstDone)] : [firstDone]);
  const at = settled.findIndex((outcome) => outcome.status === 'rejected');
  return at === -1 ? null : { at, error: (settled[at] as PromiseRejectedResult).reason };
}
