import { FlushQueue, QueueFullError } from './flush-queue';

describe('FlushQueue', () => {
  it('flushes at once when idle and coalesces what arrives meanwhile into the next flush', async () => {
    const flushes: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queue = new FlushQueue<number, number>(
      async (items) => {
        flushes.push(items);
        if (flushes.length === 1) await gate;
        return items.map((x) => x * 10);
      },
      100,
      1,
    );
    const first = queue.submit([1]);
    const second = queue.submit([2, 3]);
    const third = queue.submit([4]);
    release();
    expect(await Promise.all([first, second, third])).toEqual([[10], [20, 30], [40]]);
    expect(flushes).toEqual([[1], [2, 3, 4]]);
  });

  it('caps a flush at maxItems and rejects only the items of a failed flush', async () => {
    const sizes: number[] = [];
    const queue = new FlushQueue<number, number>(
      async (items) => {
        sizes.push(items.length);
        if (items.includes(3)) throw new Error('boom');
        return items;
      },
      2,
      1,
    );
    const results = await Promise.allSettled([queue.submit([1]), queue.submit([2, 3, 4]), queue.submit([5])]);
    expect(sizes).toEqual([1, 2, 2]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('refuses a whole submit that would take the waiting items past maxWaiting, and takes submits again once they drain', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const flushed: number[][] = [];
    const queue = new FlushQueue<number, number>(
      async (items) => {
        flushed.push(items);
        await gate;
        return items;
      },
      10,
      1,
      3,
    );
    const running = queue.submit([1]); // being written, not waiting
    const waiting = queue.submit([2, 3]);
    await expect(queue.submit([4, 5])).rejects.toEqual(new QueueFullError(2, 2, 3));
    const fits = queue.submit([6]);
    release();
    expect(await Promise.all([running, waiting, fits])).toEqual([[1], [2, 3], [6]]);
    expect(flushed).toEqual([[1], [2, 3, 6]]);
    expect(await queue.submit([7, 8, 9])).toEqual([7, 8, 9]);
  });
});
