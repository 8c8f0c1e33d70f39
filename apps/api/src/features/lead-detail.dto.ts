import type { LeadDto } from '../leads/lead.dto';

/** `GET /api/leads/:id`: the lead plus its features, current segment, membership history and recent events. */
export interface LeadDetailDto extends LeadDto {
  segment: { id: string; name: string; colour: string; enteredAt: string } | null;
  /** Raw features now (libs/scoring FEATURE_NAMES), or null before the first event. */
  features: Record<string, number> | null;
  eventCount: number;
  convertedAt: string | null;
  memberships: { membershipId: string; segmentId: string; segmentName: string; enteredAt: string; exitedAt: string | null; reason: string; exitReason: string | null; triggerEventId: string | null }[];
  events: { eventId: string; type: string; occurredAt: string; receivedAt: string; channel: string | null; properties: Record<string, unknown> }[];
}
