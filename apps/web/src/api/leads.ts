import {
  queryString,
  type LeadDetail,
  type LeadListQuery,
  type LeadSummary,
  type LeadUpsertResult,
  type NewLeadRequest,
} from '@segflow/api-contracts';
import { requestJson } from './http';

export const listLeads = (query: LeadListQuery = {}) => requestJson<LeadSummary[]>(`/api/leads${queryString(query)}`);

export const createLead = (lead: NewLeadRequest) =>
  requestJson<LeadUpsertResult>('/api/leads', { method: 'POST', body: lead });

export const getLead = (id: string) => requestJson<LeadDetail>(`/api/leads/${encodeURIComponent(id)}`);
