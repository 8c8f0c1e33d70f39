import { CONTACT_CHANNELS } from '@segflow/events';
import type { LeadContext } from '@segflow/playbook';
import { currentFeatures } from '@segflow/scoring/features';
import { lockLeadRowForLaunch, type LeadForLaunchRow, type Queryable } from '@segflow/stores';

/** What a run start needs to know about its lead: its context for the interpreter, and its runs of the playbook. */
export interface LeadForLaunch {
  lead: LeadContext;
  /** The lead's active run of the playbook, if any (at most one: `runs_one_active_idx`), and the membership it began with. */
  activeRun: { id: string; membershipId: string | null } | null;
  /** When the lead's last run of the playbook that was not held out ended (the re-entry policy's input). */
  lastEndedAt: Date | null;
}

/**
 * Locks the lead's row for the caller's transaction and reads what a run start needs about it (one round trip). The
 * context is the interpreter's view of the lead (template variables, condition fields, its features at `now`, zone,
 * owner, consent and suppressions). Null for an unknown lead.
 */
export async function lockLeadForLaunch(
  q: Queryable,
  leadId: string,
  segmentId: string | null,
  playbookId: string,
  now: Date,
): Promise<LeadForLaunch | null> {
  const lead = await lockLeadRowForLaunch(q, leadId, segmentId, playbookId);
  if (!lead) return null;
  return { lead: leadContextOf(lead, segmentId, now), activeRun: lead.active_run, lastEndedAt: lead.last_ended_at };
}

function leadContextOf(lead: LeadForLaunchRow, segmentId: string | null, now: Date): LeadContext {
  const [firstName, ...rest] = (lead.name ?? '').trim().split(/\s+/);
  return {
    id: lead.id,
    firstName: firstName || undefined,
    lastName: rest.join(' ') || undefined,
    company: lead.company ?? undefined,
    email: lead.email ?? undefined,
    timeZone: lead.timezone ?? 'UTC',
    // Custom keys never take a built-in field's name (RESERVED_ATTRIBUTE_KEYS); the built-ins go last all the same.
    attributes: {
      ...lead.attributes,
      city: lead.city,
      country: lead.country,
      industry: lead.industry,
      headcount: lead.headcount,
      revenueBand: lead.revenue_band,
      fundingStage: lead.funding_stage,
    },
    features: currentFeatures(lead.feature_state, lead, now),
    segment: { id: segmentId ?? 'manual', name: lead.segment_name ?? (segmentId ? segmentId : 'Manual enrolment') },
    owner: lead.owner_id
      ? {
          id: lead.owner_id,
          name: lead.owner_name ?? lead.owner_id,
          ...(lead.owner_email ? { address: lead.owner_email } : {}),
        }
      : null,
    // A suppressed address (unsubscribed or hard-bounced, possibly as another lead) counts as unsubscribed.
    unsubscribedChannels: CONTACT_CHANNELS.filter(
      (c) => lead.consent?.[c] === false || lead.suppressed_channels.includes(c),
    ),
  };
}
