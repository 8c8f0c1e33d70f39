// Newest first, one page; the open membership (at most one per lead, unique index) gives the current segment.
// Every filter is optional: a NULL parameter switches it off. $8 scopes the list to what one rep may see: leads
// they own (routing and reassignment set leads.owner_id to the rep) and leads with an open task assigned to them
// (a task can name a rep other than the owner); see leadScopeOf in lead-access.service.ts.
export const LIST_LEADS_SQL = `
SELECT l.id, l.external_id, l.name, l.email, l.company, l.industry, l.headcount, l.city, l.country, l.timezone,
       l.owner_id, l.consent, l.created_at, i.recorded_at AS intake_recorded_at,
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

/** Runs {@link LIST_LEADS_SQL} with a filter; every omitted filter is off. */
export function queryListedLeads(db: { query(sql: string, params: unknown[]): Promise<any> }, f: ListLeadsFilter): Promise<ListedLeadRow[]> {
  return db.query(LIST_LEADS_SQL, [f.search ?? null, f.segmentId ?? null, f.ownerId ?? null, f.minScore ?? null, f.limit, f.offset, f.id ?? null, f.visibleTo ?? null]);
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
  consent: { email: boolean; whatsapp: boolean; linkedin: boolean };
  created_at: Date;
  intake_recorded_at: Date | null;
  segment_id: string | null;
  segment_name: string | null;
  segment_colour: string | null;
  score: number | null;
}
