import type { Queryable } from './queryable';

/** One authenticated inbound message (email or WhatsApp) as `inbound_messages` keeps it. */
export interface NewInboundMessage {
  channel: 'email' | 'whatsapp';
  /** The provider's id: the Message-ID of an email, the wamid of a WhatsApp message. */
  providerId: string;
  kind: 'reply' | 'auto_reply' | 'bounce' | 'opt_out' | 'unmatched';
  leadId: string | null;
  touchId: string | null;
  fromAddress: string | null;
  subject?: string | null;
  text: string | null;
  details: Record<string, unknown>;
  eventId: string | null;
  /** When the provider says it was sent; absent = now. */
  receivedAt?: string;
}

/**
 * Records an inbound message once per channel and provider id (inbound-parse services and Meta retry); false when it
 * was already recorded.
 */
export async function recordInboundMessage(q: Queryable, m: NewInboundMessage): Promise<boolean> {
  const rows: unknown[] = await q.query(
    `INSERT INTO inbound_messages (channel, provider_id, kind, lead_id, touch_id, from_address, subject, text, details, event_id, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, COALESCE($11::timestamptz, now()))
     ON CONFLICT (channel, provider_id) DO NOTHING RETURNING id`,
    [
      m.channel,
      m.providerId,
      m.kind,
      m.leadId,
      m.touchId,
      m.fromAddress,
      m.subject ?? null,
      m.text,
      JSON.stringify(m.details),
      m.eventId,
      m.receivedAt ?? null,
    ],
  );
  return rows.length === 1;
}

/**
 * Clears what came back from the lead (sender, subject, reply text, provider details), also unmatched messages from
 * its address; kind, channel and time stay, so reply counts stay right.
 * @example await eraseInboundMessagesOfLead(manager, leadId, ['asha@example.in', '+919800000001']);
 */
export async function eraseInboundMessagesOfLead(
  db: Queryable,
  leadId: string,
  addresses: readonly string[],
): Promise<void> {
  await db.query(
    `UPDATE inbound_messages SET from_address = NULL, subject = NULL, text = NULL, details = '{}'
      WHERE lead_id = $1 OR lower(from_address) = ANY($2::text[])`,
    [leadId, addresses.map((a) => a.toLowerCase())],
  );
}
