import type { TouchStatus } from '@segflow/channels';
import type { Queryable } from './queryable';
import { touchSlotReservation, TOUCH_SLOT_HELD } from './lead-touch-days.store';
import { returnedRows } from './returned-rows';
import { recipientQuery, type Recipient } from './touch-recipient.store';

/**
 * Owner of `touches`: the worker's send intents and outcomes (DESIGN invariants 3 and 10), the delivery statuses
 * the API moves forward from events, and the reads of runs and leads' touches.
 */

/** A touch row as a delivery reads it. */
export interface TouchRow {
  id: string;
  status: 'queued' | 'sent' | 'failed';
  error: string | null;
  messageId: string | null;
  toAddress: string | null;
  subject: string | null;
  body: string;
  html: string | null;
}

const TOUCH_COLUMNS = `id, status, error, message_id AS "messageId", to_address AS "toAddress", subject, body, html`;

/**
 * The touch of (run, node, visit) — the key of DESIGN invariant 3 — or null before its first attempt.
 *
 * @example
 * const touch = await findTouch(rowsOf(pool), { runId, nodeId: 'intro', visit: 1 });
 */
export async function findTouch(
  q: Queryable,
  key: { runId: string; nodeId: string; visit: number },
): Promise<TouchRow | null> {
  const rows: TouchRow[] = await q.query(
    `SELECT ${TOUCH_COLUMNS} FROM touches WHERE run_id = $1 AND node_id = $2 AND visit = $3`,
    [key.runId, key.nodeId, key.visit],
  );
  return rows[0] ?? null;
}

/** A touch about to be attempted: its key, lead, content and sender. */
export type NewTouch = Pick<TouchRecord, 'runId' | 'leadId' | 'nodeId' | 'visit' | 'channel' | 'subject' | 'body'> & {
  html: string | null;
  sender: unknown;
};

/** What {@link queueTouch} found and did: the touch (written now, or an earlier attempt's), its recipient, its slot. */
export interface QueuedTouch {
  /** The send intent written by this call, or the one an earlier attempt wrote; null when none was written. */
  touch: TouchRow | null;
  /** Null when the lead is gone. */
  recipient: Recipient | null;
  /** Whether the touch's key holds a slot of the lead's day (false: the day is full, or nothing was to be reserved). */
  slotHeld: boolean;
}

const QUEUE_TOUCH_SQL = `
WITH existing AS (SELECT ${TOUCH_COLUMNS} FROM touches WHERE run_id = $1 AND node_id = $2 AND visit = $3),
recipient AS (${recipientQuery('$4', '$5')}),
sendable AS (
  SELECT address FROM recipient
   WHERE consented AND NOT suppressed AND address IS NOT NULL AND NOT EXISTS (SELECT 1 FROM existing)),
${touchSlotReservation({ leadId: '$4', day: '$11', key: '$12', cap: '$13' }, 'EXISTS (SELECT 1 FROM sendable)')},
queued AS (
  INSERT INTO touches (run_id, lead_id, node_id, visit, channel, subject, body, html, sender, status, delivery_status, message_id, to_address)
  SELECT $1, $4, $2, $3, $5, $6, $7, $8, $9, 'queued', 'queued', $10, address FROM sendable WHERE ${TOUCH_SLOT_HELD}
  ON CONFLICT (run_id, node_id, visit) DO NOTHING
  RETURNING ${TOUCH_COLUMNS})
SELECT (SELECT row_to_json(t) FROM (SELECT * FROM queued UNION ALL SELECT * FROM existing) t LIMIT 1) AS touch,
       (SELECT row_to_json(r) FROM recipient r) AS recipient,
       ${TOUCH_SLOT_HELD} AS "slotHeld"`;

/**
 * A delivery's first statement, one round trip: reads the touch of (run, node, visit) and its recipient, and when
 * there is no touch yet and the recipient may be sent to (consented, not suppressed, has an address), takes a slot of
 * the lead's local `day` under `cap` (`lead-touch-days.store`) and, with it, writes the send intent (`queued`, with
 * the Message-ID and address the provider will be given) before the provider is called. A touch already there (an
 * earlier attempt) is returned as it is, so every retry sends what the first attempt recorded, under the same
 * Message-ID. A touch a concurrent attempt wrote meanwhile is not returned (`touch` null, `slotHeld` true).
 *
 * @example
 * const { touch, recipient, slotHeld } = await queueTouch(rowsOf(pool), newTouch, { messageId, slot: { day: '2026-03-02', key, cap: 2 } });
 */
export async function queueTouch(
  q: Queryable,
  touch: NewTouch,
  intent: { messageId: string; slot: { day: string; key: string; cap: number | null } },
): Promise<QueuedTouch> {
  const rows: QueuedTouch[] = await q.query(QUEUE_TOUCH_SQL, [
    touch.runId,
    touch.nodeId,
    touch.visit,
    touch.leadId,
    touch.channel,
    touch.subject,
    touch.body,
    touch.html,
    JSON.stringify(touch.sender),
    intent.messageId,
    intent.slot.day,
    intent.slot.key,
    intent.slot.cap,
  ]);
  return rows[0]!;
}

