import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OUTBOX_CHANNEL, OUTBOX_MAX_ATTEMPTS, type OutboxRow } from '@segflow/stores';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PgChannelListener } from '../database/pg-channel-listener';
import { deliverInOrder, deliveriesOf } from './outbox-batch';
import { OUTBOX_LISTENER_NAME } from './outbox-channel';
import { LEASE_SECONDS, OutboxClaims } from './outbox-claims';
import { OutboxHandlersService, type ToRunsMessage } from './outbox-handlers.service';
import { LeadLanes } from './outbox-lanes';
import { PreviousRunStillEndingError } from '../runs/run-launcher.service';
import { inSpanContinuing } from '../tracing/trace-context';

/** Most rows one claim takes. */
const CLAIM_LIMIT = 100;
/** Seconds an entry waits before it looks again whether the lead's previous run has recorded its exit. */
const PREVIOUS_RUN_RETRY_SECONDS = 1;
/**
 * Most rows one dispatcher holds (claimed, waiting or being delivered): a lead can hold dozens of lead events, and
 * a claim must still find room for a fresh segment change while a few such leads are delivered.
 */
const HELD_LIMIT = 500;
/**
 * Leads delivered at once. A lead's delivery holds a pool connection per query in flight: usually one or two, up to
 * four when its events' lookups, an exit's and a run start's preparation overlap (queries of a few ms). Kept well
 * below DATABASE_POOL_SIZE so ingest flushes and requests rarely wait for a connection behind the dispatcher.
 */
export const DELIVERY_CONCURRENCY = 4;
/** Leads delivered at once when the next holds a segment change: the lanes above DELIVERY_CONCURRENCY are kept for run starts and exits. */
export const URGENT_DELIVERY_CONCURRENCY = 8;
/**
 * Least time between the starts of two claims: under a burst every ingest commit notifies, and a claim per commit
 * would compete with ingest for the event loop and the pool. Commits within this window go in one claim; a commit
 * that comes later than this after the last claim (a steady trickle of segment changes) is claimed at once.
 */
export const CLAIM_SPACING_MS = 2;

/** A claimed row and the number of notifications heard before the claim that took it. */
type HeldRow = OutboxRow & { heardBefore: number };

/**
 * Delivers committed outbox rows to Temporal (DESIGN invariant 2). A commit of outbox rows notifies
 * `segflow_outbox` (trigger of migration 1764650000000), which wakes the dispatcher at once; a slow safety poll
 * (`OUTBOX_POLL_MS`) and a claim after every (re)connect of the listening connection catch whatever a notification
 * missed. Rows are claimed with a lease ({@link OutboxClaims}: several API replicas share the work, a lead's rows go
 * out in order, a dead dispatcher's rows are taken over once its lease runs out) and handed to {@link LeadLanes}, so
 * a fresh segment change is delivered while slower deliveries go on. A row is marked `dispatched_at` only after its
 * handler succeeded; a failing row backs off exponentially (`attempts` / `last_error` / `next_attempt_at`) and holds
 * back its lead's later rows, until its OUTBOX_MAX_ATTEMPTS-th failure dead-letters it: from then on the lead's later rows
 * go on without it, in order, and the row waits for ops (GET /api/outbox/dead-letters, logged as an error). Handlers are idempotent, so a crash after delivery but before the mark only repeats a
 * harmless delivery.
 */
