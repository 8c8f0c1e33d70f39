import { Injectable } from '@nestjs/common';
import { IngestWriter } from './ingest-writer';
import { EventItemResult, validateEvents } from './validate-events';

/** Largest batch `POST /api/events` takes (the 5 MB body limit usually binds first for rich events). */
export const MAX_EVENTS_PER_BATCH = 5_000;
/** Events per transaction: a whole maximal batch, so a request costs one transaction and a fixed number of round trips. */
export const EVENTS_PER_FLUSH = 5_000;

/** Summary plus one result per item, in request order. */
export interface IngestResponse {
  accepted: number;
  duplicate: number;
  rejected: number;
  results: EventItemResult[];
}

@Injectable()
export class EventsService {
  constructor(private readonly writer: IngestWriter) {}

  /** Validates every item, then stores and scores the valid ones flush by flush (never a transaction per event). */
  async ingest(items: readonly unknown[], now: () => Date = () => new Date()): Promise<IngestResponse> {
    const { valid, results } = validateEvents(items);
    for (let start = 0; start < valid.length; start += EVENTS_PER_FLUSH) {
      results.push(...(await this.writer.write(valid.slice(start, start + EVENTS_PER_FLUSH), now())));
    }
    results.sort((a, b) => a.index - b.index);
    const count = (status: EventItemResult['status']) => results.filter((r) => r.status === status).length;
    return { accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected'), results };
  }
}
