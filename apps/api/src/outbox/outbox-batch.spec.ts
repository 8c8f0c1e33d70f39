import { deliverInOrder, deliveriesOf } from './outbox-batch';

describe('deliveriesOf', () => {
  const isEvent = (row: string) => row.startsWith('ev');
  it('batches each run of consecutive batchable rows and keeps every other row alone, in order', () => {
    expect(deliveriesOf(['ev1', 'ev2', 'left', 'entered', 'ev3', 'ev4', 'ev5'], isEvent)).toEqual([
      ['ev1', 'ev2'],
      ['left'],
      ['entered'],
      ['ev3', 'ev4', 'ev5'],
    ]);
  });

  it('never batches two non-batchable rows together', () => {
    expect(deliveriesOf(['left', 'entered'], isEvent)).toEqual([['left'], ['entered']]);
    expect(deliveriesOf([], isEvent)).toEqual([]);
  });
});

describe('deliverInOrder', () => {
  const isEntry = ([row]: string[]) => row!.startsWith('entered');
  /** Deliveries whose outcome the test decides, recording when each began and when an entry started its run. */
  function controlled() {
    const log: string[] = [];
    const pending = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
    const deliver = (delivery: string[], startAfter?: Promise<void>) => {
      const [name] = delivery as [string];
      log.push(`begin ${name}`);
      const own = new Promise<void>((resolve, reject) => pending.set(name, { resolve, reject }));
      // As the launcher does: its own work, then the start once startAfter resolved.
      return startAfter
        ? own.then(() => startAfter).then(() => void log.push(`start ${name}`))
        : own.then(() => void log.push(`done ${name}`));
    };
    const settle = async (name: string, error?: Error) => {
      const outcome = pending.get(name);
      if (!outcome) throw new Error(`${name} has not begun (log: ${log.join(', ')})`);
      if (error) outcome.reject(error);
      else outcome.resolve();
      await tick();
    };
    return { log, deliver, settle };
  }
  const tick = () => new Promise((r) => setImmediate(r));

  it("prepares an entry while the lead's earlier rows go out one by one, and starts it only after all of them", async () => {
    const { log, deliver, settle } = controlled();
    const outcome = deliverInOrder([['ev1', 'ev2'], ['left'], ['entered']], isEntry, deliver);
    await tick();
    expect(log).toEqual(['begin ev1', 'begin entered']);
    await settle('entered');
    expect(log).toEqual(['begin ev1', 'begin entered']);
    await settle('ev1');
    expect(log).toEqual(['begin ev1', 'begin entered', 'done ev1', 'begin left']);
    await settle('left');
    expect(await outcome).toBeNull();
    expect(log).toEqual(['begin ev1', 'begin entered', 'done ev1', 'begin left', 'done left', 'start entered']);
  });

  it('prepares a later entry only once the earlier entry is done, and sends rows after an entry only once it started', async () => {
    const { log, deliver, settle } = controlled();
    const outcome = deliverInOrder([['entered1'], ['left1'], ['entered2'], ['ev3']], isEntry, deliver);
    await tick();
    expect(log).toEqual(['begin entered1']);
    await settle('entered1');
    expect(log).toEqual(['begin entered1', 'start entered1', 'begin left1', 'begin entered2']);
    await settle('entered2');
    await settle('left1');
    expect(log.slice(-3)).toEqual(['done left1', 'start entered2', 'begin ev3']);
    await settle('ev3');
    expect(await outcome).toBeNull();
  });

  it('reports the first failure and stops everything after it: a prepared entry never starts', async () => {
    const { log, deliver, settle } = controlled();
    const outcome = deliverInOrder([['ev1'], ['left'], ['entered'], ['ev2']], isEntry, deliver);
    await tick();
    await settle('entered');
    await settle('ev1', new Error('temporal down'));
    expect(await outcome).toEqual({ at: 0, error: new Error('temporal down') });
    expect(log).toEqual(['begin ev1', 'begin entered']);
  });

  it('reports a failed entry at its position after the rows delivered before it, and a single delivery at 0', async () => {
    const pair = controlled();
    const outcome = deliverInOrder([['left'], ['entered'], ['ev1']], isEntry, pair.deliver);
    await tick();
    await pair.settle('left');
    await pair.settle('entered', new Error('lead locked'));
    expect(await outcome).toEqual({ at: 1, error: new Error('lead locked') });
    expect(pair.log).not.toContain('begin ev1');

    const single = controlled();
    const alone = deliverInOrder([['ev1', 'ev2']], isEntry, single.deliver);
    await tick();
    await single.settle('ev1', new Error('no route'));
    expect(await alone).toEqual({ at: 0, error: new Error('no route') });
  });
});
