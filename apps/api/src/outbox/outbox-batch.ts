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
 * Delivers one lead's deliveries in order and returns the position of the first that failed, and why (null when all
 * were delivered). Each delivery goes out once every delivery before it went out, except that an entry (a run start)
 * is prepared at once, while the deliveries before it are still going out (a lead's events to its old run, then that
 * run's exit, are on the path of the new run's start): `startAfter` is everything before it, which its workflow start
 * waits for, so a new run never starts before the lead's earlier rows reached their runs. Entries are prepared one
 * after another, so two launches of one lead never overlap. A failure stops every later delivery: an entry prepared
 * meanwhile rejects without starting its workflow (its redelivery starts it).
 *
 * @example
 * await deliverInOrder([['ev1', 'ev2'], ['left'], ['entered']], isEntry, deliver)
 * // deliver(['ev1', 'ev2']) and deliver(['entered'], sent) begin at once, deliver(['left']) once the events went out;
 * // `sent` resolves once the exit went out too
 */
export async function deliverInOrder<T>(
  deliveries: readonly T[][],
  isEntry: (delivery: T[]) => boolean,
  deliver: (delivery: T[], startAfter?: Promise<void>) => Promise<void>,
): Promise<{ at: number; error: unknown } | null> {
  let sent: Promise<void> = Promise.resolve();
  let prepared: Promise<unknown> = Promise.resolve();
  const outcomes = deliveries.map((delivery) => {
    const before = sent;
    const done = isEntry(delivery)
      ? prepared.then(() => deliver(delivery, before))
      : before.then(() => deliver(delivery));
    if (isEntry(delivery)) prepared = done;
    sent = done;
    return done;
  });
  const settled = await Promise.allSettled(outcomes);
  const at = settled.findIndex((outcome) => outcome.status === 'rejected');
  return at === -1 ? null : { at, error: (settled[at] as PromiseRejectedResult).reason };
}
