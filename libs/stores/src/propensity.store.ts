import type { FeatureState, FitInput } from '@segflow/scoring/features';
import type { Queryable } from './queryable';

// A read model over segment_memberships, leads, lead_features and events: what the propensity model trains on —
// segment entries whose outcome window has closed, with their leads' firmographics and event histories — and what it
// predicts from (a lead's feature state now).

/** A segment entry with its lead's firmographics. */
export interface ClosedSegmentEntryRow {
  lead_id: string;
  segment_id: string;
  entered_at: Date;
  industry: string | null;
  headcount: number | null;
  revenue_band: string | null;
  funding_stage: string | null;
}

/**
 * The latest `limit` segment entries made at or before `enteredBy` (newest first), each with its lead's firmographics.
 * @example const entries = await listClosedSegmentEntries(db, { enteredBy: horizonStart, limit: 20_000 });
 */
export function listClosedSegmentEntries(
  db: Queryable,
  filter: { enteredBy: Date; limit: number },
): Promise<ClosedSegmentEntryRow[]> {
  return db.query(
    `SELECT m.lead_id, m.segment_id, m.entered_at, l.industry, l.headcount, l.revenue_band, l.funding_stage
     FROM segment_memberships m JOIN leads l ON l.id = m.lead_id
     WHERE m.entered_at <= $1 ORDER BY m.entered_at DESC, m.id LIMIT $2`,
    [filter.enteredBy, filter.limit],
  );
}

/** A stored event as it was ingested: `data` holds the fields besides id, lead, type and time. */
export interface LeadHistoryEventRow {
  lead_id: string;
  event_id: string;
  type: string;
  occurred_at: Date;
  data: Record<string, unknown>;
}

/**
 * These leads' events that occurred at or before `until`, by lead and time (events_lead_idx).
 * @example const events = await listEventsOfLeads(db, leadIds, now);
 */
export function listEventsOfLeads(
  db: Queryable,
  leadIds: readonly string[],
  until: Date,
): Promise<LeadHistoryEventRow[]> {
  return db.query(
    `SELECT lead_id, event_id, type, occurred_at, data FROM events
     WHERE lead_id = ANY($1::uuid[]) AND occurred_at <= $2 ORDER BY lead_id, occurred_at`,
    [leadIds, until],
  );
}

/** What a prediction reads of a lead: its firmographics as libs/scoring's FitInput and its feature state (null before its first event). */
export interface LeadPropensityInputRow {
  lead_id: string;
  lead: FitInput;
  state: FeatureState | null;
}

/**
 * These leads' firmographics (unknown attributes absent, as FitInput wants them) and feature states, in no set order.
 * @example const inputs = await listLeadPropensityInputs(manager, leadIds);
 */
export function listLeadPropensityInputs(db: Queryable, leadIds: readonly string[]): Promise<LeadPropensityInputRow[]> {
  return db.query(
    `SELECT l.id AS lead_id, f.state,
       jsonb_strip_nulls(jsonb_build_object('industry', l.industry, 'headcount', l.headcount,
         'revenueBand', l.revenue_band, 'fundingStage', l.funding_stage)) AS lead
     FROM leads l LEFT JOIN lead_features f ON f.lead_id = l.id WHERE l.id = ANY($1::uuid[])`,
    [leadIds],
  );
}

/** Closed entries of a segment in one arm of a backtest, and how many of them converted. */
export interface BacktestArmRow {
  /** `run`: a run of the playbook started for the entry; `heldOut`: the entry was held out of it; `none`: neither. */
  arm: 'run' | 'heldOut' | 'none';
  entries: number;
  conversions: number;
}

/**
 * A segment's entries made at or before `enteredBy`, split by what the playbook did with them, with how many were
 * followed by a `goalEventType` event within `horizonDays` (events_lead_idx serves each lookup).
 * @example const arms = await countSegmentEntryConversions(manager, { segmentId, playbookId, goalEventType: 'purchase', horizonDays: 30, enteredBy });
 */
export function countSegmentEntryConversions(
  db: Queryable,
  q: { segmentId: string; playbookId: string; goalEventType: string; horizonDays: number; enteredBy: Date },
): Promise<BacktestArmRow[]> {
  return db.query(
    `SELECT CASE WHEN r.id IS NULL THEN 'none' WHEN r.status = 'heldOut' THEN 'heldOut' ELSE 'run' END AS arm,
       count(*)::int AS entries,
       count(*) FILTER (WHERE EXISTS (
         SELECT 1 FROM events e WHERE e.lead_id = m.lead_id AND e.type = $3
           AND e.occurred_at > m.entered_at AND e.occurred_at <= m.entered_at + $4 * interval '1 day'))::int AS conversions
     FROM segment_memberships m
     LEFT JOIN runs r ON r.membership_id = m.id::text AND r.playbook_id = $2
     WHERE m.segment_id = $1 AND m.entered_at <= $5
     GROUP BY 1`,
    [q.segmentId, q.playbookId, q.goalEventType, q.horizonDays, q.enteredBy],
  );
}
