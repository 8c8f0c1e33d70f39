import type { Channel, LeadContext } from '@segflow/playbook';
import type { EntityManager } from 'typeorm';

type LeadRow = {
  id: string; name: string | null; email: string | null; company: string | null; industry: string | null; headcount: number | null;
  revenue_band: string | null; funding_stage: string | null; city: string | null; country: string | null; timezone: string | null;
  owner_id: string | null; consent: Partial<Record<Channel, boolean>>; owner_name: string | null; owner_email: string | null;
  segment_name: string | null;
};

const CHANNELS: Channel[] = ['email', 'whatsapp', 'linkedin'];

/**
 * The interpreter's view of a lead (template variables, condition fields, zone, owner, consent), read from
 * Postgres when a run starts. Returns null for an unknown lead.
 */
export async function loadLeadContext(manager: EntityManager, leadId: string, segmentId: string | null): Promise<LeadContext | null> {
  // One round trip: this is on the path of every run start.
  const rows: LeadRow[] = await manager.query(
    `SELECT l.*, r.name AS owner_name, r.email AS owner_email, s.name AS segment_name
     FROM leads l LEFT JOIN reps r ON r.id = l.owner_id LEFT JOIN segments s ON s.id::text = $2 WHERE l.id = $1`,
    [leadId, segmentId],
  );
  const lead = rows[0];
  if (!lead) return null;
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
    unsubscribedChannels: CHANNELS.filter((c) => lead.consent?.[c] === false),
  };
}
