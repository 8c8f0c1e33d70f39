import type { LeadAttributeValue } from '@segflow/scoring';
import type { Queryable } from './queryable';

// Owner of `leads`. Its consent flags are also written by the consent statements (consent-changes.store.ts), which
// must update them in the same statement as the change they record.

/** A lead's consent flags per channel. */
export interface LeadConsent {
  email: boolean;
  whatsapp: boolean;
  linkedin: boolean;
}

/** A lead's custom attribute values by key (`leads.attributes`); a key without a value is absent. */
export type LeadAttributeValues = Record<string, LeadAttributeValue>;

/** One lead of an upsert batch, in column names; an omitted (undefined) field keeps the stored value. */
export interface LeadUpsertRow {
  external_id: string;
  name?: string;
  email?: string;
  phone?: string;
  linkedin_url?: string;
  company?: string;
  industry?: string;
  headcount?: number;
  revenue_band?: string;
  funding_stage?: string;
  city?: string;
  country?: string;
  timezone?: string;
  owner_id?: string;
  consent?: Partial<LeadConsent>;
  /** Merged into the stored values; a null value removes that key. */
  attributes?: Record<string, LeadAttributeValue | null>;
}

/** What an upsert returns per lead; `inserted` tells a new lead from an updated one. */
export interface UpsertedLeadRow {
  id: string;
  external_id: string;
  inserted: boolean;
  consent: Partial<LeadConsent>;
  /** The consent before this upsert (null for a new lead). */
  prior_consent: Partial<LeadConsent> | null;
  owner_id: string | null;
  /** The owner before this upsert (null for a new lead, or a known lead without one). */
  prior_owner_id: string | null;
}

// One statement per batch: jsonb_to_recordset turns the batch into rows, ON CONFLICT upserts by external id,
// and `xmax = 0` tells a fresh insert from an update. Omitted fields keep their stored value. On a known lead a `consent`
// flag that is true applies only to a channel the lead never opted out of (consent_changes): a re-import must not undo
// an opt-out; that takes an explicit, later opt-in (recordOptIns). False flags always apply. Custom attributes merge
// into the stored ones and a null value removes its key: a known lead's nulls reach DO UPDATE through EXCLUDED (so
// they are kept there and stripped after the merge), a new lead's are stripped at once.
const UPSERT_LEADS_SQL = `
WITH prior AS (SELECT external_id, consent, owner_id FROM leads WHERE external_id IN (SELECT x.external_id FROM jsonb_to_recordset($1::jsonb) AS x(external_id text)))
INSERT INTO leads AS l (external_id, name, email, phone, linkedin_url, company, industry, headcount,
                        revenue_band, funding_stage, city, country, timezone, owner_id, consent, attributes)
SELECT x.external_id, x.name, x.email, x.phone, x.linkedin_url, x.company, x.industry, x.headcount,
       x.revenue_band, x.funding_stage, x.city, x.country, x.timezone, x.owner_id,
       '{"email":true,"whatsapp":false,"linkedin":true}'::jsonb || COALESCE(x.consent, '{}'::jsonb),
       CASE WHEN x.external_id IN (SELECT p.external_id FROM prior p) THEN COALESCE(x.attributes, '{}'::jsonb)
            ELSE jsonb_strip_nulls(COALESCE(x.attributes, '{}'::jsonb)) END
FROM jsonb_to_recordset($1::jsonb) AS x(external_id text, name text, email text, phone text, linkedin_url text,
     company text, industry text, headcount int, revenue_band text, funding_stage text, city text, country text,
     timezone text, owner_id text, consent jsonb, attributes jsonb)
ON CONFLICT (external_id) DO UPDATE SET
  name = COALESCE(EXCLUDED.name, l.name), email = COALESCE(EXCLUDED.email, l.email),
  phone = COALESCE(EXCLUDED.phone, l.phone), linkedin_url = COALESCE(EXCLUDED.linkedin_url, l.linkedin_url),
  company = COALESCE(EXCLUDED.company, l.company), industry = COALESCE(EXCLUDED.industry, l.industry),
  headcount = COALESCE(EXCLUDED.headcount, l.headcount), revenue_band = COALESCE(EXCLUDED.revenue_band, l.revenue_band),
  funding_stage = COALESCE(EXCLUDED.funding_stage, l.funding_stage), city = COALESCE(EXCLUDED.city, l.city),
  country = COALESCE(EXCLUDED.country, l.country), timezone = COALESCE(EXCLUDED.timezone, l.timezone),
  owner_id = COALESCE(EXCLUDED.owner_id, l.owner_id), consent = l.consent || COALESCE((SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(EXCLUDED.consent) e
    WHERE e.value = 'false'::jsonb
       OR NOT EXISTS (SELECT 1 FROM consent_changes c WHERE c.lead_id = l.id AND c.channel = e.key AND NOT c.granted)), '{}'::jsonb),
  attributes = jsonb_strip_nulls(l.attributes || COALESCE(EXCLUDED.attributes, '{}'::jsonb)),
  updated_at = now()
RETURNING l.id, l.external_id, (l.xmax = 0) AS inserted, l.consent, l.owner_id,
  (SELECT p.consent FROM prior p WHERE p.external_id = l.external_id) AS prior_consent,
  (SELECT p.owner_id FROM prior p WHERE p.external_id = l.external_id) AS prior_owner_id`;

