import type { Queryable } from './queryable';
import { suppressionKeyOf } from './suppressions.store';

/** Where a touch would go and whether it may: the lead's address, stored consent and address suppression. */
export interface Recipient {
  address: string | null;
  consented: boolean;
  suppressed: boolean;
}

/**
 * The lead's address on the channel, its stored consent, and whether the address is suppressed (email compared
 * lower-cased, WhatsApp as stored E.164, by hash). Null when the lead is gone. A read model over `leads` and `suppressions`
 * for the worker's delivery.
 *
 * @example
 * const recipient = await findRecipient(rowsOf(pool), leadId, 'email');
 */
export async function findRecipient(
  q: Queryable,
  leadId: string,
  channel: 'email' | 'whatsapp',
): Promise<Recipient | null> {
  const rows: Recipient[] = await q.query(
    `SELECT l.address, COALESCE((l.consent ->> $2)::boolean, true) AS consented,
            EXISTS (SELECT 1 FROM suppressions s WHERE s.channel = $2 AND s.address = ${suppressionKeyOf('l.address')}) AS suppressed
       FROM (SELECT CASE WHEN $2 = 'email' THEN lower(email) ELSE phone END AS address, consent FROM leads WHERE id = $1) l`,
    [leadId, channel],
  );
  return rows[0] ?? null;
}
