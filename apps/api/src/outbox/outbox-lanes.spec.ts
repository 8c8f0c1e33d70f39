import { LeadLanes } from './outbox-lanes';

type Row = { id: number; lead: string; urgent?: boolean };

/** Lanes whose deliveries wait until the test releases them, recording what started and finished. */
function gatedLanes(limit: number, urgentLimit: number) {
  const started: number[][] = [];
  const finished: number[][] = [];
  const gates = new Map<string, () => void>();
  const errors: unknown[] = [];
  const lanes = new LeadLanes<Row>({
    limit,
    urgentLimit,
    leadOf: (row) => row.lead,
    isUrgent: (row) => row.urgent === true,
    onError: (error) => errors.push(error),
    deliver: async (rows) => {
      started.push(rows.map((row) => row.id));
      await new Promise<void>((resolve) => gates.set(rows[0]!.lead, resolve));
      finished.push(rows.map((row) => row.id));
    },
  });
  const release = async (lead: string) => {
    gates.get(lead)!();
    gates.delete(lead);
    await new Promise((r) => setImmediate(r));
  };
  return { lanes, started, finished, release, errors, inFlight: () => [...gates.keys()] };
}

describe('LeadLanes', () => {
  it("starts a lead as soon as it is added, while another lead's delivery is still under way", async () => {
    const { lanes, started, release } = gatedLanes(4, 8);
    lanes.add([{ id: 1, lead: 'slow' }]);
    lanes.add([{ id: 2, lead: 'fresh' }]);
    expect(started).toEqual([[1], [2]]);
    await release('fresh');
    await release('slow');
    await lanes.idle();
  });

  it("delivers a lead's rows in order, as one call, and rows added while it is in flight after it", async () => {
    const { lanes, started, finished, release } = gatedLanes(4, 8);
    lanes.add([
      { id: 1, lead: 'a' },
      { id: 2, lead: 'b' },
      { id: 3, lead: 'a' },
    ]);
    lanes.add([{ id: 4, lead: 'a' }]);
    expect(started).toEqual([[1, 3], [2]]);
    await release('a');
    expect(started).toEqual([[1, 3], [2], [4]]);
    expect(finished).toEqual([[1, 3]]);
    await release('a');
    await release('b');
    expect(lanes.size).toBe(0);
  });

  it('never runs more than `limit` leads at once, starts urgent leads first and lets them use the lanes up to `urgentLimit`', async () => {
    const { lanes, started, release, inFlight } = gatedLanes(2, 3);
    lanes.add([
      { id: 1, lead: 'a' },
      { id: 2, lead: 'b' },
    ]);
    lanes.add([
      { id: 3, lead: 'c' },
      { id: 4, lead: 'd', urgent: true },
    ]);
    // a and b fill the ordinary lanes; d is urgent and takes the third; c waits for an ordinary lane.
    expect(started).toEqual([[1], [2], [4]]);
    lanes.add([{ id: 5, lead: 'e', urgent: true }]);
    expect(inFlight()).toEqual(['a', 'b', 'd']);
    expect(lanes.busy).toBe(3);
    await release('a');
    // The freed lane goes to the urgent e, although c waited longer.
    expect(started.at(-1)).toEqual([5]);
    await release('b');
    expect(inFlight()).toEqual(['d', 'e']);
    await release('d');
    expect(started.at(-1)).toEqual([3]);
    await release('e');
    await release('c');
    await expect(lanes.idle()).resolves.toBeUndefined();
    expect(lanes.size).toBe(0);
    expect(lanes.busy).toBe(0);
  });

  it('counts the rows it holds, drains only the waiting ones, and reports a crashed delivery without stalling', async () => {
    const { lanes, release, errors } = gatedLanes(1, 1);
    lanes.add([
      { id: 1, lead: 'a' },
      { id: 2, lead: 'b' },
      { id: 3, lead: 'b' },
    ]);
    expect(lanes.size).toBe(3);
    expect(lanes.drain()).toEqual([
      { id: 2, lead: 'b' },
      { id: 3, lead: 'b' },
    ]);
    expect(lanes.size).toBe(1);
    const idle = lanes.idle();
    await release('a');
    await idle;
    expect(errors).toEqual([]);

    const crashing = new LeadLanes<Row>({
      limit: 1,
      urgentLimit: 1,
      leadOf: (row) => row.lead,
      isUrgent: () => false,
      onError: (error) => errors.push(error),
      deliver: async (rows) => {
        if (rows[0]!.lead === 'bad') throw new Error('bug');
      },
    });
    crashing.add([
      { id: 1, lead: 'bad' },
      { id: 2, lead: 'good' },
    ]);
    await crashing.idle();
    expect(errors).toEqual([new Error('bug')]);
    expect(crashing.size).toBe(0);
  });
});
