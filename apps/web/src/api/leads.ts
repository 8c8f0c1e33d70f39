import type {
  LeadDetail,
  LeadFilters,
  LeadSummary,
  LeadUpsertResult,
  LoggedReply,
  LogLinkedInReplyRequest,
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

export const logLinkedInReply = (id: string, text: string) =>
  requestJson<LoggedReply>(`/api/leads/${encodeURIComponent(id)}/linkedin-replies`, {
    method: 'POST',
    body: { text } satisfies LogLinkedInReplyRequest,
  });
