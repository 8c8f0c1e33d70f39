import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PgChannelListener } from '../database/pg-channel-listener';
import { deliveriesOf, forEachConcurrently, queuesByLead, urgentFirst } from './outbox-batch';
import { OUTBOX_CHANNEL, OUTBOX_LISTENER_NAME } from './outbox-channel';
import { LeadEventPayload, OutboxHandlersService } from './outbox-handlers.service';
import type { OutboxMessage } from './outbox-message';

/** Longest back-off between two attempts of a failing row, in seconds. */
export const MAX_BACKOFF_SECONDS = 300;

/** Rows one pass locks and delivers; a full pass means a backlog, so the next pass starts at once. */
const PASS_LIMIT = 100;
/**
 * Leads whose rows are delivered at once within a pass. Each delivery holds a pool connection for its queries
 * while the pass holds another: kept well below DATABASE_POOL_SIZE so ingest flushes and requests never wait for a
 * connection behind the dispatcher.
 */
export const DELIVERY_CONCURRENCY = 4;
/**
 * Pause after a pass that emptied the queue before the next woken one: at a steady trickle every ingest commit
 * notifies, and a pass per commit would compete with ingest for the event loop and the pool. Commits within this
 * window go in one pass; it adds at most this much to a run's start.
 */
export const PASS_COALESCE_MS = 50;

type OutboxRow = { id: string } & OutboxMessage;

/**
 * Delivers committed outbox rows to Temporal (DESIGN invariant 2). A commit of outbox rows notifies
 * `segflow_outbox` (trigger of migration 1764650000000), which wakes the dispatcher at once; a slow safety poll
 * (`OUTBOX_POLL_MS`) and a pass after every (re)connect of the listening connection catch whatever a notification
 * missed. Each pass locks a batch with `FOR UPDATE SKIP LOCKED`, so several API replicas share the work without
 * delivering a row twice at once; a row is marked `dispatched_at` only after its handler succeeded, and a failing row
 * backs off exponentially with `attempts` / `last_error` / `next_attempt_at`. Handlers are idempotent, so a crash
 * after delivery but before the mark only repeats a harmless delivery.
 */
@Injectable()
export class OutboxDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcherService.name);
  private running: Promise<void> | null = null;
  private listener: PgChannelListener | null = null;
  private stopped = false;
  /** Set by every wake-up; a pass clears it first, so a notification that arrives during a pass causes another. */
  private woken = true;
  private wake: (() => void) | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: OutboxHandlersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.OUTBOX_DISPATCHER !== 'on') return;
    this.listener = new PgChannelListener({
      connectionString: this.config.DATABASE_URL, channel: OUTBOX_CHANNEL, applicationName: OUTBOX_LISTENER_NAME,
      onWake: () => this.wakeUp(),
      onLost: (error) => this.logger.warn(`outbox listener lost its connection (${error.message}); reconnecting, polling meanwhile`),
    });
    void this.listener.start();
    this.running = this.loop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wakeUp();
    await this.listener?.stop();
    await this.running;
  }

  /**
   * One pass: delivers up to `limit` due rows and returns how many rows it tried. Rows of different leads are
   * delivered concurrently (at most {@link DELIVERY_CONCURRENCY} leads at once, leads with a segment change first),
   * the rows of one lead in id order, its consecutive lead events as one delivery (one signal per run).
   */
  async dispatchPending(limit = PASS_LIMIT): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, kind, payload FROM outbox
         WHERE dispatched_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      const delivered: string[] = [];
      const failed: Array<{ id: string; message: string }> = [];
      const queues = urgentFirst(queuesByLead(rows, (row) => row.payload.leadId), (row) => row.kind !== 'lead_event');
      await forEachConcurrently(queues, DELIVERY_CONCURRENCY, async (queue) => {
        for (const delivery of deliveriesOf(queue, (row) => row.kind === 'lead_event')) {
          try {
            await this.deliver(delivery);
            delivered.push(...delivery.map((row) => row.id));
          } catch (error) {
            const message = (error as Error).message;
            this.logger.warn(`outbox rows ${delivery.map((row) => row.id).join(', ')} (${delivery[0]!.kind}) not delivered: ${message}`);
            failed.push(...delivery.map((row) => ({ id: row.id, message })));
          }
        }
      });
      if (delivered.length) {
        await manager.query(`UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::bigint[])`, [delivered]);
      }
      if (failed.length) {
        await manager.query(
          `UPDATE outbox o SET attempts = o.attempts + 1, last_error = f.message,
             next_attempt_at = now() + least(power(2, o.attempts), $3) * interval '1 second'
           FROM unnest($1::bigint[], $2::text[]) AS f(id, message) WHERE o.id = f.id`,
          [failed.map((f) => f.id), failed.map((f) => f.message), MAX_BACKOFF_SECONDS],
        );
      }
      return rows.length;
    });
  }

  /** One delivery of {@link deliveriesOf}: a run of one lead's `lead_event` rows, or a single segment row. */
  private deliver(rows: readonly OutboxRow[]): Promise<void> {
    const first = rows[0]!;
    if (first.kind !== 'lead_event') return this.handlers.handle(first);
    return this.handlers.deliverLeadEvents(first.payload.leadId, rows.map((row) => row.payload as LeadEventPayload));
  }

  private wakeUp(): void {
    this.woken = true;
    this.wake?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.woken = false;
      let tried = 0;
      try {
        tried = await this.dispatchPending();
      } catch (error) {
        this.logger.warn(`outbox pass failed: ${(error as Error).message}`);
      }
      if (this.stopped) break;
      if (tried === 0 && !this.woken) await this.sleep(this.config.OUTBOX_POLL_MS);
      else if (tried < PASS_LIMIT) await new Promise((resolve) => setTimeout(resolve, PASS_COALESCE_MS));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
