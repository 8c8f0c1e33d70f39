import type { FieldIssue, LeadAttributeDefinition, LeadAttributeType, LeadAttributeValue } from '@segflow/scoring';

/** Channels a lead has (not) opted into. */
export interface LeadConsent {
  email: boolean;
  whatsapp: boolean;
  linkedin: boolean;
}

/**
 * One row of `GET /api/leads`, newest first.
 *
 * @example
 * const lead: LeadSummary = { id, externalId: 'crm-42', name: 'Asha', email: null, ..., segment: { id, name: 'Hot inbound', colour: '#e4572e' }, score: 71 };
 */
export interface LeadSummary {
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
  consent: LeadConsent;
  /** Custom attribute values by key (the workspace schema: `GET /api/settings/lead-attributes`). */
  attributes: Record<string, LeadAttributeValue>;
  createdAt: string;
  intakeRecordedAt: string | null;
  /** The segment the lead is in now, if any. */
  segment: { id: string; name: string; colour: string } | null;
  /** libs/scoring leadScore (0–100) as of the lead's last event; null before its first event. */
  score: number | null;
  /**
   * Calibrated probability (0–1) that the lead converts within the active propensity model's horizon, from its features
   * now; null before its first event or without a trained propensity model.
   */
  conversionProbability: number | null;
}

/** Server-side filters of `GET /api/leads` (query string). */
export interface LeadFilters {
  search?: string;
  segmentId?: string;
  ownerId?: string;
  minScore?: number;
}

/** A period of segment membership on the lead detail. */
export interface LeadMembership {
  membershipId: string;
  segmentId: string;
  segmentName: string;
  enteredAt: string;
  exitedAt: string | null;
  reason: string;
  exitReason: string | null;
  triggerEventId: string | null;
}

/** An event of the lead detail, newest first. */
export interface LeadEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  receivedAt: string;
  channel: string | null;
  properties: Record<string, unknown>;
}

/** `GET /api/leads/:id`: the lead plus its features, current segment, membership history and recent events. */
export interface LeadDetail extends LeadSummary {
  segment: { id: string; name: string; colour: string; enteredAt: string } | null;
  /** Raw features now (libs/scoring FEATURE_NAMES), or null before the first event. */
  features: Record<string, number> | null;
  eventCount: number;
  convertedAt: string | null;
  memberships: LeadMembership[];
  events: LeadEvent[];
}

/** The fields of `POST /api/leads` the web form sends (the API validates the whole lead with libs/scoring `leadInputSchema`). */
export interface NewLeadRequest {
  externalId: string;
  name?: string;
  email?: string;
  company?: string;
  city?: string;
}

/**
 * One attribute of the workspace schema (`GET /api/settings/lead-attributes`) with how many leads hold a value for it.
 *
 * @example
 * const plan: LeadAttributeDto = { key: 'plan', label: 'Plan', type: 'enum', values: ['free', 'pro'], leadsWithValue: 12 };
 */
export interface LeadAttributeDto extends LeadAttributeDefinition {
  leadsWithValue: number;
}

/** Body of `POST /api/settings/lead-attributes` (admin); `values` only for an enum. */
export interface CreateLeadAttributeRequest {
  key: string;
  label: string;
  type: LeadAttributeType;
  values?: string[];
}

/**
 * Body of `PATCH /api/settings/lead-attributes/:key` (admin). A new type, or an enum losing a value some lead holds,
 * is refused (409) with the count of leads holding values.
 */
export type UpdateLeadAttributeRequest = Partial<Omit<CreateLeadAttributeRequest, 'key'>>;

/**
 * Query of `DELETE /api/settings/lead-attributes/:key`: while leads hold values it is refused (409, with the count)
 * unless `dropValues` is `true`, which removes those values too.
 */
export interface DeleteLeadAttributeQuery {
  dropValues?: 'true' | 'false';
}

/** Outcome of one lead of `POST /api/leads` (201 created, 200 updated, 400 rejected when sent alone). */
export type LeadUpsertResult =
  | { index: number; status: 'created' | 'updated'; id: string; externalId: string; warnings?: FieldIssue[] }
  | { index: number; status: 'rejected'; issues: FieldIssue[] };
