import type { LeadSummary } from '@segflow/api-contracts';
import type { ListedLeadRow } from '@segflow/stores';

/** What the API returns for a lead in lists (libs/api-contracts); entities and rows never reach HTTP directly. */
export type LeadDto = LeadSummary;

/** `conversionProbability`: from LeadPropensityService, null when it has none for the lead. */
export function mapLead(row: ListedLeadRow, conversionProbability: number | null): LeadDto {
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
    attributes: row.attributes,
    createdAt: row.created_at.toISOString(),
    intakeRecordedAt: row.intake_recorded_at?.toISOString() ?? null,
    segment: row.segment_id
      ? { id: row.segment_id, name: row.segment_name ?? '', colour: row.segment_colour ?? '' }
      : null,
    score: row.score,
    conversionProbability,
  };
}
