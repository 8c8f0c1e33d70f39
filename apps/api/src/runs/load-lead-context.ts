import type { Channel, LeadContext } from '@segflow/playbook';
import type { EntityManager } from 'typeorm';

type LeadRow = {
  id: string; name: string | null; email: string | null; company: string | null; industry: string | null; headcount: number | null;
  revenue_band: string | null; funding_stage: string | null; city: string | null; country: string | null; timezone: string | null;
  owner_id: string | null; consent: Partial<Record<Channel, boolean>>; owner_name: string | null; owner_email: string | null;
};

const CHANNELS: Channel[] = ['email', 'whatsapp', 'linkedin'];

// Segment names and features live in the segments work's tables; read them only when those tables exist.
async function segmentNameOf(manager: EntityManager, segmentId: string | null): Promise<string | null> {
  if (!segmentId) return null;
  const [exists] = await manager.query(`SELECT to_regclass('public.segments') IS NOT NULL AS ok`);
  if (!exists?.ok) return null;
  const rows: Array<{ name: string | null }> = await manager.query(`SELECT name FROM segments WHERE id::text = $1`, [segmentId]);
  return rows[0]?.name ?? null;
}

/**
 * The interpreter's view of a lead (template variables, condition fields, zone, owner, consent), read from
 * Postgres when a run starts. Returns null for an unknown lead.
 */
export async function loadLeadContext(manager: EntityManager, leadId: string, segmentId: string | null): Promise<LeadContext | null> {
  const rows: LeadRow[] = await manager.query(
    `SELECT l.*, r.name AS owner_name, r.email AS owner_email FROM leads l LEFT JOIN reps r ON r.id = l.owner_id WHERE l.id = $1`,
    [leadId],
  );
  const lead = rows[0];
  if (!lead) return null;
  const [firstName, ...rest] = (lead.name ?? '').trim().split(/\s+/);
  const segmentName = await segmentNameOf(manager, segmentId);
  return {
    id: lead.id, firstName: firstName || undefined, lastName: rest.join(' ') || undefined,
    company: lead.company ?? undefined, email: lead.email ?? undefined, timeZone: lead.timezone ?? 'UTC',
    attributes: {
      city: lead.city, country: lead.country, industry: lead.industry, headcount: lead.headcount,
      revenueBand: lead.revenue_band, fundingStage: lead.funding_stage,
    },
    features: {},
    segment: { id: segmentId ?? 'manual', name: segmentName ?? (segmentId ? segmentId : 'Manual enrolment') },
    owner: lead.owner_id ? { id: lead.owner_id, name: lead.owner_name ?? lead.owner_id, ...(lead.owner_email ? { address: lead.owner_email } : {}) } : null,
    unsubscribedChannels: CHANNELS.filter((c) => lead.consent?.[c] === false),
  };
}
