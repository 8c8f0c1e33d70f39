import { deliveriesOf, forEachConcurrently, queuesByLead, urgentFirst } from './outbox-batch';

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

describe('urgentFirst', () => {
  const isUrgent = (row: string) => row !== 'event';
  it('puts queues holding an urgent row first and keeps the order within both groups', () => {
    const queues = [['event'], ['event', 'left'], ['event', 'event'], ['entered']];
    expect(urgentFirst(queues, isUrgent)).toEqual([['event', 'left'], ['entered'], ['event'], ['event', 'event']]);
  });

  it('leaves queues alone when none or all are urgent', () => {
    expect(urgentFirst([['event'], ['event']], isUrgent)).toEqual([['event'], ['event']]);
    expect(urgentFirst([['left'], ['entered']], isUrgent)).toEqual([['left'], ['entered']]);
  });
});

describe('deliveriesOf', () => {
  const isEvent = (row: string) => row.startsWith('ev');
  it('batches each run of consecutive batchable rows and keeps every other row alone, in order', () => {
    expect(deliveriesOf(['ev1', 'ev2', 'left', 'entered', 'ev3', 'ev4', 'ev5'], isEvent)).toEqual([['ev1', 'ev2'], ['left'], ['entered'], ['ev3', 'ev4', 'ev5']]);
  });

  it('never batches two non-batchable rows together', () => {
    expect(deliveriesOf(['left', 'entered'], isEvent)).toEqual([['left'], ['entered']]);
    expect(deliveriesOf([], isEvent)).toEqual([]);
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
