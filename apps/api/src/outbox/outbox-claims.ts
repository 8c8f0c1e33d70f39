import { randomUUID } from 'node:crypto';
import type { PoolClient, QueryResult } from 'pg';
import type { DataSource } from 'typeorm';
import type { OutboxMessage } from './outbox-message';

/** An outbox row as the dispatcher delivers it. */
export type OutboxRow = { id: string } & OutboxMessage;

/** Longest back-off between two attempts of a failing row, in seconds. */
export const MAX_BACKOFF_SECONDS = 300;

/**
 * Failed attempts after which a row is dead-lettered. With the back-off above (1 s, 2 s … 256 s) that is about
 * 8.5 minutes of failures: long enough to ride out a Temporal restart, short enough that a poison row does not hold
 * its lead's later rows back for long.
 */
export const MAX_ATTEMPTS = 10;

/** How long a claim holds its rows unless renewed; a dispatcher that died frees its rows after at most this. */
export const LEASE_SECONDS = 30;

/**
 * One claim, sent as one simple-protocol query string: a claim is on the path of every run start, and its
 * statements were four round trips (BEGIN, the lock, the claim, COMMIT).
 * - Claims are made one at a time across every dispatcher (a transaction-scoped advisory lock taken before the
 *   claim's snapshot; in a simple query each statement still takes its own snapshot), so a claim always sees the rows
 *   the previous one took: two claims cannot split one lead's rows.
 * - The claim commits without waiting for its WAL to reach the disk: if the server crashed and lost it, its rows
 *   would only be claimable again, and every delivery is safe to repeat.
 * - It takes the due rows of leads nobody holds: a row is claimable when neither it nor any earlier undelivered row
 *   of its lead is under a live lease or backing off. A dead-lettered row is never claimed and holds nothing back. Leads with a pending segment change (a run start or exit waits
 *   for it) go first, then oldest first; all rows of a lead share its rank, so the picked rows of a lead are always
 *   its earliest undelivered ones and its rows go out in order (its exit before its next start) even across
 *   dispatchers. A backlog of lead events thus never holds a segment change back. The outer conditions are re-checked
 *   on the current row version if a concurrent mark changed it.
 *
 * The simple protocol takes no parameters: the owner is a UUID this process made, the lease and limit integers.
 */
export function claimSql(owner: string, leaseSeconds: number, limit: number): string {
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
 * One dispatcher's claims on outbox rows (DESIGN invariant 2). Rows are claimed with a lease instead of row locks
 * held by a long transaction, so a delivery never waits for another one to finish; several API replicas share the
 * work without delivering a row twice at once (a claimed row is nobody else's until its lease runs out, and
 * {@link renew} keeps the leases of rows still being delivered alive); marks apply only to rows this dispatcher
 * still holds, so a dispatcher that lost its lease never overwrites the new holder's outcome.
 */
export class OutboxClaims {
  /** Identifies this dispatcher's claims (`claimed_by`). */
  readonly owner = randomUUID();

  constructor(
    private readonly dataSource: DataSource,
    private readonly leaseSeconds = LEASE_SECONDS,
  ) {}

  /** Claims up to `limit` claimable rows (see {@link claimSql}), returned in id order. */
  async claim(limit: number): Promise<OutboxRow[]> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      // A query string of several statements answers one result per statement.
      const results = (await client.query(claimSql(this.owner, this.leaseSeconds, limit))) as unknown as QueryResult<OutboxRow>[];
      const rows = results.find((result) => result.command === 'UPDATE')!.rows;
      return rows.sort((a, b) => compareIds(a.id, b.id));
    } catch (error) {
      // A failed statement skips the rest of the string and leaves its transaction open and aborted.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Extends the leases of the rows `ids` (those still being delivered or waiting for a lane) that this dispatcher
   * still holds; returns how many. Only those: a row whose delivery ended but whose mark failed must see its lease
   * run out, or its lead stalls for as long as the dispatcher has other work.
   */
  async renew(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [, count] = await this.dataSource.query(
      `UPDATE outbox SET claimed_until = now() + $2 * interval '1 second'
       WHERE id = ANY($3::bigint[]) AND claimed_by = $1 AND dispatched_at IS NULL AND claimed_until IS NOT NULL`,
      [this.owner, this.leaseSeconds, ids],
    );
    return count;
  }

  /** Marks delivered rows this dispatcher still holds. */
  async delivered(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1, last_error = NULL, claimed_until = NULL
       WHERE id = ANY($1::bigint[]) AND claimed_by = $2 AND dispatched_at IS NULL`,
      [ids, this.owner],
    );
  }

  /**
   * Records a failed attempt of rows this dispatcher holds and backs them off exponentially (1 s, 2 s, 4 s …
   * {@link MAX_BACKOFF_SECONDS}); a row reaching {@link MAX_ATTEMPTS} is dead-lettered instead. Returns the ids
   * dead-lettered.
   */
  async failed(ids: readonly string[], message: string): Promise<string[]> {
    if (ids.length === 0) return [];
    const [rows]: [Array<{ id: string; dead: boolean }>] = await this.dataSource.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = $3, claimed_until = NULL,
         next_attempt_at = now() + least(power(2, attempts), $4) * interval '1 second',
         dead_lettered_at = CASE WHEN attempts + 1 >= $5 THEN now() END
       WHERE id = ANY($1::bigint[]) AND claimed_by = $2 AND dispatched_at IS NULL
       RETURNING id, dead_lettered_at IS NOT NULL AS dead`,
      [ids, this.owner, message, MAX_BACKOFF_SECONDS, MAX_ATTEMPTS],
    );
    return rows.filter((row) => row.dead).map((row) => row.id);
  }

  /** Gives rows back undelivered (all of this dispatcher's when `ids` is omitted): the next claim may take them. */
  async release(ids?: readonly string[]): Promise<void> {
    if (ids?.length === 0) return;
    await this.dataSource.query(
      `UPDATE outbox SET claimed_until = NULL
       WHERE claimed_by = $1 AND dispatched_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))`,
      [this.owner, ids ?? null],
    );
  }
}

/** Orders bigint ids given as strings. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
