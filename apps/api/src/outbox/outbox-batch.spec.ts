import { forEachConcurrently, queuesByLead } from './outbox-batch';

describe('queuesByLead', () => {
  const row = (id: string, leadId: string) => ({ id, leadId });

  it("keeps each lead's rows in id order, one queue per lead, queues in order of their first row", () => {
    const rows = [row('1', 'b'), row('2', 'a'), row('3', 'b'), row('4', 'c'), row('5', 'a')];
    expect(queuesByLead(rows, (r) => r.leadId).map((q) => q.map((r) => r.id))).toEqual([['1', '3'], ['2', '5'], ['4']]);
  });

  it('returns no queue for no rows', () => {
    expect(queuesByLead([], (r: { leadId: string }) => r.leadId)).toEqual([]);
  });
});

describe('forEachConcurrently', () => {
  const tick = () => new Promise((r) => setTimeout(r, 5));

  it('runs every item, never more than `limit` at once', async () => {
    let inFlight = 0;
    let peak = 0;
    const done: number[] = [];
    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await tick();
      done.push(item);
      inFlight -= 1;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it('starts every item at once when there are fewer than `limit`, and settles on an empty list', async () => {
    let peak = 0;
    let inFlight = 0;
    await forEachConcurrently([1, 2], 8, async () => {
      peak = Math.max(peak, ++inFlight);
      await tick();
      inFlight -= 1;
    });
    expect(peak).toBe(2);
    await expect(forEachConcurrently([], 8, async () => undefined)).resolves.toBeUndefined();
  });
});
