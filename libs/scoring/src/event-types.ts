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
