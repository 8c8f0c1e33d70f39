import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { storeRefusalIssue, writeIsolatingItemFaults } from '../common/isolate-item-faults';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { withReplyIntent } from '../intent/reply-intent';
import { ingestMetrics } from '../metrics/process-metrics';
import { activeTraceparent } from '../tracing/trace-context';
import { FlushQueue, QueueFullError } from './flush-queue';
import { IngestWriter } from './ingest-writer';
import { EventItemResult, IndexedEvent, validateEvents } from './validate-events';

/** Largest batch `POST /api/events` takes (the 5 MB body limit usually binds first for rich events). */
export const MAX_EVENTS_PER_BATCH = 5_000;
/** Events per transaction: a whole maximal batch, so a request costs one transaction and a fixed number of round trips. */
export const EVENTS_PER_FLUSH = 5_000;
/**
 * Flushes in flight at once; more requests than this coalesce into the next flush (group commit). A small flush
 * spends most of its time waiting on round trips and its commit's WAL flush, not on CPU, so four overlap well on
 * two cores: at 1k events/s in 10-event requests, four took the decision p99 from ~115 ms to ~85 ms against two.
 */
export const CONCURRENT_FLUSHES = 4;

/** Summary plus one result per item, in request order. */
export interface IngestResponse {
  accepted: number;
  duplicate: number;
  rejected: number;
  results: EventItemResult[];
}

/** Seconds a client refused by {@link IngestBackPressure} is told to wait: a few flushes' time at full load. */
export const INGEST_RETRY_AFTER_SECONDS = 1;

/** 429 for a batch refused because the writer is behind; the controller adds `Retry-After`. Nothing of it was stored. */
export class IngestBackPressure extends HttpException {
  constructor(full: QueueFullError) {
    super(
      {
        message: `ingest is behind: ${full.waiting} events are waiting to be written and this batch's ${full.offered} would pass INGEST_MAX_QUEUED_EVENTS (${full.limit}); nothing of it was stored, retry in ${INGEST_RETRY_AFTER_SECONDS} s`,
        retryAfterSeconds: INGEST_RETRY_AFTER_SECONDS,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

@Injectable()
export class EventsService {
  private readonly queue: FlushQueue<Omit<IndexedEvent, 'index'>, EventItemResult>;

  constructor(
    private readonly writer: IngestWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.queue = new FlushQueue(
      (events) => this.flush(events),
      EVENTS_PER_FLUSH,
      CONCURRENT_FLUSHES,
      config.INGEST_MAX_QUEUED_EVENTS,
    );
  }

  /** How far this process's writer is behind: events waiting for a flush, and the bound beyond which batches get 429. */
  backlog(): { waitingEvents: number; limit: number } {
    return { waitingEvents: this.queue.waiting, limit: this.config.INGEST_MAX_QUEUED_EVENTS };
  }

  /**
   * Validates every item, classifies the text of replies (`properties.intent`, see withReplyIntent), then stores and
   * scores the valid ones through the flush queue: one transaction per flush,
   * never one per event. A flush PostgreSQL refuses for an item is split until only that item fails (so one request's
   * bad item never costs a co-flushed request its good ones); a flush failing otherwise (the database is unreachable)
   * fails its requests, and retrying them is safe (idempotent on eventId). When more
   * than INGEST_MAX_QUEUED_EVENTS would wait for a flush, the whole request is refused with 429 before anything of it
   * is written ({@link IngestBackPressure}).
   */
  async ingest(items: readonly unknown[]): Promise<IngestResponse> {
    const { valid, results } = validateEvents(items, new Date());
    const decided = ingestMetrics.decisionStarted();
    const traceparent = activeTraceparent();
    const written = await this.queue
      .submit(valid.map((v) => ({ event: withReplyIntent(v.event), traceparent })))
      .catch((error: unknown) => {
        throw error instanceof QueueFullError ? new IngestBackPressure(error) : error;
      });
    written.forEach((result, i) => results.push({ ...result, index: valid[i]!.index }));
    results.sort((a, b) => a.index - b.index);
    decided(results);
    const count = (status: EventItemResult['status']) => results.filter((r) => r.status === status).length;
    return { accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected'), results };
  }

  // Requests validated their own repeats; events of different requests coalesced here can repeat too.
  private async flush(items: Omit<IndexedEvent, 'index'>[]): Promise<EventItemResult[]> {
    const seen = new Set<string>();
    const unique = items.flatMap((item, index) =>
      seen.has(item.event.eventId) ? [] : (seen.add(item.event.eventId), [{ index, ...item }]),
    );
    const results: EventItemResult[] = items.map(({ event }, index) => ({
      index,
      status: 'duplicate',
      eventId: event.eventId,
    }));
    const now = new Date();
    const flushed = ingestMetrics.flushStarted();
    const written = await writeIsolatingItemFaults(
      unique,
      (part) => this.writer.write(part, now),
      ({ index, event }, error): EventItemResult => ({
        index,
        status: 'rejected',
        eventId: event.eventId,
        issues: [storeRefusalIssue(error)],
      }),
    );
    flushed();
    for (const result of written) results[result.index] = result;
    return results;
  }
}
