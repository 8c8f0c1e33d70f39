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
