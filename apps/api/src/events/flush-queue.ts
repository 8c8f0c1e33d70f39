interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items from concurrent requests are written together. A submit starts a flush at once when fewer
 * than `maxConcurrent` are running (no added latency when idle); otherwise its items wait and go with the next
 * flush, up to `maxItems` per flush. `flush` must return one result per item, in order.
 */
export class FlushQueue<T, R> {
  private pending: Pending<T, R>[] = [];
  private running = 0;

  constructor(
    private readonly flush: (items: T[]) => Promise<R[]>,
    private readonly maxItems: number,
    private readonly maxConcurrent: number,
  ) {}

  submit(items: readonly T[]): Promise<R[]> {
    const results = items.map((item) => new Promise<R>((resolve, reject) => this.pending.push({ item, resolve, reject })));
    this.kick();
    return Promise.all(results);
  }

  private kick(): void {
    while (this.running < this.maxConcurrent && this.pending.length) {
      const batch = this.pending.splice(0, this.maxItems);
      this.running += 1;
      this.flush(batch.map((p) => p.item))
        .then((results) => batch.forEach((p, i) => p.resolve(results[i]!)), (error) => batch.forEach((p) => p.reject(error)))
        .finally(() => {
          this.running -= 1;
          this.kick();
        });
    }
  }
}
