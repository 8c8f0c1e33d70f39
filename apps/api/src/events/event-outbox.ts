import type { EventInput } from '@segflow/scoring';
import type { OutboxMessage } from '@segflow/stores';

const CHANNEL_PREFIXES = ['email', 'whatsapp', 'linkedin'] as const;

/** The channel an event happened on, if any (`unsubscribe` names its own). */
export function channelOf(event: EventInput): string | null {
  if (event.type === 'unsubscribe') return event.channel;
  return CHANNEL_PREFIXES.find((channel) => event.type.startsWith(`${channel}_`)) ?? null;
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
        ...(event.type === 'purchase' ? { amount: event.amount, currency: event.currency } : {}),
      },
    },
  };
}

/** The event's own fields that are not columns of `events`, stored as its `data` jsonb. */
export function eventData(event: EventInput): Record<string, unknown> {
  const { eventId: _id, leadExternalId: _lead, type: _type, occurredAt: _at, ...data } = event;
  return data;
}