/**
 * Inserts or updates a batch of leads by external id in one statement, locking each row until the caller's
 * transaction ends (opt-ins recorded next rely on that).
 * @example const written = await upsertLeads(manager, [{ external_id: 'crm-1', name: 'Asha' }]);
 */
export function upsertLeads(db: Queryable, rows: readonly LeadUpsertRow[]): Promise<UpsertedLeadRow[]> {
  if (!rows.length) return Promise.resolve([]);
  return db.query(UPSERT_LEADS_SQL, [JSON.stringify(rows)]);
}

/** A stored lead in the column names of {@link LeadUpsertRow}, as {@link isNoOpUpsert} compares it. */
export type StoredLeadRow = { [K in keyof LeadUpsertRow]-?: LeadUpsertRow[K] | null };

/**
 * The stored leads with these external ids, in upsert column names (a CSV import tells unchanged rows by them).
 * @example const stored = await findStoredLeads(manager, ['crm-1', 'crm-2']);
 */
export function findStoredLeads(db: Queryable, externalIds: readonly string[]): Promise<StoredLeadRow[]> {
  if (!externalIds.length) return Promise.resolve([]);
  return db.query(
    `SELECT external_id, name, email, phone, linkedin_url, company, industry, headcount, revenue_band, funding_stage,
            city, country, timezone, owner_id, consent
     FROM leads WHERE external_id = ANY($1::text[])`,
    [externalIds],
  );
}

/**
 * Whether {@link upsertLeads} of `row` would change nothing on `stored`: every given field already holds that value
 * (omitted fields keep theirs; a jsonb field such as consent is merged, so only its given keys count).
 * @example isNoOpUpsert({ external_id: 'crm-1', city: 'Pune' }, stored); // true when stored.city is 'Pune'
 */
export function isNoOpUpsert(row: LeadUpsertRow, stored: StoredLeadRow): boolean {
  return Object.entries(row).every(([column, value]) => {
    const current = stored[column as keyof StoredLeadRow];
    if (value === undefined) return true;
    if (typeof value !== 'object' || value === null) return current === value;
    const merged = (current ?? {}) as Record<string, unknown>;
    return Object.entries(value).every(([key, v]) => merged[key] === v);
  });
}

// Newest first, one page; the open membership (at most one per lead, unique index) gives the current segment.
// Every filter is optional: a NULL parameter switches it off. $8 scopes the list to what one rep may see: leads
// they own (routing and reassignment set leads.owner_id to the rep, see setOwner) and leads with an open task
// assigned to them (a task can name a rep other than the owner).
const LIST_LEADS_SQL = `
SELECT l.id, l.external_id, l.name, l.email, l.company, l.industry, l.headcount, l.city, l.country, l.timezone,
       l.owner_id, l.consent, l.attributes, l.created_at, i.recorded_at AS intake_recorded_at,
       s.id AS segment_id, s.name AS segment_name, s.colour AS segment_colour, f.score
FROM leads l
LEFT JOIN lead_intakes i ON i.lead_id = l.id
LEFT JOIN segment_memberships m ON m.lead_id = l.id AND m.left_at IS NULL
LEFT JOIN segments s ON s.id = m.segment_id
LEFT JOIN lead_features f ON f.lead_id = l.id
WHERE ($1::text IS NULL OR l.name ILIKE '%' || $1 || '%' OR l.company ILIKE '%' || $1 || '%' OR l.email ILIKE '%' || $1 || '%' OR l.external_id = $1)
  AND ($2::uuid IS NULL OR m.segment_id = $2)
  AND ($3::text IS NULL OR l.owner_id = $3)
  AND ($4::real IS NULL OR f.score >= $4)
  AND ($7::uuid IS NULL OR l.id = $7)
  AND ($8::text IS NULL OR l.owner_id = $8
       OR l.id IN (SELECT t.lead_id FROM tasks t WHERE t.assignee_id = $8 AND t.status = 'open'))
ORDER BY l.created_at DESC, l.id DESC
LIMIT $5 OFFSET $6`;

