import { EventInput, eventInputSchema, FieldIssue, formatIssues } from '@segflow/scoring';

/** The outcome of one item of a `POST /api/events` batch. */
export type EventItemResult =
  | { index: number; status: 'accepted'; eventId: string; leadId: string }
  | { index: number; status: 'duplicate'; eventId: string }
  | { index: number; status: 'rejected'; eventId?: string; issues: FieldIssue[] };

/** A valid item, with its position in the request. */
export interface IndexedEvent {
  index: number;
  event: EventInput;
  /** W3C traceparent of the request that posted it (tracing on): a segment change it triggers continues that trace. */
  traceparent?: string;
}

/** How far ahead of the server's clock an event may be (client clocks drift); later ones would skew decayed features. */
export const MAX_EVENT_CLOCK_SKEW_MS = 24 * 3_600_000;

/**
 * Validates each item on its own with the compiled zod schema from libs/scoring, and refuses events more than
 * {@link MAX_EVENT_CLOCK_SKEW_MS} after `now`. An eventId repeated inside the batch is a duplicate of its first
 * occurrence (the same rule as a repeat across batches).
 */
export function validateEvents(
  items: readonly unknown[],
  now: Date,
): { valid: IndexedEvent[]; results: EventItemResult[] } {
  const valid: IndexedEvent[] = [];
  const results: EventItemResult[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const parsed = eventInputSchema.safeParse(item);
    if (!parsed.success) {
      const eventId = (item as { eventId?: unknown } | null)?.eventId;
      results.push({
        index,
        status: 'rejected',
        ...(typeof eventId === 'string' ? { eventId } : {}),
        issues: formatIssues(parsed.error),
      });
    } else if (Date.parse(parsed.data.occurredAt) > now.getTime() + MAX_EVENT_CLOCK_SKEW_MS) {
      const reason = `is more than ${MAX_EVENT_CLOCK_SKEW_MS / 3_600_000} h after the server's clock (${now.toISOString()})`;
      results.push({
        index,
        status: 'rejected',
        eventId: parsed.data.eventId,
        issues: [{ field: 'occurredAt', reason }],
      });
    } else if (seen.has(parsed.data.eventId)) {
      results.push({ index, status: 'duplicate', eventId: parsed.data.eventId });
    } else {
      seen.add(parsed.data.eventId);
      valid.push({ index, event: parsed.data });
    }
  });
  return { valid, results };
}
