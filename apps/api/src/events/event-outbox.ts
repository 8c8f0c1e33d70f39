import { channelOfEventType } from '@segflow/events';
import type { EventInput } from '@segflow/scoring';
import type { OutboxMessage } from '@segflow/stores';

/** The channel an event happened on, if any (libs/events' vocabulary; an opt-out names its own, or `all`). */
export function channelOf(event: EventInput): string | null {
  return 'channel' in event ? event.channel : channelOfEventType(event.type);
}

/** The `lead_event` outbox row of an event a playbook run hears (see `eventTypesHeardBy`). */
export function leadEventMessage(leadId: string, event: EventInput): OutboxMessage {
  return {
    kind: 'lead_event',
    payload: {
      leadId,
      eventId: event.eventId,
      type: event.type,
      occurredAt: event.occurredAt,
      channel: channelOf(event),
      replyTo: event.replyTo ?? null,
      properties: {
        ...event.properties,
        ...('amount' in event ? { amount: event.amount, currency: event.currency } : {}),
      },
    },
  };
}

/** The event's own fields that are not columns of `events`, stored as its `data` jsonb. */
export function eventData(event: EventInput): Record<string, unknown> {
  const { eventId: _id, leadExternalId: _lead, type: _type, occurredAt: _at, ...data } = event;
  return data;
}
