import { CONFIRM_UNSUBSCRIBE_TASK_TYPE } from '@segflow/api-contracts';
import { channelOfEventType } from '@segflow/events';
import type { ReplyTaskRow } from '@segflow/stores';
import { storedIntentOf } from '../intent/reply-intent';
import type { LeadEvent } from './event-effects';

/** How long the rep has to confirm an unsubscribe the lead asked for in words, from the reply. */
export const CONFIRM_UNSUBSCRIBE_DUE_MINUTES = 4 * 60;
/** How much of the reply the task quotes. */
const QUOTED_CHARS = 300;

/**
 * The confirm-unsubscribe tasks the flush's replies ask for: one per reply classified `unsubscribe`. A classifier can
 * be wrong, so words never unsubscribe by themselves (explicit STOP keywords and unsubscribe links still do, at once).
 * Due a fixed time after the reply, so a replayed event asks for the same task.
 */
export function unsubscribeRequestsOf(events: readonly LeadEvent[]): ReplyTaskRow[] {
  return events.flatMap(({ leadId, event }): ReplyTaskRow[] => {
    const intent = storedIntentOf(event);
    // A reply on no contact channel (none today) would leave nothing to unsubscribe from.
    const channel = channelOfEventType(event.type);
    if (intent?.intent !== 'unsubscribe' || !channel) return [];
    const text = String(event.properties?.['text'] ?? '');
    const quoted = text.length > QUOTED_CHARS ? `${text.slice(0, QUOTED_CHARS)}…` : text;
    return [
      {
        lead_id: leadId,
        reply_event_id: event.eventId,
        task_type: CONFIRM_UNSUBSCRIBE_TASK_TYPE,
        title: 'Lead asked to stop — confirm unsubscribe',
        description: `Their ${channel} reply (${Math.round(intent.confidence * 100)}% sure it asks to stop): “${quoted}”. Confirm to unsubscribe them from ${channel}; complete the task instead if they did not mean it.`,
        priority: 'high',
        due_at: new Date(Date.parse(event.occurredAt) + CONFIRM_UNSUBSCRIBE_DUE_MINUTES * 60_000).toISOString(),
      },
    ];
  });
}
