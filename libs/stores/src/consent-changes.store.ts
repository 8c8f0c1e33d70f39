import type { Queryable } from './queryable';
import { suppressionAddressOf as addressOf } from './suppressions.store';

// Owner of `consent_changes`, and of the consent flags of `leads` after insert: each statement records a change,
// sets the flag and (un)suppresses the address at once. Set-based: one statement per call whatever the number of rows.

/**
 * An opt-out, one row per channel (an `all` unsubscribe expanded), for {@link recordOptOuts}: from an event
 * (`source` `event:<event id>`) or a `consent` flag set to false on a known lead by `POST /api/leads` (`api:leads`).
 */
export interface OptOutRow {
  source: string;
  lead_id: string;
  channel: string;
  occurred_at: string;
}

/**
 * Records a consent change per opt-out; unless an explicit opt-in of that lead and channel is later (a late-arriving
 * old event), sets leads.consent[channel] = false and suppresses the lead's address on email and WhatsApp (an address
 * already suppressed keeps its first reason). `= ANY` by the lead ids lets the planner fetch the leads by primary key.
 * @example await recordOptOuts(manager, [{ source: 'event:e-1', lead_id, channel: 'email', occurred_at }]);
 */
export async function recordOptOuts(db: Queryable, optOuts: readonly OptOutRow[]): Promise<void> {
  if (!optOuts.length) return;
  await db.query(
    `WITH x AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(source text, lead_id uuid, channel text, occurred_at timestamptz)),
     effective AS (
       SELECT x.* FROM x WHERE NOT EXISTS (
         SELECT 1 FROM consent_changes c WHERE c.lead_id = x.lead_id AND c.channel = x.channel AND c.granted AND c.occurred_at > x.occurred_at)),
     off AS (SELECT lead_id, jsonb_object_agg(channel, false) AS flags FROM effective GROUP BY lead_id),
     updated AS (
       UPDATE leads l SET consent = l.consent || off.flags, updated_at = now() FROM off
       WHERE l.id = off.lead_id AND l.id = ANY($2::uuid[])
       RETURNING l.id, l.email, l.phone),
     changes AS (
       INSERT INTO consent_changes (lead_id, channel, granted, occurred_at, source)
       SELECT lead_id, channel, false, occurred_at, source FROM x)
     INSERT INTO suppressions (channel, address, reason, lead_id, source)
     SELECT DISTINCT ON (e.channel, ${addressOf('e.channel', 'u')}) e.channel, ${addressOf('e.channel', 'u')}, 'unsubscribe', e.lead_id, e.source
     FROM effective e JOIN updated u ON u.id = e.lead_id
     WHERE ${addressOf('e.channel', 'u')} IS NOT NULL
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(optOuts), [...new Set(optOuts.map((o) => o.lead_id))]],
  );
}

/** An explicit opt-in, for {@link recordOptIns}; `index` identifies it in the result. */
export interface OptInChangeRow {
  index: number;
  lead_id: string;
  channel: string;
  at: string;
  source: string;
}

/**
 * Grants the opt-ins no opt-out of that lead and channel is as late as (`at` strictly later than the latest): sets the
 * flag, records the change and lifts an `unsubscribe` suppression of the lead's address on that channel (a hard
 * bounce or complaint stays). Returns the indexes of the granted ones. Run after the caller has locked the leads (the
 * upsert), so no opt-out slips between the check and the grant.
 * @example const granted = await recordOptIns(manager, [{ index: 0, lead_id, channel: 'whatsapp', at, source: 'api:form' }]);
 */
export async function recordOptIns(db: Queryable, optIns: readonly OptInChangeRow[]): Promise<Set<number>> {
  if (!optIns.length) return new Set();
  const granted: { index: number }[] = await db.query(
    `WITH x AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x("index" int, lead_id uuid, channel text, at timestamptz, source text)),
     ok AS (
       SELECT x.* FROM x WHERE NOT EXISTS (
         SELECT 1 FROM consent_changes c WHERE c.lead_id = x.lead_id AND c.channel = x.channel AND NOT c.granted AND c.occurred_at >= x.at)),
     flags AS (SELECT lead_id, jsonb_object_agg(channel, true) AS flags FROM ok GROUP BY lead_id),
     updated AS (
       UPDATE leads l SET consent = l.consent || flags.flags, updated_at = now() FROM flags WHERE l.id = flags.lead_id
       RETURNING l.id, l.email, l.phone),
     changes AS (
       INSERT INTO consent_changes (lead_id, channel, granted, occurred_at, source) SELECT lead_id, channel, true, at, source FROM ok),
     lifted AS (
       DELETE FROM suppressions s USING ok JOIN updated u ON u.id = ok.lead_id
       WHERE s.channel = ok.channel AND s.address = ${addressOf('ok.channel', 'u')} AND s.reason = 'unsubscribe')
     SELECT "index" FROM ok`,
    [JSON.stringify(optIns)],
  );
  return new Set(granted.map((r) => r.index));
}