export interface ListLeadsFilter {
  limit: number;
  offset: number;
  search?: string;
  segmentId?: string;
  ownerId?: string;
  minScore?: number;
  id?: string;
  /** Only leads this rep may see (owner or assignee of an open task); omitted: every lead. */
  visibleTo?: string;
}

export interface ListedLeadRow {
  id: string;
  external_id: string;
  name: string | null;
  email: string | null;
  company: string | null;
  industry: string | null;
  headcount: number | null;
  city: string | null;
  country: string | null;
  timezone: string | null;
  owner_id: string | null;
  consent: LeadConsent;
  attributes: LeadAttributeValues;
  created_at: Date;
  intake_recorded_at: Date | null;
  segment_id: string | null;
  segment_name: string | null;
  segment_colour: string | null;
  score: number | null;
}

/**
 * One page of leads, newest first, with their intake, current segment and score; every omitted filter is off.
 * Also answers "may this rep see this lead?" (`{ id, visibleTo }`), so listing and access never disagree.
 * @example const [lead] = await listLeads(manager, { id, visibleTo: repId, limit: 1, offset: 0 });
 */
export function listLeads(db: Queryable, f: ListLeadsFilter): Promise<ListedLeadRow[]> {
  return db.query(LIST_LEADS_SQL, [
    f.search ?? null,
    f.segmentId ?? null,
    f.ownerId ?? null,
    f.minScore ?? null,
    f.limit,
    f.offset,
    f.id ?? null,
    f.visibleTo ?? null,
  ]);
}

/** A lead's firmographics, which the fit features read. */
export interface LeadFirmographics {
  industry: string | null;
  headcount: number | null;
  revenue_band: string | null;
  funding_stage: string | null;
}

/**
 * A lead by id or by external id, with its firmographics; undefined when there is none.
 * @example const lead = await findLead(manager, { externalId: 'crm-1' });
 */
export async function findLead(
  db: Queryable,
  key: { id: string } | { externalId: string },
): Promise<(LeadFirmographics & { id: string }) | undefined> {
  const [row] = await db.query(
    `SELECT id, industry, headcount, revenue_band, funding_stage FROM leads WHERE ${'id' in key ? 'id = $1' : 'external_id = $1'}`,
    ['id' in key ? key.id : key.externalId],
  );
  return row;
}

/** A lead an event flush names, and whether it has a lead_features row yet. */
export interface IngestLeadRow extends LeadFirmographics {
  id: string;
  external_id: string;
  /** Read for rule segments' conditions. */
  country: string | null;
  city: string | null;
  attributes: Record<string, string | number>;
  has_features: boolean;
}

/**
 * The leads with these external ids, with the firmographics the fit feature reads, and whether they have a feature
 * row yet. FOR KEY SHARE keeps each lead from being deleted until the caller's transaction ends: events.lead_id has
 * no foreign key (whose check would cost a query per event). In external id order, as {@link lockLeadsForUpdate}
 * takes them.
 * @example const leads = await lockLeadsForIngest(manager, ['crm-1', 'crm-2']);
 */
export function lockLeadsForIngest(db: Queryable, externalIds: readonly string[]): Promise<IngestLeadRow[]> {
  return db.query(
    `SELECT id, external_id, industry, headcount, revenue_band, funding_stage, country, city, attributes,
            EXISTS (SELECT 1 FROM lead_features f WHERE f.lead_id = leads.id) AS has_features
     FROM leads WHERE external_id = ANY($1::text[]) ORDER BY external_id FOR KEY SHARE OF leads`,
    [externalIds],
  );
}

/**
 * Locks these leads (those that exist) FOR UPDATE until the caller's transaction ends, in external id order like
 * {@link lockLeadsForIngest}, so no deadlock: a flush for one of them then waits and reads the values written here, and
 * one under way finishes first.
 * @example await lockLeadsForUpdate(manager, ['crm-1', 'crm-2']);
 */
export async function lockLeadsForUpdate(db: Queryable, externalIds: readonly string[]): Promise<void> {
  if (!externalIds.length) return;
  await db.query(`SELECT 1 FROM leads WHERE external_id = ANY($1::text[]) ORDER BY external_id FOR UPDATE`, [
    externalIds,
  ]);
}

/**
 * Creates a bare lead per unknown external id (EVENTS_UNKNOWN_LEAD=stub); known ones are left alone.
 * @example await insertStubLeads(manager, ['crm-9']);
 */
export async function insertStubLeads(db: Queryable, externalIds: readonly string[]): Promise<void> {
  await db.query(`INSERT INTO leads (external_id) SELECT unnest($1::text[]) ON CONFLICT (external_id) DO NOTHING`, [
    externalIds,
  ]);
}

/**
 * Makes `repId` the lead's owner: the one writer of leads.owner_id after the lead exists (routing, reassignment and
 * SLA escalation all call it).
 * @example await setOwner(tx, leadId, 'rep-7');
 */
