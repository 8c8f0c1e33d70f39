import type { StoredReplyIntent } from '@segflow/api-contracts';
import { eventTypeDefinition, outcomeOf } from '@segflow/events';
import { storedIntentOf } from '../intent/reply-intent';
import type { InboxItemDto } from './inbox.dto';

type RecentEvent = InboxItemDto['recentEvents'][number];

const MINUTE = 60_000;

/**
 * Plain-language reasons to act on a lead now: the segment it entered and why, the SLA clock, and its latest
 * signals (replies and pricing visits first; a reply says what it asks for, with the classifier's confidence).
 */
export function describeWhyNow(item: Omit<InboxItemDto, 'whyNow' | 'rank' | 'replyIntent'>, now: Date): string[] {
  const reasons: string[] = [];
  if (item.segment)
    reasons.push(
      `entered ${item.segment.name} ${ago(new Date(item.segment.enteredAt), now)} (${item.segment.enterReason})`,
    );
  if (item.slaDueAt) {
    const left = Math.round((new Date(item.slaDueAt).getTime() - now.getTime()) / MINUTE);
    reasons.push(left < 0 ? `first-touch SLA missed by ${-left} min` : `first touch due in ${left} min`);
  }
  const signals = [...item.recentEvents].sort((a, b) => urgencyOf(b.type) - urgencyOf(a.type)).slice(0, 3);
  for (const event of signals)
    reasons.push(
      `${event.type.replace(/_/g, ' ')} ${ago(new Date(event.occurredAt), now)}${pageOf(event.data)}${intentOf(event)}`,
    );
  return reasons;
}

/**
 * The intent of the newest reply among the events (newest first, as the inbox lists them) that has one.
 *
 * @example
 * latestReplyIntent([{ type: 'whatsapp_reply', occurredAt, data: { properties: { intent } } }]); // intent
 */
export function latestReplyIntent(events: readonly RecentEvent[]): StoredReplyIntent | null {
  for (const event of events) {
    const intent = replyIntentOfEvent(event);
    if (intent) return intent;
  }
  return null;
}

function replyIntentOfEvent(event: RecentEvent): StoredReplyIntent | null {
  if (outcomeOf(event.type) !== 'reply') return null;
  return storedIntentOf({ properties: (event.data as { properties?: Record<string, unknown> } | null)?.properties });
}

function intentOf(event: RecentEvent): string {
  const intent = replyIntentOfEvent(event);
  return intent ? `: ${intent.intent.replace(/_/g, ' ')} (${Math.round(intent.confidence * 100)}%)` : '';
}

/** The vocabulary's urgency of an event type (replies and meetings first); a type it does not know ranks last. */
function urgencyOf(type: string): number {
  return eventTypeDefinition(type)?.urgency ?? 1;
}

function pageOf(data: unknown): string {
  const url = (data as { url?: unknown } | null)?.url;
  return typeof url === 'string' ? ` ${url}` : '';
}

function ago(at: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - at.getTime()) / MINUTE));
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} d ago`;
}
