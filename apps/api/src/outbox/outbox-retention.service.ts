import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { deleteDeliveredOutboxRows } from '@segflow/stores';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** How often each API process prunes delivered outbox rows. */
export const OUTBOX_PRUNE_INTERVAL_MS = 60 * 60 * 1000;
/** Rows one DELETE removes: short statements, so a prune never holds many row locks or one long transaction. */
export const OUTBOX_PRUNE_BATCH = 10_000;

/**
 * Deletes outbox rows delivered more than OUTBOX_RETENTION_DAYS ago. A delivered row is only kept for
 * troubleshooting (what was delivered when, after how many attempts); without pruning the table grows with every
 * segment change and run-relevant event forever. Undelivered rows are never pruned, however old: they are still owed
 * to Temporal. Oldest first along the primary key, whose order is (nearly) delivery order, in batches until one
 * comes back short.
 */
@Injectable()
export class OutboxRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRetentionService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.prune().catch((e: Error) => this.logger.warn(`outbox prune failed: ${e.message}`)),
      OUTBOX_PRUNE_INTERVAL_MS,
    );
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One prune; returns the rows deleted. Overlapping calls share the running one. */
  prune(now = new Date()): Promise<number> {
    this.running ??= this.deleteDelivered(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async deleteDelivered(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.config.OUTBOX_RETENTION_DAYS * 86_400_000);
    let total = 0;
    for (;;) {
      const deleted = await deleteDeliveredOutboxRows(this.dataSource, before, OUTBOX_PRUNE_BATCH);
      total += deleted;
      if (deleted < OUTBOX_PRUNE_BATCH) break;
    }
    if (total) this.logger.log(`pruned ${total} outbox rows delivered before ${before.toISOString()}`);
    return total;
  }
}
