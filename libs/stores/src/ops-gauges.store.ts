import type { Queryable } from './queryable';

// Read model for the API's /metrics gauges: the outbox's backlog and dead letters, and the SLA clocks still waiting for
// a first touch. Read-only across outbox and sla_clocks; each count walks a partial index and stops at its cap.

/** Counts above this are reported as this (a scrape must stay cheap however far behind delivery is). */
export const OPS_GAUGE_COUNT_CAP = 100_000;

/** What /metrics reports of the database's queues at scrape time. */
export interface OpsGauges {
  /** Undelivered, not dead-lettered outbox rows (at most {@link OPS_GAUGE_COUNT_CAP}). */
  outboxBacklog: number;
  /** Seconds since the oldest of those rows was written; 0 when there is none. */
  outboxOldestAgeSeconds: number;
  /** Dead-lettered rows waiting for ops (at most the cap). */
  outboxDeadLetters: number;
  /** SLA clocks neither touched nor breached (at most the cap). */
  slaClocksOpen: number;
  /** SLA clocks breached and still untouched (at most the cap). */
  slaClocksBreached: number;
}

interface OpsGaugesRow {
  outbox_backlog: number;
  outbox_oldest_age_seconds: number;
  outbox_dead_letters: number;
  sla_clocks_open: number;
  sla_clocks_breached: number;
}

/**
 * The /metrics gauges in one round trip; each count is a scan of a partial index (outbox_pending_idx,
 * outbox_dead_letters_idx, sla_clocks_open_idx, sla_clocks_untouched_idx) bounded by `cap`, and the oldest row is
 * the first entry of outbox_pending_idx.
 *
 * @example
 * const gauges = await readOpsGauges(dataSource, OPS_GAUGE_COUNT_CAP);
 */
export async function readOpsGauges(q: Queryable, cap: number): Promise<OpsGauges> {
  const [row] = (await q.query(
    `SELECT
       (SELECT count(*)::int FROM (SELECT 1 FROM outbox WHERE dispatched_at IS NULL AND dead_lettered_at IS NULL LIMIT $1) b) AS outbox_backlog,
       COALESCE((SELECT extract(epoch FROM now() - created_at)::float8 FROM outbox
                 WHERE dispatched_at IS NULL AND dead_lettered_at IS NULL ORDER BY id LIMIT 1), 0) AS outbox_oldest_age_seconds,
       (SELECT count(*)::int FROM (SELECT 1 FROM outbox WHERE dead_lettered_at IS NOT NULL AND dispatched_at IS NULL LIMIT $1) d) AS outbox_dead_letters,
       (SELECT count(*)::int FROM (SELECT 1 FROM sla_clocks WHERE first_touch_at IS NULL AND breached_at IS NULL LIMIT $1) o) AS sla_clocks_open,
       (SELECT count(*)::int FROM (SELECT 1 FROM sla_clocks WHERE first_touch_at IS NULL AND breached_at IS NOT NULL LIMIT $1) s) AS sla_clocks_breached`,
    [cap],
  )) as OpsGaugesRow[];
  return {
    outboxBacklog: row!.outbox_backlog,
    outboxOldestAgeSeconds: Math.max(0, row!.outbox_oldest_age_seconds),
    outboxDeadLetters: row!.outbox_dead_letters,
    slaClocksOpen: row!.sla_clocks_open,
    slaClocksBreached: row!.sla_clocks_breached,
  };
}
