import type { Pool } from 'pg';

/**
 * When the lead last wrote to us on WhatsApp: their newest `whatsapp_reply` event (the webhook records one per
 * inbound message, as does any system posting to /api/events), which opens Meta's 24-hour window.
 */
export async function lastWhatsAppInboundAt(pool: Pool, leadId: string): Promise<Date | null> {
  const { rows } = await pool.query<{ at: Date | null }>(
    `SELECT max(occurred_at) AS at FROM events WHERE lead_id = $1 AND type = 'whatsapp_reply'`,
    [leadId],
  );
  return rows[0]?.at ?? null;
}
