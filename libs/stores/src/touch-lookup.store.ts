import { isUuid } from '@segflow/api-contracts';
import type { Queryable } from './queryable';

/** A touch with what inbound mail and public links need to turn into an event about its lead. */
export interface TouchOfLead {
  touchId: string;
  leadId: string;
  leadExternalId: string;
  channel: string;
  /** Where the touch went (the send intent's address), else the lead's current email. */
  address: string | null;
}

const SELECT_TOUCH = `
  SELECT t.id::text AS "touchId", t.lead_id::text AS "leadId", l.external_id AS "leadExternalId", t.channel,
         COALESCE(t.to_address, l.email) AS address
    FROM touches t JOIN leads l ON l.id = t.lead_id`;

/** The touch with this id, or null (also for a string that is no uuid, so a token's content never reaches SQL as such). */
export async function findTouchById(q: Queryable, touchId: string): Promise<TouchOfLead | null> {
  if (!isUuid(touchId)) return null;
  const rows: TouchOfLead[] = await q.query(`${SELECT_TOUCH} WHERE t.id = $1`, [touchId]);
  return rows[0] ?? null;
}

/**
 * The most recent touch whose Message-ID is one of `ids` (bare, without angle brackets, as `messageIdsIn` returns
 * them); the stored id may carry its brackets or not, and a provider's own id counts too.
 */
export async function findTouchByMessageIds(q: Queryable, ids: readonly string[]): Promise<TouchOfLead | null> {
  if (ids.length === 0) return null;
  const candidates = ids.flatMap((id) => [id, `<${id}>`]);
  const rows: TouchOfLead[] = await q.query(
    `${SELECT_TOUCH} WHERE t.message_id = ANY($1::text[]) OR t.provider_message_id = ANY($1::text[]) ORDER BY t.created_at DESC LIMIT 1`,
    [candidates],
  );
  return rows[0] ?? null;
}
