import type { OutboxRow } from './outbox.store';
import type { Queryable } from './queryable';

// The outbox's dispatcher side: claims on rows with a lease, their marks, back-off and dead-lettering.

/** Longest back-off between two attempts of a failing row, in seconds. */
export const OUTBOX_MAX_BACKOFF_SECONDS = 300;

/**
 * Failed attempts after which a row is dead-lettered. With the back-off above (1 s, 2 s … 256 s) that is about
 * 8.5 minutes of failures: long enough to ride out a Temporal restart, short enough that a poison row does not hold
 * its lead's later rows back for long.
 */
export const OUTBOX_MAX_ATTEMPTS = 10;

/** One dispatcher's claim: its id (`claimed_by`, a UUID), how long the claim holds its rows, and how many it takes. */
export interface OutboxClaim {
  owner: string;
  leaseSeconds: number;
  limit: number;
}

/**
 * A connection of its own that runs a string of several statements (simple protocol) and resolves one result per
 * statement: a pg client checked out for the claim, never a pooled query (BEGIN and COMMIT must share it).
 */
export interface StatementsSession {
  query(sql: string): Promise<unknown>;
}

/**
 * One claim, sent as one simple-protocol query string: a claim is on the path of every run start, and its
 * statements were four round trips (BEGIN, the lock, the claim, COMMIT).
 * - Claims are made one at a time across every dispatcher (a transaction-scoped advisory lock taken before the
 *   claim's snapshot; in a simple query each statement still takes its own snapshot), so a claim always sees the rows
 *   the previous one took: two claims cannot split one lead's rows.
 * - The claim commits without waiting for its WAL to reach the disk: if the server crashed and lost it, its rows
 *   would only be claimable again, and every delivery is safe to repeat.
 * - It takes the due rows of leads nobody holds: a row is claimable when neither it nor any earlier undelivered row
 *   of its lead is under a live lease or backing off. A dead-lettered row is never claimed and holds nothing back.
 *   Leads with a pending segment change (a run start or exit waits for it) go first, then oldest first; all rows of a
 *   lead share its rank, so the picked rows of a lead are always its earliest undelivered ones and its rows go out in
 *   order (its exit before its next start) even across dispatchers. A backlog of lead events thus never holds a
 *   segment change back. The outer conditions are re-checked on the current row version if a concurrent mark changed it.
 *
 * The simple protocol takes no parameters: the owner is a UUID the dispatcher made, the lease and limit integers.
 */
function claimSql({ owner, leaseSeconds, limit }: OutboxClaim): string {
  if (!/^[0-9a-f-]{36}$/.test(owner) || !Number.isInteger(leaseSeconds) || !Number.isInteger(limit)) {
    throw new Error(`invalid claim: owner ${owner}, lease ${leaseSeconds} s, limit ${limit}`);
  }
  return `
  BEGIN;
  SET LOCAL synchronous_commit = off;
  SELECT pg_advisory_xact_lock(hashtext('segflow_outbox_claim'));
  UPDATE outbox o SET claimed_by = '${owner}', claimed_at = now(), claimed_until = now() + ${leaseSeconds} * interval '1 second'
  FROM (
    SELECT c.id FROM outbox c
    WHERE c.dispatched_at IS NULL AND c.dead_lettered_at IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM outbox b
        WHERE b.dispatched_at IS NULL AND b.dead_lettered_at IS NULL AND b.payload->>'leadId' = c.payload->>'leadId' AND b.id <= c.id
          AND (b.claimed_until > now() OR b.next_attempt_at > now()))
    ORDER BY EXISTS (
        SELECT 1 FROM outbox u
        WHERE u.dispatched_at IS NULL AND u.dead_lettered_at IS NULL AND u.payload->>'leadId' = c.payload->>'leadId' AND u.kind <> 'lead_event') DESC,
      c.id
    LIMIT ${limit}
  ) picked
  WHERE o.id = picked.id AND o.dispatched_at IS NULL AND o.dead_lettered_at IS NULL AND (o.claimed_until IS NULL OR o.claimed_until <= now())
  RETURNING o.id, o.kind, o.payload;
  COMMIT;`;
}

/**
 * Claims up to `claim.limit` claimable rows for `claim.owner` (see {@link claimSql}), returned in id order.
 *
 * @example
 * const rows = await claimOutboxRows(pgClient, { owner, leaseSeconds: 30, limit: 100 });
 */
