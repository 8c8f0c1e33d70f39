import type { ListedLeadRow } from '@segflow/stores';

/** What the API returns for a lead in lists; entities and rows never reach HTTP directly. */
export interface LeadDto {
  id: string;
  externalId: string;
  name: string | null;
  email: string | null;
  company: string | null;
  industry: string | null;
  headcount: number | null;
  city: string | null;
  country: string | null;
  timezone: string | null;
  ownerId: string | null;
  consent: ListedLeadRow['consent'];
  createdAt: string;
  intakeRecordedAt: string | null;
  /** The segment the lead is in now, if any. */
  segment: { id: string; name: string; colour: string } | null;
  /** libs/scoring leadScore (0–100) as of the lead's last event; null before its first event. */
  score: number | null;
}

export function mapLead(row: ListedLeadRow): LeadDto {
  return {
    id: row.id,
    externalId: row.external_id,
    name: row.name,
    email: row.email,
    company: row.company,
    industry: row.industry,
    headcount: row.headcount,
    city: row.city,
    country: row.country,
    timezone: row.timezone,
    ownerId: row.owner_id,
    consent: row.consent,
    createdAt: row.created_at.toISOString(),
    intakeRecordedAt: row.intake_recorded_at?.toISOString() ?? null,
    segment: row.segment_id ? { id: row.segment_id, name: row.segment_name ?? '', colour: row.segment_colour ?? '' } : null,
    score: row.score,
  };
}
