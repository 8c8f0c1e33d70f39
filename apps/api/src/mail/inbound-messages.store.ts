import type { Queryable } from '../database/queryable';

/** One authenticated inbound email as `inbound_messages` keeps it. */
export interface NewInboundEmail {
  providerId: string;
  kind: 'reply' | 'auto_reply' | 'bounce' | 'opt_out' | 'unmatched';
  leadId: string | null;
  touchId: string | null;
  fromAddress: string | null;
  subject: string | null;
  text: string | null;
  details: Record<string, unknown>;
  eventId: string | null;
}

/** Records an inbound email once per Message-ID; false when it was already recorded (a retried post or delivery). */
export async function insertInboundEmail(q: Queryable, m: NewInboundEmail): Promise<boolean> {
  const rows: unknown[] = await q.query(
    `INSERT INTO inbound_messages (channel, provider_id, kind, lead_id, touch_id, from_address, subject, text, details, event_id)
     VALUES ('email', $1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (channel, provider_id) DO NOTHING RETURNING id`,
    [m.providerId, m.kind, m.leadId, m.touchId, m.fromAddress, m.subject, m.text, m.details, m.eventId],
  );
  return rows.length === 1;
}
