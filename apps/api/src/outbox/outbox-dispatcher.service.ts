import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OutboxHandlersService } from './outbox-handlers.service';
import type { OutboxMessage } from './outbox-message';

/** Longest back-off between two attempts of a failing row, in seconds. */
export const MAX_BACKOFF_SECONDS = 300;

/**
 * Delivers committed outbox rows to Temporal (DESIGN invariant 2). Each pass locks a batch with
 * `FOR UPDATE SKIP LOCKED`, so several API replicas share the work without delivering a row twice at once;
 * a row is marked `dispatched_at` only after its handler succeeded, and a failing row backs off
 * exponentially with `attempts` / `last_error` / `next_attempt_at`. Handlers are idempotent, so a crash
 * after delivery but before the mark only repeats a harmless delivery.
 */
@Injectable()
export class OutboxDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcherService.name);
  private running: Promise<void> | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: OutboxHandlersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.OUTBOX_DISPATCHER === 'on') this.running = this.loop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  /** One pass: delivers up to `limit` due rows; returns how many rows it tried. */
  async dispatchPending(limit = 100): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string } & OutboxMessage> = await manager.query(
        `SELECT id, kind, payload FROM outbox
         WHERE dispatched_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      for (const row of rows) {
        try {
          await this.handlers.handle({ kind: row.kind, payload: row.payload } as OutboxMessage);
          await manager.query(`UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [row.id]);
        } catch (error) {
          this.logger.warn(`outbox row ${row.id} (${row.kind}) not delivered: ${(error as Error).message}`);
          await manager.query(
            `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
               next_attempt_at = now() + least(power(2, attempts), $3) * interval '1 second' WHERE id = $1`,
            [row.id, (error as Error).message, MAX_BACKOFF_SECONDS],
          );
        }
      }
      return rows.length;
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let tried = 0;
      try {
        tried = await this.dispatchPending();
      } catch (error) {
        this.logger.warn(`outbox pass failed: ${(error as Error).message}`);
      }
      if (tried === 0 && !this.stopped) await this.sleep(this.config.OUTBOX_POLL_MS);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
