// Owner of `consent_changes` and `suppressions`, and of the consent flags of `leads` (leads.consent is written only
// here and by the lead upsert's insert of a new lead). Set-based: one statement per flush whatever the number of rows.

/** The channels an `unsubscribe` event's `all` stands for. */
export const CONSENT_CHANNELS = ['email', 'whatsapp', 'linkedin'] as const;

/** The address a suppression on `channel` keys on for lead `l`: lower-cased email, E.164 phone for WhatsApp. */
const addressOf = (channel: string, lead: string) =>
  `CASE ${channel} WHEN 'email' THEN lower(${lead}.email) WHEN 'whatsapp' THEN ${lead}.phone END`;

/**
 * Opt-outs of a flush: $1 = [{ event_id, lead_id, channel, occurred_at }] with one row per channel (`all` expanded).
 * Records a consent change per row; unless an explicit opt-in of that lead and channel is later (a late-arriving old
 * event), sets leads.consent[channel] = false and suppresses the lead's address on email and WhatsApp (an address
 * already suppressed keeps its first reason).
 */
export const RECORD_OPT_OUTS_SQL = `
WITH x AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(event_id text, lead_id uuid, channel text, occurred_at timestamptz)),
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
  SELECT lead_id, channel, false, occurred_at, 'event:' || event_id FROM x)
INSERT INTO suppressions (channel, address, reason, lead_id, source)
SELECT DISTINCT ON (e.channel, ${addressOf('e.channel', 'u')}) e.channel, ${addressOf('e.channel', 'u')}, 'unsubscribe', e.lead_id, 'event:' || e.event_id
FROM effective e JOIN updated u ON u.id = e.lead_id
WHERE ${addressOf('e.channel', 'u')} IS NOT NULL
ON CONFLICT DO NOTHING`;

/** Hard bounces of a flush: $1 = [{ event_id, lead_id }]: suppresses each lead's email address. */
export const RECORD_HARD_BOUNCES_SQL = `
INSERT INTO suppressions (channel, address, reason, lead_id, source)
SELECT DISTINCT ON (lower(l.email)) 'email', lower(l.email), 'hard_bounce', l.id, 'event:' || x.event_id
FROM jsonb_to_recordset($1::jsonb) AS x(event_id text, lead_id uuid) JOIN leads l ON l.id = x.lead_id
WHERE l.email IS NOT NULL
ON CONFLICT DO NOTHING`;

/**
 * Explicit opt-ins: $1 = [{ index, lead_id, channel, at, source }]. One is granted only when no opt-out of that lead and
 * channel is as late as it (`at` strictly later than the latest): it sets the flag, records the change and lifts an
 * `unsubscribe` suppression of the lead's address on that channel (a hard bounce or complaint stays). Returns the
 * indexes of the granted ones. Run after the caller has locked the leads (the upsert), so no opt-out slips between
 * the check and the grant.
 */
export const RECORD_OPT_INS_SQL = `
WITH x AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x("index" int, lead_id uuid, channel text, at timestamptz, source text)),
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
SELECT "index" FROM ok`;

/** A SELECT-list expression: the channels on which the address of lead `alias` is suppressed (primary-key lookups). */
export const suppressedChannelsOf = (alias: string): string => `ARRAY(
  SELECT s.channel FROM suppressions s
  WHERE (s.channel = 'email' AND s.address = lower(${alias}.email)) OR (s.channel = 'whatsapp' AND s.address = ${alias}.phone))`;
