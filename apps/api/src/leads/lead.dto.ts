import type { LeadEntity } from '../database/lead.entity';

/** What the API returns for a lead; entities never reach HTTP directly. */
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
  consent: LeadEntity['consent'];
  createdAt: string;
  intakeRecordedAt: string | null;
}

export function mapLead(lead: LeadEntity, intakeRecordedAt: Date | null): LeadDto {
  return {
    id: lead.id,
    externalId: lead.externalId,
    name: lead.name,
    email: lead.email,
    company: lead.company,
    industry: lead.industry,
    headcount: lead.headcount,
    city: lead.city,
    country: lead.country,
    timezone: lead.timezone,
    ownerId: lead.ownerId,
    consent: lead.consent,
    createdAt: lead.createdAt.toISOString(),
    intakeRecordedAt: intakeRecordedAt?.toISOString() ?? null,
  };
}