export async function setOwner(db: Queryable, leadId: string, repId: string): Promise<void> {
  await db.query(`UPDATE leads SET owner_id = $2, updated_at = now() WHERE id = $1`, [leadId, repId]);
}

/** A lead's addresses as an erasure reads them, before anonymising the row. */
export interface LeadToErase {
  id: string;
  email: string | null;
  phone: string | null;
  erased_at: Date | null;
}

/**
 * Locks the lead's row for an erasure and reads its addresses (other tables' copies are found by them); null when
 * there is no such lead.
 * @example const lead = await lockLeadForErasure(manager, leadId);
 */
export async function lockLeadForErasure(db: Queryable, leadId: string): Promise<LeadToErase | null> {
  const rows: LeadToErase[] = await db.query(
    `SELECT id, lower(email) AS email, phone, erased_at FROM leads WHERE id = $1 FOR UPDATE`,
    [leadId],
  );
  return rows[0] ?? null;
}

/**
 * Anonymises the lead's row: personal fields cleared, `external_id` replaced (a re-import of the same id is a new
 * lead), consent off on every channel, custom attributes cleared except `keptAttributes` (number, date and enum ones:
 * free text may be personal data). Firmographics that aggregates and segments group by (industry, size, revenue
 * band, funding stage, country, time zone) stay.
 * @example await anonymiseLead(manager, leadId, now, ['plan', 'seats']);
 */
export async function anonymiseLead(
  db: Queryable,
  leadId: string,
  at: Date,
  keptAttributes: readonly string[],
): Promise<void> {
  await db.query(
    `UPDATE leads SET name = NULL, email = NULL, phone = NULL, linkedin_url = NULL, company = NULL, city = NULL,
            external_id = 'erased:' || id, consent = '{"email":false,"whatsapp":false,"linkedin":false}',
            attributes = (SELECT COALESCE(jsonb_object_agg(a.key, a.value), '{}'::jsonb)
                            FROM jsonb_each(attributes) a WHERE a.key = ANY($3::text[])),
            erased_at = $2, updated_at = $2
      WHERE id = $1`,
    [leadId, at, keptAttributes],
  );
}

/** A lead's name for lists (a rule segment's preview sample). */
export interface LeadLabelRow {
  id: string;
  external_id: string;
  name: string | null;
  company: string | null;
}

/**
 * These leads' names, in the order of `ids`.
 * @example const labels = await listLeadLabels(manager, ids);
 */
export function listLeadLabels(db: Queryable, ids: readonly string[]): Promise<LeadLabelRow[]> {
  return db.query(
    `SELECT l.id, l.external_id, l.name, l.company FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n)
     JOIN leads l ON l.id = x.id ORDER BY x.n`,
    [ids],
  );
}

/**
 * How many leads hold a value for the attribute `key`; with `allowed`, only those whose value is not in it (an enum
 * losing values). Schema changes refuse to drop such values silently.
 * @example const holding = await countLeadsWithAttribute(manager, 'plan', ['free', 'pro']);
 */
export async function countLeadsWithAttribute(
  db: Queryable,
  key: string,
  allowed?: readonly string[],
): Promise<number> {
  const [{ count }]: { count: number }[] = await db.query(
    `SELECT count(*)::int AS count FROM leads
      WHERE attributes ? $1::text AND ($2::text[] IS NULL OR NOT (attributes->>$1::text = ANY($2::text[])))`,
    [key, allowed ?? null],
  );
  return count;
}

/**
 * How many leads hold a value, per attribute key (keys no lead holds are absent). Reads every lead: for the admin's
 * schema page, not a hot path.
 * @example const counts = await countLeadsPerAttribute(manager); counts.get('plan'); // 12
 */
export async function countLeadsPerAttribute(db: Queryable): Promise<Map<string, number>> {
  const rows: { key: string; count: number }[] = await db.query(
    `SELECT k.key, count(*)::int AS count FROM leads l, jsonb_object_keys(l.attributes) AS k(key) GROUP BY k.key`,
  );
  return new Map(rows.map((r) => [r.key, r.count]));
}

/**
 * Removes the attribute `key`'s value from every lead holding one (an admin deleting the attribute with its values);
 * returns how many leads lost a value.
 * @example const cleared = await removeAttributeValues(manager, 'plan');
 */
export async function removeAttributeValues(db: Queryable, key: string): Promise<number> {
  const [{ cleared }]: { cleared: number }[] = await db.query(
    `WITH changed AS (UPDATE leads SET attributes = attributes - $1::text, updated_at = now() WHERE attributes ? $1::text RETURNING id)
     SELECT count(*)::int AS cleared FROM changed`,
    [key],
  );
  return cleared;
}
