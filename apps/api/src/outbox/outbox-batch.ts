/**
 * Splits a batch of outbox rows (in id order) into one queue per lead, each still in id order, queues ordered by
 * their first row. Rows of one lead must be delivered in order (`segment_left` exits the old run before
 * `segment_entered` starts the new one, an event reaches the run it was meant for); different leads need not wait
 * for each other.
 *
 * @example
 * queuesByLead([{ id: '1', leadId: 'a' }, { id: '2', leadId: 'b' }, { id: '3', leadId: 'a' }], (r) => r.leadId)
 * // → [[{ id: '1', … }, { id: '3', … }], [{ id: '2', … }]]
 */
export function queuesByLead<T>(rows: readonly T[], leadOf: (row: T) => string): T[][] {
  const queues = new Map<string, T[]>();
  for (const row of rows) {
    const lead = leadOf(row);
    const queue = queues.get(lead);
    if (queue) queue.push(row);
    else queues.set(lead, [row]);
  }
  return [...queues.values()];
}

/**
 * Orders lead queues so that those holding an urgent row come first, otherwise keeping their order. Starting and
 * exiting runs (segment rows) is what a segment change waits for; a queue of lead events only can go after them.
 *
 * @example
 * urgentFirst([[{ kind: 'lead_event' }], [{ kind: 'segment_entered' }]], (r) => r.kind !== 'lead_event')
 * // → [[{ kind: 'segment_entered' }], [{ kind: 'lead_event' }]]
 */
export function urgentFirst<T>(queues: readonly T[][], isUrgent: (row: T) => boolean): T[][] {
  const urgent = queues.filter((queue) => queue.some(isUrgent));
  return [...urgent, ...queues.filter((queue) => !urgent.includes(queue))];
}

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
 * Runs `task` over `items` with at most `limit` in flight at once; resolves when all have settled. `task` must not
 * throw (handle errors inside it): a throw rejects the whole call.
 *
 * @example
 * await forEachConcurrently(queues, 16, async (queue) => { for (const row of queue) await deliver(row); });
 */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
