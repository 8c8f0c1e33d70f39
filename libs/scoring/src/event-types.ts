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
 * Event types a running playbook must hear about (sent to the run as a signal):
 * replies, reads, demo outcomes, purchases and unsubscribes.
 *
 * @example
 * ```ts
 * RUN_RELEVANT_EVENT_TYPES.includes('whatsapp_reply'); // true
 * RUN_RELEVANT_EVENT_TYPES.includes('page_view'); // false
 * ```
 */
export const RUN_RELEVANT_EVENT_TYPES = [
  'email_reply',
  'whatsapp_read',
  'whatsapp_reply',
  'linkedin_reply',
  'demo_booked',
  'demo_attended',
  'demo_no_show',
  'purchase',
  'unsubscribe',
] as const satisfies readonly EventType[];

const runRelevant: ReadonlySet<string> = new Set(RUN_RELEVANT_EVENT_TYPES);

/**
 * Whether an event of this type must be forwarded to the lead's active runs.
 *
 * @example
 * ```ts
 * isRunRelevantEventType('demo_no_show'); // true
 * isRunRelevantEventType('email_open'); // false
 * ```
 */
export function isRunRelevantEventType(type: EventType): boolean {
  return runRelevant.has(type);
}
