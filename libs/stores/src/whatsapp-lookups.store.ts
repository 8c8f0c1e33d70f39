import { isUuid } from '@segflow/api-contracts';
import type { Queryable } from './queryable';

// What the WhatsApp webhook (API) and the WhatsApp touch provider (worker) read of touches, leads and events, whose
// owner stores write them.

/** A touch a webhook item is about, with what an event about it needs. */
export interface WhatsAppTouchRef {
  touchId: string;
  leadId: string;
  leadExternalId: string;
  providerMessageId: string | null;
}

/**
 * The WhatsApp touch with Meta's message id `wamid`, or else the one whose id we sent as `biz_opaque_callback_data`
 * (a status can arrive before the worker recorded the wamid).
 *
 * @example
 * const touch = await findWhatsAppTouch(dataSource, status.id, status.biz_opaque_callback_data);
 */
export async function findWhatsAppTouch(
  q: Queryable,
  wamid: string,
  callbackData?: string,
): Promise<WhatsAppTouchRef | null> {
  const touchId = callbackData && isUuid(callbackData) ? callbackData : null;
  const rows: WhatsAppTouchRef[] = await q.query(
    `SELECT t.id AS "touchId", t.lead_id AS "leadId", l.external_id AS "leadExternalId", t.provider_message_id AS "providerMessageId"
     FROM touches t JOIN leads l ON l.id = t.lead_id
     WHERE t.channel = 'whatsapp' AND (t.provider_message_id = $1 OR t.id = $2::uuid)
     ORDER BY (t.provider_message_id = $1) DESC NULLS LAST LIMIT 1`,
    [wamid, touchId],
  );
  return rows[0] ?? null;
}

/**
 * The lead with this WhatsApp number (E.164), the most recently updated if several share it.
 *
 * @example
 * const lead = await findLeadByPhone(dataSource, '+919812345678');
 */
export async function findLeadByPhone(
  q: Queryable,
  phone: string,
): Promise<{ leadId: string; leadExternalId: string } | null> {
  const rows: Array<{ leadId: string; leadExternalId: string }> = await q.query(
    `SELECT id AS "leadId", external_id AS "leadExternalId" FROM leads WHERE phone = $1 ORDER BY updated_at DESC LIMIT 1`,
    [phone],
  );
  return rows[0] ?? null;
}

/**
 * When the lead last wrote to us on WhatsApp: their newest reply on WhatsApp (a `whatsapp_reply` event, which the
 * webhook records per inbound message, or any type the vocabulary classes so, through its SQL functions), which
 * opens Meta's 24-hour window.
 *
 * @example
 * const last = await lastWhatsAppInboundAt(rowsOf(pool), leadId); // null: never wrote
 */
export async function lastWhatsAppInboundAt(q: Queryable, leadId: string): Promise<Date | null> {
  const rows: Array<{ at: Date | null }> = await q.query(
    `SELECT max(occurred_at) AS at FROM events
      WHERE lead_id = $1 AND segflow_event_outcome(type) = 'reply' AND segflow_event_channel(type) = 'whatsapp'`,
    [leadId],
  );
  return rows[0]?.at ?? null;
}
