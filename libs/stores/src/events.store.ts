import { COUNTED_OUTCOMES } from '@segflow/events';
import type { Queryable } from './queryable';

// Owner of `events`. Large flushes are COPYed through the capability the caller passes in (COPY needs the raw pg
// connection, which a store never holds: the API's is apps/api/src/events/copy-rows.ts); the statement stays here.

/** An event as stored; `data` holds the event's fields that are not columns. */
export interface EventRow {
  event_id: string;
  lead_id: string;
  type: string;
  occurred_at: string;
  data: Record<string, unknown>;
}

/** A value of one COPY column: text as is, objects as JSON, null as NULL. */
export type CopyValue = string | number | object | null;

/** Runs `statement` (a store's `COPY table (columns) FROM STDIN`) with `rows`, on the caller's transaction. */
export type CopyRows = (statement: string, rows: readonly (readonly CopyValue[])[]) => Promise<void>;

const EVENT_COLUMNS = ['event_id', 'lead_id', 'type', 'occurred_at', 'data'] as const;
const COPY_EVENTS = `COPY events (${EVENT_COLUMNS.join(', ')}) FROM STDIN`;
const UNIQUE_VIOLATION = '23505';
/** Batches of at least this many events are COPYed (see storeNewEvents). */
const COPY_FROM_EVENTS = 200;

/**
 * Stores new events and returns the ids that were new; a known event_id is skipped, which is how duplicates show.
 * Rows go in event_id order, so two flushes carrying the same ids lock them in the same order. A large batch is
 * COPYed, optimistically: one COPY of every row, the cheap path for Postgres when nothing repeats. A repeated
 * eventId (a client retry, or the same id in a concurrent flush) fails the COPY with a unique violation; the batch
 * then rolls back to a savepoint and falls back to {@link insertNewEvents}, whose RETURNING tells the new ids from
 * the repeats. A small batch takes that INSERT at once: one round trip instead of the COPY's four.
 * @example const fresh = await storeNewEvents(manager, rows, (statement, rows) => copyRows(manager, statement, rows));
 */
export async function storeNewEvents(db: Queryable, rows: readonly EventRow[], copy: CopyRows): Promise<string[]> {
  const sorted = [...rows].sort((a, b) => (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0));
  if (sorted.length >= COPY_FROM_EVENTS) {
    await db.query('SAVEPOINT insert_events');
    try {
      await copy(
        COPY_EVENTS,
        sorted.map((row) => EVENT_COLUMNS.map((column) => row[column])),
      );
      await db.query('RELEASE SAVEPOINT insert_events');
      return sorted.map((row) => row.event_id);
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      await db.query('ROLLBACK TO SAVEPOINT insert_events');
    }
  }
  return insertNewEvents(db, sorted);
}

/**
 * Stores new events in one statement (rows travel as one jsonb document: measured ~1.6x faster than unnest over a
 * jsonb[] parameter) and returns the ids that were new; a known event_id is skipped, which is how duplicates show.
 */
async function insertNewEvents(db: Queryable, rows: readonly EventRow[]): Promise<string[]> {
  const inserted: { event_id: string }[] = await db.query(
    `INSERT INTO events (event_id, lead_id, type, occurred_at, data)
     SELECT x.event_id, x.lead_id, x.type, x.occurred_at, x.data
     FROM jsonb_to_recordset($1::jsonb) AS x(event_id text, lead_id uuid, type text, occurred_at timestamptz, data jsonb)
     ON CONFLICT (event_id) DO NOTHING
     RETURNING event_id`,
    [JSON.stringify(rows)],
  );
  return inserted.map((r) => r.event_id);
}

/** A stored event as a lead's timeline shows it. */
export interface LeadEventRow {
  event_id: string;
  type: string;
  occurred_at: Date;
  received_at: Date;
  data: { channel?: string; properties?: Record<string, unknown>; [field: string]: unknown };
}

/**
 * A lead's latest `limit` events, newest first.
 * @example const events = await listRecentEvents(manager, leadId, 50);
 */
