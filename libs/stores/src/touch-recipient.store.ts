import { suppressionKeyOf } from './suppressions.store';

/** Where a touch would go and whether it may: the lead's address, stored consent and address suppression. */
export interface Recipient {
  address: string | null;
  consented: boolean;
  suppressed: boolean;
}

/**
 * The SELECT of a {@link Recipient}, to compose into a statement: the lead's (`$n` placeholder `leadId`) address on
 * the channel (placeholder `channel`), its stored consent, and whether the address is suppressed (email compared
 * lower-cased, WhatsApp as stored E.164, by hash); no row when the lead is gone. A read model over `leads` and `suppressions`
 * for the worker's delivery.
 */
export function recipientQuery(leadId: string, channel: string): string {
  return `SELECT l.address, COALESCE((l.consent ->> ${channel})::boolean, true) AS consented,
            EXISTS (SELECT 1 FROM suppressions s WHERE s.channel = ${channel} AND s.address = ${suppressionKeyOf('l.address')}) AS suppressed
       FROM (SELECT CASE WHEN ${channel} = 'email' THEN lower(email) ELSE phone END AS address, consent FROM leads WHERE id = ${leadId}) l`;
}
