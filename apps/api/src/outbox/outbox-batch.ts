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
