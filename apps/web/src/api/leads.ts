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
  ownerId: string | null;
  segment: { id: string; name: string; colour: string } | null;
  score: number | null;
}

/** Server-side filters of the leads list (GET /api/leads). */
export interface LeadFilters {
  search?: string;
  segmentId?: string;
  ownerId?: string;
  minScore?: number;
}

export interface NewLead {
  externalId: string;
  name?: string;
  email?: string;
  company?: string;
  city?: string;
}

export function listLeads(filters: LeadFilters = {}): Promise<Lead[]> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') query.set(key, String(value));
  const qs = query.toString();
  return requestJson<Lead[]>(`/api/leads${qs ? `?${qs}` : ''}`);
}

export const createLead = (lead: NewLead) => requestJson<{ id: string; status: string }>('/api/leads', { method: 'POST', body: lead });

/** A lead event as the lead detail lists it. */
export interface LeadEvent {
  eventId?: string;
  id?: string;
  type: string;
  occurredAt: string;
  channel?: string | null;
  properties?: Record<string, unknown>;
}

/** A period of segment membership. */
export interface SegmentMembership {
  segmentId: string;
  segmentName?: string | null;
  enteredAt: string;
  exitedAt?: string | null;
  reason?: string | null;
}

/** A lead with what happened to it. Fields the leads API does not (yet) return are optional. */
export interface LeadDetail extends Lead {
  segment: { id: string; name: string; colour: string; enteredAt?: string } | null;
  features?: Record<string, number> | null;
  events?: LeadEvent[];
  memberships?: SegmentMembership[];
  segmentChanges?: SegmentMembership[];
}

export const getLead = (id: string) => requestJson<LeadDetail>(`/api/leads/${encodeURIComponent(id)}`);
