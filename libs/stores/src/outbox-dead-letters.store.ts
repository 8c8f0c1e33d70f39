import { OUTBOX_CHANNEL, type OutboxKind, type OutboxMessage } from './outbox.store';
import type { Queryable } from './queryable';

// The outbox rows that kept failing (see recordOutboxFailure), for ops to list and retry.

/** A dead-lettered outbox row, as ops see it. */
export interface DeadLetterRow {
  id: string;
  kind: OutboxKind;
  payload: OutboxMessage['payload'];
  attempts: number;
  last_error: string | null;
  created_at: Date;
  dead_lettered_at: Date | null;
}

/**
 * The dead-lettered rows not delivered since, oldest first, at most `limit`.
 *
 * @example
 * const rows = await listDeadLetters(dataSource, 200);
 */
export function listDeadLetters(q: Queryable, limit: number): Promise<DeadLetterRow[]> {
  return q.query(
    `SELECT id, kind, payload, attempts, last_error, created_at, dead_lettered_at FROM outbox
     WHERE dead_lettered_at IS NOT NULL AND dispatched_at IS NULL ORDER BY id LIMIT $1`,
    [limit],
  );
}

/**
 * Gives the dead-lettered row `id` (a bigint as digits) a fresh set of attempts and wakes the dispatchers; returns it,
 * or null when no such row is dead-lettered (see {@link outboxRowExists} to tell why).
 *
 * @example
 * const row = await retryDeadLetter(dataSource, '42');
 */
export async function retryDeadLetter(q: Queryable, id: string): Promise<DeadLetterRow | null> {
  const rows: DeadLetterRow[] = await q.query(
    `WITH retried AS (
       UPDATE outbox SET dead_lettered_at = NULL, attempts = 0, next_attempt_at = NULL, claimed_until = NULL
       WHERE id = $1 AND dead_lettered_at IS NOT NULL AND dispatched_at IS NULL
       RETURNING id, kind, payload, attempts, last_error, created_at, dead_lettered_at)
     SELECT retried.*, pg_notify($2, '') FROM retried`,
    [id, OUTBOX_CHANNEL],
  );
  return rows[0] ?? null;
}

/**
 * Whether the outbox holds the row `id` (a bigint as digits), whatever its state.
 *
 * @example
 * if (!(await outboxRowExists(dataSource, '42'))) throw new NotFoundException();
 */
export async function outboxRowExists(q: Queryable, id: string): Promise<boolean> {
  const rows: unknown[] = await q.query(`SELECT 1 FROM outbox WHERE id = $1`, [id]);
  return rows.length > 0;
}
