import type { Queryable } from './queryable';

// Owner of `suppressions`: addresses no message may go to. Opt-outs and opt-ins write them in the statement that
// records the consent change (consent-changes.store.ts), through the same address rule.

/**
 * The SQL expression of the address a suppression on `channel` keys on for lead row `lead`: lower-cased email, E.164
 * phone for WhatsApp. Both arguments are SQL expressions.
 * @example suppressionAddressOf('e.channel', 'u') // CASE e.channel WHEN 'email' THEN lower(u.email) …
 */
export const suppressionAddressOf = (channel: string, lead: string): string =>
  `CASE ${channel} WHEN 'email' THEN lower(${lead}.email) WHEN 'whatsapp' THEN ${lead}.phone END`;

/**
 * A SELECT-list expression: the channels on which the address of lead row `alias` is suppressed (primary-key
 * lookups), for reads of a lead that need it in the same round trip.
 * @example `SELECT l.*, ${suppressedChannelsOf('l')} AS suppressed_channels FROM leads l WHERE l.id = $1`
 */
export const suppressedChannelsOf = (alias: string): string => `ARRAY(
  SELECT s.channel FROM suppressions s
  WHERE (s.channel = 'email' AND s.address = lower(${alias}.email)) OR (s.channel = 'whatsapp' AND s.address = ${alias}.phone))`;

/** A hard bounce of a flush, for {@link recordHardBounces}; `address` the DSN's failed recipient when it names one. */
export interface HardBounceRow {
  event_id: string;
  lead_id: string;
  address: string | null;
}

/**
 * Suppresses each bounced address (reason `hard_bounce`) in one statement: the recipient the DSN reported, else the
 * lead's stored email. An address already suppressed keeps its first reason.
 * @example await recordHardBounces(manager, [{ event_id: 'e-1', lead_id: leadId, address: 'gone@example.in' }]);
 */
export async function recordHardBounces(db: Queryable, bounces: readonly HardBounceRow[]): Promise<void> {
  if (!bounces.length) return;
  await db.query(
    `INSERT INTO suppressions (channel, address, reason, lead_id, source)
     SELECT DISTINCT ON (lower(COALESCE(x.address, l.email))) 'email', lower(COALESCE(x.address, l.email)), 'hard_bounce', l.id, 'event:' || x.event_id
     FROM jsonb_to_recordset($1::jsonb) AS x(event_id text, lead_id uuid, address text) JOIN leads l ON l.id = x.lead_id
     WHERE COALESCE(x.address, l.email) IS NOT NULL
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(bounces)],
  );
}

/**
 * Suppresses a WhatsApp number that asked to stop but matches no lead yet, so a lead imported with it later is never
 * messaged (reason `unsubscribe`, no lead). A number already suppressed keeps its first reason.
 */
export async function suppressUnknownWhatsAppNumber(db: Queryable, phone: string, source: string): Promise<void> {
  await db.query(
    `INSERT INTO suppressions (channel, address, reason, lead_id, source) VALUES ('whatsapp', $1, 'unsubscribe', NULL, $2)
     ON CONFLICT DO NOTHING`,
    [phone, source],
  );
}