export function listRecentEvents(db: Queryable, leadId: string, limit: number): Promise<LeadEventRow[]> {
  return db.query(
    `SELECT event_id, type, occurred_at, received_at, data FROM events WHERE lead_id = $1 ORDER BY occurred_at DESC LIMIT $2`,
    [leadId, limit],
  );
}

/**
 * Clears the properties of the lead's events (reply texts, form fields, pages): type and time stay, so counts and
 * the lead's features, already folded, stay right.
 * @example await eraseEventDataOfLead(manager, leadId);
 */
export async function eraseEventDataOfLead(db: Queryable, leadId: string): Promise<void> {
  await db.query(`UPDATE events SET data = '{}' WHERE lead_id = $1 AND data <> '{}'`, [leadId]);
}

// The outcome classes the events dashboard roll-ups and the lift query count (replies, meetings, conversions), read
// through the vocabulary's SQL function, so a new type of those classes needs no change here; the same text as the
// roll-ups' partial index predicate. Retention keeps them (without properties), so deleting raw events moves no aggregate.
const COUNTED_EVENT = `segflow_event_outcome(type) IN (${COUNTED_OUTCOMES.map((o) => `'${o}'`).join(', ')})`;

/**
 * Retention: deletes up to `limit` events that occurred before `before` and that no aggregate counts; returns how
 * many. Lead features were folded from them on arrival and stay.
 * @example const deleted = await deleteUncountedEventsBefore(manager, cutoff, 10_000);
 */
export async function deleteUncountedEventsBefore(db: Queryable, before: Date, limit: number): Promise<number> {
  // A CTE, so that the count comes back as a row from a TypeORM manager and a pg client alike.
  const [{ n }]: [{ n: number }] = await db.query(
    `WITH deleted AS (
       DELETE FROM events WHERE event_id IN (
         SELECT event_id FROM events WHERE occurred_at < $1 AND (${COUNTED_EVENT}) IS NOT TRUE LIMIT $2)
       RETURNING 1)
     SELECT count(*)::int AS n FROM deleted`,
    [before, limit],
  );
  return n;
}

/**
 * Retention: clears the properties (reply texts, order details) of up to `limit` counted events that occurred before
 * `before`; type, lead and time stay for the aggregates. Returns how many.
 * @example const stripped = await stripCountedEventsBefore(manager, cutoff, 10_000);
 */
export async function stripCountedEventsBefore(db: Queryable, before: Date, limit: number): Promise<number> {
  const [{ n }]: [{ n: number }] = await db.query(
    `WITH stripped AS (
       UPDATE events SET data = '{}' WHERE event_id IN (
         SELECT event_id FROM events WHERE occurred_at < $1 AND ${COUNTED_EVENT} AND data <> '{}' LIMIT $2)
       RETURNING 1)
     SELECT count(*)::int AS n FROM stripped`,
    [before, limit],
  );
  return n;
}

/** One events-in-a-window count of a lead; `key` is the window's libs/scoring `eventWindowKey`. */
export interface EventWindowCountRow {
  lead_id: string;
  key: string;
  count: number;
}

/**
 * How many events of each window's type each lead had since the window's start, in one statement; leads and windows
 * with none return no row. With lead ids (an ingest flush) it reads each lead's recent range of `events_lead_idx`;
 * without (a sweep over every lead) the `(type, occurred_at)` index.
 * @example await countEventsInWindows(manager, leadIds, [{ key: 'page_view/7', type: 'page_view', since }]);
 */
export function countEventsInWindows(
  db: Queryable,
  leadIds: readonly string[] | 'all',
  windows: readonly { key: string; type: string; since: string }[],
): Promise<EventWindowCountRow[]> {
  if (!windows.length) return Promise.resolve([]);
  const leadFilter = leadIds === 'all' ? '' : 'AND e.lead_id = ANY($2::uuid[])';
  return db.query(
    `SELECT e.lead_id, w.key, count(*)::int AS count
     FROM jsonb_to_recordset($1::jsonb) AS w(key text, type text, since timestamptz)
     JOIN events e ON e.type = w.type AND e.occurred_at > w.since ${leadFilter}
     GROUP BY e.lead_id, w.key`,
    leadIds === 'all' ? [JSON.stringify(windows)] : [JSON.stringify(windows), leadIds],
  );
}