/** Records a touch refused before any send (no address, no consent, suppressed): failed for good. */
export async function insertRefusedTouch(
  q: Queryable,
  touch: NewTouch,
  refusal: { error: string; deliveryStatus: 'failed' | 'suppressed'; toAddress: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO touches (run_id, lead_id, node_id, visit, channel, subject, body, html, sender, status, error, delivery_status, delivery_status_at, to_address)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'failed', $10, $11, now(), $12) ON CONFLICT (run_id, node_id, visit) DO NOTHING`,
    [
      touch.runId,
      touch.leadId,
      touch.nodeId,
      touch.visit,
      touch.channel,
      touch.subject,
      touch.body,
      touch.html,
      JSON.stringify(touch.sender),
      refusal.error,
      refusal.deliveryStatus,
      refusal.toAddress,
    ],
  );
}

/**
 * Marks a queued touch sent (the provider accepted it); false when it was no longer queued (already sent or failed
 * by a concurrent attempt), which is then left as it is.
 */
export async function markTouchSent(q: Queryable, touchId: string, providerMessageId: string): Promise<boolean> {
  const rows = returnedRows(
    await q.query(
      // Only a still-queued delivery status becomes `sent`: a provider status may have advanced it already.
      `UPDATE touches SET status = 'sent', sent_at = now(), provider_message_id = $2,
            delivery_status = CASE delivery_status WHEN 'queued' THEN 'sent' ELSE delivery_status END,
            delivery_status_at = CASE delivery_status WHEN 'queued' THEN now() ELSE delivery_status_at END
      WHERE id = $1 AND status = 'queued' RETURNING id`,
      [touchId, providerMessageId],
    ),
  );
  return rows.length === 1;
}

/** Marks a queued touch failed for good (`delivery_status` `failed`, or `suppressed` when consent was withdrawn). */
export async function markTouchFailed(
  q: Queryable,
  touchId: string,
  error: string,
  deliveryStatus: 'failed' | 'suppressed',
): Promise<void> {
  await q.query(
    `UPDATE touches SET status = 'failed', error = $2, delivery_status = $3, delivery_status_at = now() WHERE id = $1 AND status = 'queued'`,
    [touchId, error, deliveryStatus],
  );
}

/** A touch threaded to an event, locked: its lead and delivery status. */
export interface ThreadedTouch {
  id: string;
  lead_id: string;
  delivery_status: TouchStatus;
}

/**
 * Locks the touches `touchIds` that belong to their event's lead (`leadIds`, aligned), in id order (no deadlock
 * between flushes); a touch of another lead is not returned.
 */
export function lockThreadedTouches(
  q: Queryable,
  touchIds: readonly string[],
  leadIds: readonly string[],
): Promise<ThreadedTouch[]> {
  return q.query(
    `SELECT t.id, t.lead_id, t.delivery_status FROM touches t
     JOIN unnest($1::uuid[], $2::uuid[]) AS x(touch_id, lead_id) ON x.touch_id = t.id AND x.lead_id = t.lead_id
     ORDER BY t.id FOR UPDATE OF t`,
    [touchIds, leadIds],
  );
}

/** Sets the touches' new delivery statuses (`updates` from the events threaded to them). */
export async function updateDeliveryStatuses(
  q: Queryable,
  updates: ReadonlyArray<{ id: string; delivery_status: TouchStatus; delivery_status_at: string | Date }>,
): Promise<void> {
  await q.query(
    `UPDATE touches t SET delivery_status = x.delivery_status, delivery_status_at = x.delivery_status_at
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, delivery_status text, delivery_status_at timestamptz)
     WHERE t.id = x.id`,
    [JSON.stringify(updates)],
  );
}

/**
 * Marks a touch's delivery failed with Meta's error, unless it already ended (a reply, bounce or failure stays, as
 * libs/channels' `nextTouchStatus` says). Repeating it changes nothing.
 */
export async function markWhatsAppTouchFailed(q: Queryable, touchId: string, error: string, at: string): Promise<void> {
  await q.query(
    `UPDATE touches SET delivery_status = 'failed', delivery_status_at = $3, error = $2
     WHERE id = $1 AND delivery_status NOT IN ('replied', 'bounced', 'failed', 'suppressed')`,
    [touchId, error, at],
  );
}

/** A touch as the API lists it. */
export interface TouchRecord {
  id: string;
  runId: string;
  leadId: string;
  nodeId: string;
  visit: number;
  channel: string;
  subject: string | null;
  body: string;
  sender: { kind: string; ownerId: string | null; name: string; address: string | null };
  status: 'queued' | 'sent' | 'failed';
  error: string | null;
  providerMessageId: string | null;
  createdAt: Date;
}

const RECORD_COLUMNS = `id, run_id AS "runId", lead_id AS "leadId", node_id AS "nodeId", visit, channel, subject, body, sender, status,
  error, provider_message_id AS "providerMessageId", created_at AS "createdAt"`;

/** The run's touches, oldest first. */
export function touchesOfRun(q: Queryable, runId: string): Promise<TouchRecord[]> {
  return q.query(`SELECT ${RECORD_COLUMNS} FROM touches WHERE run_id = $1 ORDER BY created_at ASC`, [runId]);
}

/** The newest touches of a lead and/or a run (each filter optional). */
export function listTouches(
  q: Queryable,
  filter: { leadId?: string; runId?: string; limit: number },
): Promise<TouchRecord[]> {
  return q.query(
    `SELECT ${RECORD_COLUMNS} FROM touches WHERE ($1::uuid IS NULL OR lead_id = $1) AND ($2::uuid IS NULL OR run_id = $2)
     ORDER BY created_at DESC LIMIT $3`,
    [filter.leadId ?? null, filter.runId ?? null, filter.limit],
  );
}

/**
 * Clears what the lead's touches said and where they went (subject, body, HTML, address); a provider error keeps its
 * code (`smtp-550`) without the text, which may quote the address. Status, channel and times stay for the dashboards.
 * @example await eraseTouchContentOfLead(manager, leadId);
 */
export async function eraseTouchContentOfLead(db: Queryable, leadId: string): Promise<void> {
  await db.query(
    `UPDATE touches SET subject = NULL, body = '', html = NULL, to_address = NULL, error = split_part(error, ': ', 1)
      WHERE lead_id = $1`,
    [leadId],
  );
}
