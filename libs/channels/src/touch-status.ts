import { eventTypeDefinition } from '@segflow/events';

/**
 * A touch's delivery status. It moves forward along `queued → sent → delivered → opened → clicked → replied`
 * and never back; `bounced`, `failed` and `suppressed` end it (a later open or reply of a bounced message is
 * still recorded as an event, but the status stays).
 */
export const TOUCH_STATUSES = [
  'queued',
  'sent',
  'delivered',
  'opened',
  'clicked',
  'replied',
  'bounced',
  'failed',
  'suppressed',
] as const;

/** One of {@link TOUCH_STATUSES}. */
export type TouchStatus = (typeof TOUCH_STATUSES)[number];

const PROGRESS: readonly TouchStatus[] = ['queued', 'sent', 'delivered', 'opened', 'clicked', 'replied'];
const FINAL: readonly TouchStatus[] = ['bounced', 'failed', 'suppressed'];

/**
 * The status after `next` is observed on a touch at `current`: the later of the two on the progress line, or a
 * final status (which a progress status cannot undo). A bounce after `delivered` still wins: a DSN can arrive late.
 *
 * @example
 * nextTouchStatus('delivered', 'sent'); // 'delivered'
 * nextTouchStatus('sent', 'bounced'); // 'bounced'
 */
export function nextTouchStatus(current: TouchStatus, next: TouchStatus): TouchStatus {
  if (FINAL.includes(current)) return current;
  if (FINAL.includes(next)) return current === 'replied' ? current : next;
  return PROGRESS.indexOf(next) > PROGRESS.indexOf(current) ? next : current;
}

/**
 * The touch status an inbound event type implies (its `touch` in libs/events' vocabulary), or null for events that
 * say nothing about a touch.
 *
 * @example
 * touchStatusOfEvent('whatsapp_read'); // 'opened'
 */
export function touchStatusOfEvent(eventType: string): TouchStatus | null {
  return eventTypeDefinition(eventType)?.touch ?? null;
}
