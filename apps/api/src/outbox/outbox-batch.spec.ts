import { deliverStep, deliveriesOf, stepsOf } from './outbox-batch';

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

describe('stepsOf', () => {
  const isExit = ([row]: string[]) => row!.startsWith('left');
  const isEntry = ([row]: string[]) => row!.startsWith('entered');
  it('pairs an exit with the entry right after it, and leaves every other delivery alone, in order', () => {
    expect(stepsOf([['ev1', 'ev2'], ['left1'], ['entered1'], ['ev3'], ['left2'], ['ev4'], ['entered2'], ['entered3']], isExit, isEntry)).toEqual([
      [['ev1', 'ev2']], [['left1'], ['entered1']], [['ev3']], [['left2']], [['ev4']], [['entered2']], [['entered3']],
    ]);
  });

  it('never pairs an entry with an earlier entry, nor an exit with a later exit', () => {
    expect(stepsOf([['entered1'], ['entered2']], isExit, isEntry)).toEqual([[['entered1']], [['entered2']]]);
    expect(stepsOf([['left1'], ['left2'], ['entered2']], isExit, isEntry)).toEqual([[['left1']], [['left2'], ['entered2']]]);
  });
});

describe('deliverStep', () => {
  /** A delivery whose outcome the test decides, recording when it began and what its start waited for. */
  function controlled() {
    const log: string[] = [];
    const pending = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
    const deliver = (delivery: string[], startAfter?: Promise<void>) => {
      const [name] = delivery as [string];
      log.push(`begin ${name}`);
      const own = new Promise<void>((resolve, reject) => pending.set(name, { resolve, reject }));
      // As the launcher does: its own work, then the start once startAfter resolved.
      return startAfter ? own.then(() => startAfter).then(() => void log.push(`start ${name}`)) : own.then(() => void log.push(`done ${name}`));
    };
    return { log, deliver, settle: (name: string, error?: Error) => (error ? pending.get(name)!.reject(error) : pending.get(name)!.resolve()) };
  }
  const tick = () => new Promise((r) => setImmediate(r));

  it("begins the entry while the exit is still out, and starts it only after the exit went out", async () => {
    const { log, deliver, settle } = controlled();
    const outcome = deliverStep([['left'], ['entered']], deliver);
    await tick();
    expect(log).toEqual(['begin left', 'begin entered']);
    settle('entered');
    await tick();
    expect(log).toEqual(['begin left', 'begin entered']);
    settle('left');
    expect(await outcome).toBeNull();
    expect(log).toEqual(['begin left', 'begin entered', 'done left', 'start entered']);
  });

  it('reports a failed exit at position 0 and never starts the entry', async () => {
    const { log, deliver, settle } = controlled();
    const outcome = deliverStep([['left'], ['entered']], deliver);
    await tick();
    settle('entered');
    settle('left', new Error('temporal down'));
    expect(await outcome).toEqual({ at: 0, error: new Error('temporal down') });
    expect(log).not.toContain('start entered');
  });

  it('reports a failed entry at position 1 after a delivered exit, and a single delivery at position 0', async () => {
    const pair = controlled();
    const outcome = deliverStep([['left'], ['entered']], pair.deliver);
    await tick();
    pair.settle('left');
    pair.settle('entered', new Error('lead locked'));
    expect(await outcome).toEqual({ at: 1, error: new Error('lead locked') });

    const single = controlled();
    const alone = deliverStep([['ev1', 'ev2']], single.deliver);
    await tick();
    single.settle('ev1', new Error('no route'));
    expect(await alone).toEqual({ at: 0, error: new Error('no route') });
  });
});
