import {
  queryString,
  type LeadDetail,
  type LeadErasureDto,
  type LeadListQuery,
  type LeadSummary,
  type LoggedReply,
  type LogLinkedInReplyRequest,
  type LeadUpsertResult,
  type NewLeadRequest,
} from '@segflow/api-contracts';
import { requestJson } from './http';

export const listLeads = (query: LeadListQuery = {}) => requestJson<LeadSummary[]>(`/api/leads${queryString(query)}`);

export const createLead = (lead: NewLeadRequest) =>
  requestJson<LeadUpsertResult>('/api/leads', { method: 'POST', body: lead });

export const getLead = (id: string) => requestJson<LeadDetail>(`/api/leads/${encodeURIComponent(id)}`);

/** Where a lead's data-subject export (JSON) downloads from (admin). */
export const leadExportUrl = (id: string) => `/api/leads/${encodeURIComponent(id)}/export`;

export const eraseLead = (id: string) =>
  requestJson<LeadErasureDto>(`/api/leads/${encodeURIComponent(id)}/erase`, { method: 'POST' });
export const logLinkedInReply = (id: string, text: string) =>
  requestJson<LoggedReply>(`/api/leads/${encodeURIComponent(id)}/linkedin-replies`, {
    method: 'POST',
    body: { text } satisfies LogLinkedInReplyRequest,
  });
