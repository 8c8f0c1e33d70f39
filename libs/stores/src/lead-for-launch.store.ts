import type { Channel } from '@segflow/playbook';
import type { FeatureState } from '@segflow/scoring';
import type { LeadAttributeValues } from './leads.store';
import type { Queryable } from './queryable';
import { suppressedChannelsOf } from './suppressions.store';

/** A lead as a run start reads it: its row, owner, segment, suppressed channels, features and runs of the playbook. */
export interface LeadForLaunchRow {
  id: string;
  name: string | null;
  email: string | null;
  company: string | null;
  industry: string | null;
  headcount: number | null;
  revenue_band: string | null;
  funding_stage: string | null;
  city: string | null;
  country: string | null;
  timezone: string | null;
  owner_id: string | null;
  consent: Partial<Record<Channel, boolean>>;
  /** The lead's custom attribute values by key. */
  attributes: LeadAttributeValues;
  owner_name: string | null;
  owner_email: string | null;
  segment_name: string | null;
  suppressed_channels: Channel[];
  /** The lead's folded feature state (`lead_features`), null before its first event. */
  feature_state: FeatureState | null;
  /** The lead's active run of the playbook, if any (at most one: `runs_one_active_idx`), and the membership it began with. */
  active_run: { id: string; membershipId: string | null } | null;
  /** When the lead's last run of the playbook that was not held out ended (the re-entry policy's input). */
  last_ended_at: Date | null;
}

/**
 * Locks the lead's row for the caller's transaction (two launches for one lead run one after the other) and reads
 * everything a run start needs about it in one round trip: this is on the path of every run start. `segmentId`
 * names the segment whose name the lead's context carries. Null for an unknown lead.
 *
 * @example
 * const row = await lockLeadRowForLaunch(manager, leadId, segmentId, playbookId);
 */
export async function lockLeadRowForLaunch(
  q: Queryable,
  leadId: string,
  segmentId: string | null,
  playbookId: string,
): Promise<LeadForLaunchRow | null> {
  const rows: LeadForLaunchRow[] = await q.query(
    `SELECT l.*, r.name AS owner_name, r.email AS owner_email, s.name AS segment_name, ${suppressedChannelsOf('l')} AS suppressed_channels,
       (SELECT f.state FROM lead_features f WHERE f.lead_id = l.id) AS feature_state,
       (SELECT json_build_object('id', id, 'membershipId', membership_id) FROM runs WHERE lead_id = l.id AND playbook_id = $3 AND status = 'active' LIMIT 1) AS active_run,
       (SELECT max(ended_at) FROM runs WHERE lead_id = l.id AND playbook_id = $3 AND status <> 'heldOut') AS last_ended_at
     FROM leads l LEFT JOIN reps r ON r.id = l.owner_id LEFT JOIN segments s ON s.id::text = $2 WHERE l.id = $1 FOR UPDATE OF l`,
    [leadId, segmentId, playbookId],
  );
  return rows[0] ?? null;
}
