import type { Pool } from 'pg';

/** The worker's SQL on `touches` (and the recipient facts a delivery checks): the one place it lives. */

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

/** Where a touch would go and whether it may: the lead's address, stored consent and address suppression. */
export interface Recipient {
  address: string | null;
  consented: boolean;
  suppressed: boolean;
}

const TOUCH_COLUMNS = `id, status, error, message_id AS "messageId", to_address AS "toAddress", subject, body, html`;

/** The touch of (run, node, visit) — the key of DESIGN invariant 3 — or null before its first attempt. */
export async function findTouch(pool: Pool, key: { runId: string; nodeId: string; visit: number }): Promise<TouchRow | null> {
  const { rows } = await pool.query<TouchRow>(
    `SELECT ${TOUCH_COLUMNS} FROM touches WHERE run_id = $1 AND node_id = $2 AND visit = $3`,
    [key.runId, key.nodeId, key.visit],
  );
  return rows[0] ?? null;
}

/**
 * The lead's address on the channel, its stored consent, and whether the address is suppressed (email compared
 * lower-cased, WhatsApp as stored E.164). Null when the lead is gone.
 */
export async function findRecipient(pool: Pool, leadId: string, channel: 'email' | 'whatsapp'): Promise<Recipient | null> {
  const { rows } = await pool.query<Recipient>(
    `SELECT l.address, COALESCE((l.consent ->> $2)::boolean, true) AS consented,
            EXISTS (SELECT 1 FROM suppressions s WHERE s.channel = $2 AND s.address = l.address) AS suppressed
       FROM (SELECT CASE WHEN $2 = 'email' THEN lower(email) ELSE phone END AS address, consent FROM leads WHERE id = $1) l`,
    [leadId, channel],
  );
  return rows[0] ?? null;
}

/** A touch about to be attempted: its key, lead, content and sender. */
export interface NewTouch {
  runId: string;
  leadId: string;
  nodeId: string;
  visit: number;
  channel: string;
  subject: string | null;
  body: string;
  html: string | null;
  sender: unknown;
}

/**
 * Writes the send intent (`queued`, with the Message-ID and address the provider will be given) before the
 * provider is called, and returns the touch. A row already there (an earlier attempt) is kept as it is and
 * returned instead, so every retry sends what the first attempt recorded, under the same Message-ID.
 */
export async function insertQueuedTouch(pool: Pool, touch: NewTouch, intent: { messageId: string; toAddress: string }): Promise<TouchRow> {
  const { rows } = await pool.query<TouchRow>(
    `INSERT INTO touches (run_id, lead_id, node_id, visit, channel, subject, body, html, sender, status, delivery_status, message_id, to_address)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'queued', 'queued', $10, $11) ON CONFLICT (run_id, node_id, visit) DO NOTHING
     RETURNING ${TOUCH_COLUMNS}`,
    [touch.runId, touch.leadId, touch.nodeId, touch.visit, touch.channel, touch.subject, touch.body, touch.html,
      JSON.stringify(touch.sender), intent.messageId, intent.toAddress],
  );
  return rows[0] ?? (await findTouch(pool, touch))!;
}

/** Records a touch refused before any send (no address, no consent, suppressed): failed for good. */
export async function insertRefusedTouch(pool: Pool, touch: NewTouch, refusal: { error: string; deliveryStatus: 'failed' | 'suppressed'; toAddress: string | null }): Promise<void> {
  await pool.query(
    `INSERT INTO touches (run_id, lead_id, node_id, visit, channel, subject, body, html, sender, status, error, delivery_status, delivery_status_at, to_address)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'failed', $10, $11, now(), $12) ON CONFLICT (run_id, node_id, visit) DO NOTHING`,
    [touch.runId, touch.leadId, touch.nodeId, touch.visit, touch.channel, touch.subject, touch.body, touch.html,
      JSON.stringify(touch.sender), refusal.error, refusal.deliveryStatus, refusal.toAddress],
  );
}

/**
 * Marks a queued touch sent (the provider accepted it); false when it was no longer queued (already sent or failed
 * by a concurrent attempt), which is then left as it is.
 */
export async function markTouchSent(pool: Pool, touchId: string, providerMessageId: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    // Only a still-queued delivery status becomes `sent`: a provider status may have advanced it already.
    `UPDATE touches SET status = 'sent', sent_at = now(), provider_message_id = $2,
            delivery_status = CASE delivery_status WHEN 'queued' THEN 'sent' ELSE delivery_status END,
            delivery_status_at = CASE delivery_status WHEN 'queued' THEN now() ELSE delivery_status_at END
      WHERE id = $1 AND status = 'queued'`,
    [touchId, providerMessageId],
  );
  return rowCount === 1;
}

/** Marks a queued touch failed for good (`delivery_status` `failed`, or `suppressed` when consent was withdrawn). */
export async function markTouchFailed(pool: Pool, touchId: string, error: string, deliveryStatus: 'failed' | 'suppressed'): Promise<void> {
  await pool.query(
    `UPDATE touches SET status = 'failed', error = $2, delivery_status = $3, delivery_status_at = now() WHERE id = $1 AND status = 'queued'`,
    [touchId, error, deliveryStatus],
  );
}
