import type { Queryable } from './queryable';

/**
 * The outbox is the seam between what the API commits and what Temporal must learn: rows are written in the
 * same transaction as the change they describe and delivered afterwards by the dispatcher, so a crash between
 * commit and delivery only delays delivery (the next dispatcher pass picks the row up).
 */
export type OutboxMessage =
  | {
      kind: 'segment_entered';
      payload: { leadId: string; segmentId: string; membershipId: string; enteredAt: string; triggerEventId: string | null };
    }
  | {
      kind: 'segment_left';
      payload: { leadId: string; segmentId: string; membershipId: string; leftAt: string; reason: string };
    }
  | {
      /** A run whose row a request wrote (manual or segment-member enrolment): its workflow is started. */
      kind: 'run_start';
      payload: { leadId: string; runId: string };
    }
  | {
      /** A new lead: its intake workflow is started. */
      kind: 'lead_intake';
      payload: { leadId: string };
    }
  | {
      kind: 'lead_event';
      payload: {
        leadId: string;
        eventId: string;
        type: string;
        occurredAt: string;
        channel: string | null;
        replyTo: { touchId?: string; providerMessageId?: string } | null;
        properties: Record<string, unknown>;
      };
    };

export type OutboxKind = OutboxMessage['kind'];

/** An outbox row as the dispatcher delivers it. */
export type OutboxRow = { id: string } & OutboxMessage;

/** A segment change's outbox message (written by {@link enqueueSegmentChanges}). */
export type SegmentChangeMessage = Extract<OutboxMessage, { kind: 'segment_entered' | 'segment_left' }>;

/** A workflow start a request makes itself, backed by an outbox row in case it cannot. */
export type WorkflowStartMessage = Extract<OutboxMessage, { kind: 'run_start' | 'lead_intake' }>;

/**
 * The PostgreSQL channel a commit of outbox rows notifies (trigger `outbox_notify`, migration 1764650000000) and the
 * dispatcher listens on.
 */
export const OUTBOX_CHANNEL = 'segflow_outbox';

/** Longest back-off between two attempts of a failing row, in seconds. */
export const OUTBOX_MAX_BACKOFF_SECONDS = 300;

/**
 * Failed attempts after which a row is dead-lettered. With the back-off above (1 s, 2 s … 256 s) that is about
 * 8.5 minutes of failures: long enough to ride out a Temporal restart, short enough that a poison row does not hold
 * its lead's later rows back for long.
 */
export const OUTBOX_MAX_ATTEMPTS = 10;

/**
 * How long the dispatcher leaves a workflow start to the request that wrote it: the request starts the workflow at
 * once after its commit and marks the row delivered, so the dispatcher only acts when that failed (Temporal down, or
 * the API died between the commit and the start). Also how long the lead's later outbox rows may wait behind it then.
 */
export const DIRECT_START_GRACE_SECONDS = 10;

/**
 * An INSERT of outbox rows given as a JSON array of {@link OutboxMessage} in the parameter `param` (e.g. `$3`), for a
 * store that writes its own rows and their outbox rows in one statement (one round trip, e.g. `WITH updated AS (…)`).
 * Everyone else calls {@link enqueueOutboxRows}.
 */
export const outboxInsertSql = (param: string): string =>
  `INSERT INTO outbox (kind, payload) SELECT x.kind, x.payload FROM jsonb_to_recordset(${param}::jsonb) AS x(kind text, payload jsonb)`;

/**
 * Like {@link outboxInsertSql} for {@link SegmentChangeMessage}s, keeping only those a dispatcher would act on:
 * entries into a segment with a bound playbook (a run may start) and exits from one (its run may be about to start
 * from a still-undelivered entry), plus exits of leads with an active run. The rest would be read, looked up and
 * marked delivered for nothing: most segments of a model have no playbook, and a model activation moves thousands of
 * leads. A binding made later catches the segment's next entrants; its current members are enrolled explicitly
 * (PlaybookLifecycleService.enrolSegmentMembers). `segment_bindings.segment_id` and `runs (lead_id, …)` are indexed,
 * so the filter is two index probes per change.
 */
export const segmentChangesInsertSql = (param: string): string => `${outboxInsertSql(param)}
  WHERE EXISTS (SELECT 1 FROM segment_bindings b WHERE b.segment_id = x.payload->>'segmentId')
     OR (x.kind = 'segment_left' AND EXISTS (SELECT 1 FROM runs r WHERE r.lead_id = (x.payload->>'leadId')::uuid AND r.status = 'active'))`;

/**
 * Writes outbox rows, in the caller's transaction, in the order given. Writes nothing for no messages: the table's
 * statement trigger would wake the dispatchers for nothing.
 *
 * @example
 * await dataSource.transaction((m) => enqueueOutboxRows(m, [leadEventMessage(leadId, event)]));
 */
export async function enqueueOutboxRows(q: Queryable, messages: readonly OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await q.query(outboxInsertSql('$1'), [JSON.stringify(messages)]);
}

/**
 * Writes the segment changes' outbox rows a dispatcher would act on ({@link segmentChangesInsertSql}), in the
 * caller's transaction; exits first when a lead both leaves and enters, so its old run ends before its new one starts.
 *
 * @example
 * await enqueueSegmentChanges(manager, [{ kind: 'segment_left', payload: { leadId, segmentId, membershipId, leftAt, reason: 'event' } }]);
 */
export async function enqueueSegmentChanges(q: Queryable, messages: readonly SegmentChangeMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await q.query(segmentChangesInsertSql('$1'), [JSON.stringify(messages)]);
}

/**
 * Writes one outbox row per workflow start, in the caller's transaction (the rows that call for them are written
 * there too), due after {@link DIRECT_START_GRACE_SECONDS}. Returns their ids, in order.
 *
 * @example
 * const [outboxId] = await enqueueWorkflowStarts(manager, [{ kind: 'run_start', payload: { leadId, runId } }]);
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

/**
 * Marks the rows of workflows the request itself started as delivered (a dispatcher that took one meanwhile only
 * repeats the start).
 *
 * @example
 * await markWorkflowsStarted(dataSource.manager, [outboxId]);
 */
export async function markWorkflowsStarted(q: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await q.query(
    `UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1, claimed_until = NULL
     WHERE id = ANY($1::bigint[]) AND dispatched_at IS NULL`,
    [ids],
  );
}

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
export async function renewOutboxLeases(q: Queryable, owner: string, ids: readonly string[], leaseSeconds: number): Promise<number> {
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
export async function recordOutboxFailure(q: Queryable, owner: string, ids: readonly string[], message: string): Promise<string[]> {
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

/**
 * Deletes up to `limit` rows delivered before `before`, oldest first along the primary key, skipping rows another
 * statement has locked; returns how many. Undelivered rows are never deleted.
 *
 * @example
 * while ((await deleteDeliveredOutboxRows(dataSource, cutoff, 10_000)) === 10_000);
 */
export async function deleteDeliveredOutboxRows(q: Queryable, before: Date, limit: number): Promise<number> {
  // A CTE, so that the count comes back as a row from a TypeORM manager and a pg client alike.
  const [{ deleted }]: [{ deleted: number }] = await q.query(
    `WITH deleted AS (
       DELETE FROM outbox WHERE id IN (
         SELECT id FROM outbox WHERE dispatched_at < $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING 1)
     SELECT count(*)::int AS deleted FROM deleted`,
    [before, limit],
  );
  return deleted;
}
