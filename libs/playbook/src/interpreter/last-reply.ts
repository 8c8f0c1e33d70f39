import { isReplyEventType } from '@segflow/events';
import type { LastReply, RunEvent } from './run-types';

/**
 * The reply an event is, with the intent the API classified its text as at ingest (`properties.intent`, the same
 * value the stored event holds), or null when the event is no reply. A reply without text has intent null.
 *
 * @example
 * lastReplyOf({ type: 'whatsapp_reply', occurredAt: '2026-03-02T09:00:00Z',
 *   properties: { intent: { intent: 'pricing', confidence: 0.9 } } }); // { …, intent: 'pricing', confidence: 0.9 }
 */
export function lastReplyOf(event: RunEvent): LastReply | null {
  if (!isReplyEventType(event.type)) return null;
  const tag = event.properties?.['intent'] as { intent?: unknown; confidence?: unknown } | null | undefined;
  const intent = typeof tag?.intent === 'string' ? tag.intent : null;
  const confidence = intent !== null && typeof tag?.confidence === 'number' ? tag.confidence : null;
  return { eventType: event.type, occurredAt: event.occurredAt, intent, confidence };
}
