import type { Channel, LeadContext } from '@segflow/playbook';
import { suppressedChannelsOf } from '@segflow/stores';
import type { EntityManager } from 'typeorm';

type LeadRow = {
  id: string; name: string | null; email: string | null; company: string | null; industry: string | null; headcount: number | null;
  revenue_band: string | null; funding_stage: string | null; city: string | null; country: string | null; timezone: string | null;
  owner_id: string | null; consent: Partial<Record<Channel, boolean>>; owner_name: string | null; owner_email: string | null;
  segment_name: string | null; suppressed_channels: Channel[]; active_run: { id: string; membershipId: string | null } | null; last_ended_at: Date | null;
};

/** What a run start needs to know about its lead: its context for the interpreter, and its runs of the playbook. */
export interface LeadForLaunch {
  lead: LeadContext;
  /** The lead's active run of the playbook, if any (at most one: `runs_one_active_idx`), and the membership it began with. */
  activeRun: { id: string; membershipId: string | null } | null;
  /** When the lead's last run of the playbook that was not held out ended (the re-entry policy's input). */
  lastEndedAt: Date | null;
}

const CHANNELS: Channel[] = ['email', 'whatsapp', 'linkedin'];

/**
 * Locks the lead's row for the caller's transaction (two launches for one lead run one after the other) and reads
 * everything a run start needs about it in one round trip: this is on the path of every run start. The context is
 * the interpreter's view of the lead (template variables, condition fields, zone, owner, consent and suppressions). Null for an
 * unknown lead.
 */
export async function lockLeadForLaunch(manager: EntityManager, leadId: string, segmentId: string | null, playbookId: string): Promise<LeadForLaunch | null> {
  const rows: LeadRow[] = await manager.query(
    `SELECT l.*, r.name AS owner_name, r.email AS owner_email, s.name AS segment_name, ${suppressedChannelsOf('l')} AS suppressed_channels,
       (SELECT json_build_object('id', id, 'membershipId', membership_id) FROM runs WHERE lead_id = l.id AND playbook_id = $3 AND status = 'active' LIMIT 1) AS active_run,
       (SELECT max(ended_at) FROM runs WHERE lead_id = l.id AND playbook_id = $3 AND status <> 'heldOut') AS last_ended_at
     FROM leads l LEFT JOIN reps r ON r.id = l.owner_id LEFT JOIN segments s ON s.id::text = $2 WHERE l.id = $1 FOR UPDATE OF l`,
    [leadId, segmentId, playbookId],
  );
  const lead = rows[0];
  if (!lead) return null;
  return { lead: leadContextOf(lead, segmentId), activeRun: lead.active_run, lastEndedAt: lead.last_ended_at };
}

function leadContextOf(lead: LeadRow, segmentId: string | null): LeadContext {
  const [firstName, ...rest] = (lead.name ?? '').trim().split(/\s+/);
  return {
    id: lead.id, firstName: firstName || undefined, lastName: rest.join(' ') || undefined,
    company: lead.company ?? undefined, email: lead.email ?? undefined, timeZone: lead.timezone ?? 'UTC',
    attributes: {
      city: lead.city, country: lead.country, industry: lead.industry, headcount: lead.headcount,
      revenueBand: lead.revenue_band, fundingStage: lead.funding_stage,
    },
    features: {},
    segment: { id: segmentId ?? 'manual', name: lead.segment_name ?? (segmentId ? segmentId : 'Manual enrolment') },
    owner: lead.owner_id ? { id: lead.owner_id, name: lead.owner_name ?? lead.owner_id, ...(lead.owner_email ? { address: lead.owner_email } : {}) } : null,
    // A suppressed address (unsubscribed or hard-bounced, possibly as another lead) counts as unsubscribed.
    unsubscribedChannels: CHANNELS.filter((c) => lead.consent?.[c] === false || lead.suppressed_channels.includes(c)),
  };
}
