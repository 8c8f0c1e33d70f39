interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/** A submit that would take the waiting items past the queue's bound; none of its items was queued. */
export class QueueFullError extends Error {
  constructor(
    readonly waiting: number,
    readonly offered: number,
    readonly limit: number,
  ) {
    super(`${waiting} items are waiting to be written; ${offered} more would pass the limit of ${limit}`);
    this.name = 'QueueFullError';
  }
}

/**
 * Group commit: items from concurrent requests are written together. A submit starts a flush at once when fewer
 * than `maxConcurrent` are running (no added latency when idle); otherwise its items wait and go with the next
 * flush, up to `maxItems` per flush. `flush` must return one result per item, in order. At most `maxWaiting` items
 * wait: a submit beyond that is refused whole ({@link QueueFullError}) instead of queueing without bound in memory
 * while the writer falls behind.
 */
export class FlushQueue<T, R> {
  private pending: Pending<T, R>[] = [];
  private running = 0;

  constructor(
    private readonly flush: (items: T[]) => Promise<R[]>,
    private readonly maxItems: number,
    private readonly maxConcurrent: number,
    private readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {}

  /** Items waiting for a flush (not those being written). */
  get waiting(): number {
    return this.pending.length;
  }

  submit(items: readonly T[]): Promise<R[]> {
    if (this.pending.length + items.length > this.maxWaiting)
      return Promise.reject(new QueueFullError(this.pending.length, items.length, this.maxWaiting));
    const results = items.map(
      (item) => new Promise<R>((resolve, reject) => this.pending.push({ item, resolve, reject })),
    );
    this.kick();
    return Promise.all(results);
  }

  private kick(): void {
    while (this.running < this.maxConcurrent && this.pending.length) {
      const batch = this.pending.splice(0, this.maxItems);
      this.running += 1;
      this.flush(batch.map((p) => p.item))
        .then(
          (results) => batch.forEach((p, i) => p.resolve(results[i]!)),
          (error) => batch.forEach((p) => p.reject(error)),
        )
        .finally(() => {
          this.running -= 1;
          this.kick();
        });
    }
  }
}
