import type { Queryable } from '@segflow/stores';
import type { OutboxMessage } from './outbox-message';

/** A workflow start a request makes itself, backed by an outbox row in case it cannot. */
export type WorkflowStartMessage = Extract<OutboxMessage, { kind: 'run_start' | 'lead_intake' }>;

/**
 * How long the dispatcher leaves a workflow start to the request that wrote it: the request starts the workflow at
 * once after its commit and marks the row delivered, so the dispatcher only acts when that failed (Temporal down, or
 * the API died between the commit and the start). Also how long the lead's later outbox rows may wait behind it then.
 */
export const DIRECT_START_GRACE_SECONDS = 10;

/**
 * Longest wait for a workflow start a request makes itself: the client retries an unreachable Temporal for ~10 s,
 * and the request need not wait for that, since its outbox row starts the workflow later.
 */
export const DIRECT_START_TIMEOUT_MS = 2_000;

/**
 * Writes one outbox row per workflow start, in the caller's transaction (the rows that call for them are written
 * there too), due after {@link DIRECT_START_GRACE_SECONDS}. Returns their ids, in order.
 */
export async function enqueueWorkflowStarts(q: Queryable, messages: readonly WorkflowStartMessage[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows: Array<{ id: string }> = await q.query(
    `INSERT INTO outbox (kind, payload, next_attempt_at)
     SELECT x.kind, x.payload, now() + $2 * interval '1 second'
     FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (kind text, payload jsonb)) WITH ORDINALITY AS x(kind, payload, n)
     ORDER BY x.n RETURNING id`,
    [JSON.stringify(messages), DIRECT_START_GRACE_SECONDS],
  );
  return rows.map((row) => row.id);
}

/** Marks the rows of workflows the request itself started as delivered (a dispatcher that took one meanwhile only repeats the start). */
export async function markWorkflowsStarted(q: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await q.query(
    `UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1, claimed_until = NULL
     WHERE id = ANY($1::bigint[]) AND dispatched_at IS NULL`,
    [ids],
  );
}