@Injectable()
export class OutboxDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcherService.name);
  private readonly claims: OutboxClaims;
  private readonly lanes: LeadLanes<HeldRow>;
  private running: Promise<void> | null = null;
  private listener: PgChannelListener | null = null;
  private renewal: NodeJS.Timeout | null = null;
  /** Ids of the rows claimed and not yet finished with (waiting for a lane or being delivered): only these are renewed. */
  private readonly held = new Set<string>();
  private stopped = false;
  /** Set by every wake-up; a claim clears it first, so a notification that arrives during a claim causes another. */
  private woken = true;
  /** Notifications heard so far (commits of outbox rows, reconnects of the listener). */
  private heard = 0;
  private wake: (() => void) | null = null;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly handlers: OutboxHandlersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.claims = new OutboxClaims(dataSource);
    this.lanes = new LeadLanes<HeldRow>({
      limit: DELIVERY_CONCURRENCY,
      urgentLimit: URGENT_DELIVERY_CONCURRENCY,
      leadOf: (row) => row.payload.leadId,
      isUrgent: (row) => row.kind !== 'lead_event',
      deliver: (rows) => this.deliverLead(rows),
      onError: (error) => this.logger.error(`outbox delivery crashed: ${(error as Error).stack ?? error}`),
    });
  }

  /** Lanes delivering a lead now (at most URGENT_DELIVERY_CONCURRENCY), for /metrics. */
  get lanesBusy(): number {
    return this.lanes.busy;
  }

  onApplicationBootstrap(): void {
    if (this.config.OUTBOX_DISPATCHER !== 'on') return;
    this.listener = new PgChannelListener({
      connectionString: this.config.DATABASE_URL,
      channel: OUTBOX_CHANNEL,
      applicationName: OUTBOX_LISTENER_NAME,
      onWake: () => {
        this.heard += 1;
        this.wakeUp();
      },
      onLost: (error) =>
        this.logger.warn(`outbox listener lost its connection (${error.message}); reconnecting, polling meanwhile`),
    });
    void this.listener.start();
    this.renewal = setInterval(() => void this.renewLeases(), (LEASE_SECONDS * 1000) / 3);
    this.running = this.loop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wakeUp();
    await this.listener?.stop();
    if (!this.running) return;
    await this.running;
    // Rows not started yet go back at once (another replica may take them); deliveries under way finish first.
    for (const row of this.lanes.drain()) this.held.delete(row.id);
    await this.lanes.idle();
    if (this.renewal) clearInterval(this.renewal);
    await this.claims
      .release()
      .catch((error: Error) => this.logger.warn(`outbox claims not released: ${error.message}`));
  }

  /**
   * Delivers one lead's claimed rows in order, its consecutive lead events and exits as one delivery (usually one
   * signal per run), and marks them. A segment entry's run is prepared while the lead's rows before it go out
   * ({@link deliverInOrder}); its workflow starts once they did. The first failure backs its rows off and gives the
   * lead's later rows back undelivered: they wait behind it, so a lead's exit never overtakes a failed earlier row,
   * nor its next start a failed exit. A run prepared early may be found among the targets of the lead events before
   * its entry: their signal finds no workflow (its start waits for them), so the run does not hear them, as it would
   * not have.
   */
  private async deliverLead(rows: HeldRow[]): Promise<void> {
    const deliveries = deliveriesOf<OutboxRow>(rows, (row) => row.kind === 'lead_event' || row.kind === 'segment_left');
    const idsOf = (part: readonly OutboxRow[][]) => part.flat().map((row) => row.id);
    const leadId = rows[0]!.payload.leadId;
    try {
      const failure = await deliverInOrder(
        deliveries,
        ([row]) => row!.kind === 'segment_entered',
        (delivery, startAfter) => this.deliver(delivery, startAfter),
      );
      await this.claims.delivered(idsOf(failure ? deliveries.slice(0, failure.at) : deliveries));
      if (failure) {
        const failed = deliveries[failure.at]!;
        const message = (failure.error as Error).message;
        this.logger.warn({
          msg: `outbox rows ${idsOf([failed]).join(', ')} (${failed[0]!.kind}) not delivered: ${message}`,
          leadId,
        });
        // An entry waiting for the lead's previous run to record its exit is not failing: it waits uncounted (for
        // at most OUTBOX_DEFER_LIMIT_SECONDS), so a backlog never backs it off for minutes or dead-letters it.
        const waiting =
          failure.error instanceof PreviousRunStillEndingError
            ? await this.claims.deferred(idsOf([failed]), PREVIOUS_RUN_RETRY_SECONDS, message)
            : [];
        const dead = await this.claims.failed(
          idsOf([failed]).filter((id) => !waiting.includes(id)),
          message,
        );
        if (dead.length)
          this.logger.error({
            msg: `outbox rows ${dead.join(', ')} dead-lettered after ${OUTBOX_MAX_ATTEMPTS} attempts (${message}); the lead's later rows go on without them`,
            leadId,
          });
        await this.claims.release(idsOf(deliveries.slice(failure.at + 1)));
      }
    } catch (error) {
      // The marks themselves failed (database down): the leases run out and the rows are delivered again.
      this.logger.warn({ msg: `outbox rows of lead ${leadId} not marked: ${(error as Error).message}`, leadId });
    } finally {
      for (const row of rows) this.held.delete(row.id);
    }
    // Rows of this lead committed since its claim could not be claimed while it was held: look for them now.
    if (this.heard > Math.min(...rows.map((row) => row.heardBefore))) this.wakeUp();
  }

  /** One delivery of {@link deliveriesOf}: a segment entry or workflow start row, or a run of one lead's events and exits. */
  private deliver(rows: readonly OutboxRow[], startAfter?: Promise<void>): Promise<void> {
    const first = rows[0]!;
    switch (first.kind) {
      case 'segment_entered':
        return inSpanContinuing(first.payload.traceparent, 'outbox segment_entered', () =>
          this.handlers.enterSegment(first.payload, startAfter),
        );
      case 'run_start':
        return inSpanContinuing(first.payload.traceparent, 'outbox run_start', () =>
          this.handlers.startRun(first.payload),
        );
      case 'lead_intake':
        return inSpanContinuing(first.payload.traceparent, 'outbox lead_intake', () =>
          this.handlers.startIntake(first.payload),
        );
      default:
        return this.handlers.deliverToRuns(first.payload.leadId, rows as readonly ToRunsMessage[]);
    }
  }

  private async renewLeases(): Promise<void> {
    if (this.held.size === 0) return;
    await this.claims
      .renew([...this.held])
      .catch((error: Error) => this.logger.warn(`outbox leases not renewed: ${error.message}`));
  }

  private wakeUp(): void {
    this.woken = true;
    this.wake?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.woken = false;
      const claimStartedAt = Date.now();
      const room = Math.min(CLAIM_LIMIT, HELD_LIMIT - this.lanes.size);
      let claimed = 0;
      if (room > 0) {
        try {
          const heardBefore = this.heard;
          const rows = await this.claims.claim(room);
          claimed = rows.length;
          for (const row of rows) this.held.add(row.id);
          this.lanes.add(rows.map((row) => ({ ...row, heardBefore })));
        } catch (error) {
          this.logger.warn(`outbox claim failed: ${(error as Error).message}`);
        }
      }
      if (this.stopped) break;
      // A full claim means a backlog: claim again once the spacing is over. Otherwise wait for a commit, a finished
      // lead (its later rows become claimable) or the safety poll.
      const backlog = room > 0 && claimed === room;
      if (!backlog && !this.woken) await this.sleep(this.config.OUTBOX_POLL_MS);
      const spacing = claimStartedAt + CLAIM_SPACING_MS - Date.now();
      if (spacing > 0) await new Promise((resolve) => setTimeout(resolve, spacing));
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
