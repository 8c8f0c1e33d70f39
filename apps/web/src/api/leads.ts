import { requestJson } from './http';

export interface Lead {
  id: string;
  externalId: string;
  name: string | null;
  email: string | null;
  company: string | null;
  city: string | null;
  country: string | null;
  createdAt: string;
  intakeRecordedAt: string | null;
}

export interface NewLead {
  externalId: string;
  name?: string;
  email?: string;
  company?: string;
  city?: string;
}

export const listLeads = (search?: string) =>
  requestJson<Lead[]>(`/api/leads${search ? `?search=${encodeURIComponent(search)}` : ''}`);

export const createLead = (lead: NewLead) => requestJson<{ id: string; status: string }>('/api/leads', { method: 'POST', body: lead });
