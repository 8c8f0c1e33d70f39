import { createHash } from 'node:crypto';
import type { ClassifyIntentRequest, ClassifyIntentResponse, StoredReplyIntent } from '@segflow/api-contracts';
import { classifyIntent, INTENT_MODEL, stripQuotedReply } from '@segflow/intent';
import { isReplyEventType } from '@segflow/events';
import type { EventInput } from '@segflow/scoring';

/**
 * Longest reply text an event carries in `properties.text` (inbound mail and WhatsApp cut theirs here): 2,000
 * characters stay under the 8 KB properties limit even in Devanagari (3 bytes a character in UTF-8).
 */
export const MAX_REPLY_TEXT_CHARS = 2_000;

/** The version stored with each intent: the model's content hash, so a retrained model is told apart. */
export const INTENT_MODEL_VERSION = `intent-lr-${createHash('sha256').update(JSON.stringify(INTENT_MODEL)).digest('hex').slice(0, 12)}`;

/**
 * The intent of a reply's text; email has its quoted history cut first (a reply quoting our pitch is not about it).
 * Null when nothing is left to read.
 *
 * @example
 * classifyReply({ text: 'price kya hai?', channel: 'whatsapp' }); // { intent: 'pricing', confidence: 0.9…, language: 'hi-Latn' }
 */
export function classifyReply({ text, channel }: ClassifyIntentRequest): ClassifyIntentResponse | null {
  const read = (channel === 'email' ? stripQuotedReply(text) : text).trim();
  if (!read) return null;
  const { intent, confidence, language } = classifyIntent(read);
  return { intent, confidence, language };
}

/**
 * The event with its reply intent in `properties.intent` ({@link StoredReplyIntent}) when it is a reply with text:
 * set once at ingest, so the stored event and the runs that hear it agree. Other events come back unchanged; a
 * reply's `properties.intent` is replaced whenever it has text to classify.
 *
 * @example
 * withReplyIntent({ type: 'whatsapp_reply', properties: { text: 'kal call karo' }, … }).properties.intent.intent; // 'later'
 */
export function withReplyIntent(event: EventInput): EventInput {
  const text = event.properties?.['text'];
  if (!isReplyEventType(event.type) || typeof text !== 'string') return event;
  const channel = event.type.slice(0, event.type.indexOf('_')) as ClassifyIntentRequest['channel'];
  const classified = classifyReply({ text, channel });
  if (!classified) return event;
  const intent: StoredReplyIntent = { ...classified, model: INTENT_MODEL_VERSION };
  return { ...event, properties: { ...event.properties, intent } };
}

/**
 * The intent ingest stored on an event (null when it has none), read back from its properties.
 *
 * @example
 * storedIntentOf(withReplyIntent(reply))?.intent; // 'pricing'
 */
export function storedIntentOf(event: Pick<EventInput, 'properties'>): StoredReplyIntent | null {
  const tag = event.properties?.['intent'] as Partial<StoredReplyIntent> | undefined;
  return typeof tag?.intent === 'string' && typeof tag.confidence === 'number' ? (tag as StoredReplyIntent) : null;
}