export async function claimOutboxRows(session: StatementsSession, claim: OutboxClaim): Promise<OutboxRow[]> {
  try {
    const results = (await session.query(claimSql(claim))) as Array<{ command: string; rows: OutboxRow[] }>;
    const rows = results.find((result) => result.command === 'UPDATE')!.rows;
    return rows.sort((a, b) => compareIds(a.id, b.id));
  } catch (error) {
    // A failed statement skips the rest of the string and leaves its transaction open and aborted.
    await session.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Extends the leases of the rows `ids` that `owner` still holds, by `leaseSeconds` from now; returns how many. Rows
 * whose delivery ended (even if their mark failed) are not passed, so their leases run out.
 *
 * @example
 * const renewed = await renewOutboxLeases(dataSource, owner, heldIds, 30);
 */
export async function renewOutboxLeases(
  q: Queryable,
  owner: string,
  ids: readonly string[],
  leaseSeconds: number,
): Promise<number> {
  if (ids.length === 0) return 0;
  // A CTE, so that the count comes back as a row from a TypeORM manager and a pg client alike.
  const [{ renewed }]: [{ renewed: number }] = await q.query(
    `WITH renewed AS (
       UPDATE outbox SET claimed_until = now() + $2 * interval '1 second'
       WHERE id = ANY($3::bigint[]) AND claimed_by = $1 AND dispatched_at IS NULL AND claimed_until IS NOT NULL
       RETURNING 1)
     SELECT count(*)::int AS renewed FROM renewed`,
    [owner, leaseSeconds, ids],
  );
  return renewed;
}

/**
 * Marks delivered the rows `ids` that `owner` still holds.
 *
 * @example
 * await markOutboxDelivered(dataSource, owner, ['41', '42']);
 */
export async function markOutboxDelivered(q: Queryable, owner: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await q.query(
    `UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1, last_error = NULL, claimed_until = NULL
     WHERE id = ANY($1::bigint[]) AND claimed_by = $2 AND dispatched_at IS NULL`,
    [ids, owner],
  );
}

/**
 * Records a failed attempt (`message`) of the rows `ids` that `owner` holds and backs them off exponentially (1 s,
 * 2 s, 4 s … {@link OUTBOX_MAX_BACKOFF_SECONDS}); a row reaching {@link OUTBOX_MAX_ATTEMPTS} is dead-lettered
 * instead. Returns the ids dead-lettered.
 *
 * @example
 * const dead = await recordOutboxFailure(dataSource, owner, ['42'], 'Temporal unavailable');
 */
export async function recordOutboxFailure(
  q: Queryable,
  owner: string,
  ids: readonly string[],
  message: string,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows: Array<{ id: string }> = await q.query(
    `WITH failed AS (
       UPDATE outbox SET attempts = attempts + 1, last_error = $3, claimed_until = NULL,
         next_attempt_at = now() + least(power(2, attempts), $4) * interval '1 second',
         dead_lettered_at = CASE WHEN attempts + 1 >= $5 THEN now() END
       WHERE id = ANY($1::bigint[]) AND claimed_by = $2 AND dispatched_at IS NULL
       RETURNING id, dead_lettered_at IS NOT NULL AS dead)
     SELECT id FROM failed WHERE dead`,
    [ids, owner, message, OUTBOX_MAX_BACKOFF_SECONDS, OUTBOX_MAX_ATTEMPTS],
  );
  return rows.map((row) => row.id);
}

/** Longest a row may wait, uncounted, on something still progressing (see deferOutboxRows), in seconds from its creation. */
export const OUTBOX_DEFER_LIMIT_SECONDS = 15 * 60;

/**
 * Puts rows `owner` holds back for `seconds` without counting an attempt: they wait on something that is progressing,
 * not failing (a lead's previous run has yet to record the exit it was signalled), so back-off and dead letters are
 * not theirs. Only rows younger than {@link OUTBOX_DEFER_LIMIT_SECONDS}; returns the ids deferred (the caller counts
 * a failure for the rest).
 *
 * @example
 * const waiting = await deferOutboxRows(dataSource, owner, ['42'], 1, 'previous run still ending');
 */
export async function deferOutboxRows(
  q: Queryable,
  owner: string,
  ids: readonly string[],
  seconds: number,
  reason: string,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows: Array<{ id: string }> = await q.query(
    `WITH deferred AS (
       UPDATE outbox SET claimed_until = NULL, last_error = $4, next_attempt_at = now() + $3 * interval '1 second'
       WHERE id = ANY($1::bigint[]) AND claimed_by = $2 AND dispatched_at IS NULL
         AND created_at > now() - $5 * interval '1 second'
       RETURNING id)
     SELECT id FROM deferred`,
    [ids, owner, seconds, reason, OUTBOX_DEFER_LIMIT_SECONDS],
  );
  return rows.map((row) => row.id);
}

/**
 * Gives rows `owner` holds back undelivered (all of them when `ids` is omitted): the next claim may take them.
 *
 * @example
 * await releaseOutboxRows(dataSource, owner); // at shutdown
 */
export async function releaseOutboxRows(q: Queryable, owner: string, ids?: readonly string[]): Promise<void> {
  if (ids?.length === 0) return;
  await q.query(
    `UPDATE outbox SET claimed_until = NULL
     WHERE claimed_by = $1 AND dispatched_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))`,
    [owner, ids ?? null],
  );
}

/** Orders bigint ids given as strings. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
