/**
 * Every event type Segflow ingests, in a fixed order (the order of the
 * `eventInputSchema` union members).
 *
 * @example
 * ```ts
 * EVENT_TYPES.includes('email_reply'); // true
 * ```
 */
export const EVENT_TYPES = [
  'page_view',
  'email_open',
  'email_click',
  'email_reply',
  'email_bounce',
  'whatsapp_delivered',
  'whatsapp_read',
  'whatsapp_reply',
  'linkedin_accept',
  'linkedin_reply',
  'demo_booked',
  'demo_attended',
  'demo_no_show',
  'form_submit',
  'purchase',
  'unsubscribe',
] as const;

/** One of {@link EVENT_TYPES}. */
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * The event types that are a person's answer: their `properties.text` is classified into a reply intent at ingest.
 *
 * @example
 * ```ts
 * REPLY_EVENT_TYPES.includes('whatsapp_reply'); // true
 * ```
 */
export const REPLY_EVENT_TYPES = [
  'email_reply',
  'whatsapp_reply',
  'linkedin_reply',
] as const satisfies readonly EventType[];

/** One of {@link REPLY_EVENT_TYPES}. */
export type ReplyEventType = (typeof REPLY_EVENT_TYPES)[number];

/**
 * Whether an event type is a reply ({@link REPLY_EVENT_TYPES}).
 *
 * @example
 * ```ts
 * isReplyEventType('email_open'); // false
 * ```
 */
export function isReplyEventType(type: string): type is ReplyEventType {
  return (REPLY_EVENT_TYPES as readonly string[]).includes(type);
}
