import { nextTouchStatus, touchStatusOfEvent, type TouchStatus } from '@segflow/channels';
import { CONTACT_CHANNELS, outcomeOf } from '@segflow/events';
import type { EventInput } from '@segflow/scoring';
import type { HardBounceRow, OptOutRow } from '@segflow/stores';
import { isUuid } from '@segflow/api-contracts';

/** An accepted event with the id of its lead. */
export interface LeadEvent {
  leadId: string;
  event: EventInput;
}

/** An event threaded to a touch, with the status it implies. */
export interface TouchSignal {
  touchId: string;
  leadId: string;
  status: TouchStatus;
  at: string;
}

/** What a flush's events do besides being stored: opt-outs (one row per channel), hard bounces, touch statuses. */
export function eventEffectsOf(events: readonly LeadEvent[]): {
  optOuts: OptOutRow[];
  hardBounces: HardBounceRow[];
  touchSignals: TouchSignal[];
} {
  const optOuts: OptOutRow[] = [];
  const hardBounces: HardBounceRow[] = [];
  const touchSignals: TouchSignal[] = [];
  for (const { leadId, event } of events) {
    const base = { event_id: event.eventId, lead_id: leadId };
    // An opt-out names its channel, or `all` of them.
    if ('channel' in event) {
      const channels = event.channel === 'all' ? CONTACT_CHANNELS : [event.channel];
      for (const channel of channels)
        optOuts.push({ source: `event:${event.eventId}`, lead_id: leadId, channel, occurred_at: event.occurredAt });
    }
    if (outcomeOf(event.type) === 'bounce' && event.properties?.['bounceType'] === 'hard') {
      const recipient = event.properties['recipient'];
      hardBounces.push({
        ...base,
        address: typeof recipient === 'string' && recipient.includes('@') ? recipient : null,
      });
    }
    const status = touchStatusOfEvent(event.type);
    const touchId = event.replyTo?.touchId;
    // A touch id that is not a uuid names no touch (and would fail the uuid cast of the whole flush).
    if (status && touchId && isUuid(touchId)) touchSignals.push({ touchId, leadId, status, at: event.occurredAt });
  }
  return { optOuts, hardBounces, touchSignals };
}

/**
 * The delivery status each touch ends at after the signals, folded in occurrence order with libs/channels'
 * `nextTouchStatus` (forward only); only the touches whose status changes, stamped with the signal that changed it last.
 */
export function foldTouchStatuses(
  current: ReadonlyMap<string, TouchStatus>,
  signals: readonly TouchSignal[],
): { id: string; delivery_status: TouchStatus; delivery_status_at: string }[] {
  const next = new Map<string, { status: TouchStatus; at: string }>();
  const ordered = [...signals].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const signal of ordered) {
    const before = next.get(signal.touchId)?.status ?? current.get(signal.touchId);
    if (before === undefined) continue;
    const after = nextTouchStatus(before, signal.status);
    if (after !== before) next.set(signal.touchId, { status: after, at: signal.at });
  }
  return [...next].map(([id, { status, at }]) => ({ id, delivery_status: status, delivery_status_at: at }));
}
