import type { ContactChannel } from './contact-channels';
import {
  EVENT_TYPES,
  EVENT_VOCABULARY,
  type EventPayload,
  type EventType,
  type EventTypeDefinition,
  type OutcomeClass,
} from './event-vocabulary';

/** The outcomes dashboards count, each a measure of their roll-ups. */
export const COUNTED_OUTCOMES = ['reply', 'meeting', 'conversion'] as const satisfies readonly OutcomeClass[];

/**
 * Whether `value` is an event type of the vocabulary.
 *
 * @example
 * ```ts
 * isEventType('email_reply'); // true
 * isEventType('fax_sent'); // false
 * ```
 */
export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(EVENT_VOCABULARY, value);
}

/**
 * What the vocabulary says about `type`, or null for a type it does not know (an old row, a typo).
 *
 * @example
 * ```ts
 * eventTypeDefinition('email_bounce')?.outcome; // 'bounce'
 * ```
 */
export function eventTypeDefinition(type: string): EventTypeDefinition | null {
  return isEventType(type) ? EVENT_VOCABULARY[type] : null;
}

/**
 * The outcome class of `type`, or null (no outcome, or an unknown type).
 *
 * @example
 * ```ts
 * outcomeOf('demo_booked'); // 'meeting'
 * ```
 */
export function outcomeOf(type: string): OutcomeClass | null {
  return eventTypeDefinition(type)?.outcome ?? null;
}

/**
 * The contact channel `type` happened on, or null.
 *
 * @example
 * ```ts
 * channelOfEventType('whatsapp_read'); // 'whatsapp'
 * ```
 */
export function channelOfEventType(type: string): ContactChannel | null {
  return eventTypeDefinition(type)?.channel ?? null;
}

/** The event types whose vocabulary entry has `payload` `P`. */
export type EventTypeWithPayload<P extends EventPayload> = {
  [T in EventType]: (typeof EVENT_VOCABULARY)[T]['payload'] extends P ? T : never;
}[EventType];

/**
 * The event types carrying `payload`, in vocabulary order.
 *
 * @example
 * ```ts
 * eventTypesWithPayload('purchase'); // ['purchase']
 * ```
 */
export function eventTypesWithPayload<P extends EventPayload>(payload: P): EventTypeWithPayload<P>[] {
  return EVENT_TYPES.filter((type) => EVENT_VOCABULARY[type].payload === payload) as EventTypeWithPayload<P>[];
}

/**
 * The event types of outcome class `outcome`, in vocabulary order.
 *
 * @example
 * ```ts
 * eventTypesWithOutcome('optOut'); // ['unsubscribe']
 * ```
 */
export function eventTypesWithOutcome(outcome: OutcomeClass): EventType[] {
  return EVENT_TYPES.filter((type) => EVENT_VOCABULARY[type].outcome === outcome);
}

/**
 * True for the types whose outcome is a reply (a lead wrote back), whose text ingest classifies by intent.
 * @example isReplyEventType('whatsapp_reply'); // true
 */
export function isReplyEventType(type: string): boolean {
  return outcomeOf(type) === 'reply';
}
