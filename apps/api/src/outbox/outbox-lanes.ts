export interface LeadLanesOptions<T> {
  /** Leads delivered at once. */
  limit: number;
  /** Leads delivered at once when the next one holds an urgent row: lanes above `limit` are kept for those. */
  urgentLimit: number;
  leadOf(row: T): string;
  isUrgent(row: T): boolean;
  /** Delivers one lead's rows in order; must not throw (a throw is logged by the caller's `onError` only). */
  deliver(rows: T[]): Promise<void>;
  /** Told of a throw from `deliver` (a bug: `deliver` handles its own failures). */
  onError(error: unknown): void;
}

/**
 * Delivers claimed outbox rows lead by lead, each lead's rows in order, different leads concurrently: a lead starts
 * as soon as a lane is free, never waiting for the other leads of its claim. Leads holding an urgent row (a segment
 * change, which a run start waits for) go first and may use the lanes above `limit`, so lead events never hold a run
 * start back for long.
 *
 * @example
 * const lanes = new LeadLanes({ limit: 4, urgentLimit: 8, leadOf: (r) => r.leadId, isUrgent: (r) => r.kind !== 'lead_event', deliver, onError });
 * lanes.add(claimedRows);
 */
export class LeadLanes<T> {
  /** Rows waiting for a lane, per lead, in arrival order of the leads. */
  private readonly waiting = new Map<string, T[]>();
  private readonly inFlight = new Set<string>();
  private heldRows = 0;
  private settled: Array<() => void> = [];

  constructor(private readonly options: LeadLanesOptions<T>) {}

  /** Rows added and not yet delivered (waiting or in flight). */
  get size(): number {
    return this.heldRows;
  }

  /** Leads being delivered now (lanes in use). */
  get busy(): number {
    return this.inFlight.size;
  }

  /** Adds rows (in order); a lead already waiting or in flight gets them after its earlier rows. */
  add(rows: readonly T[]): void {
    for (const row of rows) {
      const lead = this.options.leadOf(row);
      const queue = this.waiting.get(lead);
      if (queue) queue.push(row);
      else this.waiting.set(lead, [row]);
    }
    this.heldRows += rows.length;
    this.startLanes();
  }

  /** Resolves once nothing is waiting or in flight. */
  idle(): Promise<void> {
    if (this.heldRows === 0) return Promise.resolve();
    return new Promise((resolve) => this.settled.push(resolve));
  }

  /** Drops the rows still waiting (not those in flight) and returns them. */
  drain(): T[] {
    const dropped = [...this.waiting.entries()]
      .filter(([lead]) => !this.inFlight.has(lead))
      .flatMap(([lead, rows]) => {
        this.waiting.delete(lead);
        return rows;
      });
    this.heldRows -= dropped.length;
    this.notifyIfIdle();
    return dropped;
  }

  private startLanes(): void {
    for (let lead = this.nextLead(); lead !== null; lead = this.nextLead()) {
      const rows = this.waiting.get(lead)!;
      this.waiting.delete(lead);
      this.inFlight.add(lead);
      void this.run(lead, rows);
    }
  }

  /** The next lead to start: the first waiting lead with an urgent row, else the first waiting lead, if a lane is free for it. */
  private nextLead(): string | null {
    let first: string | null = null;
    for (const [lead, rows] of this.waiting) {
      if (this.inFlight.has(lead)) continue;
      if (rows.some(this.options.isUrgent)) return this.inFlight.size < this.options.urgentLimit ? lead : null;
      first ??= lead;
    }
    return first !== null && this.inFlight.size < this.options.limit ? first : null;
  }

  private async run(lead: string, rows: T[]): Promise<void> {
    try {
      await this.options.deliver(rows);
    } catch (error) {
      this.options.onError(error);
    }
    this.inFlight.delete(lead);
    this.heldRows -= rows.length;
    this.startLanes();
    this.notifyIfIdle();
  }

  private notifyIfIdle(): void {
    if (this.heldRows !== 0) return;
    const settled = this.settled;
    this.settled = [];
    for (const resolve of settled) resolve();
  }
}
