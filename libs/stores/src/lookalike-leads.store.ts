import type { Queryable } from './queryable';
import type { ScoringLeadRow } from './scoring-leads.store';

// A read model over leads, lead_features, events and segment_memberships: what a lookalike list is computed from —
// converted leads (a goal event, events_type_occurred_idx answers it index-only) and the non-converted candidates.
// Erased leads are neither: their row stays for counts, but they are never compared against nor listed.

/** A lead as a lookalike list scores it: firmographics and feature state (null before its first event). */
export type LookalikeLeadRow = Pick<
  ScoringLeadRow,
  'id' | 'industry' | 'headcount' | 'revenue_band' | 'funding_stage' | 'state'
>;

const LEAD_COLUMNS = `l.id, l.industry, l.headcount, l.revenue_band, l.funding_stage, f.state`;

/** Converted leads, most recently converted first, and how many there are in all. */
export interface ConvertedLeads {
  leads: LookalikeLeadRow[];
  total: number;
}

/**
 * The `limit` leads that most recently had a `goalEventType` event (erased ones left out), and the count of all of them.
 * @example const { leads, total } = await listConvertedLeads(manager, { goalEventType: 'purchase', limit: 2000 });
 */
export async function listConvertedLeads(
  db: Queryable,
  q: { goalEventType: string; limit: number },
): Promise<ConvertedLeads> {
  const rows: (LookalikeLeadRow & { total: number })[] = await db.query(
    `SELECT ${LEAD_COLUMNS}, count(*) OVER ()::int AS total
     FROM (SELECT lead_id, max(occurred_at) AS converted_at FROM events WHERE type = $1 GROUP BY lead_id) c
     JOIN leads l ON l.id = c.lead_id LEFT JOIN lead_features f ON f.lead_id = l.id
     WHERE l.erased_at IS NULL
     ORDER BY c.converted_at DESC, l.id LIMIT $2`,
    [q.goalEventType, q.limit],
  );
  return { leads: rows.map(({ total: _total, ...lead }) => lead), total: rows[0]?.total ?? 0 };
}

/** Which leads may be candidates of a lookalike list. */
export interface LookalikeCandidateFilter {
  /** Leads with an event of this type are customers, not candidates. */
  goalEventType: string;
  /** Only leads currently in this segment. */
  segmentId?: string;
  /** Not leads owned by this rep. */
  excludeOwnedBy?: string;
}

/**
 * Every lead that never had a goal event and is not erased, filtered by segment and owner, in lead id order.
 * @example const candidates = await listLookalikeCandidates(manager, { goalEventType: 'purchase', segmentId });
 */
export function listLookalikeCandidates(db: Queryable, filter: LookalikeCandidateFilter): Promise<LookalikeLeadRow[]> {
  return db.query(
    `SELECT ${LEAD_COLUMNS}
     FROM leads l LEFT JOIN lead_features f ON f.lead_id = l.id
     WHERE l.erased_at IS NULL
       AND l.id NOT IN (SELECT lead_id FROM events WHERE type = $1)
       AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM segment_memberships m
                                        WHERE m.lead_id = l.id AND m.left_at IS NULL AND m.segment_id = $2::uuid))
       AND ($3::text IS NULL OR l.owner_id IS DISTINCT FROM $3::text)
     ORDER BY l.id`,
    [filter.goalEventType, filter.segmentId ?? null, filter.excludeOwnedBy ?? null],
  );
}
