import type {
  LeadDetail,
  LeadErasureDto,
  LeadFilters,
  LeadSummary,
  LeadUpsertResult,
  NewLeadRequest,
} from '@segflow/api-contracts';
import { requestJson } from './http';

export function listLeads(filters: LeadFilters = {}): Promise<LeadSummary[]> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== '') query.set(key, String(value));
  const qs = query.toString();
  return requestJson<LeadSummary[]>(`/api/leads${qs ? `?${qs}` : ''}`);
}

export const createLead = (lead: NewLeadRequest) =>
  requestJson<LeadUpsertResult>('/api/leads', { method: 'POST', body: lead });

export const getLead = (id: string) => requestJson<LeadDetail>(`/api/leads/${encodeURIComponent(id)}`);

/** Where a lead's data-subject export (JSON) downloads from (admin). */
export const leadExportUrl = (id: string) => `/api/leads/${encodeURIComponent(id)}/export`;

export const eraseLead = (id: string) =>
  requestJson<LeadErasureDto>(`/api/leads/${encodeURIComponent(id)}/erase`, { method: 'POST' });
